import type { JobEstimate } from '@/lib/budget/job-estimate';
import type { AppError } from '@/lib/errors';
import { checkableSources } from '@/lib/sources/checkable-sources';
import type { CheckedClaimResult, SourceCheckResult } from '@/lib/sources/source-check-result';
import type { SourceCheckState } from '@/lib/sources/source-check-state';
import type { SourceReadProblem } from '@/lib/sources/source-page-read';
import { textFragmentUrl } from '@/lib/sources/text-fragment-url';
import { SEED_ANALYSIS, SEED_ARTICLE } from '@/tests/support/components/seed-job';
import { SAMPLE_SOURCE_CHECK } from '@/tests/support/sample-source-check';

/** The seed job's one checkable source: The New York Times, with the claims its notes attribute to it. */
export function seedNytSource() {
  const [nyt] = checkableSources(SEED_ARTICLE, SEED_ANALYSIS.notes);
  if (!nyt) throw new Error('The seed job has no checkable source');
  return nyt;
}

const PASSAGE =
  'It was the first meeting between a senior State Department official and Mr. Lukashenko in five years, and it could signal a significant warming in relations between the two countries.';
const PARTLY =
  'In exchange for the release of more political prisoners, the United States could consider easing some sanctions on Belarus’s banking sector and its potash exports, he told the diplomats.';

function passage(text: string, paragraphId: string, url: string): NonNullable<CheckedClaimResult['passage']> {
  return {
    text,
    translation: null,
    paragraphId,
    start: 0,
    end: text.length,
    parts: [{ paragraphId, start: 0, end: text.length }],
    link: textFragmentUrl(url, text),
  };
}

/**
 * A checked result for the seed's NYT source: note 1 supported, note 3 partly supported (a hedge
 * dropped), note 2 an unverified check (the model's passage is not in the page), note 4 not found.
 */
export function seedNytResult(overrides: Partial<SourceCheckResult> = {}): SourceCheckResult {
  const nyt = seedNytSource();
  const claim = (noteIndex: number, rest: Partial<CheckedClaimResult>): CheckedClaimResult => {
    const source = nyt.claims.find((candidate) => candidate.noteIndex === noteIndex);
    return {
      claimId: source?.id ?? `c${noteIndex}`,
      noteIndex,
      original: source?.original ?? `Satz der Notiz ${noteIndex}.`,
      claim: source?.claim ?? `The claim of note ${noteIndex}.`,
      verdict: 'not-found',
      modelVerdict: 'not-found',
      difference: null,
      passage: null,
      ...rest,
    };
  };
  return {
    ...SAMPLE_SOURCE_CHECK,
    url: nyt.url,
    publishedTime: '2025-02-14T17:05:00-05:00',
    paragraphs: [
      { id: 'p1', text: PASSAGE },
      { id: 'p2', text: PARTLY },
    ],
    claims: [
      claim(1, { verdict: 'supported', modelVerdict: 'supported', passage: passage(PASSAGE, 'p1', nyt.url) }),
      claim(2, {
        verdict: 'unverified',
        modelVerdict: 'supported',
        unverifiedReason: 'passage-not-in-source',
        claimedPassage: 'He called the release a great victory for peace.',
        closest: { paragraphId: 'p1', text: PASSAGE, similarity: 0.41 },
      }),
      claim(3, {
        verdict: 'partly-supported',
        modelVerdict: 'partly-supported',
        difference:
          "the article says the US 'would ease' the sanctions; the source says only that it 'could consider easing some'",
        passage: { ...passage(PARTLY, 'p2', nyt.url), translation: null },
      }),
      claim(4, { verdict: 'not-found' }),
    ],
    ...overrides,
  };
}

export const SOURCE_BATCH_ESTIMATE: JobEstimate = {
  inputTokens: 61_000,
  outputTokens: 4_000,
  price: { inputPerMillion: 2.5, outputPerMillion: 10 },
  requests: 2,
  analysisParts: 0,
  translationParts: 0,
  combined: false,
};

/** The seed NYT source's check in a given state. */
export function nytState(
  state:
    | { status: 'reading' | 'checking' }
    | { status: 'checked'; result?: SourceCheckResult }
    | { status: 'unreadable'; problem: SourceReadProblem }
    | { status: 'failed'; error: AppError }
    | { status: 'awaiting-confirmation' },
  via: 'fetch' | 'tab' = 'fetch',
): SourceCheckState {
  const common = { source: seedNytSource(), via, parentUrl: null };
  switch (state.status) {
    case 'checked':
      return { ...common, status: 'checked', result: state.result ?? seedNytResult() };
    case 'awaiting-confirmation':
      return {
        ...common,
        status: 'awaiting-confirmation',
        estimate: SOURCE_BATCH_ESTIMATE,
        batchEstimate: SOURCE_BATCH_ESTIMATE,
      };
    default:
      return { ...common, ...state };
  }
}
