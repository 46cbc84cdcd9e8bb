import { describe, expect, it } from 'vitest';
import { followableSources } from '@/lib/sources/follow-sources';
import type { CheckedClaimResult, SourceCheckResult } from '@/lib/sources/source-check-result';
import { SAMPLE_SOURCE_CHECK } from '@/tests/support/sample-source-check';

const READOUT = 'https://www.state.gov/releases/2025/02/remarks-in-vilnius';
const REUTERS = 'https://www.reuters.com/world/europe/belarus-2025-02-13/';

function claim(
  noteIndex: number,
  verdict: CheckedClaimResult['verdict'],
  attributedTo: string | null | undefined,
): CheckedClaimResult {
  const passage =
    verdict === 'not-found' || verdict === 'unverified'
      ? null
      : {
          text: `Passage ${noteIndex} of the source.`,
          translation: null,
          paragraphId: 'p2',
          start: 0,
          end: 10,
          parts: [{ paragraphId: 'p2', start: 0, end: 10 }],
          link: `${SAMPLE_SOURCE_CHECK.url}#:~:text=Passage`,
        };
  return {
    claimId: `c${noteIndex + 1}`,
    noteIndex,
    original: `Satz ${noteIndex} des Artikels.`,
    claim: `Claim ${noteIndex} in English.`,
    verdict,
    modelVerdict: verdict === 'unverified' ? 'supported' : verdict,
    difference: null,
    passage,
    ...(attributedTo === undefined ? {} : { attributedTo }),
  };
}

function checked(claims: CheckedClaimResult[], links: SourceCheckResult['links']): SourceCheckResult {
  return { ...SAMPLE_SOURCE_CHECK, claims, ...(links === undefined ? {} : { links }) };
}

const links = [
  { name: 'State Department readout', url: READOUT },
  { name: 'reported', url: REUTERS },
  { name: 'our earlier story', url: 'https://www.nytimes.com/2025/02/10/world/belarus-prisoners.html' },
];

describe('followableSources', () => {
  it('leads from a verified passage to the page its attribution names, with the source’s own wording', () => {
    const result = checked([claim(0, 'supported', 'a State Department readout')], links);
    expect(followableSources(result)).toEqual([
      {
        url: READOUT,
        name: 'a State Department readout',
        domain: 'state.gov',
        names: ['a State Department readout'],
        claims: [
          {
            id: 'c1',
            noteIndex: 0,
            original: 'Passage 0 of the source.',
            claim: 'Claim 0 in English.',
            paragraphId: null,
            attributedAs: 'a State Department readout',
          },
        ],
      },
    ]);
  });

  it('matches by the link’s site as well as its text, and groups claims by URL in the order they lead there', () => {
    const result = checked(
      [
        claim(2, 'partly-supported', 'Reuters'),
        claim(4, 'contradicted', 'State Department readout'),
        claim(5, 'supported', 'REUTERS'),
      ],
      links,
    );
    const sources = followableSources(result);
    expect(sources.map((source) => source.url)).toEqual([REUTERS, READOUT]);
    expect(sources[0]?.claims.map((item) => [item.id, item.noteIndex, item.attributedAs])).toEqual([
      ['c1', 2, 'Reuters'],
      ['c2', 5, 'REUTERS'],
    ]);
    expect(sources[0]?.names).toEqual(['Reuters']);
  });

  it('follows only verified passages that the source attributes to someone it links', () => {
    const result = checked(
      [
        claim(0, 'not-found', 'a State Department readout'),
        claim(1, 'unverified', 'a State Department readout'),
        claim(2, 'supported', null),
        claim(3, 'supported', undefined),
        claim(4, 'supported', 'several participants in the meeting'),
        claim(5, 'supported', 'unknown'),
      ],
      links,
    );
    expect(followableSources(result)).toEqual([]);
  });

  it('never leads back to the checked page itself, and matches the source’s own site by link text only', () => {
    const self = { name: 'The New York Times', url: SAMPLE_SOURCE_CHECK.url };
    const result = checked([claim(0, 'supported', 'The New York Times')], [...links, self]);
    expect(followableSources(result)).toEqual([]);
  });

  it('stops after one step: a follow-up check leads nowhere further', () => {
    const result = checked([claim(0, 'supported', 'a State Department readout')], links);
    expect(followableSources(result)).toHaveLength(1);
    expect(followableSources({ ...result, parentUrl: 'https://weltblick.example/international/minsk' })).toEqual([]);
  });

  it('has nothing to follow in a check stored before links were kept', () => {
    expect(followableSources(checked([claim(0, 'supported', 'a State Department readout')], undefined))).toEqual([]);
  });
});
