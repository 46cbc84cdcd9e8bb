import { i18n } from '#i18n';
import { modelLimits } from '@/lib/budget/model-limits';
import { modelPrice } from '@/lib/budget/model-prices';
import { defaultParallelRequests } from '@/lib/budget/parallel-requests';
import { type ModelOverride, NO_OVERRIDE } from '@/lib/settings';
import type { DraftErrors, SettingsDraft } from '@/lib/ui/settings-draft';
import { Field, fieldAria } from '@/components/options/field';

interface BudgetFieldsProps {
  draft: SettingsDraft;
  errors: DraftErrors;
  onChange: <Name extends keyof SettingsDraft>(field: Name, value: SettingsDraft[Name]) => void;
}

/**
 * Prices and limits for the chosen model, where the user knows better than the built-in tables:
 * the price their plan charges, the context their local server runs the model with. Empty fields
 * use the table (shown as the placeholder).
 */
export function BudgetFields({ draft, errors, onChange }: BudgetFieldsProps) {
  const override = draft.modelOverrides[draft.model] ?? NO_OVERRIDE;
  const builtInPrice = modelPrice(draft.model, draft.baseUrl);
  const builtInLimits = modelLimits(draft.model, draft.baseUrl);
  const setOverride = (name: keyof ModelOverride, value: number | null) => {
    const next = { ...override, [name]: value };
    const others = Object.fromEntries(Object.entries(draft.modelOverrides).filter(([model]) => model !== draft.model));
    const empty = Object.values(next).every((entry) => entry === null);
    onChange('modelOverrides', empty ? others : { ...others, [draft.model]: next });
  };
  const numberField = (id: string, name: keyof ModelOverride, label: string, placeholder: string, step: string) => (
    <Field id={id} label={label} hint={i18n.t('options.budget.empty', { value: placeholder })} error={undefined}>
      <input
        id={id}
        class="input"
        type="number"
        min="0"
        step={step}
        inputMode="decimal"
        value={override[name] ?? ''}
        placeholder={placeholder}
        onInput={(event) => setOverride(name, numberOrNull(event.currentTarget.value))}
        {...fieldAria(id, undefined)}
      />
    </Field>
  );
  return (
    <section class="card" aria-labelledby="budget-title">
      <h2 class="card__title" id="budget-title">
        {draft.model ? i18n.t('options.budget.titleFor', { model: draft.model }) : i18n.t('options.budget.title')}
      </h2>
      <div class="field-grid">
        {numberField(
          'input-price',
          'inputPricePerMillion',
          i18n.t('options.budget.inputPrice'),
          builtInPrice ? String(builtInPrice.inputPerMillion) : i18n.t('options.budget.priceUnknown'),
          'any',
        )}
        {numberField(
          'output-price',
          'outputPricePerMillion',
          i18n.t('options.budget.outputPrice'),
          builtInPrice ? String(builtInPrice.outputPerMillion) : i18n.t('options.budget.priceUnknown'),
          'any',
        )}
        {numberField(
          'context-tokens',
          'contextTokens',
          i18n.t('options.budget.contextWindow'),
          String(builtInLimits.contextTokens),
          '1',
        )}
        {numberField(
          'max-output-tokens',
          'maxOutputTokens',
          i18n.t('options.budget.longestAnswer'),
          String(builtInLimits.maxOutputTokens),
          '1',
        )}
        <Field
          id="parallel-requests"
          label={i18n.t('options.budget.parallel')}
          hint={i18n.t('options.budget.parallelHint', { count: defaultParallelRequests(draft.baseUrl) })}
          error={errors.parallelRequests}
        >
          <input
            id="parallel-requests"
            class="input"
            type="number"
            min="1"
            max="16"
            step="1"
            value={draft.parallelRequests ?? ''}
            placeholder={String(defaultParallelRequests(draft.baseUrl))}
            onInput={(event) => onChange('parallelRequests', numberOrNull(event.currentTarget.value))}
            {...fieldAria('parallel-requests', errors.parallelRequests)}
          />
        </Field>
        <Field
          id="ask-above-dollars"
          label={i18n.t('options.budget.askAbove')}
          hint={i18n.t('options.budget.askAboveHint')}
          error={errors.askAboveDollars}
        >
          <input
            id="ask-above-dollars"
            class="input"
            type="number"
            min="0"
            step="any"
            inputMode="decimal"
            value={draft.askAboveDollars ?? ''}
            placeholder="never ask"
            onInput={(event) => onChange('askAboveDollars', numberOrNull(event.currentTarget.value))}
            {...fieldAria('ask-above-dollars', errors.askAboveDollars)}
          />
        </Field>
      </div>
      {errors.modelOverrides && (
        <p class="field__error" role="alert">
          {errors.modelOverrides}
        </p>
      )}
    </section>
  );
}

function numberOrNull(value: string): number | null {
  if (value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}
