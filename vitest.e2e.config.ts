import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Real-browser tests: the built extension (`wxt build --mode e2e`) in Debian's Chromium.
export default defineConfig({
  // Browser tests import a few lib/ modules for their constants: WXT's plugin resolves their
  // imports (#imports, #i18n, the @/ alias) as it does for the unit tests.
  plugins: [WxtVitest()],
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
