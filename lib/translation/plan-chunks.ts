import type { Paragraph } from '@/lib/article/article';
import { splitLongText } from '@/lib/translation/split-long-text';

/** A paragraph, or a piece of one too long to fit a chunk by itself. */
export interface ChunkPiece {
  paragraphId: string;
  text: string;
  /** True for the second and later pieces of a split paragraph: their translation continues the paragraph before. */
  continuesParagraph: boolean;
  tokens: number;
}

export interface PlannedChunk {
  pieces: ChunkPiece[];
  tokens: number;
}

export interface PlanChunksOptions {
  /** No chunk's text may exceed this (the request's budget, from the model's limits). */
  maxChunkTokens: number;
  /** How many chunks to aim for (for parallel requests); more are made when the budget needs them. */
  targetChunks?: number;
  countTokens(text: string): number;
}

/**
 * Splits an article's paragraphs into consecutive chunks, at paragraph boundaries, each under
 * `maxChunkTokens`, of about equal size so chunks sent in parallel finish at about the same time.
 * A single paragraph over the budget is cut at sentence ends into pieces of its own.
 */
export function planChunks(paragraphs: readonly Paragraph[], options: PlanChunksOptions): PlannedChunk[] {
  const budget = Math.max(1, Math.floor(options.maxChunkTokens));
  const pieces = paragraphs.flatMap((paragraph) => toPieces(paragraph, budget, options.countTokens));
  if (pieces.length === 0) return [];
  const total = pieces.reduce((sum, piece) => sum + piece.tokens, 0);
  const chunkCount = Math.max(Math.ceil(total / budget), Math.min(options.targetChunks ?? 1, pieces.length), 1);
  const target = total / chunkCount;

  const chunks: PlannedChunk[] = [];
  let current: PlannedChunk = { pieces: [], tokens: 0 };
  let before = 0;
  for (const piece of pieces) {
    const boundary = target * (chunks.length + 1);
    const overBudget = current.tokens + piece.tokens > budget;
    // Close the chunk before this piece when that lands nearer its share of the article than after it.
    const nearerBefore = before + piece.tokens - boundary > boundary - before;
    const chunksLeft = chunkCount - chunks.length - 1;
    if (current.pieces.length > 0 && (overBudget || (nearerBefore && chunksLeft > 0))) {
      chunks.push(current);
      current = { pieces: [], tokens: 0 };
    }
    current.pieces.push(piece);
    current.tokens += piece.tokens;
    before += piece.tokens;
  }
  chunks.push(current);
  return chunks;
}

function toPieces(paragraph: Paragraph, budget: number, countTokens: (text: string) => number): ChunkPiece[] {
  const tokens = countTokens(paragraph.text);
  if (tokens <= budget) return [{ paragraphId: paragraph.id, text: paragraph.text, continuesParagraph: false, tokens }];
  return splitLongText(paragraph.text, budget, countTokens).map((text, index) => ({
    paragraphId: paragraph.id,
    text,
    continuesParagraph: index > 0,
    tokens: countTokens(text),
  }));
}
