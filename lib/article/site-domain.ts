/**
 * The domain a reader recognises a site by: `https://www.nytimes.com/…` → `nytimes.com`.
 * Null for anything but an http(s) URL (page URLs and links come from untrusted pages).
 */
export function siteDomain(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return (
      parsed.hostname
        .toLowerCase()
        .replace(/\.$/, '')
        .replace(/^www\d*\./, '') || null
    );
  } catch {
    return null;
  }
}
