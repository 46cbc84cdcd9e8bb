import { i18n } from '#i18n';
import { Field, fieldAria } from '@/components/options/field';

interface CustomHeadersFieldProps {
  value: string;
  onInput: (value: string) => void;
  error?: string;
}

const ID = 'custom-headers';

/** Extra request headers for a gateway or proxy: stored like the key, for this endpoint only. */
export function CustomHeadersField({ value, onInput, error }: CustomHeadersFieldProps) {
  return (
    <Field id={ID} label={i18n.t('options.headers.label')} error={error} hint={i18n.t('options.headers.hint')}>
      <textarea
        id={ID}
        class="input input--mono"
        rows={2}
        value={value}
        spellcheck={false}
        autocomplete="off"
        placeholder="X-Title: Sourcelens"
        onInput={(event) => onInput(event.currentTarget.value)}
        {...fieldAria(ID, error)}
      />
    </Field>
  );
}
