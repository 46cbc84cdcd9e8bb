import { i18n } from '#i18n';
import '@/components/options/privacy-note.css';
/** What is sent where: said plainly on the page where the endpoint and key are entered. */
export function PrivacyNote() {
  return (
    <section class="privacy" aria-labelledby="privacy-title">
      <h2 class="privacy__title" id="privacy-title">
        {i18n.t('options.privacy.title')}
      </h2>
      <p>{i18n.t('options.privacy.text')}</p>
    </section>
  );
}
