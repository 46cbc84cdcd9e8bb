import { browser } from '#imports';
import { sendMessage } from '@/lib/messaging';
import { readSourcePage } from '@/lib/sources/read-source-page';
import type { SourcePageRead } from '@/lib/sources/source-page-read';

const OFFSCREEN_PATH = '/offscreen.html';

/** One creation at a time: two checks started together must not both create the document (Chrome allows one). */
let creating: Promise<void> | null = null;

/**
 * Reads a linked source for a source check, from the background. Only with host access to the
 * source's site, which the reader grants on the click (optional host permission, remembered by
 * the browser); without it, says so instead of fetching. Chromium's service worker has no DOM,
 * so the offscreen document (entrypoints/offscreen) parses and reads the page; Firefox's
 * background page has one and reads it itself. Never throws for the source's failures; they come
 * back as problems (source-page-read.ts).
 */
export async function readSourceFromBackground(url: string): Promise<SourcePageRead> {
  const pattern = hostPatternOf(url);
  if (!pattern) return { ok: false, problem: { kind: 'invalid-url', url } };
  if (!(await browser.permissions.contains({ origins: [pattern.pattern] }))) {
    return { ok: false, problem: { kind: 'permission-needed', origin: pattern.origin } };
  }
  if (typeof DOMParser !== 'undefined') {
    return readSourcePage(url, { parse: (html) => new DOMParser().parseFromString(html, 'text/html') });
  }
  await ensureOffscreenDocument();
  return sendMessage('readSourceInOffscreen', { url });
}

/**
 * The match pattern host access is asked for (`https://www.nytimes.com/*`) and the origin to name.
 * Match patterns take no port: access to a host covers all its ports.
 */
export function hostPatternOf(url: string): { pattern: string; origin: string } | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return { pattern: `${parsed.protocol}//${parsed.hostname}/*`, origin: parsed.origin };
  } catch {
    return null;
  }
}

async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (existing.length > 0) return;
  creating ??= browser.offscreen
    .createDocument({
      url,
      reasons: ['DOM_PARSER'],
      justification: 'Read the article of a source the page links, to check what the page attributes to it.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}
