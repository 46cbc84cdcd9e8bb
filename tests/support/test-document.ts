import { Window } from 'happy-dom';

/**
 * Tests only: a document parsed from HTML at a given URL, in its own happy-dom window, so
 * `document.URL` and `baseURI` are the page's address and relative links resolve as in a browser.
 * Declarative shadow DOM (`<template shadowrootmode="open">`), which a browser's parser attaches
 * and happy-dom's leaves as a template, is attached here as the browser would.
 */
export function loadTestDocument(html: string, url: string): Document {
  const window = new Window({ url });
  window.document.write(html);
  // happy-dom's Document implements the DOM's Document; its declared type is its own class.
  const document = window.document as unknown as Document;
  attachDeclarativeShadowRoots(document);
  return document;
}

function attachDeclarativeShadowRoots(root: Document | ShadowRoot): void {
  for (const template of Array.from(root.querySelectorAll('template[shadowrootmode]'))) {
    const host = template.parentElement;
    const mode = template.getAttribute('shadowrootmode');
    if (!host || (mode !== 'open' && mode !== 'closed') || host.shadowRoot) continue;
    const shadowRoot = host.attachShadow({ mode });
    shadowRoot.append((template as HTMLTemplateElement).content.cloneNode(true));
    template.remove();
    attachDeclarativeShadowRoots(shadowRoot);
  }
}
