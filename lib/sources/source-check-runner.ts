import type { Article } from '@/lib/article/article';
import { needsConfirmation } from '@/lib/budget/cost-gate';
import type { JobEstimate } from '@/lib/budget/job-estimate';
import { modelLimits } from '@/lib/budget/model-limits';
import { modelPrice } from '@/lib/budget/model-prices';
import { defaultParallelRequests } from '@/lib/budget/parallel-requests';
import type { CustomHeaders } from '@/lib/custom-headers';
import type { AppError } from '@/lib/errors';
import { hostOf } from '@/lib/host-of';
import { articleFingerprint } from '@/lib/job/article-fingerprint';
import { configurationError } from '@/lib/job/configuration-error';
import { contentHash } from '@/lib/job/content-hash';
import type { JobState } from '@/lib/job/job';
import type { JobManager } from '@/lib/job/job-manager';
import { endpointHost } from '@/lib/llm/endpoint';
import { toAppError } from '@/lib/llm/error-mapping';
import type { ShapeMemory } from '@/lib/llm/request-shape-memory';
import { messageOf } from '@/lib/message-of';
import type { Settings } from '@/lib/settings';
import {
  checkSource,
  estimateSourceCheck,
  type SourceCheckPlanInput,
  sourceCheckCacheKeyOf,
} from '@/lib/sources/check-source';
import type { CheckableSource } from '@/lib/sources/checkable-sources';
import type { SourceCheckCache } from '@/lib/sources/source-check-cache';
import { sourceCheckClient } from '@/lib/sources/source-check-client';
import type { SourceCheckRequest, SourceCheckState, SourceReadVia } from '@/lib/sources/source-check-state';
import type { SourcePageRead } from '@/lib/sources/source-page-read';

/** How long a page read for a batch awaiting confirmation is kept, so confirming does not fetch it again. */
export const KEPT_PAGE_MS = 5 * 60_000;

/** Everything the runner needs from the outside world, so it runs (and is tested) without a browser. */
export interface SourceCheckEnvironment {
  now(): number;
  /** The settings, with the key and headers saved for their base URL's origin (as a job gets them). */
  loadConfiguration(): Promise<{ settings: Settings; apiKey: string; headers?: CustomHeaders }>;
  /**
   * Reads a source page: fetched (`fetch`, readSourceFromBackground) or loaded in an inactive tab
   * of the reader's window (`tab`, readSourceInTab; `windowId` absent: the window of `tabId`).
   * Its problems come back as `ok: false`; a rejection counts as the site unreachable.
   */
  readPage(url: string, via: SourceReadVia, where: { tabId: number; windowId?: number }): Promise<SourcePageRead>;
  /** Where finished checks are kept (storedSourceChecks); null: none. */
  cache: SourceCheckCache | null;
  /** Whether the tab's checks may use the cache: not in a private window. Absent: always. */
  cacheAllowed?(tabId: number): Promise<boolean>;
  /** What was learnt about endpoints (refused request fields), shared with jobs and Test connection. */
  memory?: ShapeMemory;
  /** The extension's origin, for the advice when a local server refuses it. */
  origin?: string;
  /** The fetch the endpoint's requests go out with; the global one by default. */
  fetch?: typeof globalThis.fetch;
  /** Called whenever a stream shows life: keeps the service worker awake (lib/job/keep-alive.ts). */
  keepAlive?(): void;
}

/** The little of the JobManager the runner uses: the tab's job, its events, and where a check's state goes. */
export type SourceCheckJobs = Pick<JobManager, 'get' | 'subscribe' | 'updateSourceCheck' | 'setAsideSourceCheck'>;

/** A source page as read, ready to estimate and send. */
interface ReadSource {
  source: CheckableSource;
  page: Article;
  retrievedAt: string;
  estimate: JobEstimate;
}

interface KeptPage {
  page: Article;
  retrievedAt: string;
  keptAt: number;
}

/** A check still under way: asked again meanwhile, the source is not read or sent twice. */
const UNDER_WAY: ReadonlySet<SourceCheckState['status']> = new Set(['reading', 'checking']);

/**
 * Runs the source checks the panel asks for (SourceCheckRequest), in the background, on the tab's
 * finished job: each source is read (fetched, or in a background tab), estimated, held for the
 * reader's go-ahead when the batch costs more than the confirmation limit (as a job is), then
 * checked through the endpoint's one queue (checkSource), its result cached. Every state change
 * goes to the job (JobManager.updateSourceCheck), so the panel sees it on the job port and it
 * survives with the job. One source's failure never stops the others. A re-run of the tab's job,
 * a Cancel or the tab's closing stops its checks; a navigation does not (the checks are about the
 * article that was read, which the panel still shows).
 */
export class SourceCheckRunner {
  /** Pages read for batches awaiting confirmation, by tab, way of reading and URL. */
  private readonly kept = new Map<string, KeptPage>();
  /** Running batches' controllers, by tab: the tab's closing aborts them. */
  private readonly running = new Map<number, Set<AbortController>>();
  /** Background tabs are opened one at a time: a batch of five would otherwise load five pages at once. */
  private tabReads: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly jobs: SourceCheckJobs,
    private readonly environment: SourceCheckEnvironment,
  ) {}

  /**
   * Starts a batch. Resolves once it has begun (the tab's job found, its sources' first states
   * emitted) with `finished`, which settles when every source of the batch has ended; never
   * rejects after that. Rejects with an Error saying why when the tab has no finished analysis
   * to check sources of.
   */
  async start(request: SourceCheckRequest): Promise<{ finished: Promise<void> }> {
    const controller = new AbortController();
    const job = await this.watchJob(request.tabId, controller);
    if (!job.article || job.analysisStatus !== 'done') {
      controller.abort();
      const underWay = job.status === 'extracting' || job.status === 'running';
      throw new Error(
        underWay
          ? 'This tab’s analysis has not finished yet: its sources can be checked once it has.'
          : 'This tab has no finished analysis to check sources against: analyse the page first.',
      );
    }
    const article = job.article;
    const sources = dedupe(request.sources).filter((source) => {
      const status = job.sourceChecks[source.url]?.status;
      return status === undefined || !UNDER_WAY.has(status);
    });
    const tabControllers = this.running.get(request.tabId) ?? new Set<AbortController>();
    tabControllers.add(controller);
    this.running.set(request.tabId, tabControllers);
    // A check of a job that is no longer the tab's (re-run, tab closed) stops: nobody will see it.
    const update = (state: SourceCheckState) => {
      if (!this.jobs.updateSourceCheck(request.tabId, job.id, state)) controller.abort();
    };
    const base = (source: CheckableSource) => ({
      source,
      via: request.via,
      parentUrl: request.parentUrl ?? null,
    });
    for (const source of sources) update({ ...base(source), status: 'reading' });

    const finished = this.runBatch(request, job, article, sources, controller, update, base)
      .catch((error: unknown) => {
        // Nothing above should throw; should it, no source is left looking busy.
        for (const source of sources) {
          const status = this.jobs.get(request.tabId)?.sourceChecks[source.url]?.status;
          if (status && UNDER_WAY.has(status)) {
            update({ ...base(source), status: 'failed', error: { code: 'unknown', detail: messageOf(error) } });
          }
        }
      })
      .finally(() => {
        controller.abort();
        tabControllers.delete(controller);
        // forget() may have dropped this set and a later batch made another.
        if (tabControllers.size === 0 && this.running.get(request.tabId) === tabControllers) {
          this.running.delete(request.tabId);
        }
      });
    return { finished };
  }

  /**
   * Not now: the reader put off the checks of `urls` awaiting the go-ahead. They leave the tab's
   * job (the sources are offered afresh) and the pages kept for them go, so a later check reads
   * the source again. Checks in any other state are left alone.
   */
  setAside(tabId: number, urls: readonly string[]): void {
    const job = this.jobs.get(tabId);
    if (!job) return;
    for (const url of urls) {
      if (!this.jobs.setAsideSourceCheck(tabId, job.id, url)) continue;
      for (const key of this.kept.keys())
        if (key.startsWith(`${tabId}|`) && key.endsWith(`|${url}`)) this.kept.delete(key);
    }
  }

  /** The tab is gone: its checks stop, and the pages kept for it go. */
  forget(tabId: number): void {
    for (const controller of this.running.get(tabId) ?? []) controller.abort();
    this.running.delete(tabId);
    for (const key of this.kept.keys()) if (key.startsWith(`${tabId}|`)) this.kept.delete(key);
  }

  /**
   * The tab's job once the manager has it (after a restart, once restored), and from then on an
   * abort of `controller` when that job is replaced (re-run) or cancelled.
   * The subscription ends with the batch.
   */
  private watchJob(tabId: number, controller: AbortController): Promise<JobState> {
    return new Promise((resolve, reject) => {
      let jobId: string | null = null;
      const unsubscribe = this.jobs.subscribe(tabId, (event) => {
        if (jobId === null) {
          if (event.type !== 'snapshot') return;
          if (!event.job) {
            unsubscribe();
            reject(new Error('This tab has no finished analysis to check sources against: analyse the page first.'));
            return;
          }
          jobId = event.job.id;
          resolve(event.job);
          return;
        }
        const replaced = event.type === 'snapshot' && event.job?.id !== jobId;
        // A navigation does not stop a check: it is about the article that was read, which still stands.
        if (replaced || event.type === 'cancelled') controller.abort();
      });
      controller.signal.addEventListener('abort', unsubscribe, { once: true });
    });
  }

  private async runBatch(
    request: SourceCheckRequest,
    job: JobState,
    article: Article,
    sources: CheckableSource[],
    controller: AbortController,
    update: (state: SourceCheckState) => void,
    base: (source: CheckableSource) => Pick<SourceCheckState, 'source' | 'via' | 'parentUrl'>,
  ): Promise<void> {
    const { signal } = controller;
    // Once the batch is stopped, whatever a request then threw is the stop's doing.
    const fail = (source: CheckableSource, error: AppError): null => {
      update({ ...base(source), status: 'failed', error: signal.aborted ? { code: 'cancelled' } : error });
      return null;
    };

    const { settings, apiKey, headers } = await this.environment.loadConfiguration();
    const settingsError = configurationError(settings, apiKey);
    if (settingsError) {
      for (const source of sources) fail(source, settingsError);
      return;
    }
    const override = settings.modelOverrides[settings.model];
    const limits = modelLimits(settings.model, settings.baseUrl, override);
    const price = modelPrice(settings.model, settings.baseUrl, override);
    const cacheAllowed =
      this.environment.cache !== null && ((await this.environment.cacheAllowed?.(request.tabId)) ?? true);
    const cache = cacheAllowed ? this.environment.cache : null;
    const fingerprint = await articleFingerprint(article);
    // A follow-up check (one step along the relay chain) compares against the checked source's own
    // passages: their language is that source's, and check-source.ts keys its result and cache by it.
    const parent = request.parentUrl === undefined ? undefined : job.sourceChecks[request.parentUrl];
    const claimsLanguage = parent?.status === 'checked' ? parent.result.language : article.language;
    const followUp = request.parentUrl === undefined ? {} : { parentUrl: request.parentUrl };
    const planInput = (source: CheckableSource, page: Article): SourceCheckPlanInput => ({
      source,
      page,
      articleLanguage: claimsLanguage,
      targetLanguage: job.targetLanguage,
      model: settings.model,
      limits,
    });

    // Read and estimate every source; those answered from the cache end here, at no cost.
    const read = await Promise.all(
      sources.map(async (source): Promise<ReadSource | null> => {
        const pageRead = await this.readPage(request, source.url);
        if (signal.aborted) return fail(source, { code: 'cancelled' });
        if (!pageRead.ok) {
          update({ ...base(source), status: 'unreadable', problem: pageRead.problem });
          return null;
        }
        const { article: page, retrievedAt } = pageRead;
        if (cache) {
          const key = await sourceCheckCacheKeyOf({
            articleFingerprint: fingerprint,
            source,
            sourceSha256: await contentHash(page),
            model: settings.model,
            targetLanguage: job.targetLanguage,
            ...followUp,
          });
          const cached = await cache.read(key, this.environment.now());
          if (cached) {
            update({ ...base(source), status: 'checked', result: cached });
            return null;
          }
        }
        try {
          return { source, page, retrievedAt, estimate: estimateSourceCheck(planInput(source, page), price) };
        } catch (error) {
          return fail(source, this.appError(error, settings, apiKey));
        }
      }),
    );
    const toCheck = read.filter((entry): entry is ReadSource => entry !== null);
    if (toCheck.length === 0 || signal.aborted) return;

    const batchEstimate = sumEstimates(
      toCheck.map((entry) => entry.estimate),
      price,
    );
    if (!request.confirmed && needsConfirmation(batchEstimate, settings.askAboveDollars)) {
      for (const entry of toCheck) {
        this.kept.set(this.keptKey(request, entry.source.url), {
          page: entry.page,
          retrievedAt: entry.retrievedAt,
          keptAt: this.environment.now(),
        });
        update({
          ...base(entry.source),
          status: 'awaiting-confirmation',
          estimate: entry.estimate,
          batchEstimate,
        });
      }
      return;
    }

    const client = sourceCheckClient({
      baseUrl: settings.baseUrl,
      apiKey,
      headers,
      parallelRequests: settings.parallelRequests ?? defaultParallelRequests(settings.baseUrl),
      fetch: this.environment.fetch,
    });
    await Promise.all(
      toCheck.map(async ({ source, page, retrievedAt }) => {
        update({ ...base(source), status: 'checking' });
        if (signal.aborted) {
          fail(source, { code: 'cancelled' });
          return;
        }
        try {
          const result = await checkSource({
            ...planInput(source, page),
            client,
            retrievedAt,
            signal,
            memory: this.environment.memory,
            origin: this.environment.origin,
            apiKey,
            onActivity: () => this.environment.keepAlive?.(),
            cache: cache ? { store: cache, articleFingerprint: fingerprint } : undefined,
            now: () => this.environment.now(),
            ...followUp,
          });
          if (signal.aborted) {
            fail(source, { code: 'cancelled' });
            return;
          }
          update({ ...base(source), status: 'checked', result });
        } catch (error) {
          fail(source, this.appError(error, settings, apiKey));
        }
      }),
    );
  }

  /** The page kept for this batch's confirmation when there is one still fresh, else a new read. */
  private async readPage(request: SourceCheckRequest, url: string): Promise<SourcePageRead> {
    const now = this.environment.now();
    for (const [key, kept] of this.kept) if (now - kept.keptAt > KEPT_PAGE_MS) this.kept.delete(key);
    const key = this.keptKey(request, url);
    const kept = this.kept.get(key);
    if (kept) {
      this.kept.delete(key);
      return { ok: true, article: kept.page, retrievedAt: kept.retrievedAt };
    }
    const where = { tabId: request.tabId, windowId: request.windowId };
    const read = () =>
      this.environment.readPage(url, request.via, where).catch(
        (error: unknown): SourcePageRead => ({
          ok: false,
          problem: { kind: 'unreachable', host: hostOf(url), detail: messageOf(error) },
        }),
      );
    if (request.via === 'fetch') return read();
    const inTurn = this.tabReads.then(read);
    this.tabReads = inTurn;
    return inTurn;
  }

  private keptKey(request: SourceCheckRequest, url: string): string {
    return `${request.tabId}|${request.via}|${url}`;
  }

  private appError(error: unknown, settings: Settings, apiKey: string): AppError {
    return toAppError(error, {
      host: endpointHost(settings.baseUrl),
      model: settings.model,
      origin: this.environment.origin,
      apiKey,
    });
  }
}

/** The batch's estimate: what the reader confirms, in the shape of a job's so the same cost gate applies. */
function sumEstimates(estimates: JobEstimate[], price: JobEstimate['price']): JobEstimate {
  return {
    inputTokens: estimates.reduce((sum, estimate) => sum + estimate.inputTokens, 0),
    outputTokens: estimates.reduce((sum, estimate) => sum + estimate.outputTokens, 0),
    price,
    requests: estimates.reduce((sum, estimate) => sum + estimate.requests, 0),
    analysisParts: 0,
    translationParts: 0,
    combined: false,
  };
}

/** One source per URL, as asked first. */
function dedupe(sources: CheckableSource[]): CheckableSource[] {
  const seen = new Set<string>();
  return sources.filter((source) => !seen.has(source.url) && seen.add(source.url));
}
