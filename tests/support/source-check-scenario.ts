/**
 * The test server's answer to a source check (lib/sources/source-check-prompt.ts): what a careful
 * model says when the seed article's five NYT claims are checked against the local stand-in NYT
 * page (tests/fixtures/pages/source-nyt-belarus-en). Three supported, one not found (the secret
 * meeting), one partly supported (the article's "would ease" is the source's "could consider
 * easing some"). Passages are copied from the page, one with its curly quotes retyped straight,
 * as models do. The NYT page attributes Smith's words at the embassy to a State Department readout
 * it links: the follow-up check of that claim against the readout's stand-in
 * (tests/fixtures/pages/source-state-belarus-readout-en) finds it supported (FOLLOW_UP_ANSWERS).
 *
 *   server.setResponder(sourceCheckResponder());
 */

import type { ClaimCheck } from '@/lib/sources/source-check-answer';
import { SOURCE_CHECK_MARKER } from '@/lib/sources/source-check-prompt';
import type { RecordedRequest, Responder, Scenario } from '@/tests/support/openai-scenarios';
import { messagesText } from '@/tests/support/request-paragraphs';

type Answer = Omit<ClaimCheck, 'claimId'>;

/** The seed's NYT claims, by the article's sentence the note rests on (as the check request carries it). */
export const SEED_SOURCE_ANSWERS: ReadonlyMap<string, Answer> = new Map<string, Answer>([
  [
    'Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor.',
    {
      verdict: 'supported',
      difference: null,
      passage:
        'Christopher Smith, the U.S. deputy secretary of state, told a gathering of Western diplomats in Vilnius, Lithuania, on Thursday that a significant agreement between Washington and Minsk appeared to be close, according to several participants in the meeting.',
      passageTranslation: null,
      attributedTo: 'several participants in the meeting',
    },
  ],
  [
    'Diese Begegnung markiere das erste Aufeinandertreffen eines hochrangigen Vertreters des US-Außenministeriums mit Lukaschenko seit fünf Jahren und könnte ein Zeichen für eine mögliche “bedeutende Erwärmung” der diplomatischen Beziehungen zwischen beiden Staaten sein, so die Zeitung weiter.',
    {
      verdict: 'supported',
      difference: null,
      passage:
        'It was the first meeting between a senior State Department official and Mr. Lukashenko in five years, and it could signal a significant warming in relations between the two countries.',
      passageTranslation: null,
      attributedTo: null,
    },
  ],
  [
    'Smiths Treffen mit Lukaschenko sei heimlich erfolgt.',
    { verdict: 'not-found', difference: null, passage: null, passageTranslation: null, attributedTo: null },
  ],
  [
    'In einer Ansprache an der US-Botschaft in Litauen feierte Smith den erfolgreichen Abschluss dieser “Sonderoperation” und preiste die Freilassung der Gefangenen als “großen Sieg”, der Donald Trumps Leitspruch “Frieden durch Stärke” verwirkliche, so die NYT.',
    {
      verdict: 'supported',
      difference: null,
      passage:
        'Speaking at the U.S. Embassy in Lithuania, he hailed the end of what he called a "special operation" and described the release as a "great victory" that embodied President Trump\'s motto of "peace through strength," according to a State Department readout of his remarks.',
      passageTranslation: null,
      attributedTo: 'a State Department readout',
    },
  ],
  [
    'Als Gegenzug für die Freilassung der politischen Gefangenen, würden die Vereinigten Staaten nach Angaben der Zeitung die Sanktionen gegen die weißrussische Bank- und Kaliumexportindustrie mildern.',
    {
      verdict: 'partly-supported',
      difference:
        "the article says the US 'would ease' the sanctions; the source says only that it 'could consider easing some'",
      passage:
        'In exchange for the release of more political prisoners, the United States could consider easing some sanctions on Belarus’s banking sector and its potash exports, he told the diplomats.',
      passageTranslation: null,
      attributedTo: null,
    },
  ],
]);

/**
 * The follow-up check, one step further (lib/sources/follow-sources.ts): the NYT's passage, as the
 * stand-in NYT page has it (the claim's `original` is the verified passage), against the stand-in
 * State Department readout. The readout says it on its own authority: nothing to follow further.
 */
export const FOLLOW_UP_ANSWERS: ReadonlyMap<string, Answer> = new Map<string, Answer>([
  [
    'Speaking at the U.S. Embassy in Lithuania, he hailed the end of what he called a “special operation” and described the release as a “great victory” that embodied President Trump’s motto of “peace through strength,” according to a State Department readout of his remarks.',
    {
      verdict: 'supported',
      difference: null,
      passage:
        'Deputy Secretary Smith hailed the end of what he called a “special operation” and described the release as a “great victory” that embodied President Trump’s motto of “peace through strength.”',
      passageTranslation: null,
      attributedTo: null,
    },
  ],
]);

/** Whether a chat request is a source check: its system message opens with SOURCE_CHECK_MARKER. */
export function isSourceCheckRequest(request: RecordedRequest): boolean {
  return (
    request.method === 'POST' &&
    typeof request.body === 'object' &&
    request.body !== null &&
    messagesText(request.body).includes(SOURCE_CHECK_MARKER)
  );
}

/** The claims a check request carries: `[c1] Article (German): <sentence>` lines, as buildSourceCheckMessages writes them. */
export function requestClaims(body: unknown): Array<{ id: string; original: string }> {
  if (typeof body !== 'object' || body === null) return [];
  return [...messagesText(body).matchAll(/^\[(c\d+)\] Article \([^)]*\): (.*)$/gm)].flatMap((match) =>
    match[1] !== undefined && match[2] !== undefined ? [{ id: match[1], original: match[2] }] : [],
  );
}

/**
 * The answer a careful model gives to this check request: SEED_SOURCE_ANSWERS for the seed's
 * claims, FOLLOW_UP_ANSWERS for the NYT passage followed to the readout, not-found for any other. `change` rewrites the checks first (a test's model that makes
 * up a passage, or leaves a claim out).
 */
export function seedSourceCheckAnswer(body: unknown, change?: (checks: ClaimCheck[]) => ClaimCheck[]): string {
  const checks = requestClaims(body).map(
    (claim): ClaimCheck => ({
      claimId: claim.id,
      ...(SEED_SOURCE_ANSWERS.get(claim.original) ??
        FOLLOW_UP_ANSWERS.get(claim.original) ?? {
          verdict: 'not-found',
          difference: null,
          passage: null,
          passageTranslation: null,
          attributedTo: null,
        }),
    }),
  );
  return JSON.stringify({ checks: change ? change(checks) : checks });
}

/**
 * A responder that answers source checks with seedSourceCheckAnswer (streamed) and leaves every
 * other request to the server's default (or to `otherwise`).
 */
export function sourceCheckResponder(
  options: { change?: (checks: ClaimCheck[]) => ClaimCheck[]; otherwise?: Responder } = {},
): Responder {
  return (request): Scenario | undefined | Promise<Scenario | undefined> => {
    if (isSourceCheckRequest(request)) {
      return { kind: 'stream', content: seedSourceCheckAnswer(request.body, options.change) };
    }
    return options.otherwise?.(request);
  };
}
