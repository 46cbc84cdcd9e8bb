import type { JobEnvironment, LlmRequest } from '@/lib/job/job-environment';
import { streamAnalysisInParts } from '@/lib/llm/analyse-in-parts';
import { createClient, QUEUED_CLIENT_OPTIONS } from '@/lib/llm/client';
import { endpointHost } from '@/lib/llm/endpoint';
import { endpointQueueFor } from '@/lib/llm/endpoint-queue-registry';
import { toAppError } from '@/lib/llm/error-mapping';
import { LlmError } from '@/lib/llm/llm-error';
import type { ShapeMemory } from '@/lib/llm/request-shape-memory';
import { streamTranslationInParts } from '@/lib/llm/translate-in-parts';

/**
 * The JobManager's two LLM parts, as the extension runs them and the benchmark measures them:
 * every request through the endpoint's one queue, the analysis as one request or in parts,
 * the translation as one request or parallel parts, all as the request's plan says.
 */
export function createLlmRunners(options: {
  /** The extension's origin, for the advice when a local server refuses it. */
  origin: string;
  fetch?: typeof globalThis.fetch;
  /** What was learnt about endpoints (refused request fields), shared with Test connection. */
  memory?: ShapeMemory;
}): Pick<JobEnvironment, 'runAnalysis' | 'runTranslation'> {
  const clientFor = (request: LlmRequest) => {
    const queue = endpointQueueFor(request.baseUrl, request.apiKey, request.plan.parallelRequests);
    return createClient({
      baseUrl: request.baseUrl,
      apiKey: request.apiKey,
      headers: request.headers,
      ...QUEUED_CLIENT_OPTIONS,
      fetch: queue.bind(options.fetch ?? globalThis.fetch.bind(globalThis), { onPause: request.onPause }),
    });
  };
  const mapError = (request: LlmRequest, error: unknown) =>
    toAppError(error, {
      host: endpointHost(request.baseUrl),
      model: request.model,
      origin: options.origin,
      apiKey: request.apiKey,
    });

  return {
    runAnalysis: async (request) => {
      try {
        return await streamAnalysisInParts({
          ...request,
          client: clientFor(request),
          parts: request.plan.analysisParts,
          reduceGroupSize: request.plan.reduceGroupSize,
          origin: options.origin,
          memory: options.memory,
        });
      } catch (error) {
        throw new LlmError(mapError(request, error));
      }
    },
    runTranslation: async (request) => {
      try {
        return await streamTranslationInParts({
          ...request,
          client: clientFor(request),
          parts: request.plan.translationParts,
          origin: options.origin,
          memory: options.memory,
        });
      } catch (error) {
        throw new LlmError(mapError(request, error));
      }
    },
  };
}
