import type { Note } from '@/lib/attribution/analysis';
import type { Fraction } from '@/eval/eval-result';
import { mentions } from '@/eval/plain-words';
import type { ExpectedName } from '@/eval/rubric';

/** Who a note names: its source and every link of its chain, each with the chain's cue words. */
export function namesInNote(note: Note): string[] {
  return [note.source.name, ...note.chain.flatMap((link) => [link.name, link.cue ?? ''])].filter(Boolean);
}

/**
 * Named-source recall: how many of the rubric's sources some note names, as its source or as a
 * link of its chain (a relay such as the newspaper counts as found where the notes name it).
 */
export function scoreSources(
  expected: readonly ExpectedName[],
  notes: readonly Note[],
): Fraction & { missed: string[] } {
  const named = notes.flatMap(namesInNote);
  const missed = expected
    .filter((source) => !named.some((name) => mentions(name, source)))
    .map((source) => source.name);
  return { found: expected.length - missed.length, total: expected.length, missed };
}
