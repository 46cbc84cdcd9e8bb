import { isLocalEndpoint } from '@/lib/llm/endpoint';
import { lookUpModel } from '@/lib/budget/model-name';

/** US dollars per million tokens. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

/**
 * List prices of common models on OpenAI and OpenRouter (standard tier, no cached-input or batch
 * discount) as published in 2025. Prices change: the user can set their own in Options, and a
 * model missing here simply shows no cost. Specific names come before their families.
 */
const KNOWN_PRICES: ReadonlyArray<readonly [string, ModelPrice]> = [
  ['gpt-5-nano', { inputPerMillion: 0.05, outputPerMillion: 0.4 }],
  ['gpt-5-mini', { inputPerMillion: 0.25, outputPerMillion: 2 }],
  ['gpt-5', { inputPerMillion: 1.25, outputPerMillion: 10 }],
  ['gpt-4.1-nano', { inputPerMillion: 0.1, outputPerMillion: 0.4 }],
  ['gpt-4.1-mini', { inputPerMillion: 0.4, outputPerMillion: 1.6 }],
  ['gpt-4.1', { inputPerMillion: 2, outputPerMillion: 8 }],
  ['gpt-4o-mini', { inputPerMillion: 0.15, outputPerMillion: 0.6 }],
  ['gpt-4o', { inputPerMillion: 2.5, outputPerMillion: 10 }],
  ['gpt-4-turbo', { inputPerMillion: 10, outputPerMillion: 30 }],
  ['gpt-3.5-turbo', { inputPerMillion: 0.5, outputPerMillion: 1.5 }],
  ['o4-mini', { inputPerMillion: 1.1, outputPerMillion: 4.4 }],
  ['o3-mini', { inputPerMillion: 1.1, outputPerMillion: 4.4 }],
  ['o3', { inputPerMillion: 2, outputPerMillion: 8 }],
  ['anthropic/claude-3.5-haiku', { inputPerMillion: 0.8, outputPerMillion: 4 }],
  ['anthropic/claude-3.5-sonnet', { inputPerMillion: 3, outputPerMillion: 15 }],
  ['anthropic/claude-3.7-sonnet', { inputPerMillion: 3, outputPerMillion: 15 }],
  ['anthropic/claude-sonnet-4', { inputPerMillion: 3, outputPerMillion: 15 }],
  ['google/gemini-2.0-flash', { inputPerMillion: 0.1, outputPerMillion: 0.4 }],
  ['google/gemini-2.5-flash', { inputPerMillion: 0.3, outputPerMillion: 2.5 }],
  ['google/gemini-2.5-pro', { inputPerMillion: 1.25, outputPerMillion: 10 }],
];

export interface PriceOverrides {
  inputPricePerMillion: number | null;
  outputPricePerMillion: number | null;
}

/**
 * The price to show costs with: the user's (both halves set), else the table's; a model on a
 * local server costs nothing per token; null when unknown, and then no cost is shown.
 */
export function modelPrice(model: string, baseUrl: string, overrides?: Partial<PriceOverrides>): ModelPrice | null {
  const input = overrides?.inputPricePerMillion ?? null;
  const output = overrides?.outputPricePerMillion ?? null;
  if (input !== null && output !== null) return { inputPerMillion: input, outputPerMillion: output };
  if (isLocalEndpoint(baseUrl)) return { inputPerMillion: 0, outputPerMillion: 0 };
  return lookUpModel(KNOWN_PRICES, model);
}

/** Dollars for these tokens at this price. */
export function dollarsFor(inputTokens: number, outputTokens: number, price: ModelPrice): number {
  return (inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1_000_000;
}
