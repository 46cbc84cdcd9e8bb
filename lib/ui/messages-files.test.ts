import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChromeMessages, chromeMessagesOf, useBrowserLocale } from '@/tests/support/browser-i18n';
import { describeError } from '@/lib/ui/describe-error';

/**
 * The interface's messages files (locales/*.yml): every language has exactly the default's keys, and
 * each message the same placeholders, so no surface shows a raw key, an empty string or a lost value.
 */
const LOCALES_DIR = path.resolve(import.meta.dirname, '../../locales');
const DEFAULT_LOCALE = 'en';
const LOCALES = readdirSync(LOCALES_DIR)
  .filter((file) => file.endsWith('.yml'))
  .map((file) => file.replace(/\.yml$/, ''));

/** The named ({host}) and numbered ($1) placeholders of a message, sorted. */
function placeholdersOf(message: string): string[] {
  const named = [...message.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((match) => `{${match[1]}}`);
  const numbered = [...message.replaceAll('$$', '').matchAll(/\$([1-9])/g)].map((match) => `$${match[1]}`);
  return [...new Set([...named, ...numbered])].sort();
}

function keyDifference(reference: ChromeMessages, other: ChromeMessages) {
  return {
    missing: Object.keys(reference).filter((key) => !(key in other)),
    extra: Object.keys(other).filter((key) => !(key in reference)),
  };
}

describe('the messages files', () => {
  it('has English and German', () => {
    expect(LOCALES).toEqual(expect.arrayContaining(['en', 'de']));
  });

  it.each(LOCALES.filter((locale) => locale !== DEFAULT_LOCALE))('%s has exactly the keys of en', async (locale) => {
    const difference = keyDifference(await chromeMessagesOf(DEFAULT_LOCALE), await chromeMessagesOf(locale));
    expect(difference).toEqual({ missing: [], extra: [] });
  });

  it.each(LOCALES.filter((locale) => locale !== DEFAULT_LOCALE))(
    '%s keeps every placeholder of each English message, and adds none',
    async (locale) => {
      const english = await chromeMessagesOf(DEFAULT_LOCALE);
      const translated = await chromeMessagesOf(locale);
      const mismatches = Object.entries(english)
        .filter(([key]) => key in translated)
        .map(([key, { message }]) => ({
          key,
          en: placeholdersOf(message).join(' '),
          translated: placeholdersOf(translated[key]?.message ?? '').join(' '),
        }))
        .filter((entry) => entry.en !== entry.translated);
      expect(mismatches).toEqual([]);
    },
  );

  it.each(LOCALES)('%s has no empty message and no lone $, which the browser would drop', async (locale) => {
    const messages = await chromeMessagesOf(locale);
    const bad = Object.entries(messages)
      .filter(([, { message }]) => message.trim() === '' || /\$(?![$1-9])/.test(message.replaceAll('$$', '')))
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it('catches a missing key and a changed placeholder (the checks above can fail)', () => {
    const en: ChromeMessages = { a: { message: 'Hello {name}' }, b: { message: 'Bye' } };
    const de: ChromeMessages = { a: { message: 'Hallo {nme}' }, c: { message: 'Tschüss' } };
    expect(keyDifference(en, de)).toEqual({ missing: ['b'], extra: ['c'] });
    expect(placeholdersOf(en.a?.message ?? '')).not.toEqual(placeholdersOf(de.a?.message ?? ''));
  });
});

describe('the interface follows the browser language', () => {
  afterEach(async () => {
    await useBrowserLocale('en');
  });

  it('describes an error in German in a German browser, with the endpoint’s own values kept', async () => {
    await useBrowserLocale('de');
    const described = describeError({ code: 'auth-failed', status: 401, host: 'api.example.com', detail: 'bad key' });
    expect(described.title).toBe('API-Schlüssel abgelehnt');
    expect(described.message).toBe(
      'api.example.com hat den API-Schlüssel abgelehnt (HTTP 401). Der Endpunkt meldet: „bad key“',
    );
  });

  it('and in English in an English one', () => {
    const described = describeError({ code: 'auth-failed', status: 401, host: 'api.example.com' });
    expect(described.title).toBe('API key rejected');
    expect(described.message).toBe('api.example.com rejected the API key (HTTP 401).');
  });
});
