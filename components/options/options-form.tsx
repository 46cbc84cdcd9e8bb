import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { type AppError, unknownError } from '@/lib/errors';
import { type ConnectionTestResult, sendMessage } from '@/lib/messaging';
import { PROVIDER_GROUPS, PROVIDERS, type ProviderId } from '@/lib/providers';
import { parseCustomHeaders } from '@/lib/custom-headers';
import { isInsecureRemote, loadCredential, saveCredential } from '@/lib/endpoint-credential';
import { normaliseBaseUrl } from '@/lib/base-url';
import { loadSettings, saveSettings, takeSettingsNotice } from '@/lib/settings';
import { confirmSetAside, initialBinding, type SetAsideCredential, withBaseUrl } from '@/lib/ui/credential-binding';
import { connectionText } from '@/lib/ui/connection-text';
import { permissionProblem } from '@/lib/ui/permission-problem';
import { requestHostPermission } from '@/lib/ui/request-host-permission';
import {
  type DraftErrors,
  type DraftField,
  draftFromSettings,
  INSECURE_BASE_URL_MESSAGE,
  type SettingsDraft,
  validateDraft,
} from '@/lib/ui/settings-draft';
import { BrandMark } from '@/components/shared/brand-mark';
import { ErrorNotice } from '@/components/shared/error-notice';
import { ApiKeyInput } from '@/components/options/api-key-input';
import { BudgetFields } from '@/components/options/budget-fields';
import { CustomHeadersField } from '@/components/options/custom-headers-field';
import { Field, fieldAria } from '@/components/options/field';
import { ModelField } from '@/components/options/model-field';
import { OutputFields } from '@/components/options/output-fields';
import { PrivacyNote } from '@/components/options/privacy-note';
import { SetAsideNotice } from '@/components/options/set-aside-notice';
import { StoredResults } from '@/components/options/stored-results';
import '@/components/options/options-form.css';
import '@/components/shared/form.css';
import { providerGroupLabel, providerHelp, providerLabel } from '@/lib/ui/provider-text';

/** The control of each field, in the order they appear: the first invalid one gets the focus. */
const FIELD_IDS: Record<DraftField, string> = {
  provider: 'provider',
  baseUrl: 'base-url',
  apiKey: 'api-key',
  customHeaders: 'custom-headers',
  model: 'model',
  targetLanguage: 'target-language',
  toolbarAction: 'toolbar-action',
  theme: 'theme',
  modelOverrides: 'input-price',
  parallelRequests: 'parallel-requests',
  askAboveDollars: 'ask-above-dollars',
};
const FIELD_ORDER = Object.keys(FIELD_IDS) as DraftField[];

type Phase = 'idle' | 'saving' | 'saved' | 'testing';

/** Everything on the options page: endpoint, output, appearance; Save and Test connection. */
export function OptionsForm() {
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  /** A key and headers entered for another origin than Base URL's: never sent there unless the user says so. */
  const [setAside, setSetAside] = useState<SetAsideCredential | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [failure, setFailure] = useState<AppError | null>(null);
  const [permissionNote, setPermissionNote] = useState<string | null>(null);
  const [testResult, setTestResult] = useState<ConnectionTestResult | null>(null);
  const [models, setModels] = useState<string[] | null>(null);
  const [listing, setListing] = useState(false);
  const [listError, setListError] = useState<AppError | null>(null);

  useEffect(() => {
    Promise.all([loadSettings(), takeSettingsNotice()])
      .then(async ([settings, settingsNotice]) => {
        const bound = initialBinding(draftFromSettings(settings, ''), await loadCredential(settings.baseUrl));
        setDraft(bound.draft);
        setSetAside(bound.setAside);
        setNotice(settingsNotice);
      })
      .catch((error: unknown) => setFailure(unknownError(error)));
  }, []);

  if (!draft) {
    return failure ? (
      <ErrorNotice error={failure} />
    ) : (
      <div class="loading" role="status">
        <span class="spinner" aria-hidden="true" />
        {i18n.t('options.loading')}
      </div>
    );
  }

  const update = <Field extends keyof SettingsDraft>(field: Field, value: SettingsDraft[Field]) => {
    if (field === 'baseUrl' && typeof value === 'string') {
      // Another origin: the key and headers leave their fields (lib/ui/credential-binding.ts).
      const bound = withBaseUrl({ draft, setAside }, value);
      setDraft(bound.draft);
      setSetAside(bound.setAside);
    } else setDraft({ ...draft, [field]: value });
    setErrors({ ...errors, [field]: undefined });
    if (phase === 'saved') setPhase('idle');
  };

  const chooseProvider = (provider: ProviderId) => {
    const preset = PROVIDERS[provider];
    // "Custom" keeps what was typed; Azure's URL names the user's own resource: it starts empty, its form as placeholder.
    const bound = withBaseUrl({ draft, setAside }, preset.baseUrl || (provider === 'custom' ? draft.baseUrl : ''));
    setDraft({ ...bound.draft, provider, model: preset.suggestedModel });
    setSetAside(bound.setAside);
    setErrors({});
    setModels(null);
    setListError(null);
    if (phase === 'saved') setPhase('idle');
  };

  /**
   * Validates, asks for host access, saves. The permission request is the first asynchronous
   * step, so it still runs inside the click's user gesture.
   */
  const persist = (): Promise<SettingsDraft | null> => {
    const validation = validateDraft(draft);
    if (!validation.ok) {
      setErrors(validation.errors);
      const firstInvalid = FIELD_ORDER.find((field) => validation.errors[field]);
      if (firstInvalid) document.getElementById(FIELD_IDS[firstInvalid])?.focus();
      return Promise.resolve(null);
    }
    const permission = requestHostPermission(validation.settings.baseUrl);
    setErrors({});
    setFailure(null);
    return permission.then(async (outcome) => {
      setPermissionNote(permissionProblem(outcome));
      const saved = await saveSettings(validation.settings);
      // The key and headers are saved for this base URL's origin, replacing those of any other.
      await saveCredential(saved.baseUrl, validation.apiKey, validation.headers);
      const next = draftFromSettings(saved, validation.apiKey, draft.customHeaders.trim());
      setDraft(next);
      // A key set aside stays in the form (not in storage): back at its origin, it fills the field again.
      return next;
    });
  };

  const onSave = (event: Event) => {
    event.preventDefault();
    setTestResult(null);
    const saving = persist();
    setPhase('saving');
    saving
      .then((saved) => setPhase(saved ? 'saved' : 'idle'))
      .catch((error: unknown) => {
        setPhase('idle');
        setFailure(unknownError(error));
      });
  };

  const onTest = () => {
    setTestResult(null);
    const saving = persist();
    setPhase('testing');
    saving
      .then((saved) => (saved ? sendMessage('testConnection', { baseUrl: saved.baseUrl, model: saved.model }) : null))
      .then((result) => setTestResult(result))
      .catch((error: unknown) => setFailure(unknownError(error)))
      .finally(() => setPhase('idle'));
  };

  const onListModels = () => {
    const baseUrl = normaliseBaseUrl(draft.baseUrl);
    const headers = parseCustomHeaders(draft.customHeaders);
    if (isInsecureRemote(baseUrl) || !headers.ok) {
      setErrors({
        ...errors,
        ...(isInsecureRemote(baseUrl) ? { baseUrl: INSECURE_BASE_URL_MESSAGE } : {}),
        ...(headers.ok ? {} : { customHeaders: headers.error }),
      });
      return;
    }
    const permission = requestHostPermission(baseUrl);
    setListError(null);
    setListing(true);
    permission
      .then((outcome) => {
        if (!outcome.granted && outcome.reason === 'invalid-url') {
          setErrors({ ...errors, baseUrl: i18n.t('options.baseUrlInvalid') });
          return;
        }
        setPermissionNote(permissionProblem(outcome));
        // The key and headers in the fields are the ones entered for this base URL's origin (see `update`).
        const request = { baseUrl, apiKey: draft.apiKey.trim(), headers: headers.headers };
        return sendMessage('listModels', request).then((result) => {
          if (result.ok) setModels(result.models);
          else setListError(result.error);
        });
      })
      .catch((error: unknown) => setListError(unknownError(error)))
      .finally(() => setListing(false));
  };

  const preset = PROVIDERS[draft.provider];
  const busy = phase === 'saving' || phase === 'testing';
  return (
    <form class="options" onSubmit={onSave} noValidate>
      <div class="options__intro">
        <div class="brand">
          <BrandMark />
          Sourcelens
        </div>
        <h1 class="options__title">{i18n.t('shared.options')}</h1>
        <p class="muted">{i18n.t('options.intro')}</p>
      </div>

      {notice && (
        <p class="notice" role="status">
          {i18n.t('options.settingsReset', { problem: notice })}
        </p>
      )}

      <section class="card" aria-labelledby="endpoint-title">
        <h2 class="card__title" id="endpoint-title">
          {i18n.t('options.endpointTitle')}
        </h2>
        <Field id="provider" label={i18n.t('setup.provider')} hint={providerHelp(preset.id)}>
          <select
            id="provider"
            class="input"
            value={draft.provider}
            onChange={(event) => chooseProvider(event.currentTarget.value as ProviderId)}
            {...fieldAria('provider', undefined)}
          >
            {PROVIDER_GROUPS.map((group) => (
              <optgroup key={group.group} label={providerGroupLabel(group.group)}>
                {group.ids.map((id) => (
                  <option key={id} value={id}>
                    {providerLabel(id)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <Field
          id="base-url"
          label={i18n.t('setup.baseUrl')}
          error={errors.baseUrl}
          hint={i18n.t('options.baseUrlHint')}
        >
          <input
            id="base-url"
            class="input input--mono"
            type="url"
            value={draft.baseUrl}
            spellcheck={false}
            placeholder={preset.baseUrlPlaceholder}
            onInput={(event) => update('baseUrl', event.currentTarget.value)}
            {...fieldAria('base-url', errors.baseUrl)}
          />
        </Field>
        <Field
          id="api-key"
          label={i18n.t('setup.apiKey')}
          error={errors.apiKey}
          hint={
            preset.keyRequired
              ? i18n.t('options.keyHintRequired', { provider: preset.label })
              : i18n.t('options.keyHintLocal')
          }
        >
          <ApiKeyInput
            id="api-key"
            value={draft.apiKey}
            error={errors.apiKey}
            onInput={(value) => update('apiKey', value)}
          />
        </Field>
        {setAside && (
          <SetAsideNotice
            setAside={setAside}
            baseUrl={draft.baseUrl}
            onConfirm={() => {
              const bound = confirmSetAside({ draft, setAside });
              setDraft(bound.draft);
              setSetAside(bound.setAside);
            }}
          />
        )}
        <CustomHeadersField
          value={draft.customHeaders}
          error={errors.customHeaders}
          onInput={(value) => update('customHeaders', value)}
        />
        <ModelField
          value={draft.model}
          error={errors.model}
          onInput={(value) => update('model', value)}
          models={models}
          listing={listing}
          listError={listError}
          onList={onListModels}
        />
      </section>

      <OutputFields draft={draft} errors={errors} onChange={update} />
      <BudgetFields draft={draft} errors={errors} onChange={update} />

      <div class="actions-bar">
        <button type="submit" class="button button--primary" disabled={busy}>
          {phase === 'saving' && <span class="spinner" aria-hidden="true" />}
          {i18n.t('permission.save')}
        </button>
        <button type="button" class="button" onClick={onTest} disabled={busy}>
          {phase === 'testing' && <span class="spinner" aria-hidden="true" />}
          {i18n.t('setup.testConnection')}
        </button>
        <span class="status status--done" role="status">
          {phase === 'saved' ? i18n.t('options.saved') : ''}
        </span>
      </div>

      {Object.values(errors).some(Boolean) && (
        <p class="field__error" role="alert">
          {i18n.t('options.notSaved', Object.values(errors).filter(Boolean).length)}
        </p>
      )}
      {permissionNote && (
        <p class="notice" role="alert">
          {permissionNote}
        </p>
      )}
      {failure && <ErrorNotice error={failure} />}
      {testResult?.ok && <ConnectionSummary result={testResult} />}
      {testResult && !testResult.ok && <ErrorNotice error={testResult.error} handlers={{ retry: onTest }} />}

      <StoredResults />

      <PrivacyNote />
    </form>
  );
}

function ConnectionSummary({ result }: { result: Extract<ConnectionTestResult, { ok: true }> }) {
  const { headline, details } = connectionText(result);
  return (
    <div class="notice notice--success" role="status">
      <p>{headline}</p>
      {details.map((detail) => (
        <p key={detail}>{detail}</p>
      ))}
    </div>
  );
}
