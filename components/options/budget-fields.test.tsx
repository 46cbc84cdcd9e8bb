// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings } from '../../lib/settings';
import { click, getButton, getByLabel, type Mounted, mount, settle } from '../fixtures/mount';
import { OptionsForm } from './options-form';

const messaging = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('../../lib/messaging', () => messaging);

let mounted: Mounted | null = null;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(
    (async () => true) as unknown as typeof fakeBrowser.permissions.request,
  );
});

afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

async function type(control: HTMLInputElement, value: string): Promise<void> {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

describe('Cost and limits', () => {
  it('shows the built-in price and limits of the model, and saves what the user sets instead', async () => {
    mounted = await mount(<OptionsForm />);
    await settle();
    const container = mounted.container;
    expect(container.textContent).toContain('Cost and limits for gpt-4o-mini');
    expect(getByLabel(container, 'Input price ($ per 1M tokens)').placeholder).toBe('0.15');
    expect(getByLabel(container, 'Context window (tokens)').placeholder).toBe('128000');
    expect(getByLabel(container, 'Parallel requests').placeholder).toBe('6');

    await type(getByLabel(container, 'Input price ($ per 1M tokens)'), '0.1');
    await type(getByLabel(container, 'Output price ($ per 1M tokens)'), '0.4');
    await type(getByLabel(container, 'Parallel requests'), '3');
    expect(getByLabel(container, 'Ask before runs above ($)').value).toBe('0.1');
    await type(getByLabel(container, 'Ask before runs above ($)'), '0.5');
    await click(getButton(container, 'Save'));
    await settle();
    const saved = await loadSettings();
    expect(saved.modelOverrides).toEqual({
      'gpt-4o-mini': {
        inputPricePerMillion: 0.1,
        outputPricePerMillion: 0.4,
        contextTokens: null,
        maxOutputTokens: null,
      },
    });
    expect(saved.parallelRequests).toBe(3);
    expect(saved.askAboveDollars).toBe(0.5);
  });

  it('never asks when the cost limit is left empty', async () => {
    mounted = await mount(<OptionsForm />);
    await settle();
    await type(getByLabel(mounted.container, 'Ask before runs above ($)'), '');
    await click(getButton(mounted.container, 'Save'));
    await settle();
    expect((await loadSettings()).askAboveDollars).toBeNull();
  });

  it('refuses a context window too small to hold the instructions', async () => {
    mounted = await mount(<OptionsForm />);
    await settle();
    const container = mounted.container;
    await type(getByLabel(container, 'Context window (tokens)'), '100');
    await click(getButton(container, 'Save'));
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/1024|1,024/);
    expect((await loadSettings()).modelOverrides).toEqual({});
  });
});
