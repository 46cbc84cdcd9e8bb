import { i18n } from '#i18n';
import { keepPlaceholders, richMessage } from '@/components/shared/rich-message';
import { BrandMark } from '@/components/shared/brand-mark';
import '@/components/setup/welcome-note.css';

/** Shown above the options form when the install opened it (lib/welcome.ts): what to do, in three steps. */
export function WelcomeNote() {
  return (
    <section class="welcome" aria-labelledby="welcome-title">
      <h2 class="welcome__title" id="welcome-title">
        <BrandMark />
        {i18n.t('welcome.title')}
      </h2>
      <ol class="welcome__steps">
        <li>
          {richMessage(i18n.t('welcome.step1', keepPlaceholders('provider', 'apiKey', 'test')), {
            provider: <strong>{i18n.t('setup.provider')}</strong>,
            apiKey: <strong>{i18n.t('setup.apiKey')}</strong>,
            test: <strong>{i18n.t('setup.testConnection')}</strong>,
          })}
        </li>
        <li>
          {richMessage(i18n.t('welcome.step2', keepPlaceholders('shortcut')), {
            shortcut: (
              <>
                <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd>
              </>
            ),
          })}
        </li>
        <li>
          {richMessage(i18n.t('welcome.step3', keepPlaceholders('menu')), {
            menu: <strong>{i18n.t('menu.analyseSelection')}</strong>,
          })}
        </li>
      </ol>
    </section>
  );
}
