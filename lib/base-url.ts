/**
 * The one spelling of a base URL: trimmed, without trailing slashes, so `https://host/v1/ ` and
 * `https://host/v1` are one endpoint (one saved key, one cache entry, one request queue).
 */
export function normaliseBaseUrl(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, '');
}
