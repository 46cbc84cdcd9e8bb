import type { ExtractionSource } from '@/lib/article/article';
import { isTargetLanguage } from '@/lib/article/is-target-language';
import { needsConfirmation } from '@/lib/budget/cost-gate';
import { articleFingerprint, pageOrigin } from '@/lib/job/article-fingerprint';
import { cacheKey, jobFromCachedResult, toCachedResult } from '@/lib/job/cached-result';
import { configurationError } from '@/lib/job/configuration-error';
import { applyJobEvent, createJob, type JobEvent, type JobState } from '@/lib/job/job';
import type { JobEnvironment, LlmRequest } from '@/lib/job/job-environment';
import type { PartContext } from '@/lib/job/part-streams';
import { createPauseTracker } from '@/lib/job/pause-tracker';
import { planJob } from '@/lib/job/plan-job';
import { runParts } from '@/lib/job/run-parts';
import { endpointHost } from '@/lib/llm/endpoint';
import type { SourceCheckState } from '@/lib/sources/source-check-state';

type Listener = (event: JobEvent) => void;

interface RunningJob {
  state: JobState;
  controller: AbortController;
  source: ExtractionSource;
}

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
      if (cached)
        return this.emit(running, { type: 'snapshot', job: jobFromCachedResult(running.state, article, cached) });
    }

    const settingsError = configurationError(settings, apiKey);
    this.emit(running, { type: 'article', article });
    // Planning is one pass over the text with the token estimate: a few milliseconds even for 20,000 words.
    const { plan, estimate } = planJob(article, settings, {
      translate: !isTargetLanguage(article.language, settings.targetLanguage),
    });
    this.emit(running, { type: 'estimate', estimate });
    if (settingsError) return this.emit(running, { type: 'failed', error: settingsError });
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
      // Replaced by each part runner: which part is thinking is the part's own.
      onThinking: () => undefined,
      onActivity: () => this.environment.keepAlive?.(),
    };
    await this.runPlannedParts(running, request);
    const { analysisStatus, translationStatus } = running.state;
    const complete = analysisStatus === 'done' && (translationStatus === 'done' || translationStatus === 'skipped');
    if (complete && cacheAllowed) {
      await this.environment.writeCache(key, toCachedResult(running.state, this.environment.now()));
    }
  }

  /**
   * The plan's requests, each part's events emitted while its job is current: one request answering
   * both for a short article (plan.combined), else the analysis and the translation side by side.
   */
  private async runPlannedParts(running: RunningJob, request: LlmRequest): Promise<void> {
    const context: PartContext = {
      request,
      emit: (event) => this.emitIfCurrent(running, event),
      now: () => this.environment.now(),
    };
    await runParts(this.environment, context);
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

  /**
   * A source check of the tab's job changed (lib/sources/source-check-runner.ts): emitted and
   * persisted as the job's other events. False, and nothing emitted, when `jobId` is no longer the
   * tab's job (re-run, tab closed): the check belongs to an article no surface shows any more.
   */
  updateSourceCheck(tabId: number, jobId: string, check: SourceCheckState): boolean {
    const running = this.jobs.get(tabId);
    if (!running || running.state.id !== jobId) return false;
    this.emit(running, { type: 'source-check', url: check.source.url, check });
    return true;
  }

  /**
   * A source check awaiting the reader's go-ahead was put off (Not now): it leaves the job, so the
   * source is offered afresh. False, and nothing done, when `jobId` is no longer the tab's job or the
   * check is not awaiting confirmation.
   */
  setAsideSourceCheck(tabId: number, jobId: string, url: string): boolean {
    const running = this.jobs.get(tabId);
    if (!running || running.state.id !== jobId) return false;
    if (running.state.sourceChecks[url]?.status !== 'awaiting-confirmation') return false;
    this.emit(running, { type: 'source-check-set-aside', url });
    return true;
  }

  /** The tab is gone: stop its requests and drop its state. */
  forget(tabId: number): void {
    this.jobs.get(tabId)?.controller.abort();
    this.jobs.delete(tabId);
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
