/**
 * Settings: one zod schema, validated on every read (lib/settings.ts), versioned with one migration
 * per step (lib/settings-migrations.ts). Free of the browser, so Node scripts can build settings.
 * The API key is not part of it: it lives in `storage.local` alone, bound to the origin it was saved
 * for (lib/endpoint-credential.ts), so it is never synced and never follows a synced base URL.
 */

import { z } from 'zod';
import { normaliseBaseUrl } from '@/lib/base-url';
import { parseEndpoint } from '@/lib/llm/endpoint';
import { PROVIDER_IDS, PROVIDERS } from '@/lib/providers';

/** The settings' current version: each step to it has a migration (lib/settings-migrations.ts). */
export const SETTINGS_VERSION = 4;

/**
 * Ten cents: a long article on a mid-priced model (20,000 words on gpt-4o is about $0.45) asks
 * first; an ordinary article on a small model (a few tenths of a cent) never does.
 */
export const DEFAULT_ASK_ABOVE_DOLLARS = 0.1;

/**
 * What the user knows better than the built-in tables (lib/budget/): the price they pay and the
 * limits their server runs a model with (e.g. an Ollama model with a raised num_ctx). Null: use
 * the table, or the safe default.
 */
export const ModelOverrideSchema = z.object({
  inputPricePerMillion: z.number().nonnegative().nullable(),
  outputPricePerMillion: z.number().nonnegative().nullable(),
  contextTokens: z.number().int().min(1_024).nullable(),
  maxOutputTokens: z.number().int().min(256).nullable(),
});

export type ModelOverride = z.infer<typeof ModelOverrideSchema>;

/** No price or limit set: the table's, or the safe default, apply. */
export const NO_OVERRIDE: ModelOverride = {
  inputPricePerMillion: null,
  outputPricePerMillion: null,
  contextTokens: null,
  maxOutputTokens: null,
};

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  provider: z.enum(PROVIDER_IDS),
  baseUrl: z
    .string()
    .trim()
    .refine((value) => parseEndpoint(value) !== null, 'Base URL must be an http:// or https:// URL'),
  model: z.string().trim(),
  targetLanguage: z.string().trim().min(1),
  toolbarAction: z.enum(['sidepanel', 'popup']),
  theme: z.enum(['system', 'light', 'dark']),
  /** Keyed by model name as entered. */
  modelOverrides: z.record(z.string(), ModelOverrideSchema),
  /** Requests sent to the endpoint at once; null: 6 for a remote API, 2 for a local server. */
  parallelRequests: z.number().int().min(1).max(16).nullable(),
  /**
   * A run estimated to cost more than this many dollars waits for the user's go-ahead (see
   * lib/budget/cost-gate.ts); null: never ask.
   */
  askAboveDollars: z.number().nonnegative().nullable(),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  provider: 'openai',
  baseUrl: PROVIDERS.openai.baseUrl,
  model: PROVIDERS.openai.suggestedModel,
  targetLanguage: 'English',
  toolbarAction: 'sidepanel',
  theme: 'system',
  modelOverrides: {},
  parallelRequests: null,
  askAboveDollars: DEFAULT_ASK_ABOVE_DOLLARS,
};

/** Trims and drops a trailing slash so `https://host/v1/` and `https://host/v1` are one endpoint. */
export function normaliseSettings(settings: Settings): Settings {
  return { ...settings, baseUrl: normaliseBaseUrl(settings.baseUrl), model: settings.model.trim() };
}
