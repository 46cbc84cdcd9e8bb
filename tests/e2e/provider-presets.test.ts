/** The Provider field as a user meets it: each preset fills its Base URL, a model and its setup step. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_IDS, PROVIDERS } from '../../lib/providers';
import { ARTIFACTS_DIR } from './support/extension';
import { startWorld, type World } from './support/world';

let world: World | undefined;

beforeAll(async () => {
  world = await startWorld({});
});

afterAll(async () => {
  await world?.close();
});

describe('provider presets on the options page', () => {
  it('each preset fills its Base URL (Azure: its form as placeholder), a model and its setup step', async () => {
    if (!world) throw new Error('no browser');
    const options = await world.extension.openPage('options.html');
    const provider = options.getByLabel('Provider');
    await provider.waitFor();
    const labels = await provider.locator('option').allTextContents();
    expect(labels).toEqual(PROVIDER_IDS.map((id) => PROVIDERS[id].label));
    for (const id of PROVIDER_IDS.filter((candidate) => candidate !== 'custom')) {
      const preset = PROVIDERS[id];
      await provider.selectOption(id);
      expect(await options.getByLabel('Base URL').inputValue()).toBe(preset.baseUrl);
      expect(await options.getByLabel('Base URL').getAttribute('placeholder')).toBe(preset.baseUrlPlaceholder);
      expect(await options.getByLabel('Model', { exact: true }).inputValue()).toBe(preset.suggestedModel);
      expect(await options.locator('#provider-hint').textContent()).toBe(preset.help);
    }
    await provider.selectOption('gemini');
    await options.screenshot({ path: path.join(ARTIFACTS_DIR, 'options-preset-gemini.png') });
    await provider.selectOption('azure');
    await options.screenshot({ path: path.join(ARTIFACTS_DIR, 'options-preset-azure.png') });
    await options.close();
  });
});
