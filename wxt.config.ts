import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => ({
    name: 'Sourcelens',
    description:
      'Who says so? A summary, source-attribution notes and a faithful English translation of any news article.',
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'chrome' ? ['sidePanel'] : [])],
    host_permissions: mode === 'e2e' ? ['http://127.0.0.1/*'] : [],
    action: { default_title: 'Sourcelens: analyse this article' },
  }),
});
