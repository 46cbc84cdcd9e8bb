import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTE_KINDS, SOURCE_TYPES } from '@/lib/attribution/analysis';
import { parseFinalAnalysis, parsePartialAnalysis } from '@/lib/llm/json-answer';

// Unicode text with the characters that break naive JSON handling: quotes, backslashes, newlines.
const text = fc.string({ unit: 'grapheme', maxLength: 40 }).map((value) => `${value}"\\\n„“`.slice(0, 44));
const nonEmptyText = text.filter((value) => value.trim().length > 0);

const analysis = fc.record({
  summary: fc.array(fc.record({ text: nonEmptyText, paragraphIds: fc.array(fc.constantFrom('p1', 'p2', 'p3')) }), {
    // An answer with no summary at all is rightly rejected as not understood.
    minLength: 1,
    maxLength: 4,
  }),
  notes: fc.array(
    fc.record({
      claim: nonEmptyText,
      source: fc.record({
        name: nonEmptyText,
        role: fc.option(text, { nil: null }),
        type: fc.constantFrom(...SOURCE_TYPES),
      }),
      chain: fc.array(fc.record({ name: nonEmptyText, cue: fc.option(text, { nil: null }) }), { maxLength: 3 }),
      kind: fc.constantFrom(...NOTE_KINDS),
      hedges: fc.array(fc.record({ original: nonEmptyText, english: nonEmptyText }), { maxLength: 2 }),
      quote: nonEmptyText,
      paragraphId: fc.option(fc.constantFrom('p1', 'p2'), { nil: null }),
    }),
    { maxLength: 3 },
  ),
  outsideKnowledge: fc.constant([]),
});

describe('the analysis parser, on any answer', () => {
  it('never throws on any prefix of a streamed answer, and never loses a finished item', () => {
    fc.assert(
      fc.property(analysis, fc.integer({ min: 1, max: 40 }), (value, step) => {
        const json = JSON.stringify(value);
        let finishedNotes = 0;
        for (let end = 0; end <= json.length; end += step) {
          const partial = parsePartialAnalysis(json.slice(0, end));
          expect(typeof partial).toBe('object');
          // A note that was complete in an earlier prefix stays there in later ones.
          const notes = partial.notes?.length ?? 0;
          expect(notes).toBeGreaterThanOrEqual(finishedNotes);
          finishedNotes = notes;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reads the same answer however it is wrapped: fences, think blocks, prose around it', () => {
    const wrappers = [
      (json: string) => json,
      (json: string) => `\`\`\`json\n${json}\n\`\`\``,
      (json: string) => `<think>Let me look at "quotes" {</think>\n${json}`,
      (json: string) => `Here is the analysis:\n${json}\nI hope this helps.`,
    ];
    fc.assert(
      fc.property(analysis, fc.constantFrom(...wrappers), (value, wrap) => {
        const result = parseFinalAnalysis(wrap(JSON.stringify(value, null, 1)));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.analysis.summary).toEqual(value.summary);
        expect(result.analysis.notes).toEqual(value.notes);
      }),
      { numRuns: 80 },
    );
  });

  it('rejects, without throwing, anything that is not an analysis', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (answer) => {
        const result = parseFinalAnalysis(answer);
        if (result.ok) expect(Array.isArray(result.analysis.notes)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
