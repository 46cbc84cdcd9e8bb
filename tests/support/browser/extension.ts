import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3-e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve('tests/e2e/artifacts');

export interface LoadedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens one of the extension's pages (`options.html`, `sidepanel.html?tabId=3`) as a tab. */
  openPage(pathAndQuery: string): Promise<Page>;
  /** The browser's id for the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Where Chromium writes its log, console messages and uncaught errors of every context included
   * (service worker, extension pages, the real popup and side panel, web pages): a test reads it
   * to see what the extension printed.
   */
  logFile?: string;
  /** Chromium's --host-resolver-rules, e.g. `MAP llm-gateway.example.test 127.0.0.1`: a remote-looking host served locally. */
  hostResolverRules?: string;
  /**
   * Headed, in a window of this size at 0,0 on this X display (see virtual-display.ts), for tests
   * that click the browser's own toolbar. Default: headless.
   */
  headed?: { display: string; width: number; height: number };
  /**
   * The browser's language (`de`): Chromium on Linux takes its UI language from LANGUAGE (and
   * --lang), which the extension's i18n follows; `locale` sets navigator.language and Accept-Language.
   * Needs the language's .pak (Debian: chromium-l10n).
   */
  lang?: string;
}

/** Launches Chromium with the built extension, flags as proven on these closed-network machines. */
export async function loadExtension(options: LaunchOptions = {}): Promise<LoadedExtension> {
  const profile = await mkdtemp(path.join(tmpdir(), 'sourcelens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: !options.headed,
    viewport: options.headed ? null : { width: 1280, height: 900 },
    ...(options.lang ? { locale: options.lang } : {}),
    env: {
      ...process.env,
      ...(options.headed ? { DISPLAY: options.headed.display } : {}),
      ...(options.lang ? { LANGUAGE: options.lang, LANG: `${options.lang}_${options.lang.toUpperCase()}.UTF-8` } : {}),
    },
    args: [
      ...(options.headed
        ? [`--window-size=${options.headed.width},${options.headed.height}`, '--window-position=0,0']
        : []),
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...(options.logFile ? ['--enable-logging', `--log-file=${options.logFile}`, '--v=0'] : []),
      // A remote-looking host mapped to the test server, which then serves https with a throwaway certificate.
      ...(options.hostResolverRules
        ? [`--host-resolver-rules=${options.hostResolverRules}`, '--ignore-certificate-errors']
        : []),
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async openPage(pathAndQuery) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pathAndQuery}`);
      return page;
    },
    async tabIdOf(page) {
      const url = page.url();
      const byUrl = await serviceWorker.evaluate(async (pageUrl) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((candidate) => candidate.url === pageUrl)?.id ?? null;
      }, url);
      if (byUrl !== null) return byUrl;
      // Browser pages hide their URL from extensions: take the tab once it is the active one.
      await page.bringToFront();
      return serviceWorker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return tab.id;
      });
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
