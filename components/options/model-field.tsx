import { i18n } from '#i18n';
import type { AppError } from '@/lib/errors';
import { ErrorNotice } from '@/components/shared/error-notice';
import { Field, fieldAria } from '@/components/options/field';

interface ModelFieldProps {
  value: string;
  onInput: (value: string) => void;
  error?: string;
  /** Models the endpoint listed; null before List models was pressed. */
  models: string[] | null;
  listing: boolean;
  listError: AppError | null;
  /** Must stay synchronous up to the permission request: it runs in the click's user gesture. */
  onList: () => void;
}

const ID = 'model';

/** The model name: typed, or picked from what the endpoint lists. */
export function ModelField({ value, onInput, error, models, listing, listError, onList }: ModelFieldProps) {
  return (
    <Field
      id={ID}
      label={i18n.t('setup.model')}
      error={error}
      hint={
        models
          ? i18n.t('options.model.available', models.length, { count: models.length })
          : i18n.t('options.model.hint')
      }
    >
      <div class="field__row">
        <input
          id={ID}
          class="input input--mono"
          type="text"
          list="model-suggestions"
          value={value}
          autocomplete="off"
          spellcheck={false}
          placeholder="e.g. gpt-4o-mini"
          onInput={(event) => onInput(event.currentTarget.value)}
          {...fieldAria(ID, error)}
        />
        <button type="button" class="button" onClick={onList} disabled={listing}>
          {listing && <span class="spinner" aria-hidden="true" />}
          {i18n.t('options.model.list')}
        </button>
      </div>
      <datalist id="model-suggestions">
        {(models ?? []).map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
      {models && models.length > 0 && (
        <select
          class="input"
          aria-label={i18n.t('options.model.availableLabel')}
          value={models.includes(value) ? value : ''}
          onChange={(event) => onInput(event.currentTarget.value)}
        >
          <option value="" disabled>
            {i18n.t('options.model.pick')}
          </option>
          {models.map((model) => (
            <option key={model} value={model}>
              {model}
            </option>
          ))}
        </select>
      )}
      {listError && <ErrorNotice error={listError} />}
    </Field>
  );
}
