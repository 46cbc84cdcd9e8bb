import type { Note } from '@/lib/attribution/analysis';
import type { Fraction } from '@/eval/eval-result';
import { overlaps } from '@/eval/plain-words';

/**
 * Unattributed claims found: a rubric claim counts when a note marks it as asserted with no
 * source (kind `unattributed-assertion`, or source type `none`) and quotes the sentence that holds
 * it (the quote contains the rubric's words, or lies within them).
 */
export function scoreUnattributed(
  expected: ReadonlyArray<{ text: string }>,
  notes: readonly Note[],
): Fraction & { missed: string[] } {
  const unattributed = notes.filter((note) => note.kind === 'unattributed-assertion' || note.source.type === 'none');
  const missed = expected
    .filter((claim) => !unattributed.some((note) => overlaps(note.quote, claim.text)))
    .map((claim) => claim.text);
  return { found: expected.length - missed.length, total: expected.length, missed };
}
