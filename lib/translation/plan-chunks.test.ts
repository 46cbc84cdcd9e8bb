import { describe, expect, it } from 'vitest';
import type { Paragraph } from '@/lib/article/article';
import { planChunks } from '@/lib/translation/plan-chunks';

/** One token per word keeps the arithmetic of these tests readable. */
const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

function paragraphs(...wordCounts: number[]): Paragraph[] {
  return wordCounts.map((count, index) => ({
    id: `p${index + 1}`,
    text: Array.from({ length: count }, (_, word) => `w${index + 1}_${word}`).join(' '),
  }));
}

const idsOf = (chunk: { pieces: { paragraphId: string }[] }) => chunk.pieces.map((piece) => piece.paragraphId);

describe('planChunks', () => {
  it('keeps a short article in one chunk', () => {
    const chunks = planChunks(paragraphs(10, 20, 30), { maxChunkTokens: 100, countTokens: countWords });
    expect(chunks.map(idsOf)).toEqual([['p1', 'p2', 'p3']]);
    expect(chunks[0]?.tokens).toBe(60);
  });

  it('cuts at paragraph boundaries, never over the budget, every paragraph once and in order', () => {
    const input = paragraphs(40, 30, 50, 20, 60, 10, 45);
    const chunks = planChunks(input, { maxChunkTokens: 100, countTokens: countWords });
    for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(100);
    expect(chunks.flatMap(idsOf)).toEqual(input.map((paragraph) => paragraph.id));
    // 255 tokens need three chunks at least; these paragraph sizes allow no fewer than four.
    expect(chunks.length).toBe(4);
  });

  it('aims for the number of chunks asked for, of about equal size', () => {
    const input = paragraphs(...Array.from({ length: 40 }, () => 25));
    const chunks = planChunks(input, { maxChunkTokens: 10_000, targetChunks: 4, countTokens: countWords });
    expect(chunks.map((chunk) => chunk.tokens)).toEqual([250, 250, 250, 250]);
  });

  it('makes more chunks than asked for when the budget needs them', () => {
    const input = paragraphs(...Array.from({ length: 10 }, () => 30));
    const chunks = planChunks(input, { maxChunkTokens: 100, targetChunks: 2, countTokens: countWords });
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(100);
  });

  it('never makes more chunks than there are pieces', () => {
    expect(
      planChunks(paragraphs(5, 5), { maxChunkTokens: 100, targetChunks: 6, countTokens: countWords }),
    ).toHaveLength(2);
    expect(planChunks([], { maxChunkTokens: 100, countTokens: countWords })).toEqual([]);
  });

  it('splits a giant single paragraph at sentence ends into pieces that continue it', () => {
    const sentence = (index: number) => `Sentence ${index} has exactly seven words here.`;
    const giant: Paragraph = { id: 'p1', text: Array.from({ length: 30 }, (_, index) => sentence(index)).join(' ') };
    const chunks = planChunks([giant, { id: 'p2', text: 'A short closing paragraph.' }], {
      maxChunkTokens: 50,
      countTokens: countWords,
    });
    const pieces = chunks.flatMap((chunk) => chunk.pieces);
    for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(50);
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
      const chunks = planChunks([{ id: 'p1', text }], { maxChunkTokens: 2_000, countTokens: countCharacters });
      for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(2_000);
      expect(chunks.flatMap((chunk) => chunk.pieces.map((piece) => piece.text)).join(text === word ? '' : ' ')).toBe(
        text,
      );
      expect(counted).toBeLessThan(text.length * 40);
    }
  });

  it('cuts a single sentence longer than the budget between words', () => {
    const run: Paragraph = { id: 'p1', text: Array.from({ length: 120 }, (_, index) => `word${index}`).join(' ') };
    const chunks = planChunks([run], { maxChunkTokens: 50, countTokens: countWords });
    expect(chunks.map((chunk) => chunk.tokens)).toEqual([50, 50, 20]);
  });
});
