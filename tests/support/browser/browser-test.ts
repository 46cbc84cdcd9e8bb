import { mkdir } from 'node:fs/promises';
import { test as baseTest } from 'vitest';
import type { OpenAITestServerOptions } from '@/tests/support/openai-test-server';
import { ARTIFACTS_DIR, type LaunchOptions, loadExtension } from '@/tests/support/browser/extension';
import { startPageServer } from '@/tests/support/browser/page-server';
import { ArticlePage } from '@/tests/support/browser/pages/article-page';
import { type EndpointEntry, OptionsPage } from '@/tests/support/browser/pages/options-page';
import { SidePanel } from '@/tests/support/browser/pages/side-panel';
import { startOpenAITestServer } from '@/tests/support/openai-test-server';

/** The key and model every browser test's endpoint accepts unless a file overrides `endpointOptions`. */
export const TEST_API_KEY = 'sk-test-sourcelens-0123456789';
export const TEST_MODEL = 'test-model-1';

/**
 * The browser tests' `test`: Chromium with the built extension, the OpenAI-compatible test
 * endpoint and the saved pages, started once per file on first use and closed after its last test.
 *
 * A file sets its endpoint and browser with `test.override` at its top:
 * ```ts
 * const test = browserTest.override({ endpointOptions: { apiKey: KEY, models: [MODEL], fixtureDelayMs: 5 } });
 * test.beforeAll(async ({ openOptions, testEndpoint }) => (await openOptions()).useEndpoint(testEndpoint));
 * test('…', async ({ openArticle }) => {
 *   const panel = await (await openArticle('seed-de')).openSidePanel();
 *   await panel.analyse();
 * });
 * ```
 * Fixtures (all per file): `extension`, `endpoint`, `pages`; `testEndpoint`, the endpoint as a user
 * enters it in Options (its URL, the first key and model of `endpointOptions`); `openArticle(slug or
 * URL)`, `openOptions()`, `openSidePanel(tabId)`, each a page object (./pages/).
 */
export const browserTest = baseTest
  .extend('endpointOptions', { scope: 'file' }, {
    apiKey: TEST_API_KEY,
    models: [TEST_MODEL],
  } satisfies OpenAITestServerOptions as OpenAITestServerOptions)
  .extend('launchOptions', { scope: 'file' }, {} as LaunchOptions)
  .extend('extension', { scope: 'file' }, async ({ launchOptions }, { onCleanup }) => {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const extension = await loadExtension(launchOptions);
    onCleanup(() => extension.close());
    return extension;
  })
  .extend('endpoint', { scope: 'file' }, async ({ endpointOptions }, { onCleanup }) => {
    const endpoint = await startOpenAITestServer(endpointOptions);
    onCleanup(() => endpoint.close());
    return endpoint;
  })
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern; the page server has none.
  .extend('pages', { scope: 'file' }, async ({}, { onCleanup }) => {
    const pages = await startPageServer();
    onCleanup(() => pages.close());
    return pages;
  })
  .extend(
    'testEndpoint',
    { scope: 'file' },
    async ({ endpoint, endpointOptions }): Promise<EndpointEntry> => ({
      baseUrl: endpoint.url,
      apiKey: endpointOptions.apiKey ?? '',
      model: endpointOptions.models?.[0] ?? TEST_MODEL,
    }),
  )
  .extend(
    'openArticle',
    { scope: 'file' },
    async ({ extension, pages }) =>
      /** Opens a saved page by slug (`seed-de`), with an optional query, or any URL, in a new tab. */
      (slugOrUrl: string, query = ''): Promise<ArticlePage> =>
        ArticlePage.open(extension, `${/^[a-z]+:/.test(slugOrUrl) ? slugOrUrl : pages.urlOf(slugOrUrl)}${query}`),
  )
  .extend(
    'openOptions',
    { scope: 'file' },
    async ({ extension }) =>
      (): Promise<OptionsPage> =>
        OptionsPage.open(extension),
  )
  .extend(
    'openSidePanel',
    { scope: 'file' },
    async ({ extension }) =>
      /** The side panel for a tab that is not an `ArticlePage` (a browser page, a tab opened by a click). */
      (tabId: number): Promise<SidePanel> =>
        SidePanel.open(extension, tabId),
  );

export { expect } from 'vitest';

/** The `openArticle` fixture's type, for helpers that open a page on a test's behalf. */
export type OpenArticle = (slugOrUrl: string, query?: string) => Promise<ArticlePage>;
