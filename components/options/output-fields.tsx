import { PANEL_NAME } from '../../lib/panel-name';
import type { DraftErrors, SettingsDraft } from '../../lib/ui/settings-draft';
import { Field, fieldAria } from './field';

const TARGET_LANGUAGES = [
  'English',
  'German',
  'French',
  'Spanish',
  'Italian',
  'Portuguese',
  'Dutch',
  'Polish',
  'Ukrainian',
];

interface OutputFieldsProps {
  draft: SettingsDraft;
  errors: DraftErrors;
  onChange: <Name extends keyof SettingsDraft>(field: Name, value: SettingsDraft[Name]) => void;
}

/** Target language, toolbar button and theme: what Sourcelens produces and how it looks. */
export function OutputFields({ draft, errors, onChange }: OutputFieldsProps) {
  return (
    <section class="card" aria-labelledby="output-title">
      <h2 class="card__title" id="output-title">
        Output and appearance
      </h2>
      <div class="field-grid">
        <Field
          id="target-language"
          label="Target language"
          error={errors.targetLanguage}
          hint="Summary, notes and translation."
        >
          <input
            id="target-language"
            class="input"
            type="text"
            list="target-languages"
            value={draft.targetLanguage}
            onInput={(event) => onChange('targetLanguage', event.currentTarget.value)}
            {...fieldAria('target-language', errors.targetLanguage)}
          />
          <datalist id="target-languages">
            {TARGET_LANGUAGES.map((language) => (
              <option key={language} value={language} />
            ))}
          </datalist>
        </Field>
        <Field id="toolbar-action" label="Toolbar button" hint="What a click on the Sourcelens icon does.">
          <select
            id="toolbar-action"
            class="input"
            value={draft.toolbarAction}
            onChange={(event) =>
              onChange('toolbarAction', event.currentTarget.value === 'popup' ? 'popup' : 'sidepanel')
            }
            {...fieldAria('toolbar-action', undefined)}
          >
            <option value="sidepanel">Open the {PANEL_NAME}</option>
            <option value="popup">Show a compact popup</option>
          </select>
        </Field>
        <Field id="theme" label="Theme" hint="System follows your browser.">
          <select
            id="theme"
            class="input"
            value={draft.theme}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onChange('theme', value === 'light' || value === 'dark' ? value : 'system');
            }}
            {...fieldAria('theme', undefined)}
          >
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </Field>
      </div>
    </section>
  );
}
