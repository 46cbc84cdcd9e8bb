import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests sit beside the code they test (lib/**, components/**); tests/ holds fixtures,
// the test server and the browser tests, which run with `npm run test:e2e`.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.{ts,tsx}',
      'components/**/*.test.{ts,tsx}',
      'tests/support/**/*.test.ts',
      'scripts/**/*.test.ts',
      'eval/**/*.test.ts',
    ],
    // The interface's words come from locales/*.yml through browser.i18n: English unless a test says otherwise.
    setupFiles: ['tests/support/i18n-setup.ts'],
    restoreMocks: true,
    // Some tests parse a 5 MB page or a whole streamed analysis many times over: seconds on a 2-core
    // machine that is also building. A timeout is no speed target (those are in npm run bench), only
    // a guard against a test that hangs.
    testTimeout: 20_000,
  },
});
