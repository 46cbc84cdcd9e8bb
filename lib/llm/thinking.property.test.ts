import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createThinkingFilter, stripThinking } from '@/lib/llm/thinking';

/** Splits text into random deltas, as a stream would deliver it. */
function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push(text.slice(start, point));
    start = point;
  }
  pieces.push(text.slice(start));
  return pieces;
}

const answer = fc.string({ unit: 'grapheme', maxLength: 80 }).filter((value) => !/<\/?think/i.test(value));

describe('the streaming reasoning filter', () => {
  it('gives the same answer whatever the delta boundaries', () => {
    fc.assert(
      fc.property(
        fc.option(
          fc.string({ maxLength: 60 }).filter((value) => !/<\/?think/i.test(value)),
          { nil: null },
        ),
        answer,
        fc.array(fc.nat(), { maxLength: 12 }),
        (thinking, text, cuts) => {
          const full = thinking === null ? text : `<think>${thinking}</think>${text}`;
          const filter = createThinkingFilter();
          const streamed =
            splitAt(full, cuts)
              .map((delta) => filter.push(delta))
              .join('') + filter.flush();
          expect(streamed.trim()).toBe(stripThinking(full));
        },
      ),
      { numRuns: 300 },
    );
  });
});
