import './privacy-note.css';
/** What is sent where: said plainly on the page where the endpoint and key are entered. */
export function PrivacyNote() {
  return (
    <section class="privacy" aria-labelledby="privacy-title">
      <h2 class="privacy__title" id="privacy-title">
        What is sent where
      </h2>
      <p>
        When you analyse a page, its article text goes only to the endpoint configured above, nowhere else. Your API key
        and custom headers are stored on this device only, with the endpoint they were entered for, and are sent to that
        endpoint alone: if the base URL changes (here, or by sync from another device), they are not sent until you
        enter them again or confirm them for the new host. Other settings sync with your browser profile. Results are
        kept on this device only; clear them above.
      </p>
    </section>
  );
}
