/** What is sent where: said plainly on the page where the endpoint and key are entered. */
export function PrivacyNote() {
  return (
    <section class="privacy" aria-labelledby="privacy-title">
      <h2 class="privacy__title" id="privacy-title">
        What is sent where
      </h2>
      <p>
        When you analyse a page, its article text goes only to the endpoint configured above, nowhere else. Your API key
        is sent only in the Authorization header of requests to that endpoint. Settings sync with your browser profile;
        the API key stays on this device. Results are cached on this device only.
      </p>
    </section>
  );
}
