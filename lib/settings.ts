/**
 * Where the settings are kept and how they are read: `storage.sync`, through WXT's storage item with
 * its version and migrations, every read validated by the schema (lib/settings-schema.ts) with a
 * fallback to the defaults. What they are is settings-schema.ts's; this file is their one import.
 */

import { browser, storage } from '#imports';
import { loadCredential, saveCredential } from '@/lib/endpoint-credential';
import { type MigrationResult, migrateSettings, SETTINGS_MIGRATIONS } from '@/lib/settings-migrations';
import { normaliseSettings, SETTINGS_VERSION, type Settings, SettingsSchema } from '@/lib/settings-schema';

export {
  DEFAULT_ASK_ABOVE_DOLLARS,
  DEFAULT_SETTINGS,
  type ModelOverride,
  ModelOverrideSchema,
  NO_OVERRIDE,
  normaliseSettings,
  SETTINGS_VERSION,
  type Settings,
  SettingsSchema,
} from '@/lib/settings-schema';

/**
 * WXT runs the steps from the stored item's version on start-up and records the version beside the
 * value (https://wxt.dev/storage, "Versioning"). The step to version 2 also moves the key version 1
 * kept inside the synced settings to local storage, before the step drops it. Every read still
 * brings the value forward itself (`migrateSettings`): settings synced from a device on an older
 * release, or written by hand, may be older than the version WXT recorded.
 */
const settingsItem = storage.defineItem<unknown>('sync:settings', {
  version: SETTINGS_VERSION,
  migrations: {
    ...SETTINGS_MIGRATIONS,
    2: async (stored: unknown) => {
      await moveKeyToLocalStorage(migrateSettings(stored));
      return SETTINGS_MIGRATIONS[2]?.(stored);
    },
  },
});

const settingsNoticeItem = storage.defineItem<string | null>('local:settingsNotice', { fallback: null });

/** Reads, validates and migrates the settings; persists the migration so it runs once. */
export async function loadSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  const result = migrateSettings(stored);
  if (stored !== null && stored !== undefined && JSON.stringify(stored) !== JSON.stringify(result.settings)) {
    await settingsItem.setValue(result.settings);
    await moveKeyToLocalStorage(result);
    if (result.resetReason) await settingsNoticeItem.setValue(result.resetReason);
  }
  return result.settings;
}

/** A version-1 key was saved together with these very settings: bound to their base URL, unless one is there. */
async function moveKeyToLocalStorage(result: MigrationResult): Promise<void> {
  if (result.extractedApiKey && !(await loadCredential(result.settings.baseUrl))) {
    await saveCredential(result.settings.baseUrl, result.extractedApiKey, {});
  }
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
