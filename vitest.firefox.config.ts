import { defineConfig } from 'vitest/config';

// Real-browser tests in Firefox ESR: the built Firefox extension (`wxt build -b firefox --mode e2e`),
// driven over WebDriver BiDi by puppeteer-core.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
