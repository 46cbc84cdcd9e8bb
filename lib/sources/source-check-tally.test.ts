import { describe, expect, it } from 'vitest';
import type { CheckedClaimResult } from '@/lib/sources/source-check-result';
import { sourceCheckTally } from '@/lib/sources/source-check-tally';
import { useBrowserLocale } from '@/tests/support/browser-i18n';

const claim = (verdict: CheckedClaimResult['verdict'], difference: string | null = null): CheckedClaimResult => ({
  claimId: 'c1',
  noteIndex: 0,
  original: 'Ein Satz.',
  claim: 'A sentence.',
  verdict,
  modelVerdict: verdict === 'unverified' ? 'supported' : verdict,
  difference,
  passage: null,
});

const nyt = { name: 'The New York Times', partial: null, paragraphsSent: 6, paragraphsTotal: 6 };

describe('sourceCheckTally', () => {
  it('reads as the issue words it: found of total, then what is partly so', () => {
    expect(
      sourceCheckTally({
        ...nyt,
        claims: [
          claim('supported'),
          claim('supported'),
          claim('supported'),
          claim('partly-supported', "the article says 'secret', the source does not."),
          claim('not-found'),
        ],
      }),
    ).toBe(
      "4 of 5 claims attributed to The New York Times found in its article; 1 partly: the article says 'secret', the source does not; 1 not found: “A sentence”",
    );
  });

  it('names contradicted and unverified checks, which never count as found', () => {
    expect(
      sourceCheckTally({
        ...nyt,
        claims: [claim('contradicted', 'the source says the talks failed'), claim('unverified')],
      }),
    ).toBe(
      '0 of 2 claims attributed to The New York Times found in its article; 1 contradicted: the source says the talks failed; 1 check unverified (the model’s passage is not in the source)',
    );
  });

  it('says when only part of the source was read', () => {
    expect(sourceCheckTally({ ...nyt, partial: 'paywall', claims: [claim('not-found')] })).toBe(
      '0 of 1 claim attributed to The New York Times found in its article; 1 not found: “A sentence”. Only its part before the paywall was read: a claim not found there may be in the rest.',
    );
    expect(
      sourceCheckTally({
        ...nyt,
        partial: 'cut-to-fit',
        paragraphsSent: 12,
        paragraphsTotal: 40,
        claims: [claim('supported')],
      }),
    ).toBe(
      '1 of 1 claim attributed to The New York Times found in its article. Only its first 12 of 40 paragraphs fit the model: a claim not found there may be in the rest.',
    );
  });

  it('speaks the interface’s language: German in a German browser', async () => {
    await useBrowserLocale('de');
    expect(
      sourceCheckTally({
        ...nyt,
        partial: 'cut-to-fit',
        paragraphsSent: 12,
        paragraphsTotal: 40,
        claims: [
          claim('supported'),
          claim('partly-supported', 'der Artikel sagt „würde“, die Quelle „könnte“'),
          claim('contradicted'),
          claim('unverified'),
          claim('unverified'),
        ],
      }),
    ).toBe(
      '2 von 5 Aussagen, die The New York Times zugeschrieben werden, im Artikel der Quelle gefunden; 1 teilweise: der Artikel sagt „würde“, die Quelle „könnte“; 1 im Widerspruch zur Quelle: was abweicht, wurde nicht gesagt; 2 ungeprüfte Bewertungen (die vom Modell angeführte Stelle steht nicht im gelesenen Teil). Nur die ersten 12 von 40 Absätzen passten ins Modell: Was dort nicht gefunden wurde, kann im Rest stehen.',
    );
  });
});
