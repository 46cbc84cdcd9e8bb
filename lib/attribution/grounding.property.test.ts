import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Grounding, groundNotes } from '@/lib/attribution/grounding';

/** One quote's grounding, as a note carrying it gets it. */
function groundQuote(article: Parameters<typeof groundNotes>[0], quote: string): Grounding {
  const [grounding] = groundNotes(article, [{ quote }]);
  if (!grounding) throw new Error('groundNotes returned no grounding for one note');
  return grounding;
}

/** How a model retypes a sentence it was asked to copy: none of this changes what was said. */
const RETYPINGS: Array<[RegExp, string[]]> = [
  [/„|“|”|"/g, ['"', '„', '“', '«', '»']],
  [/ /g, [' ', '\u00a0', '\n', '  ', ' \u00ad']],
  [/–|-/g, ['-', '–', '—']],
];

const plainWord = fc.stringMatching(/^[A-Za-zÄÖÜäöüßéèàçñ]{2,10}$/);
// Words as news text has them: some quoted („Sieg“), some set off by a dash.
const word = fc.oneof(
  { weight: 4, arbitrary: plainWord },
  { weight: 1, arbitrary: plainWord.map((text) => `„${text}“`) },
  { weight: 1, arbitrary: plainWord.map((text) => `– ${text}`) },
);
const sentence = fc
  .array(word, { minLength: 4, maxLength: 12 })
  .map((words) => `${words.join(' ')}.`.replace(/^[–„ ]*./, (first) => first.toUpperCase()));
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((sentences) => sentences.join(' '));

describe('grounding, on any article', () => {
  it('verifies a sentence copied from any paragraph, however its quotes, spaces and dashes were retyped', () => {
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        fc.array(fc.nat(), { minLength: RETYPINGS.length, maxLength: RETYPINGS.length }),
        (texts, paragraphPick, sentencePick, retypePicks) => {
          const paragraphs = texts.map((text, index) => ({ id: `p${index + 1}`, text }));
          const chosen = paragraphs[paragraphPick % paragraphs.length];
          if (!chosen) return;
          const sentences = chosen.text.match(/[^.]+\./g) ?? [];
          const original = (sentences[sentencePick % sentences.length] ?? '').trim();
          let quote = original;
          RETYPINGS.forEach(([pattern, variants], index) => {
            const variant = variants[(retypePicks[index] ?? 0) % variants.length] ?? '';
            quote = quote.replace(pattern, variant);
          });
          const grounding = groundQuote({ paragraphs }, quote);
          expect(grounding.status).toBe('verified');
          // The sentence may occur in an earlier paragraph too; it must be found where it really stands.
          const found = paragraphs.find((candidate) => candidate.id === grounding.paragraphId);
          expect(found?.text.slice(grounding.start ?? 0, grounding.end ?? 0)).toBe(original);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never verifies a sentence that is not in the article', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), sentence, (texts, invented) => {
        const paragraphs = texts.map((text, index) => ({ id: `p${index + 1}`, text }));
        fc.pre(!texts.some((text) => text.toLowerCase().includes(invented.slice(0, -1).toLowerCase())));
        expect(groundQuote({ paragraphs }, invented).status).not.toBe('verified');
      }),
      { numRuns: 200 },
    );
  });
});
