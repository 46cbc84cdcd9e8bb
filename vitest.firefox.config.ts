import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Real-browser tests in Firefox ESR: the built Firefox extension (`wxt build -b firefox --mode e2e`),
// driven over WebDriver BiDi by puppeteer-core.
export default defineConfig({
  // Browser tests import a few lib/ modules for their constants; those that read the interface's words
  // import WXT's generated #i18n (written by `wxt prepare`), never called outside the extension.
  resolve: { alias: { '#i18n': path.resolve('.wxt/i18n/index.ts') } },
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
