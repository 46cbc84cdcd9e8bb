import path from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * `browser.i18n.getMessage` for unit tests, over the same messages.json the build writes from
 * locales/<locale>.yml (WXT's fake browser leaves i18n unimplemented). Chrome's rules, as
 * documented at https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage
 * and https://developer.chrome.com/docs/extensions/mv3/i18n-messages: `$name$` placeholders take
 * their `content`, `$1`…`$9` the substitutions, `$$` is a literal `$`, and an unknown name gives ''.
 */
export type ChromeMessages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const LOCALES_DIR = path.resolve(import.meta.dirname, '../../locales');

const parsed = new Map<string, Promise<ChromeMessages>>();

/** The messages.json the build writes for `locale` (`en`, `de`): message name → message. Parsed once. */
export function chromeMessagesOf(locale: string): Promise<ChromeMessages> {
  let messages = parsed.get(locale);
  if (!messages) {
    messages = parseMessagesFile(path.join(LOCALES_DIR, `${locale}.yml`)).then(
      (file) => generateChromeMessages(file) as ChromeMessages,
    );
    parsed.set(locale, messages);
  }
  return messages;
}

/** Chrome's getMessage over `messages`. */
export function getMessageOver(messages: ChromeMessages) {
  return (name: string, substitutions?: string | string[]): string => {
    const entry = messages[name];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    let text = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, placeholder: string) => {
      const found = Object.entries(entry.placeholders ?? {}).find(
        ([key]) => key.toLowerCase() === placeholder.toLowerCase(),
      );
      return found ? found[1].content : whole;
    });
    text = text.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (subs[Number(what) - 1] ?? '')));
    return text;
  };
}

/** Makes the fake browser answer in `locale`, as a browser set to that language does. */
export async function useBrowserLocale(locale: string): Promise<void> {
  const getMessage = getMessageOver(await chromeMessagesOf(locale));
  Object.assign(fakeBrowser.i18n, {
    getMessage,
    getUILanguage: () => locale,
  });
}
