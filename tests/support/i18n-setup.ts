import { beforeEach } from 'vitest';
import { useBrowserLocale } from '@/tests/support/browser-i18n';

// Unit tests run in English, the default locale: every string the code takes from the messages
// files reads as in an English browser. A test of another language calls useBrowserLocale itself.
await useBrowserLocale('en');
beforeEach(async () => {
  await useBrowserLocale('en');
});
