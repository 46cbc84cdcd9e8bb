/**
 * What an HTML error page from a CDN, firewall or proxy says, read without a DOM (the MV3 service
 * worker has no DOMParser): the phrase a person would read first (its main heading or title), the
 * error number it shows (Cloudflare's 1010, 522 …) and its reference (Cloudflare's Ray ID). The
 * page's markup never reaches the reader.
 */

export interface ErrorPage {
  /** The main heading or title, without error numbers: `Access denied`, `Bad Gateway`; '' when none. */
  phrase: string;
  /** The error number the page shows (`1010`, `522`), when it shows one other than the HTTP status line. */
  errorCode: string | null;
  /** A reference for the provider's support, e.g. Cloudflare's Ray ID. */
  reference: string | null;
  /** The page's visible text, tags removed, whitespace collapsed (for naming who served it). */
  text: string;
}

/** Whether a body is an HTML page rather than text or JSON. */
export function isHtml(text: string, contentType: string | null): boolean {
  if (contentType && /\b(text\/html|application\/xhtml)/i.test(contentType)) return true;
  return /^\s*(<!doctype html|<html|<head|<body|<\?xml)/i.test(text) || /<(title|h1)\b[^>]*>/i.test(text);
}

export function readErrorPage(html: string, status?: number): ErrorPage {
  const visible = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const text = textOf(visible);
  const title = firstElementText(visible, 'title');
  const headings = ['h1', 'h2', 'h3'].flatMap((tag) => elementTexts(visible, tag));
  const candidates = [...headings, ...title.split(/\s+[|–—]\s+/)];
  const errorCode = [...headings, title, text].map(errorNumberIn).find((code) => code !== null) ?? null;
  const phrase = candidates.map((candidate) => cleanPhrase(candidate)).find(isPhrase) ?? '';
  const reference = /\bRay ID:?\s*([0-9a-f]{16})\b/i.exec(text)?.[1] ?? null;
  return { phrase, errorCode: errorCode === String(status) ? null : errorCode, reference, text };
}

/** `Error 1010`, `Error code 522`, `error code: 1020`, a title's `522: Connection timed out`, `Error1010`. */
function errorNumberIn(text: string): string | null {
  const match = /error\s*(?:code)?\s*:?\s*(\d{3,4})\b/i.exec(text) ?? /(?:^|\|\s*)(\d{3,4}):\s/.exec(text);
  return match?.[1] ?? null;
}

/** Removes error numbers (`Error 1010`, a leading `502` or `522:`) from a heading; '' when nothing is left. */
function cleanPhrase(candidate: string): string {
  return candidate
    .replace(/error\s*(?:code)?\s*:?\s*\d{3,4}\b/gi, ' ')
    .replace(/^\s*\d{3,4}\s*:?\s+/, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:–—|-]+|[\s:–—|-]+$/g, '');
}

/** Not a phrase: nothing with letters, a bare host name, a word like "Error", or Cloudflare's "What happened?". */
function isPhrase(phrase: string): boolean {
  if (!/\p{L}{2}/u.test(phrase)) return false;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i.test(phrase)) return false;
  return !/^(error|what happened\??|what can i do\??|please enable cookies\.?)$/i.test(phrase);
}

function firstElementText(html: string, tag: string): string {
  return elementTexts(html, tag)[0] ?? '';
}

function elementTexts(html: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)<\\/${tag}\\s*>`, 'gi');
  return [...html.matchAll(pattern)].map((match) => textOf(match[1] ?? '')).filter(Boolean);
}

function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  bull: '•',
  middot: '·',
  hellip: '…',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const codePoint = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(codePoint) && codePoint > 0 && codePoint <= 0x10ffff
        ? String.fromCodePoint(codePoint)
        : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}
