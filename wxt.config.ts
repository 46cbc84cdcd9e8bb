import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { currentDevHost, devBrowserConfig } from './scripts/dev-browser-config';

/**
 * Endpoints are user-configured, so host access to one is requested at run time (Options → Save);
 * so is access to the site of a source the article links, on Check against ‹source› (issue 14).
 */
const ENDPOINT_ORIGINS = ['https://*/*', 'http://*/*'];

/** The icon sizes built from assets/icon.svg (toolbar 16 and 32, extensions page 48, stores 96 and 128). */
const ICON_SIZES = [16, 32, 48, 96, 128] as const;

// https://wxt.dev/api/config.html
export default defineConfig({
  // @wxt-dev/i18n: the interface's words in locales/*.yml, typed keys, and _locales/ for the browser
  // (which picks the language from the browser's own, as the manifest's __MSG_…__ do).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons', '@wxt-dev/i18n/module'],
  // One source image; the toolbar, the extensions page and the stores take these sizes.
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [...ICON_SIZES] },
  vite: () => ({ plugins: [preact()] }),
  // `npm run zip`: .output/sourcelens-<package.json version>-{chrome,firefox,sources}.zip. Mozilla's review
  // builds the Firefox package from the sources archive (README: npm ci && npm run build:firefox).
  zip: { excludeSources: ['tests/e2e/artifacts/**', 'coverage/**', 'web-ext-artifacts/**', '*.log'] },
  // `npm run dev`: which browser to open, and --no-sandbox for root only.
  webExt: devBrowserConfig(currentDevHost()),
  manifest: ({ browser, manifestVersion, mode }) => ({
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // offscreen: the service worker has no DOM; a source check reads linked pages in an offscreen document.
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      'contextMenus',
      ...(browser === 'chrome' ? ['sidePanel', 'offscreen'] : []),
    ],
    // The browser tests serve pages and the test endpoint on 127.0.0.1, where activeTab is never granted;
    // llm-gateway.example.test is a remote-looking endpoint host mapped to it (tests/e2e/endpoint-errors.test.ts),
    // granted here because the permission prompt Save would show cannot be answered in automation.
    host_permissions: mode === 'e2e' ? ['http://127.0.0.1/*', 'https://llm-gateway.example.test/*'] : [],
    ...(manifestVersion === 3
      ? { optional_host_permissions: ENDPOINT_ORIGINS }
      : { optional_permissions: ENDPOINT_ORIGINS }),
    action: { default_title: '__MSG_actionTitle__' },
    // The toolbar button's shortcut: it fires the same click (action.onClicked or the popup), and
    // the browser counts it as a user gesture, so the side panel opens too. Changeable at
    // chrome://extensions/shortcuts or Firefox's Manage Extension Shortcuts.
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandAnalyse__',
      },
    },
    browser_specific_settings: {
      gecko: {
        id: 'sourcelens@sourcelens.dev',
        strict_min_version: '142.0',
        // The article's text is sent to the endpoint the user configures.
        data_collection_permissions: { required: ['websiteContent'] },
      },
    },
  }),
});
