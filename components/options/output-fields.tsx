import { i18n } from '#i18n';
import { panelName } from '@/lib/panel-name';
import type { DraftErrors, SettingsDraft } from '@/lib/ui/settings-draft';
import { Field, fieldAria } from '@/components/options/field';

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
        {i18n.t('options.output.title')}
      </h2>
      <div class="field-grid">
        <Field
          id="target-language"
          label={i18n.t('options.output.targetLanguage')}
          error={errors.targetLanguage}
          hint={i18n.t('options.output.targetLanguageHint')}
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
        <Field
          id="toolbar-action"
          label={i18n.t('options.output.toolbarButton')}
          hint={i18n.t('options.output.toolbarButtonHint')}
        >
          <select
            id="toolbar-action"
            class="input"
            value={draft.toolbarAction}
            onChange={(event) =>
              onChange('toolbarAction', event.currentTarget.value === 'popup' ? 'popup' : 'sidepanel')
            }
            {...fieldAria('toolbar-action', undefined)}
          >
            <option value="sidepanel">{i18n.t('options.output.openPanel', { panel: panelName() })}</option>
            <option value="popup">{i18n.t('options.output.popup')}</option>
          </select>
        </Field>
        <Field id="theme" label={i18n.t('options.output.theme')} hint={i18n.t('options.output.themeHint')}>
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
            <option value="system">{i18n.t('options.output.system')}</option>
            <option value="light">{i18n.t('options.output.light')}</option>
            <option value="dark">{i18n.t('options.output.dark')}</option>
          </select>
        </Field>
      </div>
    </section>
  );
}
