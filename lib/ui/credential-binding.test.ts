import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { type BoundDraft, confirmSetAside, initialBinding, withBaseUrl } from '@/lib/ui/credential-binding';
import { draftFromSettings } from '@/lib/ui/settings-draft';

const OPENAI = 'https://api.openai.com/v1';
const saved = { version: 1 as const, origin: 'https://api.openai.com', apiKey: 'sk-openai', headers: { 'X-A': '1' } };
const start = (): BoundDraft => initialBinding(draftFromSettings({ ...DEFAULT_SETTINGS, baseUrl: OPENAI }, ''), saved);

describe('the key and headers in the options form follow their origin', () => {
  it('fills the fields with what was saved for the base URL’s own origin', () => {
    expect(start()).toMatchObject({ draft: { apiKey: 'sk-openai', customHeaders: 'X-A: 1' }, setAside: null });
  });

  it('starts empty when the synced base URL is another origin than the key was saved for', () => {
    const bound = initialBinding(
      draftFromSettings({ ...DEFAULT_SETTINGS, baseUrl: 'https://evil.example/v1' }, ''),
      saved,
    );
    expect(bound.draft).toMatchObject({ apiKey: '', customHeaders: '' });
    expect(bound.setAside).toEqual({ origin: 'https://api.openai.com', apiKey: 'sk-openai', customHeaders: 'X-A: 1' });
  });

  it('keeps them while the URL changes within the origin', () => {
    const bound = withBaseUrl(start(), 'https://api.openai.com/v2');
    expect(bound).toMatchObject({
      draft: { apiKey: 'sk-openai', baseUrl: 'https://api.openai.com/v2' },
      setAside: null,
    });
  });

  it.each([
    ['another host', 'https://openrouter.ai/api/v1'],
    ['another scheme', 'http://api.openai.com/v1'],
    ['another port', 'https://api.openai.com:8443/v1'],
    ['a URL being typed', 'https://api.openai.co'],
    ['no URL at all', ''],
  ])('empties them for %s, setting them aside', (_, baseUrl) => {
    const bound = withBaseUrl(start(), baseUrl);
    expect(bound.draft).toMatchObject({ baseUrl, apiKey: '', customHeaders: '' });
    expect(bound.setAside?.origin).toBe('https://api.openai.com');
  });

  it('gives them back when the URL returns to their origin, through any number of others', () => {
    let bound = start();
    for (const url of ['h', 'https://api.openai.co', 'https://evil.example/v1', OPENAI])
      bound = withBaseUrl(bound, url);
    expect(bound).toMatchObject({ draft: { apiKey: 'sk-openai', customHeaders: 'X-A: 1' }, setAside: null });
  });

  it('never carries a key typed for one new host on to the next', () => {
    let bound = withBaseUrl(start(), 'https://openrouter.ai/api/v1');
    bound = { ...bound, draft: { ...bound.draft, apiKey: 'sk-or' } };
    bound = withBaseUrl(bound, 'https://third.example/v1');
    expect(bound.draft.apiKey).toBe('');
    expect(bound.setAside?.apiKey).toBe('sk-openai');
  });

  it('sends the set-aside key to the new host only when the user confirms it', () => {
    const bound = confirmSetAside(withBaseUrl(start(), 'https://gateway.example/v1'));
    expect(bound).toMatchObject({
      draft: { baseUrl: 'https://gateway.example/v1', apiKey: 'sk-openai' },
      setAside: null,
    });
  });
});
