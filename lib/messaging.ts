import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ExtractionSource } from '@/lib/article/article';
import type { AppError } from '@/lib/errors';
import type { StructuredMode } from '@/lib/llm/request-shape';
import type { SourceCheckRequest } from '@/lib/sources/source-check-state';
import type { SourcePageRead } from '@/lib/sources/source-page-read';

/** Connection details of a test: the base URL, the key for that URL's origin, the model. */
export interface EndpointDraft {
  baseUrl: string;
  apiKey: string;
  model: string;
}

export type ConnectionTestResult =
  | {
      ok: true;
      model: string;
      /** From sending the request to the end of its streamed answer. */
      latencyMs: number;
      /** The model's reply, reasoning removed, at most 200 characters. */
      reply: string;
      /** How a job will ask for its JSON on this endpoint: a strict schema, any JSON object, or the prompt alone. */
      structured: StructuredMode;
      /** Whether the endpoint reported token usage; without it costs are estimated. */
      usageReported: boolean;
      /** Whether the model reasoned before answering (never shown as its answer). */
      reasoning: boolean;
      /** Request fields the endpoint refused and that jobs now leave out, e.g. `stream_options`. */
      dropped: string[];
    }
  | { ok: false; error: AppError };

export type ModelListResult = { ok: true; models: string[] } | { ok: false; error: AppError };

/** The only place one-shot message names live. Streaming job updates use the job port (lib/job/job.ts). */
export interface ProtocolMap {
  /**
   * Start (or restart) the job of a tab. `force` skips the cached result (Regenerate); `confirmed`:
   * the user said go to a run above their cost limit (see JobManager.start).
   */
  startJob(data: { tabId: number; source: ExtractionSource; force: boolean; confirmed?: boolean }): void;
  cancelJob(data: { tabId: number }): void;
  /** Tests the saved endpoint: the background adds the key and headers saved for this base URL's origin, if any. */
  testConnection(data: Omit<EndpointDraft, 'apiKey'>): ConnectionTestResult;
  /**
   * Lists the models of a base URL as typed, with the key and headers as typed: the options form empties
   * both whenever the origin changes from the one they were entered for (lib/ui/credential-binding.ts).
   */
  listModels(data: Omit<EndpointDraft, 'model'> & { headers: Record<string, string> }): ModelListResult;
  /** Highlights passages of the article in its tab and scrolls to the first; counts what the page still has. */
  highlightPassages(data: { tabId: number; passages: string[] }): { found: number; missing: number };
  clearHighlight(data: { tabId: number }): void;
  /** From the highlight script to the side panel: the reader cleared the highlight with Escape in the page. */
  highlightCleared(): void;
  /**
   * Reads a source the article links, for a source check (lib/sources): fetched without the reader's
   * cookies and read by the extractor. Needs host access to its site (asked for on the click).
   */
  readSourcePage(data: { url: string }): SourcePageRead;
  /**
   * Reads a source in an inactive tab of the reader's window, with their session, and closes it: for a
   * page fetching gave no article (built by its scripts, or for signed-in readers only).
   */
  readSourceInTab(data: { url: string; windowId?: number }): SourcePageRead;
  /**
   * Checks linked sources of the tab's finished analysis (lib/sources/source-check-runner.ts):
   * answered once the checks have begun; each source's state then arrives on the job port, in
   * JobState.sourceChecks. Rejects when the tab has no finished analysis.
   */
  checkSources(data: SourceCheckRequest): void;
  /** Not now: the checks of `urls` awaiting the go-ahead leave the tab's job, and nothing is sent. */
  setAsideSourceChecks(data: { tabId: number; urls: string[] }): void;
  /** From the background to the offscreen document (Chromium): the DOM work of readSourcePage. */
  readSourceInOffscreen(data: { url: string }): SourcePageRead;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
