/**
 * The host (with port) of an endpoint's base URL, as error messages name it:
 * `api.openai.com`, `localhost:11434`. Kept free of the `openai` SDK so any page can import it.
 */
export function endpointHost(baseUrl: string): string {
  try {
    return new URL(baseUrl.trim()).host || baseUrl.trim();
  } catch {
    return baseUrl.trim() || 'the endpoint';
  }
}
