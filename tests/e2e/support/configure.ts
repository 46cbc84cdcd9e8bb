import type { Page } from 'playwright-core';
import type { LoadedExtension } from './extension';

/** Sets up the endpoint on the options page, as a user would: fields by their labels, then Save. */
export async function configureEndpoint(
  extension: LoadedExtension,
  endpoint: { baseUrl: string; apiKey: string; model: string },
): Promise<Page> {
  const options = await extension.openPage('options.html');
  await options.getByLabel('Provider').selectOption('custom');
  await options.getByLabel('Base URL').fill(endpoint.baseUrl);
  await options.getByLabel('API key', { exact: true }).fill(endpoint.apiKey);
  await options.getByLabel('Model', { exact: true }).fill(endpoint.model);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Saved').waitFor();
  return options;
}

/** Opens the side panel page bound to the tab showing `articlePage`. */
export async function openPanelFor(extension: LoadedExtension, articlePage: Page): Promise<Page> {
  const tabId = await extension.tabIdOf(articlePage);
  const panel = await extension.openPage(`sidepanel.html?tabId=${tabId}`);
  await panel.setViewportSize({ width: 420, height: 1400 });
  return panel;
}

/**
 * Starts a fresh analysis of the panel's tab, as a user would: Analyse, and if the stored result
 * came back (the same article was analysed before in this browser), Regenerate.
 */
export async function analyseAfresh(panel: Page): Promise<void> {
  await panel.getByRole('button', { name: 'Analyse this page' }).click();
  // The header (with the word count) appears once the page is read: fresh, or with the stored result.
  await panel
    .getByText(/\d+ words/)
    .first()
    .waitFor({ timeout: 10_000 });
  const fromCache = panel.getByText(/from cache/i);
  if (!(await fromCache.count())) return;
  await panel.getByRole('button', { name: 'Regenerate' }).click();
  // Until the fresh job's first snapshot arrives, the panel still shows the stored result: a check
  // made in that moment would read the old translation as the new one.
  await fromCache.waitFor({ state: 'detached', timeout: 10_000 });
}
