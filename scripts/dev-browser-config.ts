import type { WebExtConfig } from 'wxt';
import { CHROMIUM_NAMES, type ExecutableLookup, FIREFOX_NAMES, findExecutable, systemLookup } from './find-executable';

/** What decides how `npm run dev` starts a browser. */
export interface DevHost {
  /** `process.getuid()`, `undefined` where there is none (Windows). */
  uid: number | undefined;
  /** `CHROMIUM_PATH`, the Chromium build the user chose (the browser tests honour it too). */
  chromiumPath: string | undefined;
  lookup: ExecutableLookup;
}

export function currentDevHost(): DevHost {
  return { uid: process.getuid?.(), chromiumPath: process.env.CHROMIUM_PATH, lookup: systemLookup() };
}

/**
 * How WXT's runner (web-ext) starts the browser for `npm run dev` / `npm run dev:firefox`: the
 * first of chromium, chromium-browser, google-chrome found on PATH (web-ext alone looks only for
 * Chrome), firefox or firefox-esr, and `--no-sandbox` only for root, as Chromium refuses to start as
 * root with its sandbox (and without it, WXT dies with `read ECONNRESET`). A normal user keeps the
 * sandbox. A `web-ext.config.ts` of the user's own overrides this (https://wxt.dev/guide/essentials/config/browser-startup).
 */
export function devBrowserConfig(host: DevHost): WebExtConfig {
  const chromium = host.chromiumPath || findExecutable(CHROMIUM_NAMES, host.lookup);
  const firefox = findExecutable(FIREFOX_NAMES, host.lookup);
  return {
    binaries: { ...(chromium ? { chrome: chromium } : {}), ...(firefox ? { firefox } : {}) },
    chromiumArgs: host.uid === 0 ? ['--no-sandbox'] : [],
  };
}
