import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Real-browser tests: the built extension (`wxt build --mode e2e`) in Debian's Chromium.
export default defineConfig({
  // Browser tests import a few lib/ modules for their constants; those that read the interface's words
  // import WXT's generated #i18n (written by `wxt prepare`), never called outside the extension.
  resolve: { alias: { '#i18n': path.resolve('.wxt/i18n/index.ts') } },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
