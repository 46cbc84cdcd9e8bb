import { CHARACTER_CLASSES, type CharacterClassCounts, countCharacterClasses } from '@/lib/tokens/character-classes';
import type { TokenizerFamily } from '@/lib/tokens/tokenizer-family';

/**
 * Tokens per character of each class, fitted (non-negative least squares) against the real
 * o200k_base and cl100k_base tokenizers of `gpt-tokenizer` on news text in 16 languages
 * (calibration-samples.ts); estimate-tokens.test.ts checks the fit against the real tokenizers.
 *
 * Why not ship the tokenizer itself: its o200k table is 2.4 MB of JavaScript, and loading it
 * takes about half a second (measured in Node 20). In an MV3 service worker, which restarts
 * often and cannot import code lazily, that would delay every first click. The estimate costs
 * one pass over the text and is within about ±25% on a paragraph, closer on whole articles.
 */
const TOKENS_PER_CHARACTER: Record<Exclude<TokenizerFamily, 'other'>, Record<keyof CharacterClassCounts, number>> = {
  o200k: {
    words: 0,
    asciiAlphanumeric: 0.206,
    latinExtended: 1.02,
    cyrillic: 0.284,
    greek: 0.378,
    semitic: 0.368,
    brahmic: 0.344,
    cjk: 0.71,
    punctuation: 1.243,
  },
  cl100k: {
    words: 0,
    asciiAlphanumeric: 0.248,
    latinExtended: 1.893,
    cyrillic: 0.569,
    greek: 1.067,
    semitic: 0.993,
    brahmic: 1.29,
    cjk: 1.207,
    punctuation: 0.63,
  },
};

/** Other tokenizers (Llama 3, Mistral, Qwen, …) vary; cl100k's figures with a margin keep budgets safe. */
const OTHER_FAMILY_MARGIN = 1.1;

/** Chat formats add a few tokens around every message (role, separators). */
export const TOKENS_PER_MESSAGE = 4;

/** About how many tokens `text` is for a model of this tokenizer family. */
export function estimateTokens(text: string, family: TokenizerFamily): number {
  if (text === '') return 0;
  const counts = countCharacterClasses(text);
  const weights = TOKENS_PER_CHARACTER[family === 'other' ? 'cl100k' : family];
  const margin = family === 'other' ? OTHER_FAMILY_MARGIN : 1;
  const tokens = CHARACTER_CLASSES.reduce((sum, name) => sum + counts[name] * weights[name], 0);
  return Math.max(1, Math.ceil(tokens * margin));
}
