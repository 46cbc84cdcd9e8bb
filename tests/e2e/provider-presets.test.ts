/** The Provider field as a user meets it: each preset fills its Base URL, a model and its setup step. */
import { PROVIDER_IDS, PROVIDERS } from '@/lib/providers';
import { browserTest, expect } from '@/tests/support/browser/browser-test';
import { chromeMessagesOf, getMessageOver } from '@/tests/support/browser-i18n';

const test = browserTest.override({ endpointOptions: {} });

test.describe('provider presets on the options page', () => {
  test('each preset fills its Base URL (Azure: its form as placeholder), a model and its setup step', async ({
    openOptions,
  }) => {
    // The setup steps as an English browser shows them (locales/en.yml, as the build writes it).
    const message = getMessageOver(await chromeMessagesOf('en'));
    const options = await openOptions();
    const provider = options.field('Provider');
    await provider.waitFor();
    const labels = await provider.locator('option').allTextContents();
    expect(labels).toEqual(PROVIDER_IDS.map((id) => PROVIDERS[id].label));
    for (const id of PROVIDER_IDS.filter((candidate) => candidate !== 'custom')) {
      const preset = PROVIDERS[id];
      await provider.selectOption(id);
      expect(await options.field('Base URL').inputValue()).toBe(preset.baseUrl);
      expect(await options.field('Base URL').getAttribute('placeholder')).toBe(preset.baseUrlPlaceholder);
      expect(await options.field('Model').inputValue()).toBe(preset.suggestedModel);
      expect(await options.page.locator('#provider-hint').textContent()).toBe(message(`providerHelp_${id}`));
    }
    await provider.selectOption('gemini');
    await options.screenshot('options-preset-gemini', { fullPage: false });
    await provider.selectOption('azure');
    await options.screenshot('options-preset-azure', { fullPage: false });
    await options.page.close();
  });
});
