import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import { draftFromSettings, validateDraft } from './settings-draft';

const draft = draftFromSettings(DEFAULT_SETTINGS, '');

describe('validateDraft', () => {
  it('accepts the defaults', () => {
    expect(validateDraft(draft)).toEqual({ ok: true, settings: DEFAULT_SETTINGS, apiKey: '' });
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
});
