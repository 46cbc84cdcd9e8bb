import { browser } from '#imports';
import { extractFromTab } from '@/lib/article/extract-from-tab';
import type { TabExtraction } from '@/lib/article/parse-extraction';
import { messageOf } from '@/lib/message-of';
import { hostPatternOf } from '@/lib/sources/read-source-in-background';
import type { SourcePageRead } from '@/lib/sources/source-page-read';

/** How long a source may take to load in its background tab. */
export const TAB_LOAD_TIMEOUT_MS = 30_000;
/** A page built by its scripts may still be writing its text at `complete`: read again after these pauses. */
const SETTLE_DELAYS_MS = [0, 500, 1_500];

/**
 * "Open and read it in a background tab": for a source that fetching gave no article (a page its
 * scripts build, or one shown only to signed-in readers). The page loads in an inactive tab of
 * the reader's window, with the reader's own session, is read by the extraction script the
 * toolbar button injects (lib/article/extract-from-tab.ts), and the tab is closed, whatever
 * happens. Needs host access to the source's site, as fetching does. Never throws.
 */
export async function readSourceInTab(url: string, options: { windowId?: number } = {}): Promise<SourcePageRead> {
  const pattern = hostPatternOf(url);
  if (!pattern) return { ok: false, problem: { kind: 'invalid-url', url } };
  if (!(await browser.permissions.contains({ origins: [pattern.pattern] }))) {
    return { ok: false, problem: { kind: 'permission-needed', origin: pattern.origin } };
  }
  const host = new URL(url).host;
  let tabId: number | undefined;
  try {
    const tab = await browser.tabs.create({
      url,
      active: false,
      ...(options.windowId === undefined ? {} : { windowId: options.windowId }),
    });
    tabId = tab.id;
    if (tabId === undefined)
      return { ok: false, problem: { kind: 'unreachable', host, detail: 'no tab could be opened' } };
    if (!(await loaded(tabId, TAB_LOAD_TIMEOUT_MS))) {
      return {
        ok: false,
        problem: {
          kind: 'unreachable',
          host,
          detail: `the page did not finish loading in ${TAB_LOAD_TIMEOUT_MS / 1000} s`,
        },
      };
    }
    let extraction: TabExtraction = { ok: false, error: { code: 'extraction-failed', detail: 'not read' } };
    for (const delay of SETTLE_DELAYS_MS) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      extraction = await extractFromTab(tabId, 'article');
      if (extraction.ok || extraction.error.code !== 'not-an-article') break;
    }
    const retrievedAt = new Date().toISOString();
    if (extraction.ok) return { ok: true, article: extraction.article, retrievedAt };
    switch (extraction.error.code) {
      case 'not-an-article':
        return { ok: false, problem: { kind: 'not-an-article', url } };
      case 'page-access-denied':
        return { ok: false, problem: { kind: 'permission-needed', origin: pattern.origin } };
      default:
        // Chromium shows its own error page for a site that does not answer; scripts cannot run there.
        return {
          ok: false,
          problem: {
            kind: 'unreachable',
            host,
            detail:
              'detail' in extraction.error && extraction.error.detail
                ? String(extraction.error.detail)
                : extraction.error.code,
          },
        };
    }
  } catch (error) {
    return { ok: false, problem: { kind: 'unreachable', host, detail: messageOf(error) } };
  } finally {
    if (tabId !== undefined) await browser.tabs.remove(tabId).catch(() => undefined);
  }
}

/** Resolves true once the tab's status is `complete`, false after `timeoutMs`. */
function loaded(tabId: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (done: boolean) => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(listener);
      resolve(done);
    };
    const listener = (updatedId: number, changeInfo: { status?: string }) => {
      if (updatedId === tabId && changeInfo.status === 'complete') finish(true);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    browser.tabs.onUpdated.addListener(listener);
    // It may have finished before the listener was added.
    browser.tabs
      .get(tabId)
      .then((tab) => {
        if (tab.status === 'complete') finish(true);
      })
      .catch(() => finish(false));
  });
}
