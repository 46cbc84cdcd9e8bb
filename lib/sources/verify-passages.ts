import type { Paragraph } from '@/lib/article/article';
import { locateQuote, type PassagePart } from '@/lib/attribution/grounding';
import type { SourceClaim } from '@/lib/sources/checkable-sources';
import type { ClaimCheck, SourceVerdict } from '@/lib/sources/source-check-answer';

/**
 * What the reader is shown for one claim: the model's verdict where its passage is in the source,
 * `unverified` where it is not (the model may have paraphrased, translated or made it up), never
 * supported on the model's word alone.
 */
export type FinalVerdict = SourceVerdict | 'unverified';

/** Why a check is unverified. */
export type UnverifiedReason =
  /** The passage the model gave is not in the source text, not even with quote marks and case aside. */
  | 'passage-not-in-source'
  /** The model gave a verdict that needs a passage, but none. */
  | 'no-passage'
  /** The model's answer said nothing (that fit the schema) about this claim. */
  | 'no-answer';

/** The source passage a verdict rests on, found verbatim in the source text. */
export interface VerifiedPassage {
  /** The passage as the source has it (sliced from the source text, not as the model typed it). */
  text: string;
  /** The model's rendering in the reader's language; null when the source is in it already. */
  translation: string | null;
  /** Paragraph of the source the passage starts in. */
  paragraphId: string;
  /** Character offsets in that paragraph's text, end exclusive (of the first part, when it spans two). */
  start: number;
  end: number;
  /** Every stretch it covers: one, or two for a passage running into the next paragraph. */
  parts: PassagePart[];
}

export interface CheckedClaim {
  claimId: string;
  verdict: FinalVerdict;
  /** What the model said, before verification; null when it said nothing about the claim. */
  modelVerdict: SourceVerdict | null;
  /** For partly-supported and contradicted: what differs, in the model's words. */
  difference: string | null;
  passage: VerifiedPassage | null;
  /**
   * Who the source itself attributes the passage to, as it names them; null when it states it on
   * its own authority, and for a check with no verified passage (there is nothing to follow).
   */
  attributedTo: string | null;
  /** Set when `verdict` is unverified. */
  unverifiedReason?: UnverifiedReason;
  /** For an unverified passage: what the model claimed the source says, shown as such, never as the source's. */
  claimedPassage?: string;
  /** The closest passage of the source to the claimed one, when a near-miss (a word or two changed). */
  closest?: { paragraphId: string; text: string; similarity: number };
}

/**
 * Verifies each of the model's passages verbatim in the source text, as lib/attribution/grounding.ts
 * does for quotes in the article (normalised for quote marks, dashes, spaces, case and Unicode form,
 * elisions allowed, in any script). Returns one CheckedClaim per claim, in the claims' order:
 * - not-found needs no passage (it has nothing to rest on) and stays not-found;
 * - supported, partly-supported and contradicted stay so only when their passage is found; a
 *   passage not found, or none given, makes the check `unverified`;
 * - a claim the answer left out is `unverified` (no-answer).
 */
export function verifyPassages(
  claims: readonly Pick<SourceClaim, 'id'>[],
  checks: readonly ClaimCheck[],
  source: { paragraphs: readonly Paragraph[] },
): CheckedClaim[] {
  const byId = new Map(checks.map((check) => [check.claimId, check]));
  const paragraphs = { paragraphs: [...source.paragraphs] };
  const textOf = new Map(source.paragraphs.map((paragraph) => [paragraph.id, paragraph.text]));
  return claims.map((claim): CheckedClaim => {
    const check = byId.get(claim.id);
    if (!check) {
      return {
        claimId: claim.id,
        verdict: 'unverified',
        modelVerdict: null,
        difference: null,
        passage: null,
        attributedTo: null,
        unverifiedReason: 'no-answer',
      };
    }
    const base = { claimId: claim.id, modelVerdict: check.verdict, difference: check.difference, attributedTo: null };
    if (check.verdict === 'not-found') return { ...base, verdict: 'not-found', difference: null, passage: null };
    if (!check.passage?.trim()) {
      return { ...base, verdict: 'unverified', passage: null, unverifiedReason: 'no-passage' };
    }
    const location = locateQuote(paragraphs, check.passage);
    const first = location.parts[0];
    if (location.status !== 'verified' || !first) {
      return {
        ...base,
        verdict: 'unverified',
        passage: null,
        unverifiedReason: 'passage-not-in-source',
        claimedPassage: check.passage,
        ...(location.closest ? { closest: location.closest } : {}),
      };
    }
    const text = location.parts
      .map((part) => (textOf.get(part.paragraphId) ?? '').slice(part.start, part.end))
      .join('\n');
    return {
      ...base,
      verdict: check.verdict,
      attributedTo: check.attributedTo?.trim() || null,
      passage: {
        text,
        translation: check.passageTranslation,
        paragraphId: first.paragraphId,
        start: first.start,
        end: first.end,
        parts: location.parts,
      },
    };
  });
}
