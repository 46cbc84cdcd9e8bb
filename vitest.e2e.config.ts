import { defineConfig } from 'vitest/config';

// Real-browser tests: the built extension (`wxt build --mode e2e`) in Debian's Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
