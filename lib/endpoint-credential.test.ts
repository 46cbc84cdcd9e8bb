import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  credentialFor,
  type EndpointCredential,
  endpointOrigin,
  isInsecureRemote,
  loadCredential,
  loadCredentialFor,
  migrateCredential,
  saveCredential,
} from '@/lib/endpoint-credential';

const saved: EndpointCredential = {
  version: 1,
  origin: 'https://api.openai.com',
  apiKey: 'sk-openai',
  headers: { 'X-Title': 'Sourcelens' },
};

describe('endpointOrigin', () => {
  it.each([
    ['https://api.openai.com/v1', 'https://api.openai.com'],
    [' https://API.openai.com:443/v1/ ', 'https://api.openai.com'],
    ['http://localhost:11434/v1', 'http://localhost:11434'],
    ['ftp://example.com', null],
    ['not a url', null],
  ])('%j → %j', (baseUrl, origin) => {
    expect(endpointOrigin(baseUrl)).toBe(origin);
  });
});

describe('credentialFor', () => {
  it('hands the key and headers to a base URL of their own origin', () => {
    expect(credentialFor(saved, 'https://api.openai.com/v1/')).toEqual({
      apiKey: 'sk-openai',
      headers: { 'X-Title': 'Sourcelens' },
      withheldFor: null,
    });
  });

  it.each([
    'https://openrouter.ai/api/v1',
    'http://api.openai.com/v1',
    'https://api.openai.com:8443/v1',
    'https://api.openai.com.evil.example/v1',
    'https://evil.example/api.openai.com/v1',
    'not a url',
  ])('hands nothing to %s, saying whose they are', (baseUrl) => {
    expect(credentialFor(saved, baseUrl)).toEqual({ apiKey: '', headers: {}, withheldFor: 'https://api.openai.com' });
  });

  it('never hands a key to a plain-http host on the internet, even one it was bound to', () => {
    const bound = { ...saved, origin: 'http://api.example.com' };
    expect(credentialFor(bound, 'http://api.example.com/v1').apiKey).toBe('');
    expect(isInsecureRemote('http://api.example.com/v1')).toBe(true);
    expect(isInsecureRemote('http://192.168.1.5:8000/v1')).toBe(false);
    expect(isInsecureRemote('https://api.example.com/v1')).toBe(false);
  });
});

describe('migrateCredential', () => {
  it('keeps a current credential as it is', () => {
    expect(migrateCredential(saved, undefined, 'https://elsewhere.example/v1')).toEqual(saved);
  });

  it('binds the bare key of earlier versions to the base URL saved with it', () => {
    expect(migrateCredential(undefined, ' sk-old ', 'https://openrouter.ai/api/v1')).toEqual({
      version: 1,
      origin: 'https://openrouter.ai',
      apiKey: 'sk-old',
      headers: {},
    });
  });

  it.each([
    ['no key', undefined, 'https://api.openai.com/v1'],
    ['an empty key', '  ', 'https://api.openai.com/v1'],
    ['a key that is not a string', 42, 'https://api.openai.com/v1'],
    ['a base URL without an origin', 'sk-old', 'not a url'],
  ])('drops what cannot be bound: %s', (_, legacy, baseUrl) => {
    expect(migrateCredential({ version: 9 }, legacy, baseUrl)).toBeNull();
  });
});

describe('credential storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates the bare key once: bound to the current base URL, the old item removed', async () => {
    await fakeBrowser.storage.local.set({ apiKey: 'sk-old' });
    expect(await loadCredential('https://api.openai.com/v1')).toMatchObject({ origin: 'https://api.openai.com' });
    const local = await fakeBrowser.storage.local.get(null);
    expect(local).not.toHaveProperty('apiKey');
    expect(local.endpointCredential).toMatchObject({ apiKey: 'sk-old', origin: 'https://api.openai.com' });
    // Later reads go by the stored binding, whatever the base URL has become since.
    expect(await loadCredentialFor('https://evil.example/v1')).toMatchObject({ apiKey: '' });
  });

  it('saves for one origin only, replacing the credential of any other', async () => {
    await saveCredential('https://api.openai.com/v1', ' sk-openai ', {});
    await saveCredential('https://openrouter.ai/api/v1', 'sk-or', { 'X-Title': 'Sourcelens' });
    expect(await loadCredentialFor('https://openrouter.ai/api/v1')).toMatchObject({ apiKey: 'sk-or' });
    expect(await loadCredentialFor('https://api.openai.com/v1')).toMatchObject({ apiKey: '', headers: {} });
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).not.toContain('sk-');
  });
});
