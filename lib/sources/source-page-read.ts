import { z } from 'zod';
import { type Article, ArticleSchema } from '@/lib/article/article';

/**
 * Why a linked source could not be read, in the source's own terms, so the panel can name it:
 * no permission for its site yet, no answer, a refusal, an error page, something other than a
 * web page, or a page with no article (built by its scripts, or shown to signed-in readers only:
 * then reading it in a background tab, with the reader's session, may work).
 */
export const SourceReadProblemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('invalid-url'), url: z.string() }),
  /** The reader has not granted access to the source's site: ask on the click (optional host permission). */
  z.object({ kind: z.literal('permission-needed'), origin: z.string() }),
  z.object({ kind: z.literal('unreachable'), host: z.string(), detail: z.string() }),
  /** 401, 402, 403, 407, 429 or 451: the site would not give the page to the extension. */
  z.object({ kind: z.literal('refused'), host: z.string(), status: z.number().int() }),
  /** Any other status that is not 2xx: 404, 410, 5xx. */
  z.object({ kind: z.literal('http-error'), host: z.string(), status: z.number().int() }),
  z.object({ kind: z.literal('not-html'), host: z.string(), contentType: z.string() }),
  z.object({ kind: z.literal('too-large'), host: z.string(), bytes: z.number().int() }),
  z.object({ kind: z.literal('not-an-article'), url: z.string() }),
]);

export type SourceReadProblem = z.infer<typeof SourceReadProblemSchema>;

/** What reading a source page gives: its article (paywall and language included), or why not. Crosses messaging, so zod-typed. */
export const SourcePageReadSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    article: ArticleSchema,
    /** When the page was fetched (ISO 8601). */
    retrievedAt: z.string(),
  }),
  z.object({ ok: z.literal(false), problem: SourceReadProblemSchema }),
]);

export type SourcePageRead =
  | { ok: true; article: Article; retrievedAt: string }
  | { ok: false; problem: SourceReadProblem };

/**
 * The problem in words a reader can act on, naming the source. Never advice that could be wrong:
 * a refusal is the site's, and a page with no article may still open in a tab.
 */
export function sourceReadProblemText(problem: SourceReadProblem, sourceName: string): string {
  switch (problem.kind) {
    case 'invalid-url':
      return `The link to ${sourceName} is not a web address Sourcelens can open (${problem.url}).`;
    case 'permission-needed':
      return `Sourcelens needs your permission to read ${problem.origin}. Choose Check against ${sourceName} again and allow access to that site.`;
    case 'unreachable':
      return `${problem.host} did not answer (${problem.detail}). Check your connection, or open the link to see whether the site is up.`;
    case 'refused':
      return `${problem.host} refused to give the page to Sourcelens (HTTP ${problem.status}). If you can read it when signed in, choose Open and read it in a background tab.`;
    case 'http-error':
      return `${problem.host} answered HTTP ${problem.status} for the linked page: it may have moved or be down. Open the link to see what the site shows.`;
    case 'not-html':
      return `The link to ${sourceName} is not a web page (${problem.contentType}); Sourcelens reads articles only.`;
    case 'too-large':
      return `The page at ${problem.host} is too large to read (${Math.round(problem.bytes / 1_000_000)} MB).`;
    case 'not-an-article':
      return `Sourcelens found no article at the link to ${sourceName}: the page may build its text with scripts or show it only to signed-in readers. Choose Open and read it in a background tab.`;
  }
}
