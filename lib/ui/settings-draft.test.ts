import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { draftFromSettings, INSECURE_BASE_URL_MESSAGE, validateDraft } from '@/lib/ui/settings-draft';

const draft = draftFromSettings(DEFAULT_SETTINGS, '');

describe('validateDraft', () => {
  it('accepts the defaults', () => {
    expect(validateDraft(draft)).toEqual({ ok: true, settings: DEFAULT_SETTINGS, apiKey: '', headers: {} });
  });

  it('trims, drops a trailing slash and trims the key', () => {
    const result = validateDraft({
      ...draft,
      baseUrl: ' http://localhost:11434/v1/ ',
      model: ' llama3.1 ',
      apiKey: ' k ',
    });
    expect(result).toMatchObject({
      ok: true,
      apiKey: 'k',
      settings: { baseUrl: 'http://localhost:11434/v1', model: 'llama3.1' },
    });
  });

  it('names the field that is wrong, with the schema’s message', () => {
    expect(validateDraft({ ...draft, baseUrl: 'ftp://example.com' })).toEqual({
      ok: false,
      errors: { baseUrl: 'Base URL must be an http:// or https:// URL' },
    });
    expect(validateDraft({ ...draft, baseUrl: '', targetLanguage: ' ' })).toEqual({
      ok: false,
      errors: {
        baseUrl: 'Base URL must be an http:// or https:// URL',
        targetLanguage: 'Enter the language to translate into, e.g. English.',
      },
    });
  });

  it('refuses plain http:// for a host on the internet, and accepts it on this machine and the local network', () => {
    expect(validateDraft({ ...draft, baseUrl: 'http://api.example.com/v1' })).toEqual({
      ok: false,
      errors: { baseUrl: INSECURE_BASE_URL_MESSAGE },
    });
    for (const baseUrl of ['http://localhost:11434/v1', 'http://127.0.0.1:8080/v1', 'http://192.168.1.20:8000/v1']) {
      expect(validateDraft({ ...draft, baseUrl }).ok, baseUrl).toBe(true);
    }
  });

  it('parses the custom headers, or names the line that is wrong', () => {
    expect(
      validateDraft({ ...draft, customHeaders: 'X-Title: Sourcelens\n\nHTTP-Referer: https://sourcelens.dev' }),
    ).toMatchObject({
      ok: true,
      headers: { 'X-Title': 'Sourcelens', 'HTTP-Referer': 'https://sourcelens.dev' },
    });
    expect(validateDraft({ ...draft, customHeaders: 'X-Title Sourcelens' })).toEqual({
      ok: false,
      errors: { customHeaders: 'Line 1: write each header as Name: value.' },
    });
  });
});
