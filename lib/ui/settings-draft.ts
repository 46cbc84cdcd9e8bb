import { i18n } from '#i18n';
import { type CustomHeaders, parseCustomHeaders } from '@/lib/custom-headers';
import { isInsecureRemote } from '@/lib/endpoint-credential';
import type { ProviderId } from '@/lib/providers';
import { normaliseSettings, SETTINGS_VERSION, type Settings, SettingsSchema } from '@/lib/settings';

/**
 * What the options form edits: the settings without their version, plus the API key and the custom
 * headers (stored apart, bound to the base URL's origin: lib/endpoint-credential.ts).
 */
export interface SettingsDraft {
  provider: ProviderId;
  baseUrl: string;
  apiKey: string;
  /** One `Name: value` a line (lib/custom-headers.ts). */
  customHeaders: string;
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

export type DraftValidation =
  | { ok: true; settings: Settings; apiKey: string; headers: CustomHeaders }
  | { ok: false; errors: DraftErrors };

/** Clearer than zod's default wording for the fields people get wrong. */
const FIELD_MESSAGES: Readonly<DraftErrors> = {
  get targetLanguage() {
    return i18n.t('options.targetLanguageInvalid');
  },
};

export function draftFromSettings(settings: Settings, apiKey: string, customHeaders = ''): SettingsDraft {
  const { version: _version, ...fields } = settings;
  return { ...fields, apiKey, customHeaders };
}

/** Why plain http:// is refused for a host outside this machine and the local network. */
export const INSECURE_BASE_URL_MESSAGE = i18n.t('options.insecureBaseUrl');

/** Validates with the settings schema itself, so the form and storage can never disagree. */
export function validateDraft(draft: SettingsDraft): DraftValidation {
  const { apiKey, customHeaders, ...fields } = draft;
  const parsed = SettingsSchema.safeParse({ ...fields, version: SETTINGS_VERSION });
  const headers = parseCustomHeaders(customHeaders);
  const insecure = isInsecureRemote(draft.baseUrl);
  if (parsed.success && headers.ok && !insecure) {
    return { ok: true, settings: normaliseSettings(parsed.data), apiKey: apiKey.trim(), headers: headers.headers };
  }
  const errors: DraftErrors = {};
  if (insecure) errors.baseUrl = INSECURE_BASE_URL_MESSAGE;
  if (!headers.ok) errors.customHeaders = headers.error;
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(field in draft)) continue;
    const key = field as DraftField;
    errors[key] ??= FIELD_MESSAGES[key] ?? issue.message;
  }
  return { ok: false, errors };
}
