import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '@/lib/providers';
import { migrateSettings } from '@/lib/settings-migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsSchema } from '@/lib/settings-schema';

describe('settings parsing, on anything stored', () => {
  it('never throws, and always yields valid settings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (stored) => {
        const { settings } = migrateSettings(stored);
        expect(SettingsSchema.safeParse(settings).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps valid settings, with the Base URL trimmed of spaces and trailing slashes', () => {
    const settings = fc.record({
      version: fc.constant(SETTINGS_VERSION),
      provider: fc.constantFrom(...PROVIDER_IDS),
      baseUrl: fc
        .tuple(fc.webUrl({ validSchemes: ['http', 'https'] }), fc.constantFrom('', '/', '//', ' '))
        .map(([url, tail]) => ` ${url}${tail}`),
      model: fc.string({ maxLength: 30 }),
      targetLanguage: fc.string({ minLength: 1, maxLength: 20 }).filter((value) => value.trim().length > 0),
      toolbarAction: fc.constantFrom('sidepanel' as const, 'popup' as const),
      theme: fc.constantFrom('system' as const, 'light' as const, 'dark' as const),
    });
    fc.assert(
      fc.property(settings, (stored) => {
        const result = migrateSettings({ ...DEFAULT_SETTINGS, ...stored });
        expect(result.resetReason).toBeNull();
        expect(result.settings.provider).toBe(stored.provider);
        expect(result.settings.baseUrl).toBe(stored.baseUrl.trim().replace(/\/+$/, ''));
        expect(result.settings.baseUrl).not.toMatch(/\/$|^\s|\s$/);
      }),
      { numRuns: 200 },
    );
  });
});
