import { APIError } from 'openai';
import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { ResponseFormatJSONSchema } from 'openai/resources/shared';
import { presetForEndpoint } from '@/lib/preset-for-endpoint';
import { type ErrorContext, errorResponseOf, toAppError } from '@/lib/llm/error-mapping';
import { LlmError } from '@/lib/llm/llm-error';
import type { PromptMessage } from '@/lib/llm/prompts';
import {
  initialShape,
  plainestShape,
  REQUEST_TEMPERATURE,
  type RequestField,
  type RequestShape,
  refusedField,
  STRUCTURED_MODES,
  type StructuredMode,
  shapeWithout,
} from '@/lib/llm/request-shape';
import type { ShapeMemory } from '@/lib/llm/request-shape-memory';

export interface ChatStreamRequest {
  client: OpenAI;
  model: string;
  messages: PromptMessage[];
  /** The strict schema sent in `json_schema` mode; absent for a free-text answer (a translation). */
  schema?: ResponseFormatJSONSchema;
  signal?: AbortSignal;
  context: ErrorContext;
  /** What was learnt about this endpoint and model; learns from this request too. */
  memory?: ShapeMemory;
  /** Start no stronger than this structured mode (the parts of one job share what the first learnt). */
  startMode?: StructuredMode;
}

export interface OpenedChatStream {
  /** The raw streamed response, for readChatStream. */
  response: Response;
  /** The shape the endpoint accepted. */
  shape: RequestShape;
}

/**
 * Sends one streamed chat request through the SDK (its headers, auth and HTTP errors) and returns
 * the raw response. A 400 or 422 that refuses an optional field (request-shape.ts) is sent once
 * more without it; one that names no field and has no OpenAI-shaped body is sent once more
 * without every optional field. Each retry drops strictly more, so a refusal never loops. The
 * shape that worked is remembered. Throws LlmError with whatever toAppError makes of the last
 * refusal or failure.
 */
export async function openChatStream(request: ChatStreamRequest): Promise<OpenedChatStream> {
  const origin = originOf(request.client.baseURL);
  await request.memory?.ready();
  const remembered = request.memory?.get(origin, request.model);
  const quirks = presetForEndpoint(request.client.baseURL)?.quirks;
  let shape = capStructured(remembered ?? initialShape(request.model, quirks), request.startMode);
  let triedPlainest = false;
  for (;;) {
    try {
      const response = await request.client.chat.completions
        .create(bodyFor(request, shape), { signal: request.signal })
        .asResponse();
      request.memory?.remember(
        origin,
        request.model,
        merged(request.memory.get(origin, request.model), shape, request.schema !== undefined),
      );
      return { response, shape };
    } catch (error) {
      const next = triedPlainest ? null : nextShape(error, shape, request.schema !== undefined);
      if (!next) throw new LlmError(toAppError(error, request.context));
      if (next.plainest) triedPlainest = true;
      shape = next.shape;
    }
  }
}

function nextShape(
  error: unknown,
  shape: RequestShape,
  structured: boolean,
): { shape: RequestShape; plainest: boolean } | null {
  if (!(error instanceof APIError)) return null;
  const field = refusalOf(error);
  if (field === null) return null;
  if (field === 'unnamed') {
    const plain = plainestShape(shape, structured);
    return plain ? { shape: plain, plainest: true } : null;
  }
  // A translation sends no response_format: a refusal naming it is not about this request.
  if (field === 'response_format' && !structured) return null;
  const without = shapeWithout(shape, field);
  return without ? { shape: without, plainest: false } : null;
}

/** Which optional field a refusal is about (request-shape.ts reads the endpoint's words). */
function refusalOf(error: APIError): RequestField | 'unnamed' | null {
  return refusedField(errorResponseOf(error));
}

/** The request body for `shape`. */
export function bodyFor(
  request: Pick<ChatStreamRequest, 'model' | 'messages' | 'schema'>,
  shape: RequestShape,
): ChatCompletionCreateParamsStreaming {
  const structured = request.schema !== undefined;
  return {
    model: request.model,
    messages: request.messages,
    stream: true,
    ...(shape.streamUsage ? { stream_options: { include_usage: true } } : {}),
    ...(shape.temperature ? { temperature: REQUEST_TEMPERATURE } : {}),
    ...(structured && shape.structured === 'json_schema' ? { response_format: request.schema } : {}),
    ...(structured && shape.structured === 'json_object' ? { response_format: { type: 'json_object' as const } } : {}),
  };
}

/**
 * What is known after this request worked, given what other requests learnt meanwhile (a job's
 * analysis and translation run side by side): a field one of them found refused stays dropped, and
 * a free-text request says nothing about structured output.
 */
function merged(known: RequestShape | undefined, shape: RequestShape, structured: boolean): RequestShape {
  if (!known) return shape;
  return {
    structured: structured ? weakerMode(known.structured, shape.structured) : known.structured,
    streamUsage: known.streamUsage && shape.streamUsage,
    temperature: known.temperature && shape.temperature,
  };
}

function weakerMode(left: StructuredMode, right: StructuredMode): StructuredMode {
  return STRUCTURED_MODES[Math.max(STRUCTURED_MODES.indexOf(left), STRUCTURED_MODES.indexOf(right))] ?? left;
}

function capStructured(shape: RequestShape, startMode: StructuredMode | undefined): RequestShape {
  return startMode ? { ...shape, structured: weakerMode(shape.structured, startMode) } : shape;
}

function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}
