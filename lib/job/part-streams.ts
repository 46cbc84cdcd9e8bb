import type { PartialAnalysis } from '@/lib/attribution/analysis';
import type { AppError } from '@/lib/errors';
import type { JobEvent, ThinkingPart } from '@/lib/job/job';
import type { LlmRequest } from '@/lib/job/job-environment';
import { throttle } from '@/lib/job/throttle';
import { endpointHost } from '@/lib/llm/endpoint';
import { toAppError } from '@/lib/llm/error-mapping';

/** How often streamed progress is forwarded to the surfaces (first token always at once). */
export const STREAM_EMIT_INTERVAL_MS = 40;

/** What a part runner (analysis-part.ts, translation-part.ts, combined-part.ts) works with. */
export interface PartContext {
  request: LlmRequest;
  /** Sends one event of this job; the manager drops it once the job is cancelled or replaced. */
  emit(event: JobEvent): void;
  /** Milliseconds since the epoch: when a part starts thinking. */
  now(): number;
}

/** Partial analyses, forwarded at most every STREAM_EMIT_INTERVAL_MS (the first at once). */
export function analysisPartials(emit: PartContext['emit']): { push(analysis: PartialAnalysis): void; flush(): void } {
  return throttle<PartialAnalysis>((analysis) => emit({ type: 'analysis-partial', analysis }), STREAM_EMIT_INTERVAL_MS);
}

/** Translation text, forwarded at most every STREAM_EMIT_INTERVAL_MS (the first piece at once). */
export function translationDeltas(emit: PartContext['emit']): { push(text: string): void; flush(): void } {
  let buffered = '';
  const deltas = throttle<null>(() => {
    const text = buffered;
    buffered = '';
    if (text) emit({ type: 'translation-delta', text });
  }, STREAM_EMIT_INTERVAL_MS);
  return {
    push: (text) => {
      buffered += text;
      deltas.push(null);
    },
    flush: () => deltas.flush(),
  };
}

/**
 * The parts' requests each say when their model reasons before answering; a part shows
 * "thinking" from the first of its requests that starts until the last one stops.
 */
export function thinkingTracker(
  context: Pick<PartContext, 'emit' | 'now'>,
  parts: ThinkingPart[],
): (thinking: boolean, request: object) => void {
  const thinking = new Set<object>();
  return (isThinking, request) => {
    const before = thinking.size > 0;
    if (isThinking) thinking.add(request);
    else thinking.delete(request);
    const after = thinking.size > 0;
    if (before === after) return;
    const since = after ? context.now() : null;
    for (const part of parts) context.emit({ type: 'thinking', part, since });
  };
}

/**
 * What a part's failure means for the reader, named with the part's endpoint and model: the one
 * mapping of anything thrown to an AppError is `toAppError` (lib/llm/error-mapping.ts).
 */
export function partError(error: unknown, request: Pick<LlmRequest, 'baseUrl' | 'model'>): AppError {
  return toAppError(error, { host: endpointHost(request.baseUrl), model: request.model });
}
