import type { Article, ExtractionSource } from '@/lib/article/article';
import type { Analysis, PartialAnalysis } from '@/lib/attribution/analysis';
import type { RequestPlan } from '@/lib/budget/request-plan';
import type { CustomHeaders } from '@/lib/custom-headers';
import type { AppError } from '@/lib/errors';
import type { CachedResult } from '@/lib/job/cached-result';
import type { JobState, Usage } from '@/lib/job/job';
import type { EndpointPause } from '@/lib/llm/endpoint-pause';
import type { StructuredMode } from '@/lib/llm/request-shape';
import type { Settings } from '@/lib/settings';

/** What one part of a job (analysis or translation) sends to the endpoint, and how it reports back. */
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
  /** How the requests are cut (the analysis and the translation each whole or in parts) and how many run at once. */
  plan: RequestPlan;
  /** A request of this part waits out a rate limit or server error (null: it went out again). */
  onPause(pause: EndpointPause | null, request: object): void;
  /** A request of this part started or stopped reasoning before its answer. */
  onThinking(thinking: boolean, request: object): void;
  /** Anything arrived on a stream (reasoning and keep-alives too): the job is alive. */
  onActivity(): void;
}

/** The analysis request, with the translation streaming out of the same answer for a combined plan. */
export type AnalysisRequest = LlmRequest & {
  onPartial(analysis: PartialAnalysis): void;
  onTranslation?: (textSoFar: string, complete: boolean) => void;
};

export interface AnalysisOutcome {
  analysis: Analysis;
  usage: Usage | null;
  mode: StructuredMode;
  translation?: string | null;
}

export type TranslationRequest = LlmRequest & { onDelta(text: string): void };

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
   * Rejects with an AppError. With `onTranslation` (a combined plan), the analysis answer
   * carries the translation too: streamed through it, and returned as `translation`.
   */
  runAnalysis(request: AnalysisRequest): Promise<AnalysisOutcome>;
  /** Rejects with an AppError. */
  runTranslation(request: TranslationRequest): Promise<{ usage: Usage | null }>;
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
