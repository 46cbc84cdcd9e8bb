import { afterEach, describe, expect, it } from 'vitest';
import { installExtractionRequest, takeExtractionRequest } from '@/lib/article/extraction-request';

describe('extraction request hand-over', () => {
  afterEach(() => {
    globalThis.__sourcelensExtractRequest = undefined;
  });

  it('passes the request from the background to the script once', () => {
    installExtractionRequest({ source: 'selection', selectionText: 'Auswahl' });
    expect(takeExtractionRequest()).toEqual({ source: 'selection', selectionText: 'Auswahl' });
    expect(takeExtractionRequest()).toEqual({ source: 'article' });
  });

  it('stays self-contained, since executeScript serialises it', () => {
    // Rebuilt from its source text, as the browser does: it must not reach for imported names.
    const rebuilt = new Function(`return (${installExtractionRequest.toString()})`)();
    rebuilt({ source: 'page' });
    expect(takeExtractionRequest()).toEqual({ source: 'page' });
  });

  it('defaults to the article when the request is missing or malformed', () => {
    expect(takeExtractionRequest()).toEqual({ source: 'article' });
    (globalThis as { __sourcelensExtractRequest?: unknown }).__sourcelensExtractRequest = { source: 'everything' };
    expect(takeExtractionRequest()).toEqual({ source: 'article' });
  });
});
