import type { ProviderId } from '../providers';
import { normaliseSettings, SETTINGS_VERSION, type Settings, SettingsSchema } from '../settings';

/** What the options form edits: the settings without their version, plus the API key (stored apart). */
export interface SettingsDraft {
  provider: ProviderId;
  baseUrl: string;
  apiKey: string;
  model: string;
  targetLanguage: string;
  toolbarAction: Settings['toolbarAction'];
  theme: Settings['theme'];
  /** Prices and limits the user set per model (components/options/budget-fields.tsx). */
  modelOverrides: Settings['modelOverrides'];
  parallelRequests: Settings['parallelRequests'];
  askAboveDollars: Settings['askAboveDollars'];
}

export type DraftField = keyof SettingsDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export type DraftValidation = { ok: true; settings: Settings; apiKey: string } | { ok: false; errors: DraftErrors };

/** Clearer than zod's default wording for the fields people get wrong. */
const FIELD_MESSAGES: DraftErrors = {
  targetLanguage: 'Enter the language to translate into, e.g. English.',
};

export function draftFromSettings(settings: Settings, apiKey: string): SettingsDraft {
  const { version: _version, ...fields } = settings;
  return { ...fields, apiKey };
}

/** Validates with the settings schema itself, so the form and storage can never disagree. */
export function validateDraft(draft: SettingsDraft): DraftValidation {
  const { apiKey, ...fields } = draft;
  const parsed = SettingsSchema.safeParse({ ...fields, version: SETTINGS_VERSION });
  if (parsed.success) return { ok: true, settings: normaliseSettings(parsed.data), apiKey: apiKey.trim() };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(field in draft)) continue;
    const key = field as DraftField;
    errors[key] ??= FIELD_MESSAGES[key] ?? issue.message;
  }
  return { ok: false, errors };
}
