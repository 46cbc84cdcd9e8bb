import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearHighlightInTab, HIGHLIGHT_CSS, highlightPassagesInTab } from '@/lib/highlight/highlight-in-tab';
import { installHighlightRequest } from '@/lib/highlight/highlight-request';
import { clearPageHighlight } from '@/lib/highlight/page-highlight';

type Injection = { target: { tabId: number }; func?: unknown; files?: string[]; args?: unknown[] };

/** fakeBrowser has no `scripting`: this one records calls and answers like the page would. */
function fakeScripting(pageAnswer: () => unknown) {
  const scripting = {
    insertCSS: vi.fn(async (_details: { target: { tabId: number; allFrames?: boolean }; css: string }) => undefined),
    removeCSS: vi.fn(async (_details: { target: { tabId: number; allFrames?: boolean }; css: string }) => undefined),
    executeScript: vi.fn(async (details: Injection) => (details.files ? [{ frameId: 0, result: pageAnswer() }] : [])),
  };
  Object.assign(fakeBrowser, { scripting });
  return scripting;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('highlightPassagesInTab', () => {
  it('inserts the highlight style, hands the passages to the page, then injects the script', async () => {
    const scripting = fakeScripting(() => [{ found: true }, { found: false }]);
    const outcome = await highlightPassagesInTab(4, ['Erster Satz.', 'Zweiter Satz.']);
    expect(outcome).toEqual({ found: 1, missing: 1 });
    // In every frame: a passage of an article read from a same-origin frame is highlighted there.
    expect(scripting.insertCSS).toHaveBeenCalledWith({ target: { tabId: 4, allFrames: true }, css: HIGHLIGHT_CSS });
    expect(scripting.removeCSS).toHaveBeenCalledWith({ target: { tabId: 4, allFrames: true }, css: HIGHLIGHT_CSS });
    expect(HIGHLIGHT_CSS).toMatch(/^::highlight\(sourcelens-passage\)/);
    const [request, script] = scripting.executeScript.mock.calls.map(([details]) => details);
    expect(request).toMatchObject({ target: { tabId: 4 }, func: installHighlightRequest });
    expect(request?.args).toEqual([{ passages: ['Erster Satz.', 'Zweiter Satz.'] }]);
    expect(script).toEqual({ target: { tabId: 4 }, files: ['/highlight.js'] });
  });

  it('removes the previous copy of the style first, so repeated highlights do not pile them up', async () => {
    const scripting = fakeScripting(() => [{ found: true }]);
    await highlightPassagesInTab(4, ['Satz.']);
    const removed = scripting.removeCSS.mock.invocationCallOrder[0] ?? 0;
    const inserted = scripting.insertCSS.mock.invocationCallOrder[0] ?? 0;
    expect(removed).toBeGreaterThan(0);
    expect(removed).toBeLessThan(inserted);
  });

  it('counts every passage missing when the page cannot be scripted any more', async () => {
    const scripting = fakeScripting(() => []);
    scripting.insertCSS.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await highlightPassagesInTab(4, ['Satz eins.', 'Satz zwei.'])).toEqual({ found: 0, missing: 2 });
  });

  it('treats an answer that is not a list of results as nothing found', async () => {
    fakeScripting(() => ({ found: 3 }));
    expect(await highlightPassagesInTab(4, ['Satz.'])).toEqual({ found: 0, missing: 1 });
  });

  it('asks nothing of the page for no passages', async () => {
    const scripting = fakeScripting(() => []);
    expect(await highlightPassagesInTab(4, ['', '  '])).toEqual({ found: 0, missing: 0 });
    expect(scripting.executeScript).not.toHaveBeenCalled();
  });
});

describe('clearHighlightInTab', () => {
  it('runs the self-contained clearing function in the tab, and shrugs off a closed tab', async () => {
    const scripting = fakeScripting(() => []);
    await clearHighlightInTab(9);
    expect(scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 9 }, func: clearPageHighlight });
    scripting.executeScript.mockRejectedValueOnce(new Error('No tab with id: 9'));
    await expect(clearHighlightInTab(9)).resolves.toBeUndefined();
  });
});
