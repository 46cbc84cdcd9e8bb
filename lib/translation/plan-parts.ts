import type { Paragraph } from '@/lib/article/article';
import { splitLongText } from '@/lib/translation/split-long-text';

/** A paragraph, or a piece of one too long to fit a part by itself. */
export interface PartPiece {
  paragraphId: string;
  text: string;
  /** True for the second and later pieces of a split paragraph: their translation continues the paragraph before. */
  continuesParagraph: boolean;
  tokens: number;
}

export interface PlannedPart {
  pieces: PartPiece[];
  tokens: number;
}

export interface PlanPartsOptions {
  /** No part's text may exceed this (the request's budget, from the model's limits). */
  maxPartTokens: number;
  /** How many parts to aim for (for parallel requests); more are made when the budget needs them. */
  targetParts?: number;
  countTokens(text: string): number;
}

/**
 * Splits an article's paragraphs into consecutive parts, at paragraph boundaries, each under
 * `maxPartTokens`, of about equal size so parts sent in parallel finish at about the same time.
 * A single paragraph over the budget is cut at sentence ends into pieces of its own.
 */
export function planParts(paragraphs: readonly Paragraph[], options: PlanPartsOptions): PlannedPart[] {
  const budget = Math.max(1, Math.floor(options.maxPartTokens));
  const pieces = paragraphs.flatMap((paragraph) => toPieces(paragraph, budget, options.countTokens));
  if (pieces.length === 0) return [];
  const total = pieces.reduce((sum, piece) => sum + piece.tokens, 0);
  const partCount = Math.max(Math.ceil(total / budget), Math.min(options.targetParts ?? 1, pieces.length), 1);
  const target = total / partCount;

  const parts: PlannedPart[] = [];
  let current: PlannedPart = { pieces: [], tokens: 0 };
  let before = 0;
  for (const piece of pieces) {
    const boundary = target * (parts.length + 1);
    const overBudget = current.tokens + piece.tokens > budget;
    // Close the part before this piece when that lands nearer its share of the article than after it.
    const nearerBefore = before + piece.tokens - boundary > boundary - before;
    const partsLeft = partCount - parts.length - 1;
    if (current.pieces.length > 0 && (overBudget || (nearerBefore && partsLeft > 0))) {
      parts.push(current);
      current = { pieces: [], tokens: 0 };
    }
    current.pieces.push(piece);
    current.tokens += piece.tokens;
    before += piece.tokens;
  }
  parts.push(current);
  return parts;
}

function toPieces(paragraph: Paragraph, budget: number, countTokens: (text: string) => number): PartPiece[] {
  const tokens = countTokens(paragraph.text);
  if (tokens <= budget) return [{ paragraphId: paragraph.id, text: paragraph.text, continuesParagraph: false, tokens }];
  return splitLongText(paragraph.text, budget, countTokens).map((text, index) => ({
    paragraphId: paragraph.id,
    text,
    continuesParagraph: index > 0,
    tokens: countTokens(text),
  }));
}
