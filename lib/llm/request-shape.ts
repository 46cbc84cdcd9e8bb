/**
 * Which optional request fields a chat request carries. Endpoints differ: strict servers
 * (pydantic `extra="forbid"`) refuse `stream_options`; many local servers and some providers
 * refuse `response_format` of type `json_schema` or `json_object`; OpenAI's reasoning models
 * refuse any `temperature` but the default. A request that is refused for one of them is sent
 * again without it (see open-chat-stream.ts), and the shape that worked is remembered per
 * endpoint and model (request-shape-memory.ts). Kept free of the `openai` SDK.
 */

import type { ErrorResponse } from '@/lib/llm/describe-error-response';
import { CONTEXT_TOO_LONG, refusedFieldsIn } from '@/lib/llm/refused-fields-in';

/** How a structured (JSON) answer is asked for, strongest first; each later one is the fallback of the one before. */
export const STRUCTURED_MODES = ['json_schema', 'json_object', 'prompt'] as const;
export type StructuredMode = (typeof STRUCTURED_MODES)[number];

export interface RequestShape {
  /** `response_format` for requests that want JSON: a strict schema, any JSON object, or the prompt alone. */
  structured: StructuredMode;
  /** `stream_options: { include_usage: true }`: without it most servers report no usage, and costs are estimated. */
  streamUsage: boolean;
  /** `temperature` (a low one, for a faithful translation and stable notes). */
  temperature: boolean;
}

/** The optional fields a shape may drop, as endpoints name them. */
export type RequestField = 'stream_options' | 'response_format' | 'temperature';

/** Low, for faithfulness; not 0, which some servers treat as greedy decoding prone to loops. */
export const REQUEST_TEMPERATURE = 0.2;

/**
 * Model families that accept only the default temperature (OpenAI's reasoning models: "Unsupported
 * value: 'temperature' does not support 0.2 with this model. Only the default (1) value is
 * supported.", https://platform.openai.com/docs/guides/reasoning). Not sending it saves the
 * refused first request; any other model that refuses it is learnt.
 */
const DEFAULT_TEMPERATURE_ONLY = /^(?:o\d|gpt-5)(?![\w.]*-chat)/i;

/** What a provider's preset knows of its API (lib/providers.ts), as far as the request shape goes. */
export interface ShapeQuirks {
  streamOptions: boolean;
  responseFormats: readonly ('json_schema' | 'json_object')[];
  refusedFields: readonly string[];
}

/**
 * The shape a request starts with when nothing has been learnt about this endpoint and model:
 * every optional field, less what the provider's preset knows it refuses.
 */
export function initialShape(model: string, quirks?: ShapeQuirks): RequestShape {
  const name = model.trim().split('/').pop() ?? '';
  const formats = quirks?.responseFormats ?? ['json_schema', 'json_object'];
  return {
    structured: formats.includes('json_schema')
      ? 'json_schema'
      : formats.includes('json_object')
        ? 'json_object'
        : 'prompt',
    streamUsage: (quirks?.streamOptions ?? true) && !quirks?.refusedFields.includes('stream_options'),
    temperature: !DEFAULT_TEMPERATURE_ONLY.test(name) && !quirks?.refusedFields.includes('temperature'),
  };
}

/**
 * The shape to try after `field` was refused, or null when there is nothing left to drop (the
 * refusal is then the answer). Each call drops strictly more, so retries never loop.
 */
export function shapeWithout(shape: RequestShape, field: RequestField): RequestShape | null {
  switch (field) {
    case 'stream_options':
      return shape.streamUsage ? { ...shape, streamUsage: false } : null;
    case 'temperature':
      return shape.temperature ? { ...shape, temperature: false } : null;
    case 'response_format': {
      const next = STRUCTURED_MODES[STRUCTURED_MODES.indexOf(shape.structured) + 1];
      return next ? { ...shape, structured: next } : null;
    }
  }
}

/**
 * The shape without every optional field the request sent: for a refusal that names no field
 * (an empty body, plain text or an HTML page), tried once. Null when nothing would change.
 */
export function plainestShape(shape: RequestShape, structuredRequest: boolean): RequestShape | null {
  const plain: RequestShape = {
    structured: structuredRequest ? 'prompt' : shape.structured,
    streamUsage: false,
    temperature: false,
  };
  return sameShape(plain, shape) ? null : plain;
}

export function sameShape(left: RequestShape, right: RequestShape): boolean {
  return (
    left.structured === right.structured &&
    left.streamUsage === right.streamUsage &&
    left.temperature === right.temperature
  );
}

/**
 * Which optional field of ours a 400/422 refusal is about: the first of `stream_options`,
 * `response_format` or `temperature` among the fields the endpoint's words name (read by
 * refused-fields-in.ts, in any body shape: OpenAI's `param`, pydantic's `loc`, LM Studio's and
 * vLLM's messages). `unnamed` when the body is not OpenAI-shaped and names no field (worth one
 * plain retry); null when the refusal is about something else, or about a field we never send.
 */
export function refusedField(response: ErrorResponse): RequestField | 'unnamed' | null {
  if (response.status !== 400 && response.status !== 422) return null;
  const named = refusedFieldsIn(response);
  if (named.length > 0) return named.find(isRequestField) ?? null;
  // Context-length refusals quote the request's size, never one of these fields: no retry for them.
  const words = `${response.text ?? ''} ${serialise(response.body)}`;
  if (CONTEXT_TOO_LONG.test(words)) return null;
  return isOpenAIShaped(response.body) ? null : 'unnamed';
}

function isRequestField(field: string): field is RequestField {
  return field === 'stream_options' || field === 'response_format' || field === 'temperature';
}

/** `{ error: { message } }` or `{ message }` with words: an endpoint that explains itself. */
function isOpenAIShaped(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const inner: unknown = Reflect.get(body, 'error') ?? body;
  if (typeof inner !== 'object' || inner === null) return false;
  const message: unknown = Reflect.get(inner, 'message');
  return typeof message === 'string' && message.trim() !== '';
}

function serialise(body: unknown): string {
  if (typeof body === 'string') return body;
  try {
    return JSON.stringify(body) ?? '';
  } catch {
    return '';
  }
}
