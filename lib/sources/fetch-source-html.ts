import type { SourceReadProblem } from '@/lib/sources/source-page-read';

/** Pages larger than this are not news articles (or not worth the memory): 8 MB. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

/** Statuses by which a site refuses the page to this client rather than failing. */
const REFUSALS = new Set([401, 402, 403, 407, 429, 451]);

export type FetchedHtml = { ok: true; html: string; finalUrl: string } | { ok: false; problem: SourceReadProblem };

/**
 * Fetches a source page as a reader's browser would get it without their session: no cookies or
 * credentials are sent (`credentials: 'omit'`), so the site learns nothing of who reads; a page
 * for signed-in readers is then refused or cut, and the panel offers a background tab instead.
 * The body is decoded by the charset the response's Content-Type names, else the page's own
 * `<meta charset>`, else UTF-8 (the WHATWG encoding rules in short: fetch's `text()` would always
 * take UTF-8, garbling a windows-1251 or Shift_JIS page). Never throws.
 */
export async function fetchSourceHtml(
  url: string,
  options: { fetch?: typeof globalThis.fetch; signal?: AbortSignal; maxBytes?: number } = {},
): Promise<FetchedHtml> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, problem: { kind: 'invalid-url', url } };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, problem: { kind: 'invalid-url', url } };
  }
  const host = parsed.host;
  const fetchImplementation = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await fetchImplementation(parsed.href, {
      credentials: 'omit',
      redirect: 'follow',
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
      signal: options.signal,
    });
  } catch (error) {
    return {
      ok: false,
      problem: { kind: 'unreachable', host, detail: error instanceof Error ? error.message : String(error) },
    };
  }
  const finalHost = hostOf(response.url) ?? host;
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return {
      ok: false,
      problem: REFUSALS.has(response.status)
        ? { kind: 'refused', host: finalHost, status: response.status }
        : { kind: 'http-error', host: finalHost, status: response.status },
    };
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType && !/\b(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType)) {
    await response.body?.cancel().catch(() => undefined);
    return {
      ok: false,
      problem: { kind: 'not-html', host: finalHost, contentType: contentType.split(';')[0] ?? contentType },
    };
  }
  const maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, problem: { kind: 'too-large', host: finalHost, bytes: declared } };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return {
      ok: false,
      problem: { kind: 'unreachable', host: finalHost, detail: error instanceof Error ? error.message : String(error) },
    };
  }
  if (bytes.byteLength > maxBytes)
    return { ok: false, problem: { kind: 'too-large', host: finalHost, bytes: bytes.byteLength } };
  return { ok: true, html: decode(bytes, contentType), finalUrl: response.url || parsed.href };
}

/** The body as text, by the charset of the header, else of the page's first 1,024 bytes, else UTF-8. */
export function decode(bytes: Uint8Array, contentType: string): string {
  const declared = charsetOf(contentType) ?? metaCharset(bytes);
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // A label TextDecoder does not know: UTF-8, as a browser falls back.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function charsetOf(contentType: string): string | null {
  return /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType)?.[1] ?? null;
}

function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}
