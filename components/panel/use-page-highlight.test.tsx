// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type PageHighlighter, PageHighlighterContext } from '@/components/panel/page-highlighter';
import { type PageHighlight, usePageHighlight } from '@/components/panel/use-page-highlight';

afterEach(cleanup);

/** Renders the hook and hands out its latest value; `setPageChanged` re-renders it with the job's flag. */
async function mountHook(highlighter: PageHighlighter, options: { pageChanged?: boolean } = {}) {
  const latest: { current: PageHighlight | null } = { current: null };
  function Probe({ pageChanged }: { pageChanged: boolean }) {
    latest.current = usePageHighlight({ pageChanged });
    return null;
  }
  const tree = (pageChanged: boolean) => (
    <PageHighlighterContext.Provider value={highlighter}>
      <Probe pageChanged={pageChanged} />
    </PageHighlighterContext.Provider>
  );
  const mounted = render(tree(options.pageChanged ?? false));
  const hook = () => {
    if (!latest.current) throw new Error('The hook did not render');
    return latest.current;
  };
  return Object.assign(hook, {
    setPageChanged: (pageChanged: boolean) => mounted?.rerender(tree(pageChanged)) ?? Promise.resolve(),
  });
}

function fakeHighlighter() {
  return {
    highlight: vi.fn<PageHighlighter['highlight']>(async (passages) => ({ found: passages.length, missing: 0 })),
    clear: vi.fn<PageHighlighter['clear']>(async () => undefined),
    onClearedInPage: vi.fn<PageHighlighter['onClearedInPage']>(() => () => undefined),
  };
}

describe('usePageHighlight', () => {
  it('lets a preview replace the pinned passage for a moment, then shows the pinned one again', async () => {
    const highlighter = fakeHighlighter();
    const hook = await mountHook(highlighter);
    await act(() => hook().toggle('note:1', ['Satz eins.']));
    await waitFor(() => expect(highlighter.highlight).toHaveBeenCalledWith(['Satz eins.']));
    await act(() => hook().preview('summary:0', ['Absatz.']));
    await waitFor(() => expect(hook().active).toBe('summary:0'));
    expect(hook().pinned).toBe('note:1');
    await act(() => hook().release('summary:0'));
    await waitFor(() =>
      expect(highlighter.highlight.mock.calls.map(([passages]) => passages)).toEqual([
        ['Satz eins.'],
        ['Absatz.'],
        ['Satz eins.'],
      ]),
    );
    expect(hook().active).toBe('note:1');
    expect(hook().status).toBe('shown');
    expect(highlighter.clear).not.toHaveBeenCalled();
  });

  it('ignores the answer to a request that a newer one replaced', async () => {
    const highlighter = fakeHighlighter();
    let answerFirst: (value: { found: number; missing: number }) => void = () => undefined;
    highlighter.highlight.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          answerFirst = resolve;
        }),
    );
    highlighter.highlight.mockResolvedValueOnce({ found: 1, missing: 0 });
    const hook = await mountHook(highlighter);
    // Pinned, unpinned and pinned again: the first request's late answer is about a page that has moved on.
    await act(() => hook().toggle('note:1', ['Satz.']));
    await act(() => hook().toggle('note:1', ['Satz.']));
    await act(() => hook().toggle('note:1', ['Satz.']));
    await waitFor(() => expect(hook().status).toBe('shown'));
    await act(() => answerFirst({ found: 0, missing: 1 }));
    await waitFor(() => expect(hook().active).toBe('note:1'));
    expect(hook().status).toBe('shown');
  });

  it('clears the page when the view goes away with a highlight shown', async () => {
    const highlighter = fakeHighlighter();
    const hook = await mountHook(highlighter);
    await act(() => hook().toggle('note:1', ['Satz.']));
    await waitFor(() => expect(highlighter.highlight).toHaveBeenCalledWith(['Satz.']));
    await act(() => cleanup());
    expect(highlighter.clear).toHaveBeenCalledTimes(1);
  });

  it('asks nothing of the page before anything was highlighted', async () => {
    const highlighter = fakeHighlighter();
    const hook = await mountHook(highlighter);
    await act(() => hook().clear());
    await act(() => cleanup());
    expect(highlighter.clear).not.toHaveBeenCalled();
    expect(highlighter.highlight).not.toHaveBeenCalled();
  });

  it('once the tab has moved on, searches the page for nothing and says the page has changed', async () => {
    const highlighter = fakeHighlighter();
    const hook = await mountHook(highlighter, { pageChanged: true });
    await act(() => hook().toggle('note:1', ['Ein Satz, den die neue Seite zitiert.']));
    await waitFor(() => expect(hook().status).toBe('missing'));
    expect(highlighter.highlight).not.toHaveBeenCalled();
    expect(hook().active).toBe('note:1');
  });

  it('clears a highlight shown before the tab moved on, and answers missing from then on', async () => {
    const highlighter = fakeHighlighter();
    const hook = await mountHook(highlighter);
    await act(() => hook().toggle('note:1', ['Satz.']));
    await waitFor(() => expect(hook().status).toBe('shown'));
    await hook.setPageChanged(true);
    await waitFor(() => expect(highlighter.clear).toHaveBeenCalledTimes(1));
    expect(hook().status).toBe('missing');
    await act(() => hook().preview('summary:0', ['Absatz.']));
    await waitFor(() => expect(highlighter.highlight).toHaveBeenCalledTimes(1));
    expect(hook().status).toBe('missing');
  });
});
