import { z } from 'zod';
import type { Article } from '@/lib/article/article';
import type { Analysis, PartialAnalysis } from '@/lib/attribution/analysis';
import type { JobEstimate } from '@/lib/budget/job-estimate';
import type { AppError } from '@/lib/errors';
import type { EndpointPause } from '@/lib/llm/endpoint-pause';
import type { StructuredMode } from '@/lib/llm/request-shape';
import type { SourceCheckState } from '@/lib/sources/source-check-state';

/** Token counts as the endpoint reported them in its `usage` data. */
export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export type PartStatus = 'pending' | 'streaming' | 'done' | 'error' | 'skipped';

export type ThinkingPart = 'analysis' | 'translation';

/**
 * One job per tab: extraction, then two requests started together (analysis, translation).
 * The background owns it; surfaces mirror it by applying the same events with `applyJobEvent`.
 */
export interface JobState {
  id: string;
  tabId: number;
  /** `awaiting-confirmation`: read and estimated, but too costly to send without the user's go-ahead. */
  status: 'extracting' | 'awaiting-confirmation' | 'running' | 'done' | 'error' | 'cancelled';
  startedAt: number;
  finishedAt: number | null;
  model: string;
  host: string;
  targetLanguage: string;
  article: Article | null;
  /** Shown at once from the cache, without a new request. */
  fromCache: boolean;
  analysis: PartialAnalysis;
  analysisStatus: PartStatus;
  analysisError: AppError | null;
  /** How the structured answer was obtained: json_schema, json_object or prompt-only. */
  analysisMode: StructuredMode | null;
  translation: string;
  translationStatus: PartStatus;
  translationError: AppError | null;
  usage: { analysis: Usage | null; translation: Usage | null };
  /**
   * Expected tokens and cost, from the extracted text, before the endpoint reports usage; null
   * until then and for results from the cache.
   */
  estimate: JobEstimate | null;
  /** Set while requests of this job wait out the endpoint's rate limit or a server error. */
  pause: EndpointPause | null;
  /**
   * When the model began reasoning before its answer, per part, while it does (null otherwise):
   * the surfaces show "thinking" with the time elapsed. Reasoning itself is never kept.
   */
  thinking: Record<ThinkingPart, number | null>;
  /**
   * The tab has loaded another page (or reloaded) since the article was read: the result still
   * stands for that article, but not for what the tab shows now.
   */
  pageChanged: boolean;
  /**
   * Too large to keep in session storage (lib/job/job-persistence.ts): should the browser stop the
   * extension's background, this result is gone.
   */
  notKept: boolean;
  /** A job-level failure (extraction, settings): nothing was requested. */
  error: AppError | null;
  /**
   * The checks of sources the article links (lib/sources/source-check-runner.ts), keyed by the
   * source's URL. A new job for the tab (a re-run, another page) starts with none.
   */
  sourceChecks: Record<string, SourceCheckState>;
}

/** Events sent from the background to the surfaces over the job port. */
export type JobEvent =
  | { type: 'snapshot'; job: JobState | null }
  | { type: 'article'; article: Article }
  | { type: 'analysis-partial'; analysis: PartialAnalysis }
  | { type: 'analysis-done'; analysis: Analysis; usage: Usage | null; mode: NonNullable<JobState['analysisMode']> }
  | { type: 'analysis-error'; error: AppError }
  | { type: 'translation-delta'; text: string }
  | { type: 'translation-done'; usage: Usage | null }
  | { type: 'translation-error'; error: AppError }
  | { type: 'translation-skipped' }
  | { type: 'failed'; error: AppError }
  | { type: 'estimate'; estimate: JobEstimate }
  | { type: 'awaiting-confirmation' }
  | { type: 'endpoint-pause'; pause: EndpointPause | null }
  | { type: 'thinking'; part: ThinkingPart; since: number | null }
  | { type: 'page-changed' }
  | { type: 'not-kept' }
  | { type: 'source-check'; url: string; check: SourceCheckState }
  /** The reader put off a check awaiting the go-ahead (Not now): the source is offered afresh. */
  | { type: 'source-check-set-aside'; url: string }
  | { type: 'cancelled' };

/**
 * Messages from a surface to the background over the job port, validated on arrival (job-port.ts):
 * a port accepts whatever the other end posts.
 */
export const JobPortRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), tabId: z.number().int().nonnegative() }),
  z.object({ type: z.literal('keepalive') }),
]);

export type JobPortRequest = z.infer<typeof JobPortRequestSchema>;

export const JOB_PORT_NAME = 'sourcelens-job';

/** Neither part is reasoning. */
export const NOT_THINKING: Readonly<Record<ThinkingPart, null>> = { analysis: null, translation: null };

export function createJob(init: {
  id: string;
  tabId: number;
  model: string;
  host: string;
  targetLanguage: string;
  now: number;
}): JobState {
  const { now, ...identity } = init;
  return {
    ...identity,
    status: 'extracting',
    startedAt: now,
    finishedAt: null,
    article: null,
    fromCache: false,
    analysis: {},
    analysisStatus: 'pending',
    analysisError: null,
    analysisMode: null,
    translation: '',
    translationStatus: 'pending',
    translationError: null,
    usage: { analysis: null, translation: null },
    estimate: null,
    pause: null,
    thinking: NOT_THINKING,
    pageChanged: false,
    notKept: false,
    error: null,
    sourceChecks: {},
  };
}

const FINISHED_PART: readonly PartStatus[] = ['done', 'error', 'skipped'];

/** The job is over once both parts have finished, one way or another. */
function settle(job: JobState, now: number): JobState {
  if (job.status !== 'running') return job;
  if (!FINISHED_PART.includes(job.analysisStatus) || !FINISHED_PART.includes(job.translationStatus)) return job;
  const failed = job.analysisStatus === 'error' && job.translationStatus === 'error';
  return { ...job, status: failed ? 'error' : 'done', finishedAt: now, pause: null };
}

/** A part that ended, however, is no longer thinking (its stream may have ended mid-thought). */
function stopThinking(job: JobState, part: ThinkingPart): JobState {
  return job.thinking[part] ? { ...job, thinking: { ...job.thinking, [part]: null } } : job;
}

/** Pure reducer shared by the background and every surface. */
export function applyJobEvent(job: JobState | null, event: JobEvent, now = Date.now()): JobState | null {
  if (event.type === 'snapshot') return event.job;
  if (!job) return null;
  switch (event.type) {
    case 'article':
      return {
        ...job,
        article: event.article,
        status: 'running',
        analysisStatus: 'streaming',
        translationStatus: 'streaming',
      };
    case 'analysis-partial':
      return { ...job, analysis: event.analysis };
    case 'analysis-done':
      return settle(
        {
          ...stopThinking(job, 'analysis'),
          analysis: event.analysis,
          analysisStatus: 'done',
          analysisMode: event.mode,
          usage: { ...job.usage, analysis: event.usage },
        },
        now,
      );
    case 'analysis-error':
      return settle({ ...stopThinking(job, 'analysis'), analysisStatus: 'error', analysisError: event.error }, now);
    case 'translation-delta':
      return { ...job, translation: job.translation + event.text };
    case 'translation-done':
      return settle(
        {
          ...stopThinking(job, 'translation'),
          translationStatus: 'done',
          usage: { ...job.usage, translation: event.usage },
        },
        now,
      );
    case 'translation-error':
      return settle(
        { ...stopThinking(job, 'translation'), translationStatus: 'error', translationError: event.error },
        now,
      );
    case 'estimate':
      return { ...job, estimate: event.estimate };
    case 'endpoint-pause':
      return { ...job, pause: event.pause };
    case 'thinking':
      return {
        ...job,
        thinking: { ...job.thinking, [event.part]: event.since },
      };
    case 'page-changed':
      return { ...job, pageChanged: true };
    case 'not-kept':
      return { ...job, notKept: true };
    case 'source-check':
      return { ...job, sourceChecks: { ...job.sourceChecks, [event.url]: event.check } };
    case 'source-check-set-aside': {
      const { [event.url]: _setAside, ...rest } = job.sourceChecks;
      return { ...job, sourceChecks: rest };
    }
    case 'awaiting-confirmation':
      // Nothing is requested until the user says so: both parts wait.
      return { ...job, status: 'awaiting-confirmation', analysisStatus: 'pending', translationStatus: 'pending' };
    case 'translation-skipped':
      return settle({ ...job, translationStatus: 'skipped' }, now);
    case 'failed': {
      // Nothing was (or will be) requested: parts that had not finished go back to waiting.
      const reset = (status: PartStatus): PartStatus => (status === 'streaming' ? 'pending' : status);
      return {
        ...job,
        status: 'error',
        error: event.error,
        finishedAt: now,
        pause: null,
        thinking: NOT_THINKING,
        analysisStatus: reset(job.analysisStatus),
        translationStatus: reset(job.translationStatus),
      };
    }
    case 'cancelled': {
      const stop = (status: PartStatus): PartStatus =>
        status === 'streaming' || status === 'pending' ? 'error' : status;
      const cancelled = { code: 'cancelled' } as const;
      return {
        ...job,
        status: 'cancelled',
        finishedAt: now,
        pause: null,
        thinking: NOT_THINKING,
        analysisStatus: stop(job.analysisStatus),
        analysisError: job.analysisStatus === 'done' ? job.analysisError : (job.analysisError ?? cancelled),
        translationStatus: stop(job.translationStatus),
        translationError: job.translationStatus === 'done' ? job.translationError : (job.translationError ?? cancelled),
      };
    }
  }
}
