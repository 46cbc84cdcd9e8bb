import { describe, expect, it } from 'vitest';
import { PROVIDER_GROUPS, PROVIDER_IDS } from '@/lib/providers';
import { useBrowserLocale } from '@/tests/support/browser-i18n';
import { providerGroupLabel, providerHelp } from './provider-text';

describe('provider texts', () => {
  it('give every preset a setup step and every group a label, in English and in German', async () => {
    for (const locale of ['en', 'de']) {
      await useBrowserLocale(locale);
      for (const id of PROVIDER_IDS) expect(providerHelp(id).length, `${locale} ${id}`).toBeGreaterThan(20);
      for (const { group } of PROVIDER_GROUPS) expect(providerGroupLabel(group), `${locale} ${group}`).not.toBe('');
    }
  });

  it('name the tool a local server needs in its own words, whatever the language', async () => {
    await useBrowserLocale('de');
    expect(providerHelp('ollama')).toContain('OLLAMA_ORIGINS="chrome-extension://*,moz-extension://*"');
    expect(providerGroupLabel('local')).toBe('Auf Ihrem Rechner');
  });
});
