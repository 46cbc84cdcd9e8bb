import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { AppError } from '@/lib/errors';
import type { ConnectionTestResult, EndpointDraft, ModelListResult } from '@/lib/messaging';
import { type CreateClientOptions, createClient } from '@/lib/llm/client';
import { endpointHost } from '@/lib/llm/endpoint-host';
import { type ErrorContext, toAppError } from '@/lib/llm/error-mapping';
import { presetForEndpoint } from '@/lib/preset-for-endpoint';
import { openChatStream } from '@/lib/llm/open-chat-stream';
import { CONNECTION_TEST_MARKER } from '@/lib/llm/prompts';
import { readChatStream } from '@/lib/llm/read-chat-stream';
import { initialShape, type RequestShape } from '@/lib/llm/request-shape';
import type { ShapeMemory } from '@/lib/llm/request-shape-memory';
import { JSON_ANSWER_START } from '@/lib/llm/thinking';

/** Overrides for tests; by default a button press gets one honest try and a short timeout. */
export type ConnectionClientOptions = Pick<CreateClientOptions, 'fetch' | 'maxRetries' | 'timeoutMs' | 'headers'> & {
  origin?: string;
  /** What jobs have learnt about endpoints; the test learns into it too, so the next job sends what works. */
  memory?: ShapeMemory;
};

const CONNECTION_DEFAULTS = { maxRetries: 0, timeoutMs: 30_000 } as const;

/** A strict schema as small as a job's is large: it proves `json_schema` works without the cost of the real one. */
const CONNECTION_RESPONSE_FORMAT = zodResponseFormat(z.object({ ok: z.boolean() }), 'sourcelens_connection_test');

const CONNECTION_MESSAGES = [
  {
    role: 'system' as const,
    content: `${CONNECTION_TEST_MARKER} Answer with the JSON object {"ok": true} and nothing else.`,
  },
  { role: 'user' as const, content: 'Connection test.' },
];

/**
 * Sends what a job sends, in small: a streamed request with the structured-output mode, usage
 * request and temperature a job would use, read by the job's own stream reader. So an endpoint
 * that would fail every job (a refused field it cannot do without, a stream that never finishes,
 * an error mid-answer) never shows "Connected"; one that needed a field dropped is connected, and
 * the shape that worked is learnt. Reports the latency, the reply, and what it learnt. Never throws.
 */
export async function testConnection(
  draft: EndpointDraft,
  clientOptions: ConnectionClientOptions = {},
): Promise<ConnectionTestResult> {
  const model = draft.model.trim();
  if (!model) return { ok: false, error: { code: 'missing-model' } };
  const context: ErrorContext = {
    host: endpointHost(draft.baseUrl),
    model,
    origin: clientOptions.origin,
    apiKey: draft.apiKey,
  };
  try {
    const { memory, origin: _origin, ...sdkOptions } = clientOptions;
    const client = createClient({
      ...CONNECTION_DEFAULTS,
      ...sdkOptions,
      baseUrl: draft.baseUrl,
      apiKey: draft.apiKey,
    });
    const started = performance.now();
    const { response, shape } = await openChatStream({
      client,
      model,
      messages: CONNECTION_MESSAGES,
      schema: CONNECTION_RESPONSE_FORMAT,
      context,
      memory,
    });
    const answer = await readChatStream(response, { context, answerStart: JSON_ANSWER_START });
    const latencyMs = Math.round(performance.now() - started);
    return {
      ok: true,
      model,
      latencyMs,
      reply: answer.text.trim().slice(0, 200),
      structured: shape.structured,
      usageReported: answer.usage !== null,
      reasoning: answer.reasoned,
      dropped: droppedFields(initialShape(model, presetForEndpoint(draft.baseUrl)?.quirks), shape),
    };
  } catch (error) {
    return { ok: false, error: toAppError(error, context) };
  }
}

/** The request fields the endpoint refused, as the user may meet them in its documentation. */
function droppedFields(initial: RequestShape, final: RequestShape): string[] {
  const dropped: string[] = [];
  if (initial.streamUsage && !final.streamUsage) dropped.push('stream_options');
  if (initial.structured !== final.structured) {
    dropped.push(final.structured === 'prompt' ? 'response_format' : `response_format ${initial.structured}`);
  }
  if (initial.temperature && !final.temperature) dropped.push('temperature');
  return dropped;
}

/** The endpoint's models (GET /models), sorted by id. Never throws. */
export async function listModels(
  draft: Omit<EndpointDraft, 'model'>,
  clientOptions: ConnectionClientOptions = {},
): Promise<ModelListResult> {
  try {
    const { memory: _memory, origin: _origin, ...sdkOptions } = clientOptions;
    const client = createClient({
      ...CONNECTION_DEFAULTS,
      ...sdkOptions,
      baseUrl: draft.baseUrl,
      apiKey: draft.apiKey,
    });
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    return { ok: true, models: [...new Set(ids)].sort((left, right) => left.localeCompare(right)) };
  } catch (error) {
    const appError: AppError = toAppError(error, {
      host: endpointHost(draft.baseUrl),
      model: '',
      origin: clientOptions.origin,
      apiKey: draft.apiKey,
    });
    return { ok: false, error: appError };
  }
}
