/**
 * The words of anything thrown, for a message: an Error's message (with its cause's, where fetch
 * hides the useful part one level down, e.g. "fetch failed (connect ECONNREFUSED 127.0.0.1:9)"),
 * a string as it is, another value's `message` or its JSON; '' for undefined and null.
 */
export function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause: unknown = error.cause;
    const causeMessage = cause instanceof Error ? cause.message : undefined;
    return causeMessage && causeMessage !== error.message && !error.message.includes(causeMessage)
      ? `${error.message} (${causeMessage})`
      : error.message;
  }
  if (typeof error === 'string') return error;
  if (error === undefined || error === null) return '';
  if (typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
