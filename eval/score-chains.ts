import type { Note } from '@/lib/attribution/analysis';
import type { Fraction } from '@/eval/eval-result';
import { mentions } from '@/eval/plain-words';
import type { ExpectedName } from '@/eval/rubric';

/**
 * Chains found: a rubric chain (relay → … → original source) is found when one note's chain,
 * followed by its source, names every step in the rubric's order. Steps the note adds between
 * them (this page, an extra relay) do not matter; a step named by its cue ("laut der NYT") counts.
 */
export function scoreChains(
  expected: ReadonlyArray<{ steps: readonly ExpectedName[] }>,
  notes: readonly Note[],
): Fraction & { missed: string[] } {
  const missed = expected
    .filter((chain) => !notes.some((note) => followsInOrder(chain.steps, noteSteps(note))))
    .map((chain) => chain.steps.map((step) => step.name).join(' → '));
  return { found: expected.length - missed.length, total: expected.length, missed };
}

function noteSteps(note: Note): string[] {
  return [...note.chain.map((link) => `${link.name} ${link.cue ?? ''}`), note.source.name];
}

function followsInOrder(steps: readonly ExpectedName[], labels: readonly string[]): boolean {
  let position = 0;
  for (const step of steps) {
    while (position < labels.length && !mentions(labels[position] ?? '', step)) position++;
    if (position === labels.length) return false;
    position++;
  }
  return true;
}
