import type { RestrictedReason } from '@/lib/errors';

/** Chrome's built-in PDF viewer is an extension page; nothing can be injected into it. */
const CHROME_PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';

/** Stores that browsers protect from all extensions: host, and path prefix where the host serves more. */
const WEB_STORES: { host: string; pathPrefix: string }[] = [
  { host: 'chromewebstore.google.com', pathPrefix: '/' },
  { host: 'chrome.google.com', pathPrefix: '/webstore' },
  { host: 'addons.mozilla.org', pathPrefix: '/' },
  { host: 'microsoftedge.microsoft.com', pathPrefix: '/addons' },
];

/**
 * Why the extension cannot read a tab, or null if it can try. Checked before injecting, so the
 * user gets a reason instead of the browser's "Cannot access contents of the page".
 */
export function classifyRestrictedUrl(url: string, options: { fileAccessAllowed: boolean }): RestrictedReason | null {
  const trimmed = url.trim();
  if (trimmed.toLowerCase().startsWith(`${CHROME_PDF_VIEWER_ORIGIN}/`)) return 'pdf-viewer';
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    // No URL (a tab still loading, a new tab page) or one the browser made up: nothing to read.
    return 'browser-internal';
  }
  const protocol = parsed.protocol;
  // Only web pages and local files can be scripted: chrome:, about:, view-source:, extension
  // pages, data: and blob: documents and any other scheme are the browser's own.
  if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'file:') return 'browser-internal';
  if (isWebStore(parsed)) return 'web-store';
  // Firefox and Chrome both show a PDF in their own viewer, which extensions cannot read, even
  // when the tab's URL is the PDF's web address.
  if (parsed.pathname.toLowerCase().endsWith('.pdf')) return 'pdf-viewer';
  if (protocol === 'file:' && !options.fileAccessAllowed) return 'file-access';
  return null;
}

function isWebStore(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return WEB_STORES.some(
    (store) =>
      host === store.host &&
      (store.pathPrefix === '/' ||
        url.pathname === store.pathPrefix ||
        url.pathname.startsWith(`${store.pathPrefix}/`)),
  );
}
