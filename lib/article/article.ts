import { z } from 'zod';

/** One paragraph of the article's text, as the reader sees it on the page. */
export const ParagraphSchema = z.object({
  /** Stable within one extraction: `p1`, `p2`, … in reading order. */
  id: z.string(),
  text: z.string(),
});

export const ArticleLinkSchema = z.object({
  text: z.string(),
  /** Absolute http(s) URL; other schemes are dropped at extraction. */
  url: z.string(),
  paragraphId: z.string(),
});

/**
 * Where the article's language came from: the article element's `lang`, the page's JSON-LD
 * `inLanguage`, `og:locale`, `Content-Language`, `<html lang>`, the article's own text (which
 * overrules a declaration it contradicts), or the browser's language detector.
 */
export const LanguageEvidenceSchema = z.enum([
  'article-lang',
  'json-ld',
  'og-locale',
  'content-language',
  'html-lang',
  'text',
  'browser-detector',
]);

/** Only part of the article is on the page: the paragraphs extracted are all the reader can see. */
export const TruncationSchema = z.object({
  reason: z.literal('paywall'),
  /** How the page says so: its JSON-LD, a subscription box after the text, a faded or cut-off last paragraph. */
  evidence: z.enum(['declared', 'subscription-box', 'faded']),
  /** The paragraphs that were on the page, and analysed. */
  paragraphCount: z.number().int().nonnegative(),
});

/**
 * The extracted article: the boundary between the page (untrusted) and the extension.
 * Validated with this schema when it arrives from the injected extraction script.
 */
export const ArticleSchema = z.object({
  /** The tab's URL when extracted. */
  url: z.string(),
  /** `<link rel=canonical>` or og:url when present, else `url` without its fragment. */
  canonicalUrl: z.string(),
  title: z.string(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  /** ISO 8601 when the page states it. */
  publishedTime: z.string().nullable(),
  /** BCP 47 primary tag (`de`, `en`, `und` when unknown). */
  language: z.string(),
  languageSource: z.enum(['page', 'detected', 'unknown']),
  /** Absent in results stored before it was recorded. */
  languageEvidence: LanguageEvidenceSchema.optional(),
  /** What the page declared, when the article's text said otherwise and decided. */
  declaredLanguage: z.string().optional(),
  paragraphs: z.array(ParagraphSchema),
  links: z.array(ArticleLinkSchema),
  wordCount: z.number().int().nonnegative(),
  /** What the text came from: Readability's article, the user's selection, or the whole page. */
  source: z.enum(['article', 'selection', 'page']),
  /** Set when a paywall hides the rest of the article; absent when the article is whole (or in older results). */
  truncation: TruncationSchema.optional(),
});

export type Paragraph = z.infer<typeof ParagraphSchema>;
export type ArticleLink = z.infer<typeof ArticleLinkSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type LanguageEvidence = z.infer<typeof LanguageEvidenceSchema>;
export type Truncation = z.infer<typeof TruncationSchema>;
export type ExtractionSource = Article['source'];

/** What the extraction script returns: an article, or why there is none. */
export type ExtractionResult =
  | { ok: true; article: Article }
  | {
      ok: false;
      error:
        | {
            code: 'not-an-article';
            hasSelection: boolean;
            /** A large frame from another site, which the page's own script may not read: likely the article. */
            frameUrl?: string;
          }
        | { code: 'extraction-failed'; detail: string };
    };
