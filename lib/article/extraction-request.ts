import { z } from 'zod';

export const ExtractionRequestSchema = z.object({
  source: z.enum(['article', 'selection', 'page']),
  /** The selected text; read from the page when absent. */
  selectionText: z.string().optional(),
});

export type ExtractionRequest = z.infer<typeof ExtractionRequestSchema>;

declare global {
  /** Set by the background just before it injects `/extract.js`; read once and cleared by it. */
  var __sourcelensExtractRequest: ExtractionRequest | undefined;
}

/**
 * Runs in the page, as `scripting.executeScript({ target, func: installExtractionRequest, args: [request] })`.
 * It must stay self-contained: `func` is serialised, so it can use nothing imported.
 */
export function installExtractionRequest(request: ExtractionRequest): void {
  globalThis.__sourcelensExtractRequest = request;
}

/** Reads and clears the request, so a later injection never reuses a stale one. Defaults to the article. */
export function takeExtractionRequest(): ExtractionRequest {
  const value: unknown = globalThis.__sourcelensExtractRequest;
  globalThis.__sourcelensExtractRequest = undefined;
  // It crossed from the background through the page's script world: check it like any outside data.
  const parsed = ExtractionRequestSchema.safeParse(value);
  return parsed.success ? parsed.data : { source: 'article' };
}
