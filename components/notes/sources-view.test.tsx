// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '@/lib/attribution/analysis';
import {
  FABRICATED_NOTE,
  NEAR_MISS_NOTE,
  SEED_ANSWER,
  SEED_ANSWER_ARTICLE,
  seedAnswerNote,
} from '@/tests/support/components/seed-answer';
import { type PageHighlighter, PageHighlighterContext } from '@/components/panel/page-highlighter';
import { SourcesView } from '@/components/notes/sources-view';
import { PAGE_CHANGED_MESSAGE, usePageHighlight } from '@/components/panel/use-page-highlight';

afterEach(cleanup);

function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A page that has every passage (or none, `pageChanged`), recording what it was asked. */
function fakeHighlighter({ pageChanged = false } = {}) {
  let clearedInPage: (() => void) | null = null;
  const highlighter = {
    highlight: vi.fn<PageHighlighter['highlight']>(async (passages) =>
      pageChanged ? { found: 0, missing: passages.length } : { found: passages.length, missing: 0 },
    ),
    clear: vi.fn<PageHighlighter['clear']>(async () => undefined),
    onClearedInPage: vi.fn<PageHighlighter['onClearedInPage']>((listener) => {
      clearedInPage = listener;
      return () => {
        clearedInPage = null;
      };
    }),
  };
  return { highlighter, escapeInPage: () => act(() => clearedInPage?.()) };
}

function Harness({ notes, complete = true }: { notes: Note[]; complete?: boolean }) {
  const highlight = usePageHighlight();
  return (
    <SourcesView
      article={SEED_ANSWER_ARTICLE}
      notes={notes}
      streaming={!complete}
      complete={complete}
      highlight={highlight}
    />
  );
}

async function mountSources(notes: Note[], highlighter: PageHighlighter | null = null, complete = true) {
  const mounted = render(
    <PageHighlighterContext.Provider value={highlighter}>
      <Harness notes={notes} complete={complete} />
    </PageHighlighterContext.Provider>,
  );
  return mounted.container;
}

function cards(container: Element): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('article.note-card')];
}

function toggleOf(card: HTMLElement | undefined): HTMLButtonElement {
  const button = card?.querySelector<HTMLButtonElement>('button.note-card__locate');
  if (!button) throw new Error('The note has no "Show in page" button');
  return button;
}

const WITH_FABRICATED = [...SEED_ANSWER.notes, FABRICATED_NOTE];

describe('SourcesView: notes a reader can verify', () => {
  it('tallies the verified notes above them: 14 of 15 with the fabricated one', async () => {
    const container = await mountSources(WITH_FABRICATED);
    expect(text(container.querySelector('.verification-tally__summary'))).toBe('14 of 15 notes verified');
    expect(text(container.querySelector('.verification-tally__detail'))).toBe('1 not found in the article');
    const tally = container.querySelector('.verification-tally');
    const firstNote = container.querySelector('ol.notes');
    expect(
      tally && firstNote && tally.compareDocumentPosition(firstNote) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('marks each verified note with its paragraph, and the fabricated one as not found, never verified', async () => {
    const container = await mountSources(WITH_FABRICATED);
    const all = cards(container);
    expect(all).toHaveLength(15);
    expect(text(all[0]?.querySelector('.grounding'))).toBe(
      '✓ Quote found in the article, word for word in paragraph · p1',
    );
    expect(text(all[12]?.querySelector('.grounding'))).toContain('p7');
    const fabricated = all[14];
    expect(text(fabricated?.querySelector('.grounding'))).toBe('✕ Not found in the article');
    expect(fabricated?.querySelector('.grounding--verified')).toBeNull();
    expect(fabricated?.querySelector('button.note-card__locate')).toBeNull();
  });

  it('marks a verbatim quote that the article does not attribute to the note’s source, and does not count it verified', async () => {
    // The article's own unattributed last sentence, attributed by the model to the New York Times.
    const misattributed: Note = {
      ...seedAnswerNote(13),
      kind: 'reported-speech',
      source: { name: 'The New York Times', role: null, type: 'media-outlet' },
      chain: [
        { name: 'This page', cue: null },
        { name: 'The New York Times', cue: 'so die NYT' },
      ],
    };
    const container = await mountSources([seedAnswerNote(0), misattributed]);
    const card = cards(container)[1];
    expect(text(card?.querySelector('.grounding'))).toBe('! Quote found, attribution not in it in paragraph · p7');
    expect(card?.querySelector('.grounding--verified')).toBeNull();
    expect(card?.querySelector('.grounding')?.getAttribute('title')).toContain('“The New York Times”');
    expect(text(container.querySelector('.verification-tally__summary'))).toBe('1 of 2 notes verified');
    expect(text(container.querySelector('.verification-tally__detail'))).toBe(
      '1 quote found without the attribution the note gives',
    );
  });

  it('shows a near-miss with the article’s own sentence, the changed word marked', async () => {
    const container = await mountSources([seedAnswerNote(0), NEAR_MISS_NOTE]);
    const nearMiss = cards(container)[1];
    expect(text(nearMiss?.querySelector('.grounding'))).toBe('≈ Near-miss');
    const closest = nearMiss?.querySelector('.closest-passage');
    expect(text(closest?.querySelector('figcaption'))).toBe('What the article says (p3, 86% the same words):');
    expect(closest?.querySelector('blockquote')?.textContent).toBe(
      'Smiths Treffen mit Lukaschenko sei heimlich erfolgt.',
    );
    expect(closest?.querySelector('blockquote')?.getAttribute('lang')).toBe('de');
    expect(text(closest?.querySelector('mark'))).toBe('heimlich');
    expect(text(container.querySelector('.verification-tally__summary'))).toBe('1 of 2 notes verified');
    expect(text(container.querySelector('.verification-tally__detail'))).toBe('1 near-miss');
  });

  it('hides the unverified notes with the switch, and says how many are hidden', async () => {
    const container = await mountSources([...WITH_FABRICATED, NEAR_MISS_NOTE]);
    expect(cards(container)).toHaveLength(16);
    const toggle = container.querySelector<HTMLInputElement>('.switch input[type="checkbox"]');
    expect(text(toggle?.closest('label'))).toBe('Hide unverified notes');
    if (!toggle) throw new Error('No switch');
    fireEvent.click(toggle);
    expect(cards(container)).toHaveLength(14);
    expect(container.querySelector('.grounding--not-found, .grounding--near-miss')).toBeNull();
    expect(container.textContent).toContain('2 unverified notes are hidden.');
    fireEvent.click(toggle);
    expect(cards(container)).toHaveLength(16);
  });

  it('offers no switch when every note is verified', async () => {
    const container = await mountSources(SEED_ANSWER.notes);
    expect(text(container.querySelector('.verification-tally__summary'))).toBe('14 of 14 notes verified');
    expect(container.querySelector('.switch')).toBeNull();
  });

  it('counts how the seed answer’s claims are sourced', async () => {
    const container = await mountSources(SEED_ANSWER.notes);
    const counts = [...container.querySelectorAll('.attribution-count')].map(
      (count) => `${text(count.querySelector('dt'))}: ${text(count.querySelector('dd'))}`,
    );
    expect(counts).toEqual([
      'Named sources: 7',
      'Anonymous sources: 1',
      'Unattributed: 6',
      'Hedged: 8',
      'Second-hand: 5',
    ]);
    expect(text(container.querySelector('.attribution-counts__title'))).toBe('How the 14 claims are sourced');
    expect(container.querySelector('.kind-tally')).toBeNull();
  });

  it('does not judge the quote of the note still streaming, nor tally before the end', async () => {
    const streamingNote = { ...FABRICATED_NOTE, quote: 'Ein mutmaßlich bedeutsames Abk' };
    const container = await mountSources([seedAnswerNote(0), streamingNote], null, false);
    const [settled, streaming] = cards(container);
    expect(settled?.querySelector('.grounding--verified')).not.toBeNull();
    expect(streaming?.querySelector('.grounding')).toBeNull();
    expect(container.querySelector('.verification-tally')).toBeNull();
  });
});

describe('SourcesView: showing a note’s passage in the page', () => {
  it('highlights exactly the note’s sentence on a click, and clears it on a second click', async () => {
    const { highlighter } = fakeHighlighter();
    const container = await mountSources(SEED_ANSWER.notes, highlighter);
    const card = cards(container)[3];
    const button = toggleOf(card);
    expect(button.getAttribute('aria-pressed')).toBe('false');
    if (!card) throw new Error('No card');
    fireEvent.click(card);
    await waitFor(() =>
      expect(highlighter.highlight).toHaveBeenCalledWith(['Smiths Treffen mit Lukaschenko sei heimlich erfolgt.']),
    );
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(card.classList.contains('note-card--pressed')).toBe(true);
    fireEvent.click(card);
    await waitFor(() => expect(highlighter.clear).toHaveBeenCalledTimes(1));
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });

  it('works from the keyboard: the note’s button is a real toggle button', async () => {
    const { highlighter } = fakeHighlighter();
    const container = await mountSources(SEED_ANSWER.notes, highlighter);
    const button = toggleOf(cards(container)[0]);
    expect(button.type).toBe('button');
    fireEvent.click(button);
    await waitFor(() => expect(highlighter.highlight).toHaveBeenCalledTimes(1));
    expect(highlighter.highlight.mock.calls[0]?.[0]).toEqual([
      'Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor.',
    ]);
    expect(button.getAttribute('aria-pressed')).toBe('true');
  });

  it('clears the highlight on Escape in the panel, and follows an Escape in the page', async () => {
    const { highlighter, escapeInPage } = fakeHighlighter();
    const container = await mountSources(SEED_ANSWER.notes, highlighter);
    const button = toggleOf(cards(container)[1]);
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    await act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
    expect(highlighter.clear).toHaveBeenCalledTimes(1);

    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    await escapeInPage();
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
    // The page cleared it already: no second request to clear.
    expect(highlighter.clear).toHaveBeenCalledTimes(1);
  });

  it('says the page has changed when the passage is no longer on it', async () => {
    const { highlighter } = fakeHighlighter({ pageChanged: true });
    const container = await mountSources(SEED_ANSWER.notes, highlighter);
    const card = cards(container)[2];
    fireEvent.click(toggleOf(card));
    await waitFor(() => expect(text(card?.querySelector('[role="status"]'))).toBe(PAGE_CHANGED_MESSAGE));
  });

  it('highlights the closest passage of a near-miss', async () => {
    const { highlighter } = fakeHighlighter();
    const container = await mountSources([NEAR_MISS_NOTE], highlighter);
    fireEvent.click(toggleOf(cards(container)[0]));
    await waitFor(() =>
      expect(highlighter.highlight).toHaveBeenCalledWith(['Smiths Treffen mit Lukaschenko sei heimlich erfolgt.']),
    );
  });

  it('moves the highlight when another note is clicked', async () => {
    const { highlighter } = fakeHighlighter();
    const container = await mountSources(SEED_ANSWER.notes, highlighter);
    const [first, second] = cards(container);
    fireEvent.click(toggleOf(first));
    await waitFor(() => expect(toggleOf(first).getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(toggleOf(second));
    await waitFor(() => expect(toggleOf(first).getAttribute('aria-pressed')).toBe('false'));
    expect(toggleOf(second).getAttribute('aria-pressed')).toBe('true');
    expect(highlighter.highlight).toHaveBeenCalledTimes(2);
  });
});
