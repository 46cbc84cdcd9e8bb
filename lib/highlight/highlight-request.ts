/** What the background asks the injected highlight script to show. */
export interface HighlightRequest {
  passages: string[];
}

declare global {
  /** Set by the background just before it injects `/highlight.js`; read once and cleared by it. */
  var __sourcelensHighlightRequest: HighlightRequest | undefined;
}

/**
 * Runs in the page, as `scripting.executeScript({ target, func: installHighlightRequest, args: [request] })`.
 * It must stay self-contained: `func` is serialised, so it can use nothing imported.
 */
export function installHighlightRequest(request: HighlightRequest): void {
  globalThis.__sourcelensHighlightRequest = request;
}

/** Reads and clears the request, so a later injection never reuses a stale one. */
export function takeHighlightRequest(): HighlightRequest {
  const value: unknown = globalThis.__sourcelensHighlightRequest;
  globalThis.__sourcelensHighlightRequest = undefined;
  // It crossed from the background through the page's script world: check it like any outside data.
  const passages: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'passages') : null;
  if (!Array.isArray(passages)) return { passages: [] };
  return { passages: passages.filter((passage): passage is string => typeof passage === 'string') };
}
