import { i18n } from '#i18n';
import { formatCount } from '@/lib/ui/ui-language';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import type { AppError } from '@/lib/errors';
import { type ConnectionTestResult, sendMessage } from '@/lib/messaging';
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from '@/lib/providers';
import { loadCredentialFor, saveCredential } from '@/lib/endpoint-credential';
import { messageOf } from '@/lib/message-of';
import { loadSettings, type Settings, saveSettings } from '@/lib/settings';
import {
  chooseSetupProvider,
  type EndpointSetupDraft,
  type SetupField,
  validateSetup,
} from '@/lib/setup/endpoint-setup';
import { permissionProblem } from '@/lib/ui/permission-problem';
import { requestHostPermission } from '@/lib/ui/request-host-permission';
import { ErrorNotice } from '@/components/shared/error-notice';
import { ApiKeyInput } from '@/components/options/api-key-input';
import { Field, fieldAria } from '@/components/options/field';
import '@/components/setup/endpoint-setup.css';
import '@/components/shared/form.css';
import { providerHelp, providerLabel } from '@/lib/ui/provider-text';

const FIELD_IDS: Record<Exclude<SetupField, 'other'>, string> = {
  baseUrl: 'setup-base-url',
  model: 'setup-model',
  apiKey: 'setup-api-key',
};

/**
 * The side panel's first run: choose a provider, paste the key if it needs one, Test connection.
 * The settings are saved only once the endpoint has answered, and then `onConnected` starts the
 * analysis the toolbar click asked for. The rest of the settings stay on the options page.
 */
export function EndpointSetup({ onConnected }: { onConnected: () => void }) {
  const [current, setCurrent] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<EndpointSetupDraft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<SetupField, string>>>({});
  const [testing, setTesting] = useState(false);
  const [permissionNote, setPermissionNote] = useState<string | null>(null);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);

  useEffect(() => {
    loadSettings()
      .then(async (settings) => {
        const { apiKey } = await loadCredentialFor(settings.baseUrl);
        setCurrent(settings);
        setDraft({ provider: settings.provider, baseUrl: settings.baseUrl, model: settings.model, apiKey });
      })
      .catch((error: unknown) => setFailure({ code: 'unknown', detail: messageOf(error) }));
  }, []);

  if (!current || !draft) return failure ? <ErrorNotice error={failure} /> : null;

  const preset = PROVIDERS[draft.provider];
  const update = (field: Exclude<SetupField, 'other'>, value: string) => {
    setDraft({ ...draft, [field]: value });
    setErrors({ ...errors, [field]: undefined });
  };

  /** Host access first, inside the click's gesture; then the test; the settings only once it passed. */
  const onTest = () => {
    setResult(null);
    setFailure(null);
    const validation = validateSetup(draft, current);
    if (!validation.ok) {
      setErrors(validation.errors);
      const first = (Object.keys(FIELD_IDS) as Array<keyof typeof FIELD_IDS>).find((field) => validation.errors[field]);
      if (first) document.getElementById(FIELD_IDS[first])?.focus();
      return;
    }
    const { settings, apiKey } = validation;
    const permission = requestHostPermission(settings.baseUrl);
    setErrors({});
    setTesting(true);
    permission
      .then(async (outcome) => {
        setPermissionNote(permissionProblem(outcome, i18n.t('setup.testConnection')));
        // The background tests with the key saved for this endpoint's origin, never one the page sends:
        // the key is saved, bound to that origin, first; the settings only once the endpoint answered.
        await saveCredential(settings.baseUrl, apiKey, {});
        return sendMessage('testConnection', { baseUrl: settings.baseUrl, model: settings.model });
      })
      .then(async (tested) => {
        setResult(tested);
        if (!tested.ok) return;
        await saveSettings(settings);
        onConnected();
      })
      .catch((error: unknown) => setFailure({ code: 'unknown', detail: messageOf(error) }))
      .finally(() => setTesting(false));
  };

  return (
    <section class="setup" aria-labelledby="setup-title">
      <h1 class="setup__title" id="setup-title">
        {i18n.t('setup.title')}
      </h1>
      <p class="setup__lead">{i18n.t('setup.lead')}</p>
      <ol class="setup__steps">
        <li class="setup__step">
          <h2 class="setup__step-title">{i18n.t('setup.chooseProvider')}</h2>
          <Field id="setup-provider" label={i18n.t('setup.provider')} hint={providerHelp(preset.id)}>
            <select
              id="setup-provider"
              class="input"
              value={draft.provider}
              onChange={(event) => {
                setDraft(chooseSetupProvider(draft, event.currentTarget.value as ProviderId));
                setErrors({});
                setResult(null);
              }}
              {...fieldAria('setup-provider', undefined)}
            >
              {PROVIDER_IDS.map((id) => (
                <option key={id} value={id}>
                  {providerLabel(id)}
                </option>
              ))}
            </select>
          </Field>
          {draft.provider === 'custom' && (
            <Field
              id={FIELD_IDS.baseUrl}
              label={i18n.t('setup.baseUrl')}
              error={errors.baseUrl}
              hint={i18n.t('setup.baseUrlHint')}
            >
              <input
                id={FIELD_IDS.baseUrl}
                class="input input--mono"
                type="url"
                value={draft.baseUrl}
                spellcheck={false}
                placeholder="https://…/v1"
                onInput={(event) => update('baseUrl', event.currentTarget.value)}
                {...fieldAria(FIELD_IDS.baseUrl, errors.baseUrl)}
              />
            </Field>
          )}
          <Field
            id={FIELD_IDS.model}
            label={i18n.t('setup.model')}
            error={errors.model}
            hint={i18n.t('setup.modelHint')}
          >
            <input
              id={FIELD_IDS.model}
              class="input input--mono"
              value={draft.model}
              spellcheck={false}
              onInput={(event) => update('model', event.currentTarget.value)}
              {...fieldAria(FIELD_IDS.model, errors.model)}
            />
          </Field>
        </li>
        <li class="setup__step">
          <h2 class="setup__step-title">{preset.keyRequired ? i18n.t('setup.pasteKey') : i18n.t('setup.apiKey')}</h2>
          {preset.keyRequired || draft.provider === 'custom' ? (
            <Field
              id={FIELD_IDS.apiKey}
              label={i18n.t('setup.apiKey')}
              error={errors.apiKey}
              hint={preset.keyRequired ? i18n.t('setup.keyHint') : i18n.t('setup.keyHintOptional')}
            >
              <ApiKeyInput
                id={FIELD_IDS.apiKey}
                value={draft.apiKey}
                error={errors.apiKey}
                onInput={(value) => update('apiKey', value)}
              />
            </Field>
          ) : (
            <p class="muted">{i18n.t('setup.noKeyNeeded', { provider: preset.label })}</p>
          )}
        </li>
        <li class="setup__step">
          <h2 class="setup__step-title">{i18n.t('setup.testStep')}</h2>
          <div class="actions-bar">
            <button type="button" class="button button--primary" onClick={onTest} disabled={testing}>
              {testing && <span class="spinner" aria-hidden="true" />}
              {i18n.t('setup.testConnection')}
            </button>
          </div>
          {errors.other && (
            <p class="field__error" role="alert">
              {errors.other}
            </p>
          )}
          {permissionNote && (
            <p class="notice" role="alert">
              {permissionNote}
            </p>
          )}
          {result?.ok && (
            <p class="notice notice--success" role="status">
              {i18n.t('setup.connected', { model: result.model, ms: formatCount(result.latencyMs) })}
            </p>
          )}
          {result && !result.ok && <ErrorNotice error={result.error} handlers={{ retry: onTest }} />}
          {failure && <ErrorNotice error={failure} />}
        </li>
      </ol>
      <p class="setup__more">
        {i18n.t('setup.more')}{' '}
        <button
          type="button"
          class="button button--quiet button--small"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {i18n.t('shared.options')}
        </button>
      </p>
    </section>
  );
}
