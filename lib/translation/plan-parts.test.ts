import { describe, expect, it } from 'vitest';
import type { Paragraph } from '@/lib/article/article';
import { planParts } from '@/lib/translation/plan-parts';

/** One token per word keeps the arithmetic of these tests readable. */
const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

function paragraphs(...wordCounts: number[]): Paragraph[] {
  return wordCounts.map((count, index) => ({
    id: `p${index + 1}`,
    text: Array.from({ length: count }, (_, word) => `w${index + 1}_${word}`).join(' '),
  }));
}

const idsOf = (part: { pieces: { paragraphId: string }[] }) => part.pieces.map((piece) => piece.paragraphId);

describe('planParts', () => {
  it('keeps a short article in one part', () => {
    const parts = planParts(paragraphs(10, 20, 30), { maxPartTokens: 100, countTokens: countWords });
    expect(parts.map(idsOf)).toEqual([['p1', 'p2', 'p3']]);
    expect(parts[0]?.tokens).toBe(60);
  });

  it('cuts at paragraph boundaries, never over the budget, every paragraph once and in order', () => {
    const input = paragraphs(40, 30, 50, 20, 60, 10, 45);
    const parts = planParts(input, { maxPartTokens: 100, countTokens: countWords });
    for (const part of parts) expect(part.tokens).toBeLessThanOrEqual(100);
    expect(parts.flatMap(idsOf)).toEqual(input.map((paragraph) => paragraph.id));
    // 255 tokens need three parts at least; these paragraph sizes allow no fewer than four.
    expect(parts.length).toBe(4);
  });

  it('aims for the number of parts asked for, of about equal size', () => {
    const input = paragraphs(...Array.from({ length: 40 }, () => 25));
    const parts = planParts(input, { maxPartTokens: 10_000, targetParts: 4, countTokens: countWords });
    expect(parts.map((part) => part.tokens)).toEqual([250, 250, 250, 250]);
  });

  it('makes more parts than asked for when the budget needs them', () => {
    const input = paragraphs(...Array.from({ length: 10 }, () => 30));
    const parts = planParts(input, { maxPartTokens: 100, targetParts: 2, countTokens: countWords });
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(part.tokens).toBeLessThanOrEqual(100);
  });

  it('never makes more parts than there are pieces', () => {
    expect(planParts(paragraphs(5, 5), { maxPartTokens: 100, targetParts: 6, countTokens: countWords })).toHaveLength(
      2,
    );
    expect(planParts([], { maxPartTokens: 100, countTokens: countWords })).toEqual([]);
  });

  it('splits a giant single paragraph at sentence ends into pieces that continue it', () => {
    const sentence = (index: number) => `Sentence ${index} has exactly seven words here.`;
    const giant: Paragraph = { id: 'p1', text: Array.from({ length: 30 }, (_, index) => sentence(index)).join(' ') };
    const parts = planParts([giant, { id: 'p2', text: 'A short closing paragraph.' }], {
      maxPartTokens: 50,
      countTokens: countWords,
    });
    const pieces = parts.flatMap((part) => part.pieces);
    for (const part of parts) expect(part.tokens).toBeLessThanOrEqual(50);
    expect(pieces.filter((piece) => piece.paragraphId === 'p1').length).toBeGreaterThan(4);
    expect(pieces.map((piece) => piece.continuesParagraph)).toEqual(
      pieces.map((piece, index) => piece.paragraphId === 'p1' && index > 0),
    );
    // Every piece ends at a sentence end, and together they give the paragraph back.
    for (const piece of pieces.filter((candidate) => candidate.paragraphId === 'p1')) expect(piece.text).toMatch(/\.$/);
    expect(
      pieces
        .filter((piece) => piece.paragraphId === 'p1')
        .map((piece) => piece.text)
        .join(' '),
    ).toBe(giant.text);
  });

  it('counts a huge paragraph a bounded number of times per character, not once per sentence', () => {
    // 600,000 characters in one paragraph (an article whose paragraphs are <br>s in one <p>), and
    // an unbroken 100,000-character "word": adding a sentence, or a character, at a time and
    // recounting the piece each time counted billions of characters.
    const sentences = Array.from({ length: 12_000 }, (_, index) => `Sentence ${index} has some words in it.`).join(' ');
    const word = 'x'.repeat(100_000);
    for (const text of [sentences, word]) {
      let counted = 0;
      const countCharacters = (piece: string) => {
        counted += piece.length;
        return Math.ceil(piece.length / 4);
      };
      const parts = planParts([{ id: 'p1', text }], { maxPartTokens: 2_000, countTokens: countCharacters });
      for (const part of parts) expect(part.tokens).toBeLessThanOrEqual(2_000);
      expect(parts.flatMap((part) => part.pieces.map((piece) => piece.text)).join(text === word ? '' : ' ')).toBe(text);
      expect(counted).toBeLessThan(text.length * 40);
    }
  });

  it('cuts a single sentence longer than the budget between words', () => {
    const run: Paragraph = { id: 'p1', text: Array.from({ length: 120 }, (_, index) => `word${index}`).join(' ') };
    const parts = planParts([run], { maxPartTokens: 50, countTokens: countWords });
    expect(parts.map((part) => part.tokens)).toEqual([50, 50, 20]);
  });
});
