import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  migrateSettings,
  type SettingsV1,
  type SettingsV2,
  type SettingsV3,
  SETTINGS_VERSION,
  saveSettings,
  takeSettingsNotice,
} from './settings';
import { loadCredential } from './endpoint-credential';

describe('migrateSettings', () => {
  it('gives defaults when nothing is stored', () => {
    expect(migrateSettings(undefined)).toEqual({
      settings: DEFAULT_SETTINGS,
      extractedApiKey: null,
      resetReason: null,
    });
  });

  it('migrates version 1, taking the key out of the synced object', () => {
    const v1: SettingsV1 = {
      version: 1,
      provider: 'ollama',
      baseUrl: ' http://localhost:11434/v1/ ',
      model: 'llama3.1',
      apiKey: ' sk-old ',
    };
    const result = migrateSettings(v1);
    expect(result.extractedApiKey).toBe('sk-old');
    expect(result.resetReason).toBeNull();
    expect(result.settings).toEqual({
      version: 4,
      provider: 'ollama',
      baseUrl: 'http://localhost:11434/v1',
      model: 'llama3.1',
      targetLanguage: 'English',
      toolbarAction: 'sidepanel',
      theme: 'system',
      modelOverrides: {},
      parallelRequests: null,
      askAboveDollars: 0.1,
    });
    expect(JSON.stringify(result.settings)).not.toContain('sk-old');
  });

  it('migrates version 2, adding no model overrides and automatic parallel requests', () => {
    const v2: SettingsV2 = {
      version: 2,
      provider: 'openrouter',
      baseUrl: 'https://openrouter.ai/api/v1',
      model: 'openai/gpt-4o-mini',
      targetLanguage: 'German',
      toolbarAction: 'popup',
      theme: 'dark',
    };
    const result = migrateSettings(v2);
    expect(result.resetReason).toBeNull();
    expect(result.settings).toEqual({
      ...v2,
      version: 4,
      modelOverrides: {},
      parallelRequests: null,
      askAboveDollars: 0.1,
    });
  });

  it('migrates version 3, asking before runs above ten cents', () => {
    const v3: SettingsV3 = {
      version: 3,
      provider: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o',
      targetLanguage: 'English',
      toolbarAction: 'sidepanel',
      theme: 'light',
      modelOverrides: {},
      parallelRequests: 4,
    };
    const result = migrateSettings(v3);
    expect(result.resetReason).toBeNull();
    expect(result.settings).toEqual({ ...v3, version: 4, askAboveDollars: 0.1 });
  });

  it('keeps valid model overrides and rejects impossible ones', () => {
    const override = {
      inputPricePerMillion: 0.1,
      outputPricePerMillion: 0.4,
      contextTokens: 32_768,
      maxOutputTokens: null,
    };
    expect(
      migrateSettings({ ...DEFAULT_SETTINGS, modelOverrides: { 'llama3.1': override } }).settings.modelOverrides,
    ).toEqual({
      'llama3.1': override,
    });
    const negative = migrateSettings({
      ...DEFAULT_SETTINGS,
      modelOverrides: { m: { ...override, inputPricePerMillion: -1 } },
    });
    expect(negative.resetReason).toMatch(/modelOverrides/);
  });

  it('resets corrupt settings with a reason naming the field', () => {
    const result = migrateSettings({ ...DEFAULT_SETTINGS, baseUrl: 'ftp://example.com' });
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.resetReason).toMatch(/baseUrl: Base URL must be an http/);
    expect(migrateSettings('garbage').resetReason).toMatch(/reset to defaults/);
  });
});

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
    expect(await takeSettingsNotice()).toMatch(/reset to defaults/);
    expect(await takeSettingsNotice()).toBeNull();
  });

  it('rejects an invalid base URL on save', async () => {
    await expect(saveSettings({ ...DEFAULT_SETTINGS, baseUrl: 'javascript:alert(1)' })).rejects.toThrow(/http/);
  });
});
