import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimCheck } from '@/lib/sources/source-check-answer';
import { verifyPassages } from '@/lib/sources/verify-passages';

/** Words of four scripts, as sources in those languages have them; the joiner is how each script spaces them. */
const SCRIPTS = {
  latin: { word: fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]{2,9}$/), joiner: ' ', stop: '.' },
  cyrillic: { word: fc.stringMatching(/^[А-Яа-яЁё]{2,9}$/), joiner: ' ', stop: '.' },
  cjk: { word: fc.stringMatching(/^[\u4e00-\u9fa5]{1,3}$/), joiner: '', stop: '。' },
  arabic: { word: fc.stringMatching(/^[\u0621-\u063a\u0641-\u064a]{2,8}$/), joiner: ' ', stop: '.' },
} as const;

const scriptName = fc.constantFrom(...(Object.keys(SCRIPTS) as Array<keyof typeof SCRIPTS>));

/** A source of three paragraphs in one script, and a stretch of whole words of one of them. */
const sourceWithPassage = scriptName.chain((name) => {
  const { word, joiner, stop } = SCRIPTS[name];
  const sentence = fc.array(word, { minLength: 6, maxLength: 14 });
  return fc
    .tuple(fc.array(sentence, { minLength: 3, maxLength: 3 }), fc.nat(2), fc.nat(5), fc.integer({ min: 3, max: 6 }))
    .map(([sentences, paragraphIndex, from, length]) => {
      const paragraphs = sentences.map((words, index) => ({ id: `p${index + 1}`, text: words.join(joiner) + stop }));
      const words = sentences[paragraphIndex] ?? [];
      const start = Math.min(from, Math.max(0, words.length - length));
      const passage = words.slice(start, start + length).join(joiner);
      return { name, paragraphs, paragraphId: `p${paragraphIndex + 1}`, passage, joiner };
    });
});

/**
 * A sentence start as a model retypes it. Letters whose capital does not lower-case back to them
 * (ß → SS, Turkish dotless ı → I → i) are left alone: that is a different spelling, not a case change.
 */
function capitalised(text: string): string {
  const first = text[0] ?? '';
  return first.toUpperCase().toLowerCase() === first.toLowerCase() ? first.toUpperCase() + text.slice(1) : text;
}

const supported = (passage: string): ClaimCheck[] => [
  { claimId: 'c1', verdict: 'supported', difference: null, passage, passageTranslation: null, attributedTo: null },
];

describe('verifyPassages across scripts (property)', () => {
  it('verifies any stretch of a source paragraph, and its offsets give back that stretch', () => {
    fc.assert(
      fc.property(sourceWithPassage, ({ paragraphs, passage }) => {
        const [result] = verifyPassages([{ id: 'c1' }], supported(passage), { paragraphs });
        expect(result?.verdict).toBe('supported');
        const found = paragraphs.find((paragraph) => paragraph.id === result?.passage?.paragraphId);
        expect(found?.text.slice(result?.passage?.start, result?.passage?.end)).toBe(result?.passage?.text);
        expect(result?.passage?.text.normalize('NFKC').toLowerCase()).toBe(passage.normalize('NFKC').toLowerCase());
      }),
      { numRuns: 200 },
    );
  });

  it('verifies it still when the model retypes it: decomposed accents, other spaces, a capital first letter', () => {
    fc.assert(
      fc.property(
        sourceWithPassage,
        fc.constantFrom('\u00a0', '  ', '\n'),
        ({ paragraphs, passage, joiner }, space) => {
          const spaced = joiner === ' ' ? passage.split(' ').join(space) : passage;
          const retyped = capitalised(spaced).normalize('NFD');
          const [result] = verifyPassages([{ id: 'c1' }], supported(retyped), { paragraphs });
          expect(result?.verdict).toBe('supported');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never lets a passage that is in no paragraph count as supported', () => {
    fc.assert(
      fc.property(sourceWithPassage, fc.string({ minLength: 1, maxLength: 3 }), ({ paragraphs, passage }, extra) => {
        const invented = `${passage} ${extra}zqxj${extra}`;
        fc.pre(!paragraphs.some((paragraph) => paragraph.text.toLowerCase().includes('zqxj')));
        const [result] = verifyPassages([{ id: 'c1' }], supported(invented), { paragraphs });
        expect(result?.verdict).not.toBe('supported');
        expect(result?.passage).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
