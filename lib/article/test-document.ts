import { Window } from 'happy-dom';

/**
 * Tests only: a document parsed from HTML at a given URL, in its own happy-dom window, so
 * `document.URL` and `baseURI` are the page's address and relative links resolve as in a browser.
 */
export function loadTestDocument(html: string, url: string): Document {
  const window = new Window({ url });
  window.document.write(html);
  // happy-dom's Document implements the DOM's Document; its declared type is its own class.
  return window.document as unknown as Document;
}
