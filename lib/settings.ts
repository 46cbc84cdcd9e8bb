import { z } from 'zod';
import { browser, storage } from '#imports';
import { parseEndpoint } from './llm/endpoint';
import { loadCredential, saveCredential } from './endpoint-credential';
import { PROVIDER_IDS, PROVIDERS } from './providers';

/**
 * Settings: one zod schema, validated on every read, versioned with one migration per step.
 * The API key is not part of it: it lives in `storage.local` alone, bound to the origin it was saved
 * for (lib/endpoint-credential.ts), so it is never synced and never follows a synced base URL.
 */
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

/** Version 3 ran every job at once, whatever its estimated cost. */
export type SettingsV3 = Omit<Settings, 'version' | 'askAboveDollars'> & { version: 3 };

/** Version 2 had no per-model prices and limits, and no setting for parallel requests. */
export type SettingsV2 = Omit<SettingsV3, 'version' | 'modelOverrides' | 'parallelRequests'> & { version: 2 };

/** Version 1 kept the key inside the synced settings object and had no theme. */
export interface SettingsV1 {
  version: 1;
  provider: string;
  baseUrl: string;
  model: string;
  apiKey?: string;
  targetLanguage?: string;
  toolbarAction?: 'sidepanel' | 'popup';
}

export interface MigrationResult {
  settings: Settings;
  /** A key found in old synced settings, to be moved to local storage. */
  extractedApiKey: string | null;
  /** Set when stored data could not be used and defaults were restored. */
  resetReason: string | null;
}

/** Brings whatever is stored (any version, or garbage) to the current schema. Pure. */
export function migrateSettings(stored: unknown): MigrationResult {
  if (stored === undefined || stored === null) {
    return { settings: DEFAULT_SETTINGS, extractedApiKey: null, resetReason: null };
  }
  let value: unknown = stored;
  let extractedApiKey: string | null = null;
  const version = typeof value === 'object' ? (value as { version?: unknown }).version : undefined;
  if (version === 1) {
    const v1 = value as SettingsV1;
    extractedApiKey = typeof v1.apiKey === 'string' && v1.apiKey.trim() ? v1.apiKey.trim() : null;
    value = {
      version: 2,
      provider: v1.provider,
      baseUrl: v1.baseUrl,
      model: v1.model,
      targetLanguage: v1.targetLanguage ?? 'English',
      toolbarAction: v1.toolbarAction ?? 'sidepanel',
      theme: 'system',
    } satisfies Settings | Record<string, unknown>;
  }
  if (typeof value === 'object' && value !== null && 'version' in value && value.version === 2) {
    value = { ...value, version: 3, modelOverrides: {}, parallelRequests: null };
  }
  if (typeof value === 'object' && value !== null && 'version' in value && value.version === 3) {
    value = { ...value, version: 4, askAboveDollars: DEFAULT_ASK_ABOVE_DOLLARS };
  }
  const parsed = SettingsSchema.safeParse(value);
  if (parsed.success) return { settings: normaliseSettings(parsed.data), extractedApiKey, resetReason: null };
  const problem = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`)
    .join('; ');
  return {
    settings: DEFAULT_SETTINGS,
    extractedApiKey,
    resetReason: `Stored settings were unreadable and were reset to defaults (${problem}).`,
  };
}

/** Trims and drops a trailing slash so `https://host/v1/` and `https://host/v1` are one endpoint. */
export function normaliseSettings(settings: Settings): Settings {
  return { ...settings, baseUrl: normaliseBaseUrl(settings.baseUrl), model: settings.model.trim() };
}

export function normaliseBaseUrl(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, '');
}

const settingsItem = storage.defineItem<unknown>('sync:settings');
const settingsNoticeItem = storage.defineItem<string | null>('local:settingsNotice', { fallback: null });

/** Reads, validates and migrates the settings; persists the migration so it runs once. */
export async function loadSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  const result = migrateSettings(stored);
  if (stored !== null && stored !== undefined && JSON.stringify(stored) !== JSON.stringify(result.settings)) {
    await settingsItem.setValue(result.settings);
    // A version-1 key was saved together with these very settings: bound to their base URL.
    if (result.extractedApiKey && !(await loadCredential(result.settings.baseUrl))) {
      await saveCredential(result.settings.baseUrl, result.extractedApiKey, {});
    }
    if (result.resetReason) await settingsNoticeItem.setValue(result.resetReason);
  }
  return result.settings;
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const valid = normaliseSettings(SettingsSchema.parse(settings));
  await settingsItem.setValue(valid);
  return valid;
}

/** A one-time message for the options page, e.g. after corrupt settings were reset. */
export async function takeSettingsNotice(): Promise<string | null> {
  const notice = await settingsNoticeItem.getValue();
  if (notice) await settingsNoticeItem.setValue(null);
  return notice;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(migrateSettings(value).settings));
}

/**
 * Keeps `storage.local` (where the key lives) away from content scripts where the browser allows
 * it (Chrome's setAccessLevel for local storage); elsewhere no content script of ours reads storage.
 */
export async function protectLocalStorage(): Promise<void> {
  const local = browser.storage.local as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}
