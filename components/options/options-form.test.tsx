// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { loadCredential } from '@/lib/endpoint-credential';
import { loadSettings } from '@/lib/settings';
import {
  buttonNames,
  click,
  getButton,
  getByLabel,
  type Mounted,
  mount,
  settle,
} from '@/tests/support/components/mount';
import { OptionsForm } from '@/components/options/options-form';

const messaging = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('@/lib/messaging', () => messaging);

const LABELS = ['Provider', 'Base URL', 'API key', 'Model', 'Target language', 'Toolbar button', 'Theme'];

let mounted: Mounted | null = null;
const requestPermission = vi.fn<(permissions: { origins?: string[] }) => Promise<boolean>>();

beforeEach(() => {
  fakeBrowser.reset();
  messaging.sendMessage.mockReset();
  // fakeBrowser does not implement permissions; Chrome resolves true when access is (or becomes) granted.
  requestPermission.mockReset();
  requestPermission.mockResolvedValue(true);
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(
    requestPermission as unknown as typeof fakeBrowser.permissions.request,
  );
});

afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

/** The key saved for this base URL's origin ('' when none, or saved for another origin). */
async function savedKeyFor(baseUrl: string): Promise<string> {
  const credential = await loadCredential(baseUrl);
  return credential?.origin === new URL(baseUrl).origin ? credential.apiKey : '';
}

async function mountForm(): Promise<HTMLElement> {
  mounted = await mount(<OptionsForm />);
  await settle();
  return mounted.container;
}

async function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

async function choose(control: HTMLSelectElement, value: string): Promise<void> {
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

async function submit(container: HTMLElement): Promise<void> {
  await click(getButton(container, 'Save'));
  await settle();
}

describe('OptionsForm', () => {
  it('has a labelled control for every setting, filled from storage', async () => {
    const container = await mountForm();
    for (const label of LABELS) expect(getByLabel(container, label)).toBeDefined();
    expect(getByLabel(container, 'Base URL').value).toBe('https://api.openai.com/v1');
    expect(getByLabel(container, 'Target language').value).toBe('English');
    expect(getByLabel<HTMLSelectElement>(container, 'Toolbar button').value).toBe('sidepanel');
    const toolbarOptions = [...getByLabel<HTMLSelectElement>(container, 'Toolbar button').options].map((o) => o.text);
    expect(toolbarOptions).toEqual(['Open the side panel', 'Show a compact popup']);
    expect(container.textContent).toContain('Stored only on this device; never synced.');
    expect(container.textContent).toContain('What is sent where');
  });

  it('hides the API key until asked to show it', async () => {
    const container = await mountForm();
    const key = getByLabel(container, 'API key');
    expect(key.type).toBe('password');
    await click(getButton(container, 'Show API key'));
    expect(key.type).toBe('text');
    await click(getButton(container, 'Hide API key'));
    expect(key.type).toBe('password');
  });

  it('shows an invalid Base URL inline and saves nothing', async () => {
    const container = await mountForm();
    const baseUrl = getByLabel(container, 'Base URL');
    await type(baseUrl, 'localhost:11434/v1');
    await type(getByLabel(container, 'API key'), 'sk-new');
    await submit(container);
    expect(container.querySelector('#base-url-error')?.textContent).toBe('Base URL must be an http:// or https:// URL');
    expect(baseUrl.getAttribute('aria-invalid')).toBe('true');
    expect(baseUrl.getAttribute('aria-describedby')).toContain('base-url-error');
    expect(document.activeElement).toBe(baseUrl);
    expect(container.textContent).not.toContain('Saved');
    expect(requestPermission).not.toHaveBeenCalled();
    expect(await storage.getItem('sync:settings')).toBeNull();
    expect(await loadCredential('https://api.openai.com/v1')).toBeNull();
  });

  it('asks for access to the endpoint, then saves trimmed settings and the key, and says Saved', async () => {
    const container = await mountForm();
    await choose(getByLabel<HTMLSelectElement>(container, 'Provider'), 'custom');
    await type(getByLabel(container, 'Base URL'), '  http://192.168.1.20:8080/v1/  ');
    await type(getByLabel(container, 'API key'), '  sk-local  ');
    await type(getByLabel(container, 'Model'), ' qwen2.5 ');
    await choose(getByLabel<HTMLSelectElement>(container, 'Theme'), 'dark');
    await submit(container);
    expect(requestPermission).toHaveBeenCalledWith({ origins: ['http://192.168.1.20/*'] });
    expect(container.querySelector('.status')?.textContent).toBe('Saved');
    expect(await loadSettings()).toMatchObject({
      provider: 'custom',
      baseUrl: 'http://192.168.1.20:8080/v1',
      model: 'qwen2.5',
      theme: 'dark',
    });
    expect(await savedKeyFor('http://192.168.1.20:8080/v1')).toBe('sk-local');
  });

  it('explains why access is needed when the user declines, and still saves', async () => {
    requestPermission.mockResolvedValue(false);
    const container = await mountForm();
    await submit(container);
    const alert = [...container.querySelectorAll('[role="alert"]')].map((element) => element.textContent).join(' ');
    expect(alert).toContain('access to https://api.openai.com');
    expect(alert).toContain('Press Save again and choose Allow.');
    expect(await storage.getItem('sync:settings')).not.toBeNull();
  });

  it('fills Base URL and suggests a model for a preset, showing its help', async () => {
    const container = await mountForm();
    await choose(getByLabel<HTMLSelectElement>(container, 'Provider'), 'ollama');
    expect(getByLabel(container, 'Base URL').value).toBe('http://localhost:11434/v1');
    expect(getByLabel(container, 'Model').value).toBe('llama3.1');
    expect(container.querySelector('#provider-hint')?.textContent).toContain('OLLAMA_ORIGINS');
  });

  it('offers every preset, hosted and local, in groups', async () => {
    const container = await mountForm();
    const groups = [...container.querySelectorAll('#provider optgroup')].map((group) => ({
      label: group.getAttribute('label'),
      options: [...group.querySelectorAll('option')].map((option) => option.textContent),
    }));
    expect(groups).toEqual([
      {
        label: 'Hosted',
        options: [
          'OpenAI',
          'Azure OpenAI',
          'Google Gemini',
          'Anthropic (OpenAI SDK compatibility)',
          'Mistral',
          'DeepSeek',
          'Groq',
          'OpenRouter',
          'xAI',
        ],
      },
      {
        label: 'On your machine',
        options: ['Ollama (local)', 'LM Studio (local)', 'llama.cpp server (local)', 'vLLM (local)'],
      },
      { label: 'Other', options: ['Custom OpenAI-compatible URL'] },
    ]);
  });

  it('leaves Azure’s Base URL to the user, showing its form, and asks access for that resource only', async () => {
    const container = await mountForm();
    await choose(getByLabel<HTMLSelectElement>(container, 'Provider'), 'azure');
    const baseUrl = getByLabel(container, 'Base URL');
    expect(baseUrl.value).toBe('');
    expect(baseUrl.getAttribute('placeholder')).toBe('https://YOUR-RESOURCE.openai.azure.com/openai/v1');
    expect(container.querySelector('#provider-hint')?.textContent).toContain('deployment');
    await type(baseUrl, 'https://contoso-news.openai.azure.com/openai/v1');
    await type(getByLabel(container, 'API key'), 'azure-key');
    await type(getByLabel(container, 'Model'), 'gpt-4o-mini-news');
    await submit(container);
    expect(requestPermission).toHaveBeenCalledWith({ origins: ['https://contoso-news.openai.azure.com/*'] });
  });

  it('asks access to a hosted preset’s origin only', async () => {
    const container = await mountForm();
    await choose(getByLabel<HTMLSelectElement>(container, 'Provider'), 'gemini');
    await type(getByLabel(container, 'API key'), 'gemini-key');
    await submit(container);
    expect(requestPermission).toHaveBeenCalledWith({ origins: ['https://generativelanguage.googleapis.com/*'] });
  });

  it('tests the connection after saving and reports the model and latency', async () => {
    messaging.sendMessage.mockResolvedValue({
      ok: true,
      model: 'gpt-4o-mini',
      latencyMs: 412,
      reply: '{"ok":true}',
      structured: 'json_schema',
      usageReported: false,
      reasoning: false,
      dropped: ['stream_options'],
    });
    const container = await mountForm();
    await type(getByLabel(container, 'API key'), 'sk-test');
    await click(getButton(container, 'Test connection'));
    await settle();
    expect(requestPermission).toHaveBeenCalledWith({ origins: ['https://api.openai.com/*'] });
    // The page sends no key: the background adds the one saved for this origin.
    expect(messaging.sendMessage).toHaveBeenCalledWith('testConnection', {
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
    });
    expect(container.textContent).toContain(
      'Connected to gpt-4o-mini in 412 ms · structured output ✓ · usage reported ✗ (costs will be estimated)',
    );
    expect(container.textContent).toContain('The endpoint refused stream_options');
    expect(await savedKeyFor('https://api.openai.com/v1')).toBe('sk-test');
  });

  it('shows the exact failure of a connection test', async () => {
    messaging.sendMessage.mockResolvedValue({
      ok: false,
      error: { code: 'auth-failed', status: 401, host: 'api.openai.com', detail: 'Incorrect API key provided' },
    });
    const container = await mountForm();
    await click(getButton(container, 'Test connection'));
    await settle();
    const notice = container.querySelector('[data-error-code="auth-failed"]');
    expect(notice?.textContent).toContain('API key rejected');
    expect(notice?.textContent).toContain('Incorrect API key provided');
  });

  it('retries a failed connection test from its notice, but offers no "Open options" on the options page', async () => {
    messaging.sendMessage.mockResolvedValue({
      ok: false,
      error: { code: 'endpoint-unreachable', host: 'localhost:11434', detail: 'Connection error.' },
    });
    const container = await mountForm();
    await click(getButton(container, 'Test connection'));
    await settle();
    const notice = container.querySelector<HTMLElement>('[data-error-code="endpoint-unreachable"]');
    expect(notice && buttonNames(notice)).toEqual(['Retry']);
    await click(getButton(container, 'Retry'));
    await settle();
    expect(messaging.sendMessage).toHaveBeenCalledTimes(2);
    expect(requestPermission).toHaveBeenCalledTimes(2);
  });

  it('lists the endpoint’s models to pick from', async () => {
    messaging.sendMessage.mockResolvedValue({ ok: true, models: ['gpt-4o', 'gpt-4o-mini', 'o3-mini'] });
    const container = await mountForm();
    await click(getButton(container, 'List models'));
    await settle();
    expect(messaging.sendMessage).toHaveBeenCalledWith('listModels', {
      baseUrl: 'https://api.openai.com/v1',
      apiKey: '',
      headers: {},
    });
    const picker = container.querySelector<HTMLSelectElement>('select[aria-label="Available models"]');
    expect([...(picker?.options ?? [])].map((option) => option.value)).toEqual([
      '',
      'gpt-4o',
      'gpt-4o-mini',
      'o3-mini',
    ]);
    if (picker) await choose(picker, 'o3-mini');
    expect(getByLabel(container, 'Model').value).toBe('o3-mini');
  });

  it('shows a one-time notice about reset settings', async () => {
    await storage.setItem('local:settingsNotice', 'provider: Invalid option');
    const container = await mountForm();
    expect(container.textContent).toContain(
      'Stored settings were unreadable and were reset to defaults (provider: Invalid option).',
    );
  });

  describe('the key and headers belong to the origin they were saved for', () => {
    async function savedForOpenAI(): Promise<HTMLElement> {
      await storage.setItem('local:endpointCredential', {
        version: 1,
        origin: 'https://api.openai.com',
        apiKey: 'sk-openai',
        headers: { 'X-Title': 'Sourcelens' },
      });
      return mountForm();
    }
    const listModelsCalls = () => messaging.sendMessage.mock.calls.filter(([name]) => name === 'listModels');

    it('empties the key when Base URL moves to another origin, and List models sends it no key', async () => {
      messaging.sendMessage.mockResolvedValue({ ok: true, models: ['m'] });
      const container = await savedForOpenAI();
      expect(getByLabel(container, 'API key').value).toBe('sk-openai');
      expect(getByLabel<HTMLTextAreaElement>(container, 'Custom headers').value).toBe('X-Title: Sourcelens');
      await type(getByLabel(container, 'Base URL'), 'https://gateway.example/v1');
      expect(getByLabel(container, 'API key').value).toBe('');
      expect(getByLabel<HTMLTextAreaElement>(container, 'Custom headers').value).toBe('');
      expect(container.querySelector('[data-testid="set-aside-notice"]')?.textContent).toContain(
        'The API key and headers entered for api.openai.com are not sent to gateway.example.',
      );
      await click(getButton(container, 'List models'));
      await settle();
      expect(listModelsCalls()).toEqual([
        ['listModels', { baseUrl: 'https://gateway.example/v1', apiKey: '', headers: {} }],
      ]);
    });

    it('empties the key when another provider is chosen, and gives it back with the first provider', async () => {
      const container = await savedForOpenAI();
      await choose(getByLabel<HTMLSelectElement>(container, 'Provider'), 'openrouter');
      expect(getByLabel(container, 'API key').value).toBe('');
      await choose(getByLabel<HTMLSelectElement>(container, 'Provider'), 'openai');
      expect(getByLabel(container, 'API key').value).toBe('sk-openai');
    });

    it('sends the key to the new host only when the user says so in so many words', async () => {
      messaging.sendMessage.mockResolvedValue({ ok: true, models: ['m'] });
      const container = await savedForOpenAI();
      await type(getByLabel(container, 'Base URL'), 'https://gateway.example/v1');
      await click(getButton(container, 'Send the api.openai.com API key and headers to gateway.example too'));
      expect(getByLabel(container, 'API key').value).toBe('sk-openai');
      await submit(container);
      expect(await loadCredential('https://gateway.example/v1')).toMatchObject({
        origin: 'https://gateway.example',
        apiKey: 'sk-openai',
        headers: { 'X-Title': 'Sourcelens' },
      });
    });

    it('starts with empty fields when sync brought a base URL of another origin', async () => {
      await storage.setItem('sync:settings', { ...(await loadSettings()), baseUrl: 'https://evil.example/v1' });
      const container = await savedForOpenAI();
      expect(getByLabel(container, 'API key').value).toBe('');
      expect(container.querySelector('[data-testid="set-aside-notice"]')?.textContent).toContain('evil.example');
    });

    it('refuses plain http:// for a host on the internet before asking for anything', async () => {
      const container = await savedForOpenAI();
      await type(getByLabel(container, 'Base URL'), 'http://api.example.com/v1');
      await click(getButton(container, 'List models'));
      await submit(container);
      expect(container.querySelector('#base-url-error')?.textContent).toContain('Use https://');
      expect(requestPermission).not.toHaveBeenCalled();
      expect(messaging.sendMessage).not.toHaveBeenCalled();
    });

    it('saves custom headers with the key, or shows which line is wrong', async () => {
      const container = await mountForm();
      const headers = getByLabel<HTMLTextAreaElement>(container, 'Custom headers');
      await type(headers, 'Authorization: Bearer x');
      await submit(container);
      expect(container.querySelector('#custom-headers-error')?.textContent).toContain('put the key there');
      await type(headers, 'HTTP-Referer: https://sourcelens.dev');
      await submit(container);
      expect(await loadCredential('https://api.openai.com/v1')).toMatchObject({
        headers: { 'HTTP-Referer': 'https://sourcelens.dev' },
      });
    });
  });

  it('clears the stored results, and only them', async () => {
    await fakeBrowser.storage.local.set({
      'result|v2|p|m|English|https://news.example|abc': { savedAt: 1, analysis: {} },
      'result|old|m|English|hash|https://news.example/a': { savedAt: 1, analysis: {} },
      resultCacheIndex: [{ key: 'result|v2|p|m|English|https://news.example|abc', lastUsed: 1, bytes: 10 }],
      endpointCredential: { version: 1, origin: 'https://api.openai.com', apiKey: 'sk-keep', headers: {} },
    });
    const container = await mountForm();
    expect(container.textContent).toContain('2 results are stored now.');
    await click(getButton(container, 'Clear stored results'));
    await settle();
    expect(container.textContent).toContain('Stored results cleared');
    expect(container.textContent).toContain('0 results are stored now.');
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local).filter((key) => key.startsWith('result|'))).toEqual([]);
    expect(local.endpointCredential).toMatchObject({ apiKey: 'sk-keep' });
  });
});
