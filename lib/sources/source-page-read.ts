import { z } from 'zod';
import { i18n } from '#i18n';
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
 * What `fetch` rejects with when no connection was made, in Chromium ("Failed to fetch"), Firefox
 * ("NetworkError when attempting to fetch resource.") and Safari ("Load failed"): it names no cause.
 */
const GENERIC_NETWORK_ERROR =
  /^(TypeError: )?(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)$/;

/**
 * The problem in words a reader can act on, naming the source, in the interface's language
 * (locales/*.yml, `sourceCheck.read`). Never advice that could be wrong: a refusal is the site's,
 * and a page with no article may still open in a tab.
 */
export function sourceReadProblemText(problem: SourceReadProblem, sourceName: string): string {
  const name = sourceName;
  switch (problem.kind) {
    case 'invalid-url':
      return i18n.t('sourceCheck.read.invalidUrl', { name, url: problem.url });
    case 'permission-needed':
      return i18n.t('sourceCheck.read.permissionNeeded', { name, origin: problem.origin });
    case 'unreachable':
      // The browsers' own words for a failed connection say nothing the sentence does not.
      return GENERIC_NETWORK_ERROR.test(problem.detail)
        ? i18n.t('sourceCheck.read.unreachableNoDetail', { host: problem.host })
        : i18n.t('sourceCheck.read.unreachable', { host: problem.host, detail: problem.detail });
    case 'refused':
      return i18n.t('sourceCheck.read.refused', { host: problem.host, status: problem.status });
    case 'http-error':
      return i18n.t('sourceCheck.read.httpError', { host: problem.host, status: problem.status });
    case 'not-html':
      return i18n.t('sourceCheck.read.notHtml', { name, contentType: problem.contentType });
    case 'too-large':
      return i18n.t('sourceCheck.read.tooLarge', {
        host: problem.host,
        megabytes: Math.round(problem.bytes / 1_000_000),
      });
    case 'not-an-article':
      return i18n.t('sourceCheck.read.notAnArticle', { name });
  }
}
