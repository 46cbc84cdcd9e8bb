import type { Article } from '@/lib/article/article';
import type { JobState } from '@/lib/job/job';

/**
 * What the result cache keeps of a finished job, and under which key. Keyed by the tab's origin, a
 * fingerprint of everything sent to the model or shown (article-fingerprint.ts), model, target
 * language and prompt version: change any of them and the article is analysed again. A page on
 * another site that copies an article (with its canonical URL) gets a key of its own, so it can
 * never plant its result on the real one.
 */
export interface CacheKeyParts {
  /** The origin of the tab the article was read from (`pageOrigin` in article-fingerprint.ts). */
  pageOrigin: string;
  /** `articleFingerprint`: title, site, byline, date, language, paragraphs, links. */
  fingerprint: string;
  model: string;
  targetLanguage: string;
  promptVersion: string;
}

/** Every key of a stored result starts so (`result|…` before version `result2`), and no other key does. */
export const RESULT_KEY_PREFIX = 'result|';

export function cacheKey(parts: CacheKeyParts): string {
  // `result|v2`: entries of the earlier key (`result|<prompt version>|…`, keyed by canonical URL and
  // paragraph text only) are never read again, and leave with least-recently-used eviction.
  return [
    'result',
    'v2',
    parts.promptVersion,
    parts.model,
    parts.targetLanguage,
    parts.pageOrigin,
    parts.fingerprint,
  ].join('|');
}

/**
 * The analysis only: no page data. On a hit the job shows the article just extracted from the tab, which the
 * key guarantees to match the one analysed.
 */
export type CachedResult = Pick<
  JobState,
  'analysis' | 'analysisMode' | 'translation' | 'translationStatus' | 'usage' | 'model' | 'host' | 'targetLanguage'
> & { savedAt: number };

/** A finished job as the cache keeps it; `now` (ms since the epoch) becomes `savedAt`. */
export function toCachedResult(job: JobState, now: number): CachedResult {
  return {
    analysis: job.analysis,
    analysisMode: job.analysisMode,
    translation: job.translation,
    translationStatus: job.translationStatus,
    usage: job.usage,
    model: job.model,
    host: job.host,
    targetLanguage: job.targetLanguage,
    savedAt: now,
  };
}

/** The analysis from the cache, the article as just read from the tab: never page data from the cache. */
export function jobFromCachedResult(job: JobState, article: Article, cached: CachedResult): JobState {
  return {
    ...job,
    analysis: cached.analysis,
    analysisMode: cached.analysisMode,
    translation: cached.translation,
    translationStatus: cached.translationStatus,
    usage: cached.usage,
    model: cached.model,
    host: cached.host,
    targetLanguage: cached.targetLanguage,
    article,
    status: 'done',
    fromCache: true,
    finishedAt: cached.savedAt,
    analysisStatus: 'done',
    analysisError: null,
    translationError: null,
    error: null,
  };
}
