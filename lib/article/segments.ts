import type { ArticleLink, Paragraph } from '@/lib/article/article';

/** A run of text that becomes one paragraph, with the links met inside it (raw `href`s). */
export interface TextSegment {
  text: string;
  links: { text: string; href: string }[];
  /** The element the text sat in (its nearest block), where the walker knows it. */
  block?: Element;
}

/**
 * Accumulates text while a DOM walker runs; `break()` ends the current paragraph.
 * Shared by the Readability walker, the whole-page walker and plain selection text, so all three
 * normalise, number and filter paragraphs the same way.
 */
export class SegmentBuilder {
  private readonly segments: TextSegment[] = [];
  private parts: string[] = [];
  private links: TextSegment['links'] = [];
  private block: Element | undefined;

  /** `block`: the element the text sits in; the paragraph keeps the first one it was given. */
  appendText(text: string, block?: Element): void {
    if (this.parts.length === 0) this.block = block;
    this.parts.push(text);
  }

  addLink(text: string, href: string): void {
    this.links.push({ text, href });
  }

  break(): void {
    if (this.parts.length > 0) {
      const segment: TextSegment = { text: this.parts.join(''), links: this.links };
      if (this.block) segment.block = this.block;
      this.segments.push(segment);
    }
    this.parts = [];
    this.links = [];
    this.block = undefined;
  }

  finish(): TextSegment[] {
    this.break();
    return this.segments;
  }
}

// Soft hyphens and zero-width spaces are invisible on the page; keeping them would make quotes
// from the model fail to match the original text.
const INVISIBLE_CHARACTERS = /[\u00ad\u200b]/gu;

export function normaliseWhitespace(text: string): string {
  return text.replace(INVISIBLE_CHARACTERS, '').replace(/\s+/gu, ' ').trim();
}

/** A line of only bullets, dashes or separators is layout, not text. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Normalises segments into paragraphs `p1`, `p2`, … (empty ones dropped) and resolves their links. */
export function segmentsToParagraphs(
  segments: TextSegment[],
  baseUrl: string,
): { paragraphs: Paragraph[]; links: ArticleLink[] } {
  const paragraphs: Paragraph[] = [];
  const links: ArticleLink[] = [];
  for (const segment of segments) {
    const text = normaliseWhitespace(segment.text);
    if (!hasWords(text)) continue;
    const id = `p${paragraphs.length + 1}`;
    paragraphs.push({ id, text });
    for (const link of segment.links) {
      const linkText = normaliseWhitespace(link.text);
      const url = resolveHttpUrl(link.href, baseUrl);
      if (linkText && url) links.push({ text: linkText, url, paragraphId: id });
    }
  }
  return { paragraphs, links };
}

/** Splits plain text (a selection) into paragraphs at line breaks. */
export function textToSegments(text: string): TextSegment[] {
  return text.split(/\r?\n|\r/u).map((line) => ({ text: line, links: [] }));
}

/** Absolute http(s) URL, or null: javascript:, data:, mailto: and unparseable links are of no use to a reader. */
export function resolveHttpUrl(href: string, baseUrl: string): string | null {
  try {
    const url = new URL(href.trim(), baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
