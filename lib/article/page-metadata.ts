import type { Article } from '@/lib/article/article';
import { primaryLanguageTag } from '@/lib/article/language';
import { normaliseWhitespace, resolveHttpUrl } from '@/lib/article/segments';

/** What Readability found, when it ran; it comes before or after the page's own tags as the brief orders. */
export interface ReadabilityMetadata {
  title: string | null | undefined;
  byline: string | null | undefined;
  siteName: string | null | undefined;
  publishedTime: string | null | undefined;
}

export type PageMetadata = Pick<
  Article,
  'url' | 'canonicalUrl' | 'title' | 'byline' | 'siteName' | 'publishedTime' | 'language' | 'languageSource'
>;

/** Reads the article's metadata from the page's tags (read-only), preferring Readability's where it is better. */
export function readPageMetadata(document: Document, readability: ReadabilityMetadata | null): PageMetadata {
  const url = document.URL;
  const language = primaryLanguageTag(document.documentElement?.getAttribute('lang')) ?? contentLanguage(document);
  return {
    url,
    canonicalUrl: canonicalUrl(document),
    title:
      firstText(
        headlineInTitle(document, readability?.title),
        readability?.title,
        metaContent(document, 'og:title'),
        document.title,
      ) ?? '',
    byline: cleanByline(firstText(readability?.byline, metaContent(document, 'author'))),
    siteName: firstText(metaContent(document, 'og:site_name'), readability?.siteName, hostname(url)),
    publishedTime: firstDate([
      metaContent(document, 'article:published_time'),
      readability?.publishedTime,
      document.querySelector('article time[datetime]')?.getAttribute('datetime'),
      document.querySelector('time[datetime]')?.getAttribute('datetime'),
      ...jsonLdDatesPublished(document),
    ]),
    language: language ?? 'und',
    languageSource: language ? 'page' : 'unknown',
  };
}

function metaContent(document: Document, key: string): string | null {
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const names = `${meta.getAttribute('property') ?? ''} ${meta.getAttribute('name') ?? ''}`
      .toLowerCase()
      .split(/\s+/u);
    if (names.includes(key)) return meta.getAttribute('content');
  }
  return null;
}

function contentLanguage(document: Document): string | null {
  for (const meta of Array.from(document.querySelectorAll('meta[http-equiv]'))) {
    if (meta.getAttribute('http-equiv')?.toLowerCase() !== 'content-language') continue;
    // The header allows a list ("de, en"): the first is the main language.
    return primaryLanguageTag(meta.getAttribute('content')?.split(',')[0]);
  }
  return null;
}

function firstText(...values: (string | null | undefined)[]): string | null {
  for (const value of values) {
    const text = normaliseWhitespace(value ?? '');
    if (text) return text;
  }
  return null;
}

/** "Von Anna Berger", "By Anna Berger", "מאת נועה כהן" and "بقلم ليلى" name an author; the UI adds its own "by". */
function cleanByline(byline: string | null): string | null {
  const cleaned = byline?.replace(/^(?:by|von|par|por|di|door|av|af|מאת|بقلم)\s+/iu, '').trim();
  return cleaned ? cleaned : null;
}

/**
 * The page's `h1` when Readability's title is a guess from `<title>` that went wrong. Without
 * og:title or JSON-LD, Readability cuts the site name off `<title>` at separators and colons:
 * "Chip-Exporte: Washington verschärft … – Weltblick" loses "Chip-Exporte:" at the colon and keeps
 * the site name. When `<title>` is an `h1` plus a separator and a shorter part (the site's name),
 * that `h1` is the headline as the page prints it.
 */
function headlineInTitle(document: Document, readabilityTitle: string | null | undefined): string | null {
  const pageTitle = normaliseWhitespace(document.title ?? '');
  const guessed = normaliseWhitespace(readabilityTitle ?? '');
  // A title from og:title or JSON-LD is the site's own word for it, not a guess.
  if (!pageTitle || !guessed || !pageTitle.includes(guessed)) return null;
  for (const heading of Array.from(document.querySelectorAll('h1')).slice(0, 5)) {
    const headline = normaliseWhitespace(heading.textContent ?? '');
    if (!headline || headline === guessed || headline === pageTitle) continue;
    const rest = pageTitle.startsWith(headline)
      ? pageTitle.slice(headline.length)
      : pageTitle.endsWith(headline)
        ? pageTitle.slice(0, -headline.length)
        : null;
    if (rest !== null && SEPARATED_PART.test(rest) && rest.length < headline.length) return headline;
  }
  return null;
}

/** " – Site", " | Site", "_江城日报", "Site: ": a separator at one end of what is left. */
const SEPARATED_PART = /^\s*[|\-–—:·•/\\>»_]|[|\-–—:·•/\\>»_]\s*$/u;

function hostname(url: string): string | null {
  const parsed = resolveHttpUrl(url, url);
  return parsed ? new URL(parsed).hostname : null;
}

function canonicalUrl(document: Document): string {
  const candidates = [
    document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    metaContent(document, 'og:url'),
  ];
  for (const candidate of candidates) {
    const url = candidate ? resolveHttpUrl(candidate, document.baseURI) : null;
    if (url) return url;
  }
  const url = new URL(document.URL);
  url.hash = '';
  return url.href;
}

// Already ISO 8601 (date, or date-time with optional offset): kept as written, offset included.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u;

const YEAR = /(?:^|\D)(?:19|20)\d{2}(?:\D|$)/u;

/** The first date that parses, as ISO 8601; others (RFC 2822 and the like) are converted to UTC. */
function firstDate(values: (string | null | undefined)[]): string | null {
  for (const value of values) {
    const text = value?.trim();
    if (!text) continue;
    const time = Date.parse(text);
    if (Number.isNaN(time)) continue;
    if (ISO_DATE.test(text)) return text.replace(' ', 'T');
    // Engines parse almost anything ("vor 2 Stunden" can become 2001): trust only text that names a year.
    if (YEAR.test(text)) return new Date(time).toISOString();
  }
  return null;
}

function jsonLdDatesPublished(document: Document): string[] {
  const dates: string[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      collectDatesPublished(JSON.parse(script.textContent ?? ''), dates);
    } catch {
      // A broken JSON-LD block is common and says nothing about the article: skip it.
    }
  }
  return dates;
}

/** Depth-first through arrays, `@graph` and nested objects, in document order. */
function collectDatesPublished(value: unknown, dates: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectDatesPublished(item, dates);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'datePublished' && typeof item === 'string') dates.push(item);
      else collectDatesPublished(item, dates);
    }
  }
}
