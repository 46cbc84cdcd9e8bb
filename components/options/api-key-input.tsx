import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { fieldAria } from '@/components/options/field';

interface ApiKeyInputProps {
  id: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
}

/** A password field with a Show/Hide toggle, so a pasted key can be checked before saving. */
export function ApiKeyInput({ id, value, onInput, error }: ApiKeyInputProps) {
  const [visible, setVisible] = useState(false);
  return (
    <div class="field__row">
      <input
        id={id}
        class="input input--mono"
        // Spread: Preact's input typings narrow by a literal `type`, and a ternary widens it.
        {...(visible ? { type: 'text' as const } : { type: 'password' as const })}
        value={value}
        autocomplete="off"
        spellcheck={false}
        placeholder="sk-…"
        onInput={(event) => onInput(event.currentTarget.value)}
        {...fieldAria(id, error)}
      />
      <button
        type="button"
        class="button"
        aria-pressed={visible}
        aria-controls={id}
        aria-label={visible ? i18n.t('setup.hideKey') : i18n.t('setup.showKey')}
        onClick={() => setVisible(!visible)}
      >
        {visible ? i18n.t('setup.hide') : i18n.t('setup.show')}
      </button>
    </div>
  );
}
