import { Field, fieldAria } from './field';

interface CustomHeadersFieldProps {
  value: string;
  onInput: (value: string) => void;
  error?: string;
}

const ID = 'custom-headers';

/** Extra request headers for a gateway or proxy: stored like the key, for this endpoint only. */
export function CustomHeadersField({ value, onInput, error }: CustomHeadersFieldProps) {
  return (
    <Field
      id={ID}
      label="Custom headers"
      error={error}
      hint="Optional. One Name: value a line, sent with every request to this endpoint (a gateway's key, OpenRouter's HTTP-Referer and X-Title, a proxy's token). Stored like the key: on this device only, for this endpoint only."
    >
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
