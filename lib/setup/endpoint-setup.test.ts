import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { chooseSetupProvider, isSetupError, needsEndpointSetup, validateSetup } from '@/lib/setup/endpoint-setup';

describe('needsEndpointSetup', () => {
  it('holds on a fresh install: OpenAI preset, no key', () => {
    expect(needsEndpointSetup(DEFAULT_SETTINGS, '')).toBe(true);
    expect(needsEndpointSetup(DEFAULT_SETTINGS, '  ')).toBe(true);
  });

  it('is done with a key, or with a local server that needs none, as long as there is a model', () => {
    expect(needsEndpointSetup(DEFAULT_SETTINGS, 'sk-1')).toBe(false);
    expect(needsEndpointSetup({ provider: 'ollama', model: 'llama3.1' }, '')).toBe(false);
    expect(needsEndpointSetup({ provider: 'lmstudio', model: '' }, '')).toBe(true);
  });
});

describe('isSetupError', () => {
  it('is the two configuration errors only; a rejected key is a real failure', () => {
    expect(isSetupError({ code: 'missing-api-key', host: 'api.openai.com' })).toBe(true);
    expect(isSetupError({ code: 'missing-model' })).toBe(true);
    expect(isSetupError({ code: 'auth-failed', status: 401, host: 'api.openai.com' })).toBe(false);
    expect(isSetupError(null)).toBe(false);
  });
});

describe('validateSetup', () => {
  const fresh = { provider: 'openai' as const, baseUrl: DEFAULT_SETTINGS.baseUrl, model: 'gpt-4o-mini', apiKey: '' };

  it('asks for the key a provider requires, naming the provider', () => {
    expect(validateSetup(fresh, DEFAULT_SETTINGS)).toEqual({
      ok: false,
      errors: { apiKey: 'Paste your OpenAI API key.' },
    });
  });

  it('needs no key for a local server, and keeps the other settings as they were', () => {
    const current = { ...DEFAULT_SETTINGS, targetLanguage: 'German', theme: 'dark' as const };
    const result = validateSetup(chooseSetupProvider(fresh, 'ollama'), current);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.settings).toMatchObject({
        provider: 'ollama',
        baseUrl: 'http://localhost:11434/v1',
        model: 'llama3.1',
        targetLanguage: 'German',
        theme: 'dark',
      });
      expect(result.apiKey).toBe('');
    }
  });

  it('checks a custom URL and asks for a model where the preset has none', () => {
    const custom = chooseSetupProvider({ ...fresh, model: '' }, 'custom');
    expect(custom.baseUrl).toBe(DEFAULT_SETTINGS.baseUrl);
    const result = validateSetup({ ...custom, baseUrl: 'ftp://example.com' }, DEFAULT_SETTINGS);
    expect(result).toEqual({
      ok: false,
      errors: {
        baseUrl: 'Base URL must be an http:// or https:// URL',
        model: "Enter the model's name, as the endpoint lists it.",
      },
    });
  });

  it('trims the key and saves the endpoint with it', () => {
    const result = validateSetup({ ...fresh, apiKey: '  sk-test  ' }, DEFAULT_SETTINGS);
    expect(result).toMatchObject({
      ok: true,
      apiKey: 'sk-test',
      settings: { provider: 'openai', model: 'gpt-4o-mini' },
    });
  });
});
