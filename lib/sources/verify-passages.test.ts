import { describe, expect, it } from 'vitest';
import type { ClaimCheck } from '@/lib/sources/source-check-answer';
import { verifyPassages } from '@/lib/sources/verify-passages';

const source = {
  paragraphs: [
    {
      id: 'p1',
      text: 'Christopher Smith, the deputy secretary of state, told Western diplomats in Vilnius that a deal with Minsk appeared to be close.',
    },
    {
      id: 'p2',
      text: 'In exchange, the United States could consider easing some sanctions on Belarus’s banks and its potash exports.',
    },
    { id: 'p3', text: 'The State Department did not respond to a request for comment.' },
  ],
};

const check = (claimId: string, verdict: ClaimCheck['verdict'], passage: string | null): ClaimCheck => ({
  claimId,
  verdict,
  difference: verdict === 'partly-supported' ? 'the article says "would", the source "could consider"' : null,
  passage,
  passageTranslation: null,
  attributedTo: null,
});

describe('verifyPassages', () => {
  it('keeps a verdict whose passage is in the source, with its offsets and the source’s own text', () => {
    const [result] = verifyPassages(
      [{ id: 'c1' }],
      // The model retyped the apostrophe and the case of the first letter: the same passage.
      [
        check(
          'c1',
          'partly-supported',
          "in exchange, the United States could consider easing some sanctions on Belarus's banks",
        ),
      ],
      source,
    );
    const text = source.paragraphs[1]?.text ?? '';
    expect(result).toMatchObject({ claimId: 'c1', verdict: 'partly-supported', modelVerdict: 'partly-supported' });
    expect(result?.passage).toMatchObject({ paragraphId: 'p2', start: 0 });
    expect(result?.passage?.text).toBe(text.slice(0, result?.passage?.end));
    expect(result?.passage?.text).toContain('Belarus’s banks');
    expect(result?.difference).toContain('could consider');
  });

  it('turns a supported verdict whose passage is not in the source into an unverified check, never supported', () => {
    const [made, translated] = verifyPassages(
      [{ id: 'c1' }, { id: 'c2' }],
      [
        check('c1', 'supported', 'The meeting with Mr. Lukashenko was held in secret.'),
        check('c2', 'supported', 'Das Außenministerium antwortete nicht auf eine Anfrage.'),
      ],
      source,
    );
    for (const result of [made, translated]) {
      expect(result?.verdict).toBe('unverified');
      expect(result?.modelVerdict).toBe('supported');
      expect(result?.passage).toBeNull();
      expect(result?.unverifiedReason).toBe('passage-not-in-source');
    }
    expect(made?.claimedPassage).toBe('The meeting with Mr. Lukashenko was held in secret.');
  });

  it('shows the closest passage of a near-miss, but still as unverified', () => {
    const [result] = verifyPassages(
      [{ id: 'c1' }],
      [check('c1', 'supported', 'The State Department did not reply to a request for comment.')],
      source,
    );
    expect(result?.verdict).toBe('unverified');
    expect(result?.closest?.text).toBe('The State Department did not respond to a request for comment.');
  });

  it('accepts not-found without a passage, and makes the other verdicts without one unverified', () => {
    const results = verifyPassages(
      [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }],
      [check('c1', 'not-found', null), check('c2', 'contradicted', null), check('c3', 'supported', '  ')],
      source,
    );
    expect(results.map((result) => [result.verdict, result.unverifiedReason])).toEqual([
      ['not-found', undefined],
      ['unverified', 'no-passage'],
      ['unverified', 'no-passage'],
    ]);
  });

  it('marks a claim the answer left out as unverified, and ignores checks of claims never asked about', () => {
    const results = verifyPassages(
      [{ id: 'c1' }, { id: 'c2' }],
      [check('c9', 'supported', 'x'), check('c2', 'not-found', null)],
      source,
    );
    expect(results.map((result) => [result.claimId, result.verdict, result.unverifiedReason])).toEqual([
      ['c1', 'unverified', 'no-answer'],
      ['c2', 'not-found', undefined],
    ]);
  });

  it('verifies a passage running from the end of one paragraph into the next, with both parts', () => {
    const [result] = verifyPassages(
      [{ id: 'c1' }],
      [
        check(
          'c1',
          'supported',
          'a deal with Minsk appeared to be close. In exchange, the United States could consider',
        ),
      ],
      source,
    );
    expect(result?.verdict).toBe('supported');
    expect(result?.passage?.parts.map((part) => part.paragraphId)).toEqual(['p1', 'p2']);
  });

  it('keeps whom the source attributes a verified passage to, and drops it where nothing was verified', () => {
    const [verified, notFound, madeUp] = verifyPassages(
      [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }],
      [
        {
          ...check('c1', 'supported', 'The State Department did not respond to a request for comment.'),
          attributedTo: '  the newspaper ',
        },
        { ...check('c2', 'not-found', null), attributedTo: 'several participants' },
        { ...check('c3', 'supported', 'The State Department confirmed the deal.'), attributedTo: 'a readout' },
      ],
      source,
    );
    expect(verified).toMatchObject({ verdict: 'supported', attributedTo: 'the newspaper' });
    expect(notFound).toMatchObject({ verdict: 'not-found', attributedTo: null });
    expect(madeUp).toMatchObject({ verdict: 'unverified', attributedTo: null });
  });
});
