import { isLocalEndpoint } from '@/lib/llm/endpoint';
import { lookUpModel } from '@/lib/budget/model-name';

export interface ModelLimits {
  /** Prompt and answer together. */
  contextTokens: number;
  /** The longest answer the model may give. */
  maxOutputTokens: number;
}

/**
 * Published limits of common models (OpenAI's model pages, OpenRouter's listing). Specific names
 * come before the families they start with (`gpt-4o` before `gpt-4`).
 */
const KNOWN_LIMITS: ReadonlyArray<readonly [string, ModelLimits]> = [
  ['gpt-5', { contextTokens: 400_000, maxOutputTokens: 128_000 }],
  ['gpt-4.1', { contextTokens: 1_047_576, maxOutputTokens: 32_768 }],
  ['gpt-4o', { contextTokens: 128_000, maxOutputTokens: 16_384 }],
  ['chatgpt-4o', { contextTokens: 128_000, maxOutputTokens: 16_384 }],
  ['gpt-4-turbo', { contextTokens: 128_000, maxOutputTokens: 4_096 }],
  ['gpt-4', { contextTokens: 8_192, maxOutputTokens: 4_096 }],
  ['gpt-3.5-turbo', { contextTokens: 16_385, maxOutputTokens: 4_096 }],
  ['o1', { contextTokens: 200_000, maxOutputTokens: 100_000 }],
  ['o3', { contextTokens: 200_000, maxOutputTokens: 100_000 }],
  ['o4-mini', { contextTokens: 200_000, maxOutputTokens: 100_000 }],
  ['anthropic/claude', { contextTokens: 200_000, maxOutputTokens: 8_192 }],
  ['google/gemini', { contextTokens: 1_000_000, maxOutputTokens: 8_192 }],
  ['meta-llama/llama-3', { contextTokens: 128_000, maxOutputTokens: 4_096 }],
  ['mistralai/', { contextTokens: 32_000, maxOutputTokens: 4_096 }],
  ['deepseek/', { contextTokens: 64_000, maxOutputTokens: 8_192 }],
];

/** A remote model we know nothing about: small enough for nearly any model served today. */
export const DEFAULT_REMOTE_LIMITS: ModelLimits = { contextTokens: 32_768, maxOutputTokens: 4_096 };

/**
 * A model on a local server, whatever it is. Ollama runs every model with its own `num_ctx`
 * (4,096 tokens by default in recent versions, 2,048 in older ones) and silently drops the start
 * of a prompt longer than that instead of failing, so the answer would quietly ignore part of the
 * article. Staying under 4,096 keeps every part of the article in the prompt; a user who raised
 * `num_ctx` can raise the limit in Options.
 */
export const LOCAL_DEFAULT_LIMITS: ModelLimits = { contextTokens: 4_096, maxOutputTokens: 2_048 };

export interface LimitOverrides {
  contextTokens: number | null;
  maxOutputTokens: number | null;
}

/** The limits to plan requests with: the user's overrides, else the table, else a safe default. */
export function modelLimits(model: string, baseUrl: string, overrides?: Partial<LimitOverrides>): ModelLimits {
  const local = isLocalEndpoint(baseUrl);
  const known = local ? null : lookUpModel(KNOWN_LIMITS, model);
  const base = known ?? (local ? LOCAL_DEFAULT_LIMITS : DEFAULT_REMOTE_LIMITS);
  return {
    contextTokens: overrides?.contextTokens ?? base.contextTokens,
    maxOutputTokens: overrides?.maxOutputTokens ?? base.maxOutputTokens,
  };
}
