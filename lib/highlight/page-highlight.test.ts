// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTestDocument } from '@/tests/support/test-document';
import { takeHighlightRequest } from '@/lib/highlight/highlight-request';
import { clearPageHighlight, HIGHLIGHT_NAME, highlightInPage } from '@/lib/highlight/page-highlight';

/** happy-dom has no CSS Custom Highlight API: a registry and Highlight class that behave like Chrome's. */
class FakeHighlight extends Set<Range> {
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

let registry: Map<string, FakeHighlight>;

beforeEach(() => {
  registry = new Map();
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal('Highlight', FakeHighlight);
  document.body.innerHTML = '<article><p>Erster Satz. Smiths Treffen sei heimlich erfolgt. Letzter Satz.</p></article>';
});

afterEach(() => {
  clearPageHighlight();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

function highlighted(): string[] {
  return [...(registry.get(HIGHLIGHT_NAME) ?? [])].map((range) => range.toString());
}

/**
 * Escape as the reader presses it. Events a script dispatches are untrusted; a browser's own key
 * press is trusted, which the test DOM can only stand in for by marking the event so.
 */
function pressEscape(target: Document = document): void {
  const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

describe('highlightInPage', () => {
  it('registers one highlight with a range per passage found, and says which were found', () => {
    const results = highlightInPage(document, ['Smiths Treffen sei heimlich erfolgt.', 'Nicht da.'], () => undefined);
    expect(results).toEqual([{ found: true }, { found: false }]);
    expect(highlighted()).toEqual(['Smiths Treffen sei heimlich erfolgt.']);
  });

  it('scrolls the first passage to the middle of the viewport', () => {
    const scrollBy = vi.spyOn(window, 'scrollBy').mockImplementation(() => undefined);
    highlightInPage(document, ['Letzter Satz.'], () => undefined);
    expect(scrollBy).toHaveBeenCalledTimes(1);
    expect(scrollBy.mock.calls[0]?.[0]).toMatchObject({ behavior: expect.stringMatching(/smooth|auto/) });
  });

  it('clears the highlight on Escape in the page, once, and tells the panel', () => {
    const onEscape = vi.fn();
    highlightInPage(document, ['Erster Satz.'], onEscape);
    pressEscape();
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
    expect(onEscape).toHaveBeenCalledTimes(1);
    highlightInPage(document, ['Letzter Satz.'], onEscape);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(highlighted()).toEqual(['Letzter Satz.']);
    pressEscape();
    pressEscape();
    expect(onEscape).toHaveBeenCalledTimes(2);
  });

  it('ignores an Escape the page’s own script dispatches (isTrusted false)', () => {
    const onEscape = vi.fn();
    highlightInPage(document, ['Erster Satz.'], onEscape);
    const synthetic = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true });
    // As a browser marks every event a script creates (the test DOM leaves it unset).
    Object.defineProperty(synthetic, 'isTrusted', { value: false });
    document.dispatchEvent(synthetic);
    expect(highlighted()).toEqual(['Erster Satz.']);
    expect(onEscape).not.toHaveBeenCalled();
    pressEscape();
    expect(onEscape).toHaveBeenCalledTimes(1);
  });

  it('replaces the previous highlight and its Escape listener', () => {
    const first = vi.fn();
    const second = vi.fn();
    highlightInPage(document, ['Erster Satz.'], first);
    highlightInPage(document, ['Letzter Satz.'], second);
    expect(highlighted()).toEqual(['Letzter Satz.']);
    pressEscape();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('removes any highlight when none of the passages is on the page any more', () => {
    highlightInPage(document, ['Erster Satz.'], () => undefined);
    expect(highlightInPage(document, ['Ganz anderer Text.'], () => undefined)).toEqual([{ found: false }]);
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
  });

  it('clearPageHighlight removes the highlight and the Escape listener', () => {
    const onEscape = vi.fn();
    highlightInPage(document, ['Erster Satz.'], onEscape);
    clearPageHighlight();
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
    pressEscape();
    expect(onEscape).not.toHaveBeenCalled();
  });
});

describe('highlightInPage with an article in a same-origin frame', () => {
  const LEAD = 'Smiths Treffen sei heimlich erfolgt.';

  /** A reader page whose article is in an srcdoc frame, each window with its own highlight registry. */
  function readerPage() {
    const top = loadTestDocument(
      `<html><body><aside><p>Teaser: ${LEAD}</p></aside><iframe srcdoc="<article><p>Erster Satz. ${LEAD}</p></article>"></iframe></body></html>`,
      'https://reader.example/read/1',
    );
    const frameDocument = top.querySelector('iframe')?.contentDocument;
    if (!frameDocument?.defaultView || !top.defaultView) throw new Error('the frame did not load');
    const registries = new Map<Document, Map<string, FakeHighlight>>();
    for (const document of [top, frameDocument]) {
      const registry = new Map<string, FakeHighlight>();
      registries.set(document, registry);
      Object.defineProperty(document.defaultView, 'CSS', { value: { highlights: registry }, configurable: true });
      Object.defineProperty(document.defaultView, 'Highlight', { value: FakeHighlight, configurable: true });
      vi.spyOn(document.defaultView as Window, 'scrollBy').mockImplementation(() => undefined);
    }
    const texts = (document: Document) =>
      [...(registries.get(document)?.get(HIGHLIGHT_NAME) ?? [])].map((range) => range.toString());
    return { top, frameDocument, frameWindow: frameDocument.defaultView, texts };
  }

  it('highlights the passage in the frame’s own registry, not in a teaser of the page around it', () => {
    const { top, frameDocument, texts } = readerPage();
    expect(highlightInPage(top, [LEAD, 'Erster Satz.'], () => undefined)).toEqual([{ found: true }, { found: true }]);
    expect(texts(frameDocument)).toEqual([LEAD, 'Erster Satz.']);
    expect(texts(top)).toEqual([]);
  });

  it('clears it on Escape in the frame, and with clearPageHighlight', () => {
    const { top, frameDocument, frameWindow, texts } = readerPage();
    const onEscape = vi.fn();
    highlightInPage(top, [LEAD], onEscape);
    const escapeKey = new frameWindow.KeyboardEvent('keydown', { key: 'Escape' });
    Object.defineProperty(escapeKey, 'isTrusted', { value: true });
    frameDocument.dispatchEvent(escapeKey);
    expect(texts(frameDocument)).toEqual([]);
    expect(onEscape).toHaveBeenCalledTimes(1);
    highlightInPage(top, [LEAD], onEscape);
    expect(texts(frameDocument)).toEqual([LEAD]);
    clearPageHighlight();
    expect(texts(frameDocument)).toEqual([]);
  });

  it('moves the highlight out of the frame when the next passage is in the page itself', () => {
    const { top, frameDocument, texts } = readerPage();
    highlightInPage(top, ['Erster Satz.'], () => undefined);
    highlightInPage(top, ['Teaser:'], () => undefined);
    expect(texts(frameDocument)).toEqual([]);
    expect(texts(top)).toEqual(['Teaser:']);
  });
});

describe('takeHighlightRequest', () => {
  it('reads the passages once, keeping only strings', () => {
    globalThis.__sourcelensHighlightRequest = { passages: ['Satz.', 42 as unknown as string] };
    expect(takeHighlightRequest()).toEqual({ passages: ['Satz.'] });
    expect(takeHighlightRequest()).toEqual({ passages: [] });
  });
});
