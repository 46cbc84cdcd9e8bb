// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { takeHighlightRequest } from './highlight-request';
import { clearPageHighlight, HIGHLIGHT_NAME, highlightInPage } from './page-highlight';

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

function pressEscape(): void {
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
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

describe('takeHighlightRequest', () => {
  it('reads the passages once, keeping only strings', () => {
    globalThis.__sourcelensHighlightRequest = { passages: ['Satz.', 42 as unknown as string] };
    expect(takeHighlightRequest()).toEqual({ passages: ['Satz.'] });
    expect(takeHighlightRequest()).toEqual({ passages: [] });
  });
});
