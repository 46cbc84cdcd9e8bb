import {
  DEFAULT_ASK_ABOVE_DOLLARS,
  DEFAULT_SETTINGS,
  normaliseSettings,
  type Settings,
  SettingsSchema,
} from '@/lib/settings-schema';

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

type StoredSettings = Record<string, unknown> & { version: number };

function hasVersion(value: unknown, version: number): value is StoredSettings {
  return typeof value === 'object' && value !== null && 'version' in value && value.version === version;
}

/**
 * One step per settings version, keyed by the version it brings a value to, in the shape of WXT's
 * `migrations` option (https://wxt.dev/storage: "A map of version numbers to the functions used to
 * migrate the data to that version"). Each step changes only a value of the version just before it
 * and passes anything else on as it is: WXT counts an item stored without its version metadata (all
 * settings saved before WXT kept it) as version 1 and runs every step, and settings synced from a
 * device on an older release may be older than the metadata says. Never throws; the schema judges
 * the result. The key a version-1 value carries is dropped here: see `apiKeyOfVersion1`.
 */
export const SETTINGS_MIGRATIONS: Readonly<Record<number, (stored: unknown) => unknown>> = {
  2: (stored) =>
    hasVersion(stored, 1)
      ? {
          version: 2,
          provider: stored.provider,
          baseUrl: stored.baseUrl,
          model: stored.model,
          targetLanguage: stored.targetLanguage ?? 'English',
          toolbarAction: stored.toolbarAction ?? 'sidepanel',
          theme: 'system',
        }
      : stored,
  3: (stored) =>
    hasVersion(stored, 2) ? { ...stored, version: 3, modelOverrides: {}, parallelRequests: null } : stored,
  4: (stored) =>
    hasVersion(stored, 3) ? { ...stored, version: 4, askAboveDollars: DEFAULT_ASK_ABOVE_DOLLARS } : stored,
};

/** The key version 1 kept inside the synced settings (trimmed), to be moved to local storage; else null. */
export function apiKeyOfVersion1(stored: unknown): string | null {
  if (!hasVersion(stored, 1) || typeof stored.apiKey !== 'string') return null;
  return stored.apiKey.trim() || null;
}

export interface MigrationResult {
  settings: Settings;
  /** A key found in old synced settings, to be moved to local storage. */
  extractedApiKey: string | null;
  /**
   * Set when stored data could not be used and defaults were restored: what was wrong, in the
   * schema's words ("baseUrl: Base URL must be an http:// or https:// URL"). Options shows it inside
   * a sentence in the interface's language (`options.settingsReset`).
   */
  resetReason: string | null;
}

/**
 * Brings whatever is stored (any version, or garbage) to the current schema: every step of
 * SETTINGS_MIGRATIONS in order, then the schema, falling back to the defaults with the reason. Pure.
 */
export function migrateSettings(stored: unknown): MigrationResult {
  if (stored === undefined || stored === null) {
    return { settings: DEFAULT_SETTINGS, extractedApiKey: null, resetReason: null };
  }
  const extractedApiKey = apiKeyOfVersion1(stored);
  const steps = Object.keys(SETTINGS_MIGRATIONS)
    .map(Number)
    .sort((first, second) => first - second);
  let value = stored;
  for (const version of steps) value = SETTINGS_MIGRATIONS[version]?.(value) ?? value;
  const parsed = SettingsSchema.safeParse(value);
  if (parsed.success) return { settings: normaliseSettings(parsed.data), extractedApiKey, resetReason: null };
  const problem = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`)
    .join('; ');
  return {
    settings: DEFAULT_SETTINGS,
    extractedApiKey,
    resetReason: problem,
  };
}
