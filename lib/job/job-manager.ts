import type { Article, ExtractionSource } from '../article/article';
import { primaryLanguageTag } from '../article/language';
import { languageTag } from '../article/language-tag';
import type { Analysis, PartialAnalysis } from '../attribution/analysis';
import { needsConfirmation } from '../budget/cost-gate';
import type { RequestPlan } from '../budget/request-plan';
import type { CustomHeaders } from '../custom-headers';
import type { AppError } from '../errors';
import { endpointHost } from '../llm/endpoint';
import type { EndpointPause } from '../llm/endpoint-pause';
import { toAppError } from '../llm/error-mapping';
import { PROVIDERS } from '../providers';
import type { Settings } from '../settings';
import { articleFingerprint, pageOrigin } from './article-fingerprint';
import { applyJobEvent, createJob, type JobEvent, type JobState, type ThinkingPart, type Usage } from './job';
import { createPauseTracker } from './pause-tracker';
import { planJob } from './plan-job';
import { type CachedResult, cacheKey } from './result-store';
import { throttle } from './throttle';

export interface LlmRequest {
  baseUrl: string;
  /** Only ever the key saved for the base URL's origin (lib/endpoint-credential.ts), or empty. */
  apiKey: string;
  /** Custom headers saved with the key, for the same origin only. */
  headers?: CustomHeaders;
  model: string;
  article: Article;
  targetLanguage: string;
  signal: AbortSignal;
  /** How the requests are cut (single or map-reduce analysis, translation chunks) and how many run at once. */
  plan: RequestPlan;
  /** A request of this part waits out a rate limit or server error (null: it went out again). */
  onPause(pause: EndpointPause | null, request: object): void;
  /** A request of this part started or stopped reasoning before its answer. */
  onThinking(thinking: boolean, request: object): void;
  /** Anything arrived on a stream (reasoning and keep-alives too): the job is alive. */
  onActivity(): void;
}

/** Everything the manager needs from the outside world, so it runs (and is tested) without a browser. */
export interface JobEnvironment {
  now(): number;
  newId(): string;
  /** The settings, with the key and headers saved for their base URL's origin (empty for any other). */
  loadConfiguration(): Promise<{ settings: Settings; apiKey: string; headers?: CustomHeaders }>;
  extract(
    tabId: number,
    source: ExtractionSource,
  ): Promise<{ ok: true; article: Article } | { ok: false; error: AppError }>;
  /**
   * Both reject with an AppError. With `onTranslation` (a combined plan), the analysis answer
   * carries the translation too: streamed through it, and returned as `translation`.
   */
  runAnalysis(
    request: LlmRequest & {
      onPartial(analysis: PartialAnalysis): void;
      onTranslation?: (textSoFar: string, complete: boolean) => void;
    },
  ): Promise<{
    analysis: Analysis;
    usage: Usage | null;
    mode: 'json_schema' | 'json_object' | 'prompt';
    translation?: string | null;
  }>;
  runTranslation(request: LlmRequest & { onDelta(text: string): void }): Promise<{ usage: Usage | null }>;
  readCache(key: string): Promise<CachedResult | null>;
  writeCache(key: string, result: CachedResult): Promise<void>;
  /**
   * Whether the tab's results may be read from and written to the cache: not for a private (incognito)
   * window, whose reading must leave nothing behind. Absent: always.
   */
  cacheAllowed?(tabId: number): Promise<boolean>;
  promptVersion: string;
  /** Called after every change, for persistence across service-worker restarts. */
  onChange?(job: JobState): void;
  /**
   * Called whenever a stream shows life, however often: the extension keeps its service worker
   * awake with it while a model reasons for minutes without a visible change (see keep-alive.ts).
   */
  keepAlive?(): void;
}

type Listener = (event: JobEvent) => void;

interface RunningJob {
  state: JobState;
  controller: AbortController;
  source: ExtractionSource;
}

/** How often streamed progress is forwarded to the surfaces (first token always at once). */
export const STREAM_EMIT_INTERVAL_MS = 40;

/** One job per tab: starts, streams, caches, cancels. Surfaces subscribe per tab. */
export class JobManager {
  private readonly jobs = new Map<number, RunningJob>();
  private readonly listeners = new Map<number, Set<Listener>>();
  /** Settles once jobs persisted before a service-worker restart are back; until then nothing is answered. */
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly environment: JobEnvironment) {}

  get(tabId: number): JobState | null {
    return this.jobs.get(tabId)?.state ?? null;
  }

  /** The listener gets a snapshot (once restored jobs are back), then every event of that tab's job. */
  subscribe(tabId: number, listener: Listener): () => void {
    const set = this.listeners.get(tabId) ?? new Set<Listener>();
    let active = true;
    void this.ready.then(() => {
      if (!active) return;
      set.add(listener);
      this.listeners.set(tabId, set);
      listener({ type: 'snapshot', job: this.get(tabId) });
    });
    return () => {
      active = false;
      set.delete(listener);
    };
  }

  /**
   * Brings back the jobs persisted before the service worker stopped. A surface reconnecting at
   * that moment must see them (e.g. "interrupted, Retry"), not an empty tab: so subscriptions and
   * starts wait for this.
   */
  restoreAll(jobs: Promise<JobState[]>): Promise<void> {
    this.ready = jobs.then(
      (restored) => {
        for (const job of restored) this.restore(job);
      },
      () => undefined,
    );
    return this.ready;
  }

  /** Restores one persisted job; one whose requests were running is marked interrupted. */
  restore(job: JobState): void {
    if (this.jobs.has(job.tabId)) return;
    this.jobs.set(job.tabId, {
      state: interruptedOnRestart(job, this.environment.now()),
      controller: new AbortController(),
      source: job.article?.source ?? 'article',
    });
  }

  isRunning(tabId: number): boolean {
    const status = this.get(tabId)?.status;
    return status === 'extracting' || status === 'running';
  }

  /**
   * `confirmed`: the user has seen the estimate of a run above their cost limit and said go; without
   * it such a run stops at `awaiting-confirmation`, having requested nothing.
   */
  async start(
    tabId: number,
    options: { source: ExtractionSource; force: boolean; confirmed?: boolean },
  ): Promise<void> {
    await this.ready;
    const existing = this.jobs.get(tabId);
    // The toolbar click and the popup may both ask for the same job: one is enough.
    const sameJob = existing && existing.source === options.source && !existing.state.pageChanged;
    if (sameJob && this.isRunning(tabId) && !options.force) return;
    existing?.controller.abort();

    const { settings, apiKey, headers } = await this.environment.loadConfiguration();
    const controller = new AbortController();
    const job = createJob({
      id: this.environment.newId(),
      tabId,
      model: settings.model,
      host: endpointHost(settings.baseUrl),
      targetLanguage: settings.targetLanguage,
      now: this.environment.now(),
    });
    const running: RunningJob = { state: job, controller, source: options.source };
    this.jobs.set(tabId, running);
    this.emit(running, { type: 'snapshot', job });

    const extraction = await this.environment.extract(tabId, options.source);
    if (controller.signal.aborted) return;
    if (!extraction.ok) return this.emit(running, { type: 'failed', error: extraction.error });
    const article = extraction.article;

    const key = cacheKey({
      pageOrigin: pageOrigin(article.url),
      fingerprint: await articleFingerprint(article),
      model: settings.model,
      targetLanguage: settings.targetLanguage,
      promptVersion: this.environment.promptVersion,
    });
    const cacheAllowed = (await this.environment.cacheAllowed?.(tabId)) ?? true;
    if (controller.signal.aborted) return;
    if (!options.force && cacheAllowed) {
      const cached = await this.environment.readCache(key);
      if (controller.signal.aborted) return;
      if (cached) return this.emit(running, { type: 'snapshot', job: fromCache(running.state, article, cached) });
    }

    const configurationError = checkConfiguration(settings, apiKey);
    this.emit(running, { type: 'article', article });
    // Planning is one pass over the text with the token estimate: a few milliseconds even for 20,000 words.
    const { plan, estimate } = planJob(article, settings, {
      translate: !isTargetLanguage(article.language, settings.targetLanguage),
    });
    this.emit(running, { type: 'estimate', estimate });
    if (configurationError) return this.emit(running, { type: 'failed', error: configurationError });
    if (!options.confirmed && needsConfirmation(estimate, settings.askAboveDollars)) {
      return this.emit(running, { type: 'awaiting-confirmation' });
    }

    const request: LlmRequest = {
      baseUrl: settings.baseUrl,
      apiKey,
      headers,
      model: settings.model,
      article,
      targetLanguage: settings.targetLanguage,
      signal: controller.signal,
      plan,
      onPause: createPauseTracker((pause) => this.emitIfCurrent(running, { type: 'endpoint-pause', pause })),
      // Replaced per part below: which part is thinking is the part's own.
      onThinking: () => undefined,
      onActivity: () => this.environment.keepAlive?.(),
    };
    // The plan combines only an article that needs translating.
    if (plan.combined) await this.analyseAndTranslate(running, request);
    else await Promise.all([this.analyse(running, request), this.translate(running, request)]);
    const { analysisStatus, translationStatus } = running.state;
    const complete = analysisStatus === 'done' && (translationStatus === 'done' || translationStatus === 'skipped');
    if (complete && cacheAllowed) {
      await this.environment.writeCache(key, toCached(running.state, this.environment.now()));
    }
  }

  cancel(tabId: number): void {
    const running = this.jobs.get(tabId);
    if (!running || !(this.isRunning(tabId) || running.state.status === 'awaiting-confirmation')) return;
    running.controller.abort();
    this.emit(running, { type: 'cancelled' });
  }

  /**
   * The tab started loading another page (or reloaded). The job keeps going (it is about the
   * article it read), and the surfaces say that the tab has moved on, offering to analyse it.
   */
  pageChanged(tabId: number, url: string | null): void {
    const running = this.jobs.get(tabId);
    if (!running) return;
    const article = running.state.article;
    if (url !== null && article && withoutFragment(url) === withoutFragment(article.url)) return;
    if (!running.state.pageChanged) this.emit(running, { type: 'page-changed' });
  }

  /**
   * The job's snapshot could not be kept in session storage (too large, or the quota is full): the
   * surfaces say that a restart of the background would lose it. Said once per job.
   */
  notKept(tabId: number): void {
    const running = this.jobs.get(tabId);
    if (running && !running.state.notKept) this.emit(running, { type: 'not-kept' });
  }

  /** The tab is gone: stop its requests and drop its state. */
  forget(tabId: number): void {
    this.jobs.get(tabId)?.controller.abort();
    this.jobs.delete(tabId);
  }

  private async analyse(running: RunningJob, request: LlmRequest): Promise<void> {
    const partials = throttle<PartialAnalysis>(
      (analysis) => this.emitIfCurrent(running, { type: 'analysis-partial', analysis }),
      STREAM_EMIT_INTERVAL_MS,
    );
    try {
      const result = await this.environment.runAnalysis({
        ...request,
        onThinking: this.thinkingTracker(running, ['analysis']),
        onPartial: (partial) => partials.push(partial),
      });
      partials.flush();
      this.emitIfCurrent(running, { type: 'analysis-done', ...result });
    } catch (error) {
      partials.flush();
      this.emitIfCurrent(running, { type: 'analysis-error', error: this.appErrorOf(running, error) });
    }
  }

  private async translate(running: RunningJob, request: LlmRequest): Promise<void> {
    if (isTargetLanguage(request.article.language, request.targetLanguage)) {
      return this.emitIfCurrent(running, { type: 'translation-skipped' });
    }
    const deltas = this.translationDeltas(running);
    try {
      const result = await this.environment.runTranslation({
        ...request,
        onThinking: this.thinkingTracker(running, ['translation']),
        onDelta: deltas.push,
      });
      deltas.flush();
      this.emitIfCurrent(running, { type: 'translation-done', usage: result.usage });
    } catch (error) {
      deltas.flush();
      this.emitIfCurrent(running, { type: 'translation-error', error: this.appErrorOf(running, error) });
    }
  }

  /**
   * A short article's one request (plan.combined): the translation streams out of the analysis
   * answer into the same events as from its own request; its usage is the analysis's.
   */
  private async analyseAndTranslate(running: RunningJob, request: LlmRequest): Promise<void> {
    const partials = throttle<PartialAnalysis>(
      (analysis) => this.emitIfCurrent(running, { type: 'analysis-partial', analysis }),
      STREAM_EMIT_INTERVAL_MS,
    );
    const deltas = this.translationDeltas(running);
    let delivered = '';
    let translationDone = false;
    const deliverUpTo = (textSoFar: string) => {
      if (!textSoFar.startsWith(delivered) || textSoFar.length === delivered.length) return;
      deltas.push(textSoFar.slice(delivered.length));
      delivered = textSoFar;
    };
    // The translation is done when its string closes, while the notes still stream after it.
    const finishTranslation = () => {
      if (translationDone) return;
      translationDone = true;
      deltas.flush();
      this.emitIfCurrent(running, { type: 'translation-done', usage: null });
    };
    try {
      const result = await this.environment.runAnalysis({
        ...request,
        onThinking: this.thinkingTracker(running, ['analysis', 'translation']),
        onPartial: (partial) => partials.push(partial),
        onTranslation: (textSoFar, complete) => {
          deliverUpTo(textSoFar);
          if (complete) finishTranslation();
        },
      });
      partials.flush();
      const { analysis, usage, mode, translation } = result;
      if (translation) {
        deliverUpTo(translation);
        finishTranslation();
      } else if (!translationDone) {
        deltas.flush();
        const error = { code: 'answer-not-understood', detail: 'the answer had no translation' } as const;
        this.emitIfCurrent(running, { type: 'translation-error', error });
      }
      this.emitIfCurrent(running, { type: 'analysis-done', analysis, usage, mode });
    } catch (error) {
      partials.flush();
      deltas.flush();
      this.emitIfCurrent(running, { type: 'analysis-error', error: this.appErrorOf(running, error) });
      if (!translationDone)
        this.emitIfCurrent(running, { type: 'translation-error', error: this.appErrorOf(running, error) });
    }
  }

  /**
   * The parts' requests each say when their model reasons before answering; a part shows
   * "thinking" from the first of its requests that starts until the last one stops.
   */
  private thinkingTracker(running: RunningJob, parts: ThinkingPart[]): (thinking: boolean, request: object) => void {
    const thinking = new Set<object>();
    return (isThinking, request) => {
      const before = thinking.size > 0;
      if (isThinking) thinking.add(request);
      else thinking.delete(request);
      const after = thinking.size > 0;
      if (before === after) return;
      const since = after ? this.environment.now() : null;
      for (const part of parts) this.emitIfCurrent(running, { type: 'thinking', part, since });
    };
  }

  /** What a part's failure means for the reader: the one mapping, with this job's endpoint and model. */
  private appErrorOf(running: RunningJob, error: unknown): AppError {
    return toAppError(error, { host: running.state.host, model: running.state.model });
  }

  /** Translation text, forwarded to the surfaces at most every STREAM_EMIT_INTERVAL_MS (the first piece at once). */
  private translationDeltas(running: RunningJob): { push(text: string): void; flush(): void } {
    let buffered = '';
    const deltas = throttle<null>(() => {
      const text = buffered;
      buffered = '';
      if (text) this.emitIfCurrent(running, { type: 'translation-delta', text });
    }, STREAM_EMIT_INTERVAL_MS);
    return {
      push: (text) => {
        buffered += text;
        deltas.push(null);
      },
      flush: () => deltas.flush(),
    };
  }

  /** Events of a job that was cancelled or replaced are dropped: the surfaces show the current one. */
  private emitIfCurrent(running: RunningJob, event: JobEvent): void {
    if (this.jobs.get(running.state.tabId) !== running || running.controller.signal.aborted) return;
    this.emit(running, event);
  }

  private emit(running: RunningJob, event: JobEvent): void {
    running.state = applyJobEvent(running.state, event, this.environment.now()) ?? running.state;
    for (const listener of this.listeners.get(running.state.tabId) ?? []) listener(event);
    this.environment.onChange?.(running.state);
  }
}

/**
 * A job whose requests died with the service worker: each unfinished part ends as interrupted,
 * keeping what had arrived, so the surfaces show it with Retry.
 */
function interruptedOnRestart(job: JobState, now: number): JobState {
  const error = { code: 'stream-interrupted', detail: 'the extension was restarted by the browser' } as const;
  if (job.status === 'extracting') return applyJobEvent(job, { type: 'failed', error }, now) ?? job;
  if (job.status !== 'running') return job;
  const unfinished = (status: JobState['analysisStatus']) => status === 'pending' || status === 'streaming';
  let state = job;
  if (unfinished(state.analysisStatus)) state = applyJobEvent(state, { type: 'analysis-error', error }, now) ?? state;
  if (unfinished(state.translationStatus)) {
    state = applyJobEvent(state, { type: 'translation-error', error }, now) ?? state;
  }
  return state;
}

function withoutFragment(url: string): string {
  return url.split('#')[0] ?? url;
}

function checkConfiguration(settings: Settings, apiKey: string): AppError | null {
  if (!settings.model) return { code: 'missing-model' };
  if (!apiKey && PROVIDERS[settings.provider].keyRequired) {
    return { code: 'missing-api-key', host: endpointHost(settings.baseUrl) };
  }
  return null;
}

/** "de" vs "English": translate unless the article is already in the target language. */
export function isTargetLanguage(articleLanguage: string, targetLanguage: string): boolean {
  if (articleLanguage === 'und') return false;
  const target = languageTag(targetLanguage) ?? targetLanguage.trim().toLowerCase();
  return primaryLanguageTag(articleLanguage) === target;
}

/** The analysis from the cache, the article as just read from the tab: never page data from the cache. */
function fromCache(job: JobState, article: Article, cached: CachedResult): JobState {
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

function toCached(job: JobState, now: number): CachedResult {
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
