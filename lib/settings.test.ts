import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCredential } from '@/lib/endpoint-credential';
import { DEFAULT_SETTINGS, loadSettings, SETTINGS_VERSION, saveSettings, takeSettingsNotice } from '@/lib/settings';

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('persists a v1 migration once and moves the key to local storage, bound to the base URL saved with it', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { version: 1, provider: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'm', apiKey: 'sk-1' },
    });
    const settings = await loadSettings();
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(await loadCredential(settings.baseUrl)).toEqual({
      version: 1,
      origin: 'https://api.openai.com',
      apiKey: 'sk-1',
      headers: {},
    });
    const { settings: stored } = await fakeBrowser.storage.sync.get('settings');
    expect(stored).toEqual(settings);
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).not.toContain('sk-1');
  });

  it('leaves a notice when corrupt settings are reset', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: 2, provider: 'nope' } });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await takeSettingsNotice()).toMatch(/^provider: /);
    expect(await takeSettingsNotice()).toBeNull();
  });

  it('rejects an invalid base URL on save', async () => {
    await expect(saveSettings({ ...DEFAULT_SETTINGS, baseUrl: 'javascript:alert(1)' })).rejects.toThrow(/http/);
  });

  it('on start-up, brings settings saved before WXT kept their version to the current one, key moved, version recorded', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { version: 1, provider: 'openai', baseUrl: 'https://api.openai.com/v1/', model: 'm', apiKey: 'sk-2' },
    });
    // What a start of the extension does: the module defines its storage item, and WXT migrates it.
    vi.resetModules();
    await import('@/lib/settings');
    await vi.waitFor(async () =>
      expect(await fakeBrowser.storage.sync.get('settings$')).toEqual({ settings$: { v: 4 } }),
    );
    const { settings: stored } = await fakeBrowser.storage.sync.get('settings');
    expect(stored).toMatchObject({ version: 4, baseUrl: 'https://api.openai.com/v1/', askAboveDollars: 0.1 });
    expect(stored).not.toHaveProperty('apiKey');
    expect(await loadCredential('https://api.openai.com/v1')).toMatchObject({ apiKey: 'sk-2' });
  });

  it('on start-up, records the version of current settings without changing them', async () => {
    const current = { ...DEFAULT_SETTINGS, model: 'gpt-4o' };
    await fakeBrowser.storage.sync.set({ settings: current });
    vi.resetModules();
    const fresh = await import('@/lib/settings');
    expect(await fresh.loadSettings()).toEqual(current);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({ settings: current, settings$: { v: 4 } });
  });

  it('brings forward on read settings older than the version WXT recorded (synced from an older release)', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, version: 3, askAboveDollars: undefined },
      settings$: { v: 4 },
    });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
