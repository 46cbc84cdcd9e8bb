import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import { type AppError, isAppError } from '../errors';
import { LlmError } from './llm-error';
import { redactKeys } from './redact-key';
import { retryAfterSeconds } from './retry-after';

export { retryAfterSeconds };

export interface ErrorContext {
  /** `endpointHost(baseUrl)`: how messages name the endpoint. */
  host: string;
  model: string;
  /** The extension's origin, for the Ollama advice; defaults to this page's or worker's origin. */
  origin?: string;
  /** Set while reading a stream that had started: a dropped connection then means stream-interrupted. */
  duringStream?: boolean;
  /** The key the request carried, where the caller has it: removed from anything the endpoint says. */
  apiKey?: string;
}

/**
 * The one place SDK and network failures become AppErrors. Never throws. The endpoint's words
 * are kept, but never a key it echoes back (see redact-key.ts).
 */
export function toAppError(error: unknown, context: ErrorContext): AppError {
  return withoutKeys(mapError(error, context), context.apiKey);
}

/** The AppError with its `detail` (the only field holding the endpoint's or the SDK's words) redacted. */
function withoutKeys(appError: AppError, apiKey: string | undefined): AppError {
  if (!('detail' in appError) || typeof appError.detail !== 'string') return appError;
  const detail = redactKeys(appError.detail, apiKey ? [apiKey] : []);
  return detail === appError.detail ? appError : { ...appError, detail };
}

function mapError(error: unknown, context: ErrorContext): AppError {
  if (error instanceof LlmError) return error.appError;
  if (isAppError(error) && !(error instanceof Error)) return error;
  if (error instanceof APIUserAbortError || isAbortError(error)) return { code: 'cancelled' };
  if (error instanceof APIConnectionTimeoutError) {
    return { code: 'endpoint-unreachable', host: context.host, detail: 'no answer before the timeout' };
  }
  if (error instanceof APIConnectionError) {
    return { code: 'endpoint-unreachable', host: context.host, detail: connectionDetail(error) };
  }
  if (error instanceof APIError) return fromStatus(error, context);
  if (context.duringStream || isBrokenStream(error)) {
    return { code: 'stream-interrupted', detail: messageOf(error) };
  }
  return { code: 'unknown', detail: messageOf(error) || 'An unexpected error occurred.' };
}

function fromStatus(error: APIError, context: ErrorContext): AppError {
  const detail = apiMessage(error);
  if (error instanceof PermissionDeniedError && isOriginRejection(error)) {
    return { code: 'origin-rejected', host: context.host, origin: context.origin ?? ownOrigin() };
  }
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return { code: 'auth-failed', status: error.status, host: context.host, detail };
  }
  if (error instanceof NotFoundError) {
    if (isAboutModel(error, context.model))
      return { code: 'model-not-found', model: context.model, host: context.host };
    // A 404 that is not about the model means the path does not exist: usually a Base URL without `/v1`.
    return { code: 'endpoint-unreachable', host: context.host, detail: `HTTP 404${detail ? `: ${detail}` : ''}` };
  }
  if (error instanceof RateLimitError) {
    return { code: 'rate-limited', retryAfterSeconds: retryAfterSeconds(error.headers), detail };
  }
  if (error instanceof BadRequestError || error.status === 413 || error.status === 422) {
    if (isContextTooLong(error)) return { code: 'context-too-long', detail };
    return { code: 'bad-request', status: error.status ?? 400, detail: detail ?? 'no details given' };
  }
  if (error instanceof InternalServerError)
    return { code: 'server-error', status: error.status, host: context.host, detail };
  // No status: an error event inside an SSE stream that had already started.
  if (error.status === undefined) return { code: 'stream-interrupted', detail };
  return { code: 'bad-request', status: error.status, detail: detail ?? `HTTP ${error.status}` };
}

/** Ollama answers a disallowed Origin with 403 and an empty body; others say "origin" or "CORS". */
function isOriginRejection(error: PermissionDeniedError): boolean {
  const message = apiMessage(error);
  return message === undefined || /\b(origin|cors)\b/i.test(message);
}

/** OpenAI says "The model `x` does not exist", Ollama "model \"x\" not found"; an empty 404 on a model request counts too. */
function isAboutModel(error: APIError, model: string): boolean {
  if (error.code === 'model_not_found') return true;
  const message = apiMessage(error);
  if (message === undefined) return model !== '';
  if (/^Invalid URL/i.test(message)) return false;
  return /\bmodel\b/i.test(message) || (model !== '' && message.includes(model));
}

function isContextTooLong(error: APIError): boolean {
  if (error.code === 'context_length_exceeded' || error.status === 413) return true;
  return /maximum context length|context length|context window|too many tokens|prompt is too long/i.test(
    apiMessage(error) ?? '',
  );
}

/** The endpoint's own words: `error.message` of the body, without the SDK's "404 " prefix. */
function apiMessage(error: APIError): string | undefined {
  const body: unknown = error.error;
  if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') {
    return body.message || undefined;
  }
  if (typeof body === 'string' && body.trim()) return body.trim();
  return undefined;
}

function connectionDetail(error: APIConnectionError): string {
  const cause: unknown = error.cause;
  const causeMessage = cause instanceof Error ? (nestedCause(cause) ?? cause.message) : undefined;
  return causeMessage ? `${error.message} ${causeMessage}` : error.message;
}

/** Node's fetch hides the useful part ("connect ECONNREFUSED 127.0.0.1:9") one level down. */
function nestedCause(error: Error): string | undefined {
  const cause: unknown = error.cause;
  return cause instanceof Error ? cause.message : undefined;
}

function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError';
}

/**
 * What fetch throws when the body stops mid-way: "terminated" (Node/undici), "network error"
 * (Chrome), "Error in body stream" (Firefox); and the SDK's error for a malformed SSE line.
 */
function isBrokenStream(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    (error instanceof TypeError &&
      /terminated|network error|body stream|failed to fetch|networkerror/i.test(error.message)) ||
    (error instanceof SyntaxError && /server-sent event/i.test(error.message))
  );
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = nestedCause(error);
    return cause && cause !== error.message ? `${error.message} (${cause})` : error.message;
  }
  return typeof error === 'string' ? error : '';
}

function ownOrigin(): string {
  const location: unknown = Reflect.get(globalThis, 'location');
  if (
    typeof location === 'object' &&
    location !== null &&
    'origin' in location &&
    typeof location.origin === 'string'
  ) {
    return location.origin;
  }
  return 'chrome-extension://<extension id>';
}
