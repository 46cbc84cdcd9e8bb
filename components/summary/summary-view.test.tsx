// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SummaryPoint } from '@/lib/attribution/analysis';
import { SEED_ANSWER, SEED_ANSWER_ARTICLE } from '@/tests/support/components/seed-answer';
import { type PageHighlighter, PageHighlighterContext } from '@/components/panel/page-highlighter';
import { SummaryView } from '@/components/summary/summary-view';
import { usePageHighlight } from '@/components/panel/use-page-highlight';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function fakeHighlighter() {
  return {
    highlight: vi.fn<PageHighlighter['highlight']>(async (passages) => ({ found: passages.length, missing: 0 })),
    clear: vi.fn<PageHighlighter['clear']>(async () => undefined),
    onClearedInPage: vi.fn<PageHighlighter['onClearedInPage']>(() => () => undefined),
  };
}

function Harness({ summary, streaming = false }: { summary: SummaryPoint[]; streaming?: boolean }) {
  const highlight = usePageHighlight();
  return <SummaryView summary={summary} streaming={streaming} article={SEED_ANSWER_ARTICLE} highlight={highlight} />;
}

async function mountSummary(summary: SummaryPoint[], highlighter: PageHighlighter | null = null, streaming = false) {
  const mounted = render(
    <PageHighlighterContext.Provider value={highlighter}>
      <Harness summary={summary} streaming={streaming} />
    </PageHighlighterContext.Provider>,
  );
  return mounted.container;
}

function points(container: Element): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('.summary-list > li')];
}

const PARAGRAPH_2 = SEED_ANSWER_ARTICLE.paragraphs[1]?.text ?? '';
const PARAGRAPH_3 = SEED_ANSWER_ARTICLE.paragraphs[2]?.text ?? '';

describe('SummaryView with citations', () => {
  it('shows each point’s cited paragraph ids as chips', async () => {
    const container = await mountSummary(SEED_ANSWER.summary);
    const chips = points(container).map((point) =>
      [...point.querySelectorAll('.citation-chip')].map((chip) => chip.textContent),
    );
    expect(chips).toEqual([['p1'], ['p2', 'p3'], ['p3', 'p4'], ['p5', 'p6'], ['p7']]);
  });

  it('marks a point whose ids are not paragraphs of the article as having no valid citation', async () => {
    const container = await mountSummary([
      { text: 'A point citing nothing real.', paragraphIds: ['p42'] },
      { text: 'A point citing nothing at all.', paragraphIds: [] },
      { text: 'A point with one good and one bad id.', paragraphIds: ['p2', 'p99'] },
    ]);
    const [invented, none, mixed] = points(container);
    expect(text(invented?.querySelector('.citation-missing'))).toBe('no valid citation');
    expect(invented?.querySelector('.citation-chip--invalid')?.textContent).toBe('p42');
    expect(text(none?.querySelector('.citation-missing'))).toBe('no valid citation');
    expect(mixed?.querySelector('.citation-missing')).toBeNull();
    expect(mixed?.querySelector('.citation-chip--invalid')?.textContent).toBe('p99');
    // Nothing to show for a point without a valid citation: it is not focusable.
    expect(invented?.hasAttribute('tabindex')).toBe(false);
    expect(mixed?.getAttribute('tabindex')).toBe('0');
  });

  it('shows the cited paragraphs’ original text on focus and highlights them in the page', async () => {
    const highlighter = fakeHighlighter();
    const container = await mountSummary(SEED_ANSWER.summary, highlighter);
    const point = points(container)[1];
    if (!point) throw new Error('No second point');
    await act(() => point.focus());
    await waitFor(() => expect(point.querySelector('.cited-popover')).not.toBeNull());
    const popover = point.querySelector('.cited-popover');
    expect(point.getAttribute('aria-describedby')).toBe(popover?.id);
    const quoted = [...(popover?.querySelectorAll('blockquote') ?? [])];
    expect(quoted.map((paragraph) => paragraph.textContent?.replace(/^p\d+\s*/, ''))).toEqual([
      PARAGRAPH_2,
      PARAGRAPH_3,
    ]);
    expect(quoted[0]?.getAttribute('lang')).toBe('de');
    expect(highlighter.highlight).toHaveBeenCalledWith([PARAGRAPH_2, PARAGRAPH_3]);

    await act(() => point.blur());
    await waitFor(() => expect(point.querySelector('.cited-popover')).toBeNull());
    expect(highlighter.clear).toHaveBeenCalledTimes(1);
  });

  it('opens the preview after a short hover, not when the pointer only passes over', async () => {
    vi.useFakeTimers();
    const highlighter = fakeHighlighter();
    const container = await mountSummary(SEED_ANSWER.summary, highlighter);
    const [first, second] = points(container);
    await act(() => {
      first?.dispatchEvent(new MouseEvent('mouseenter'));
      vi.advanceTimersByTime(100);
      first?.dispatchEvent(new MouseEvent('mouseleave'));
      second?.dispatchEvent(new MouseEvent('mouseenter'));
      vi.advanceTimersByTime(400);
    });
    expect(first?.querySelector('.cited-popover')).toBeNull();
    expect(second?.querySelector('.cited-popover')).not.toBeNull();
    expect(highlighter.highlight).toHaveBeenCalledTimes(1);
    expect(highlighter.highlight.mock.calls[0]?.[0]).toEqual([PARAGRAPH_2, PARAGRAPH_3]);
  });

  it('keeps to plain points without the article (the popup)', async () => {
    const mounted = render(<SummaryView summary={SEED_ANSWER.summary} streaming={false} />);
    expect(mounted.container.querySelector('.citation-chip')).toBeNull();
    expect(points(mounted.container)).toHaveLength(5);
  });

  it('does not call the last point uncited while its ids are still streaming', async () => {
    const container = await mountSummary([{ text: 'A point still being written', paragraphIds: [] }], null, true);
    expect(container.querySelector('.citation-missing')).toBeNull();
  });
});
