import { i18n } from '#i18n';
import type { AppError } from '@/lib/errors';
import { PROVIDERS, type ProviderId } from '@/lib/providers';
import type { Settings } from '@/lib/settings';
import { providerLabel } from '@/lib/ui/provider-text';
import { draftFromSettings, validateDraft } from '@/lib/ui/settings-draft';

/**
 * What a job cannot run without: a model, and a key where the provider requires one. The same
 * test as the job manager's configuration check, whose two errors (`missing-model`,
 * `missing-api-key`) a first run would otherwise show.
 */
export function needsEndpointSetup(settings: Pick<Settings, 'provider' | 'model'>, apiKey: string): boolean {
  return !settings.model.trim() || (!apiKey.trim() && PROVIDERS[settings.provider].keyRequired);
}

/** A job that stopped only because the endpoint is not set up yet: the setup stands in for its error. */
export function isSetupError(error: AppError | null | undefined): boolean {
  return error?.code === 'missing-api-key' || error?.code === 'missing-model';
}

/** The three steps' fields: the provider (and its URL when custom, and the model), the key. */
export interface EndpointSetupDraft {
  provider: ProviderId;
  baseUrl: string;
  model: string;
  apiKey: string;
}

/** `other`: a stored setting the setup does not show (only the options page can correct it). */
export type SetupField = 'baseUrl' | 'model' | 'apiKey' | 'other';

export type SetupValidation =
  | { ok: true; settings: Settings; apiKey: string }
  | { ok: false; errors: Partial<Record<SetupField, string>> };

/** The draft a provider starts with: its own URL and suggested model ("Custom" keeps what was typed). */
export function chooseSetupProvider(draft: EndpointSetupDraft, provider: ProviderId): EndpointSetupDraft {
  const preset = PROVIDERS[provider];
  return { ...draft, provider, baseUrl: preset.baseUrl || draft.baseUrl, model: preset.suggestedModel || draft.model };
}

/**
 * The settings to save once the connection test passes: `current` with the setup's endpoint, checked
 * by the settings schema (as the options page does), and, unlike the options page, a key demanded
 * where the provider requires one and a model always: without them the analysis cannot start.
 */
export function validateSetup(draft: EndpointSetupDraft, current: Settings): SetupValidation {
  const preset = PROVIDERS[draft.provider];
  const errors: Partial<Record<SetupField, string>> = {};
  const validation = validateDraft({
    ...draftFromSettings(current, draft.apiKey),
    provider: draft.provider,
    baseUrl: draft.baseUrl,
    model: draft.model,
  });
  if (!validation.ok) {
    const { baseUrl, model: _model, apiKey: _apiKey, ...others } = validation.errors;
    if (baseUrl) errors.baseUrl = baseUrl;
    const [field, message] = Object.entries(others).find(([, text]) => text) ?? [];
    if (field) errors.other = i18n.t('setup.storedSettingInvalid', { field, problem: message ?? '' });
  }
  if (!draft.model.trim()) errors.model = i18n.t('setup.modelMissing');
  if (preset.keyRequired && !draft.apiKey.trim())
    errors.apiKey = i18n.t('setup.apiKeyMissing', { provider: providerLabel(preset.id) });
  if (!validation.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return validation;
}
