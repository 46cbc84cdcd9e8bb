import { readFile } from 'node:fs/promises';
import type { BrowserContext } from 'playwright-core';

/** Everything the browser's contexts printed or threw, as text, for a test to search. */
export interface ConsoleCollector {
  /** Playwright's view: console messages of pages and service workers, uncaught errors of pages. */
  events: string[];
  /** The events and Chromium's log file together (the file also has the real popup and side panel, and service-worker errors). */
  everything(): Promise<string>;
}

/**
 * Listens to every context of the browser from now on: `console` on the browser context covers
 * its pages and service workers, `weberror` the pages' uncaught errors. Chromium's log file (see
 * `LaunchOptions.logFile`) adds the contexts Playwright does not see as pages, and uncaught errors
 * in the service worker.
 */
export function collectConsole(context: BrowserContext, logFile: string): ConsoleCollector {
  const events: string[] = [];
  context.on('console', (message) => {
    events.push(`console.${message.type()} ${message.location().url}: ${message.text()}`);
  });
  context.on('weberror', (webError) => {
    const error = webError.error();
    events.push(`uncaught ${webError.page()?.url() ?? ''}: ${error.message}\n${error.stack ?? ''}`);
  });
  return {
    events,
    async everything() {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      return `${events.join('\n')}\n${log}`;
    },
  };
}
