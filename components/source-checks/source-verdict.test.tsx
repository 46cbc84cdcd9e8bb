// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SourcesView } from '@/components/notes/sources-view';
import { SEED_ANALYSIS, SEED_ARTICLE } from '@/tests/support/components/seed-job';
import { nytState, seedNytResult } from '@/tests/support/components/source-check-states';

afterEach(cleanup);

function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The Sources region with the seed notes and the NYT checked; the verdicts of note `index`. */
function verdictsOfNote(index: number, result = seedNytResult()): Element[] {
  const { container } = render(
    <SourcesView
      article={SEED_ARTICLE}
      notes={SEED_ANALYSIS.notes}
      streaming={false}
      complete
      sourceChecks={{ [result.url]: nytState({ status: 'checked', result }) }}
      onCheckSources={() => Promise.resolve()}
    />,
  );
  const note = container.querySelectorAll('ol.notes > li')[index];
  if (!note) throw new Error(`No note ${index}`);
  return [...note.querySelectorAll('.source-verdict')];
}

describe('a note checked against its linked source', () => {
  it('says whom the source attributes the passage to, and labels a check one step further with where it came from', () => {
    const nyt = seedNytResult();
    const attributed = {
      ...nyt,
      claims: nyt.claims.map((claim) =>
        claim.noteIndex === 1 ? { ...claim, attributedTo: 'a State Department readout' } : claim,
      ),
    };
    const READOUT = 'https://www.state.gov/readout-belarus';
    const claim = attributed.claims.find((candidate) => candidate.noteIndex === 1);
    if (!claim) throw new Error('no claim for note 1');
    const followUp = {
      ...nytState({
        status: 'checked',
        result: { ...nyt, url: READOUT, name: 'a State Department readout', parentUrl: nyt.url, claims: [claim] },
      }),
      parentUrl: nyt.url,
      source: { url: READOUT, name: 'a State Department readout', domain: 'state.gov', names: [], claims: [] },
    };
    const { container } = render(
      <SourcesView
        article={SEED_ARTICLE}
        notes={SEED_ANALYSIS.notes}
        streaming={false}
        complete
        sourceChecks={{ [nyt.url]: nytState({ status: 'checked', result: attributed }), [READOUT]: followUp }}
        onCheckSources={() => Promise.resolve()}
      />,
    );
    const [first, second] = container.querySelectorAll('ol.notes > li')[1]?.querySelectorAll('.source-verdict') ?? [];
    expect(text(first?.querySelector('.source-verdict__attributed'))).toBe(
      'The New York Times attributes this to a State Department readout.',
    );
    expect(text(second?.querySelector('.source-verdict__label'))).toBe(
      'Supported by a State Department readout (one step further, from The New York Times)',
    );
  });

  it('shows Supported with the source’s passage in its language and a link that opens the source at it', () => {
    const [verdict] = verdictsOfNote(1);
    expect(text(verdict?.querySelector('.source-verdict__label'))).toBe('Supported by The New York Times');
    const passage = verdict?.querySelector('blockquote');
    expect(passage?.getAttribute('lang')).toBe('en');
    expect(text(passage)).toMatch(/^It was the first meeting between a senior State Department official/);
    const link = verdict?.querySelector('a');
    expect(text(link)).toBe('Open The New York Times at this passage');
    expect(link?.getAttribute('href')).toMatch(
      /^https:\/\/www\.nytimes\.com\/2025\/02\/14\/world\/europe\/belarus-us-deal-lukashenko\.html#:~:text=It%20was%20the%20first/,
    );
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toContain('noopener');
  });

  it('shows Partly supported with what differs', () => {
    const [verdict] = verdictsOfNote(3);
    expect(text(verdict?.querySelector('.source-verdict__label'))).toBe('Partly supported by The New York Times');
    expect(text(verdict?.querySelector('.source-verdict__differs'))).toBe(
      "What differs: the article says the US 'would ease' the sanctions; the source says only that it 'could consider easing some'",
    );
  });

  it('gives the English rendering of a passage in another language', () => {
    const result = seedNytResult({ language: 'de' });
    const first = result.claims[0];
    if (!first?.passage) throw new Error('no passage');
    first.passage = {
      ...first.passage,
      text: 'Es war das erste Treffen seit fünf Jahren.',
      translation: 'It was the first meeting in five years.',
    };
    const [verdict] = verdictsOfNote(1, result);
    expect(verdict?.querySelector('blockquote')?.getAttribute('lang')).toBe('de');
    const english = verdict?.querySelector('.source-verdict__english');
    expect(english?.getAttribute('lang')).toBe('en');
    expect(text(english)).toBe('In English: It was the first meeting in five years.');
  });

  it('never shows an unverified check as supported: it says why and shows the closest passage', () => {
    const [verdict] = verdictsOfNote(2);
    expect(verdict?.getAttribute('data-verdict')).toBe('unverified');
    expect(text(verdict)).not.toContain('Supported');
    expect(text(verdict?.querySelector('.source-verdict__label'))).toBe('Unverified check');
    expect(text(verdict?.querySelector('.source-verdict__why'))).toBe(
      'The model’s passage is not in The New York Times, word for word: this check is not verified and counts as no support.',
    );
    const figures = [...(verdict?.querySelectorAll('figure') ?? [])].map((figure) => [
      text(figure.querySelector('figcaption')),
      text(figure.querySelector('blockquote')),
    ]);
    expect(figures).toEqual([
      ['The model’s passage:', 'He called the release a great victory for peace.'],
      ['Closest passage in the source:', expect.stringMatching(/^It was the first meeting/)],
    ]);
    // No link to a passage the source does not have: only to the source, to look in it.
    const links = [...(verdict?.querySelectorAll('a') ?? [])];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([seedNytResult().url]);
  });

  it('says Not found in the source, with no passage: the model’s reading, and the source to look in', () => {
    const [verdict] = verdictsOfNote(4);
    expect(text(verdict?.querySelector('.source-verdict__label'))).toBe('Not found in The New York Times');
    expect(text(verdict?.querySelector('.source-verdict__why'))).toBe(
      'The model found no passage saying this in the 1 paragraph of The New York Times it was given. No passage can bear that out: it is the model’s reading.',
    );
    expect(verdict?.querySelector('blockquote')).toBeNull();
    const link = verdict?.querySelector('a');
    expect(text(link)).toBe('Open The New York Times to look for yourself');
    expect(link?.getAttribute('href')).toBe(seedNytResult().url);
  });

  it('leaves notes the check did not cover as they were', () => {
    expect(verdictsOfNote(0)).toEqual([]);
  });
});
