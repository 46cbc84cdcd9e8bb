import { mkdir } from 'node:fs/promises';
import { test as baseTest } from 'vitest';
import { type OpenAITestServerOptions, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { ARTIFACTS_DIR } from '@/tests/support/browser/extension';
import { launchFirefox } from '@/tests/support/browser/firefox';
import { startPageServer } from '@/tests/support/browser/page-server';

/**
 * The Firefox tests' `test`, as `browserTest` is Chromium's: Firefox ESR with the Firefox e2e build
 * (`firefox`), the test endpoint (`endpoint`, set per file with `test.override({ endpointOptions })`)
 * and the saved pages (`pages`), each started once per file on first use and closed after its last
 * test.
 */
export const firefoxTest = baseTest
  .extend('endpointOptions', { scope: 'file' }, {} as OpenAITestServerOptions)
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern; Firefox has none.
  .extend('firefox', { scope: 'file' }, async ({}, { onCleanup }) => {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const firefox = await launchFirefox();
    onCleanup(() => firefox.close());
    return firefox;
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
  });
