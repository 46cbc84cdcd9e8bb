// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { loadCredential } from '@/lib/endpoint-credential';
import { loadSettings } from '@/lib/settings';
import { buttonNames } from '@/tests/support/components/button-names';
import { OptionsForm } from '@/components/options/options-form';

const messaging = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('@/lib/messaging', () => messaging);

const LABELS = ['Provider', 'Base URL', 'API key', 'Model', 'Target language', 'Toolbar button', 'Theme'];

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

afterEach(cleanup);

/** The key saved for this base URL's origin ('' when none, or saved for another origin). */
async function savedKeyFor(baseUrl: string): Promise<string> {
  const credential = await loadCredential(baseUrl);
  return credential?.origin === new URL(baseUrl).origin ? credential.apiKey : '';
}

/** Renders the form and waits until it shows the stored settings (its Save button replaces "Loading"). */
async function renderForm(): Promise<Element> {
  const { container } = render(<OptionsForm />);
  await screen.findByRole('button', { name: 'Save' });
  return container;
}

function field<Control extends HTMLElement = HTMLInputElement>(label: string): Control {
  return screen.getByLabelText<Control>(label);
}

function button(name: string): HTMLButtonElement {
  return screen.getByRole<HTMLButtonElement>('button', { name });
}

/** Types `value` over what the field held, as one input event (the form re-renders within it). */
function type(label: string, value: string): void {
  fireEvent.input(field<HTMLInputElement | HTMLTextAreaElement>(label), { target: { value } });
}

function choose(control: HTMLSelectElement, value: string): void {
  fireEvent.change(control, { target: { value } });
}

/** Presses Save and waits until the form says Saved. */
async function save(): Promise<void> {
  fireEvent.click(button('Save'));
  await screen.findByText('Saved');
}

describe('OptionsForm', () => {
  it('has a labelled control for every setting, filled from storage', async () => {
    const container = await renderForm();
    for (const label of LABELS) expect(field(label)).toBeDefined();
    expect(field('Base URL').value).toBe('https://api.openai.com/v1');
    expect(field('Target language').value).toBe('English');
    expect(field<HTMLSelectElement>('Toolbar button').value).toBe('sidepanel');
    const toolbarOptions = [...field<HTMLSelectElement>('Toolbar button').options].map((o) => o.text);
    expect(toolbarOptions).toEqual(['Open the side panel', 'Show a compact popup']);
    expect(container.textContent).toContain('Stored only on this device; never synced.');
    expect(container.textContent).toContain('What is sent where');
  });

  it('hides the API key until asked to show it', async () => {
    await renderForm();
    const key = field('API key');
    expect(key.type).toBe('password');
    fireEvent.click(button('Show API key'));
    expect(key.type).toBe('text');
    fireEvent.click(button('Hide API key'));
    expect(key.type).toBe('password');
  });

  it('shows an invalid Base URL inline and saves nothing', async () => {
    const container = await renderForm();
    type('Base URL', 'localhost:11434/v1');
    type('API key', 'sk-new');
    fireEvent.click(button('Save'));
    const error = await screen.findByText('Base URL must be an http:// or https:// URL');
    expect(error.id).toBe('base-url-error');
    const baseUrl = field('Base URL');
    expect(baseUrl.getAttribute('aria-invalid')).toBe('true');
    expect(baseUrl.getAttribute('aria-describedby')).toContain('base-url-error');
    expect(document.activeElement).toBe(baseUrl);
    expect(container.textContent).not.toContain('Saved');
    expect(requestPermission).not.toHaveBeenCalled();
    expect(await storage.getItem('sync:settings')).toBeNull();
    expect(await loadCredential('https://api.openai.com/v1')).toBeNull();
  });

  it('asks for access to the endpoint, then saves trimmed settings and the key, and says Saved', async () => {
    await renderForm();
    choose(field<HTMLSelectElement>('Provider'), 'custom');
    type('Base URL', '  http://192.168.1.20:8080/v1/  ');
    type('API key', '  sk-local  ');
    type('Model', ' qwen2.5 ');
    choose(field<HTMLSelectElement>('Theme'), 'dark');
    await save();
    expect(requestPermission).toHaveBeenCalledWith({ origins: ['http://192.168.1.20/*'] });
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
    await renderForm();
    await save();
    const alert = screen
      .getAllByRole('alert')
      .map((element) => element.textContent)
      .join(' ');
    expect(alert).toContain('access to https://api.openai.com');
    expect(alert).toContain('Press Save again and choose Allow.');
    expect(await storage.getItem('sync:settings')).not.toBeNull();
  });

  it('fills Base URL and suggests a model for a preset, showing its help', async () => {
    const container = await renderForm();
    choose(field<HTMLSelectElement>('Provider'), 'ollama');
    expect(field('Base URL').value).toBe('http://localhost:11434/v1');
    expect(field('Model').value).toBe('llama3.1');
    expect(container.querySelector('#provider-hint')?.textContent).toContain('OLLAMA_ORIGINS');
  });

  it('offers every preset, hosted and local, in groups', async () => {
    await renderForm();
    const groups = [...field<HTMLSelectElement>('Provider').querySelectorAll('optgroup')].map((group) => ({
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
    const container = await renderForm();
    choose(field<HTMLSelectElement>('Provider'), 'azure');
    const baseUrl = field('Base URL');
    expect(baseUrl.value).toBe('');
    expect(baseUrl.getAttribute('placeholder')).toBe('https://YOUR-RESOURCE.openai.azure.com/openai/v1');
    expect(container.querySelector('#provider-hint')?.textContent).toContain('deployment');
    type('Base URL', 'https://contoso-news.openai.azure.com/openai/v1');
    type('API key', 'azure-key');
    type('Model', 'gpt-4o-mini-news');
    await save();
    expect(requestPermission).toHaveBeenCalledWith({ origins: ['https://contoso-news.openai.azure.com/*'] });
  });

  it('asks access to a hosted preset’s origin only', async () => {
    await renderForm();
    choose(field<HTMLSelectElement>('Provider'), 'gemini');
    type('API key', 'gemini-key');
    await save();
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
    await renderForm();
    type('API key', 'sk-test');
    fireEvent.click(button('Test connection'));
    const summary = await screen.findByText(
      'Connected to gpt-4o-mini in 412 ms · structured output ✓ · usage reported ✗ (costs will be estimated)',
    );
    expect(requestPermission).toHaveBeenCalledWith({ origins: ['https://api.openai.com/*'] });
    // The page sends no key: the background adds the one saved for this origin.
    expect(messaging.sendMessage).toHaveBeenCalledWith('testConnection', {
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
    });
    expect(summary.parentElement?.textContent).toContain('The endpoint refused stream_options');
    expect(await savedKeyFor('https://api.openai.com/v1')).toBe('sk-test');
  });

  it('shows the exact failure of a connection test', async () => {
    messaging.sendMessage.mockResolvedValue({
      ok: false,
      error: { code: 'auth-failed', status: 401, host: 'api.openai.com', detail: 'Incorrect API key provided' },
    });
    const container = await renderForm();
    fireEvent.click(button('Test connection'));
    await screen.findByText(/API key rejected/);
    const notice = container.querySelector('[data-error-code="auth-failed"]');
    expect(notice?.textContent).toContain('API key rejected');
    expect(notice?.textContent).toContain('Incorrect API key provided');
  });

  it('retries a failed connection test from its notice, but offers no "Open options" on the options page', async () => {
    messaging.sendMessage.mockResolvedValue({
      ok: false,
      error: { code: 'endpoint-unreachable', host: 'localhost:11434', detail: 'Connection error.' },
    });
    const container = await renderForm();
    fireEvent.click(button('Test connection'));
    await screen.findByRole('button', { name: 'Retry' });
    const notice = container.querySelector<HTMLElement>('[data-error-code="endpoint-unreachable"]');
    expect(notice && buttonNames(notice)).toEqual(['Retry']);
    fireEvent.click(button('Retry'));
    // The notice goes while the test runs again, and comes back with its answer.
    await waitFor(() => expect(messaging.sendMessage).toHaveBeenCalledTimes(2));
    await screen.findByRole('button', { name: 'Retry' });
    expect(requestPermission).toHaveBeenCalledTimes(2);
  });

  it('lists the endpoint’s models to pick from', async () => {
    messaging.sendMessage.mockResolvedValue({ ok: true, models: ['gpt-4o', 'gpt-4o-mini', 'o3-mini'] });
    await renderForm();
    fireEvent.click(button('List models'));
    const picker = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Available models' });
    expect(messaging.sendMessage).toHaveBeenCalledWith('listModels', {
      baseUrl: 'https://api.openai.com/v1',
      apiKey: '',
      headers: {},
    });
    expect([...picker.options].map((option) => option.value)).toEqual(['', 'gpt-4o', 'gpt-4o-mini', 'o3-mini']);
    choose(picker, 'o3-mini');
    expect(field('Model').value).toBe('o3-mini');
  });

  it('shows a one-time notice about reset settings', async () => {
    await storage.setItem('local:settingsNotice', 'provider: Invalid option');
    const container = await renderForm();
    expect(container.textContent).toContain(
      'Stored settings were unreadable and were reset to defaults (provider: Invalid option).',
    );
  });

  describe('the key and headers belong to the origin they were saved for', () => {
    async function savedForOpenAI(): Promise<Element> {
      await storage.setItem('local:endpointCredential', {
        version: 1,
        origin: 'https://api.openai.com',
        apiKey: 'sk-openai',
        headers: { 'X-Title': 'Sourcelens' },
      });
      return renderForm();
    }
    const listModelsCalls = () => messaging.sendMessage.mock.calls.filter(([name]) => name === 'listModels');

    it('empties the key when Base URL moves to another origin, and List models sends it no key', async () => {
      messaging.sendMessage.mockResolvedValue({ ok: true, models: ['m'] });
      await savedForOpenAI();
      expect(field('API key').value).toBe('sk-openai');
      expect(field<HTMLTextAreaElement>('Custom headers').value).toBe('X-Title: Sourcelens');
      type('Base URL', 'https://gateway.example/v1');
      expect(field('API key').value).toBe('');
      expect(field<HTMLTextAreaElement>('Custom headers').value).toBe('');
      expect(screen.getByTestId('set-aside-notice').textContent).toContain(
        'The API key and headers entered for api.openai.com are not sent to gateway.example.',
      );
      fireEvent.click(button('List models'));
      await screen.findByRole('combobox', { name: 'Available models' });
      expect(listModelsCalls()).toEqual([
        ['listModels', { baseUrl: 'https://gateway.example/v1', apiKey: '', headers: {} }],
      ]);
    });

    it('empties the key when another provider is chosen, and gives it back with the first provider', async () => {
      await savedForOpenAI();
      choose(field<HTMLSelectElement>('Provider'), 'openrouter');
      expect(field('API key').value).toBe('');
      choose(field<HTMLSelectElement>('Provider'), 'openai');
      expect(field('API key').value).toBe('sk-openai');
    });

    it('sends the key to the new host only when the user says so in so many words', async () => {
      await savedForOpenAI();
      type('Base URL', 'https://gateway.example/v1');
      fireEvent.click(button('Send the api.openai.com API key and headers to gateway.example too'));
      expect(field('API key').value).toBe('sk-openai');
      await save();
      expect(await loadCredential('https://gateway.example/v1')).toMatchObject({
        origin: 'https://gateway.example',
        apiKey: 'sk-openai',
        headers: { 'X-Title': 'Sourcelens' },
      });
    });

    it('starts with empty fields when sync brought a base URL of another origin', async () => {
      await storage.setItem('sync:settings', { ...(await loadSettings()), baseUrl: 'https://evil.example/v1' });
      await savedForOpenAI();
      expect(field('API key').value).toBe('');
      expect(screen.getByTestId('set-aside-notice').textContent).toContain('evil.example');
    });

    it('refuses plain http:// for a host on the internet before asking for anything', async () => {
      await savedForOpenAI();
      type('Base URL', 'http://api.example.com/v1');
      fireEvent.click(button('List models'));
      fireEvent.click(button('Save'));
      const error = await screen.findByText(/Use https:\/\//);
      expect(error.id).toBe('base-url-error');
      expect(requestPermission).not.toHaveBeenCalled();
      expect(messaging.sendMessage).not.toHaveBeenCalled();
    });

    it('saves custom headers with the key, or shows which line is wrong', async () => {
      await renderForm();
      type('Custom headers', 'Authorization: Bearer x');
      fireEvent.click(button('Save'));
      const error = await screen.findByText(/put the key there/);
      expect(error.id).toBe('custom-headers-error');
      type('Custom headers', 'HTTP-Referer: https://sourcelens.dev');
      await save();
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
    await renderForm();
    const section = within(screen.getByRole('region', { name: 'Stored results' }));
    await section.findByText(/2 results are stored now\./);
    fireEvent.click(section.getByRole('button', { name: 'Clear stored results' }));
    await section.findByText('Stored results cleared');
    expect(section.getByText(/0 results are stored now\./)).toBeDefined();
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local).filter((key) => key.startsWith('result|'))).toEqual([]);
    expect(local.endpointCredential).toMatchObject({ apiKey: 'sk-keep' });
  });
});
