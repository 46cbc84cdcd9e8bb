import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { type AppError, isAppError, unknownError } from '@/lib/errors';
import { messageOf } from '@/lib/message-of';
import { ANSWERING_SERVERS, isFirewallFront } from '@/lib/llm/answering-server';
import {
  describeErrorResponse,
  type EndpointErrorDescription,
  type ErrorResponse,
} from '@/lib/llm/describe-error-response';
import { hostLocality } from '@/lib/llm/endpoint';
import { LlmError } from '@/lib/llm/llm-error';
import { redactKeys } from '@/lib/llm/redact-key';
import { CONTEXT_TOO_LONG, type RefusableRequestField, refusedFieldsIn } from '@/lib/llm/refused-fields-in';
import { retryAfterSeconds } from '@/lib/llm/retry-after';

export type { EndpointErrorDescription } from '@/lib/llm/describe-error-response';
export { REFUSABLE_REQUEST_FIELDS, type RefusableRequestField } from '@/lib/llm/refused-fields-in';
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
  return unknownError(error);
}

function fromStatus(error: APIError, context: ErrorContext): AppError {
  const described = describeEndpointError(error);
  const detail = described.words || undefined;
  const status = error.status;
  // No status: the SDK read an error the endpoint sent inside a 200 stream (`event: error`, or a
  // chunk with an `error` member): the endpoint's own report, not a dropped connection.
  if (status === undefined) return { code: 'endpoint-error-mid-answer', host: context.host, ...present({ detail }) };
  // Who wrote a page or text; a JSON body is the API's own even where a CDN's headers came with it (OpenAI's, behind Cloudflare).
  const by = described.server && described.form !== 'json' ? ANSWERING_SERVERS[described.server] : undefined;
  const fromFront = described.form === 'html' || (described.form === 'text' && isFirewallFront(described.server));
  if (
    status === 402 ||
    (described.form === 'json' && OUT_OF_CREDIT.test(`${described.errorCode ?? ''} ${described.words}`))
  ) {
    return { code: 'out-of-credit', status, host: context.host, ...present({ detail }) };
  }
  if (status === 403) return forbidden(described, context, by, fromFront);
  if (status === 401) return { code: 'auth-failed', status, host: context.host, detail };
  if (status === 404) {
    if (!fromFront && isAboutModel(error, described, context.model))
      return { code: 'model-not-found', model: context.model, host: context.host };
    // A 404 that is not about the model means the path does not exist: usually a Base URL without `/v1`.
    return { code: 'endpoint-unreachable', host: context.host, detail: `HTTP 404${detail ? `: ${detail}` : ''}` };
  }
  if (status === 429) {
    const wait = retryAfterSeconds(error.headers) ?? googleRetryDelay(error.error);
    return { code: 'rate-limited', retryAfterSeconds: wait, detail };
  }
  if (status === 400 || status === 413 || status === 422) {
    if (isContextTooLong(error, described)) return { code: 'context-too-long', detail };
    // Google refuses a region with 400 FAILED_PRECONDITION ("User location is not supported").
    if (REGION_REFUSAL.test(described.words)) {
      return { code: 'request-blocked', status, host: context.host, ...present({ detail }) };
    }
    // Google and xAI answer a wrong key with 400, not 401.
    if (status === 400 && KEY_REJECTED.test(`${described.errorCode ?? ''} ${described.words}`)) {
      return { code: 'auth-failed', status, host: context.host, detail };
    }
    return { code: 'bad-request', status, detail: detail ?? 'no details given' };
  }
  if (status >= 500) {
    // Older llama.cpp servers answer an over-long prompt with 500.
    if (described.form === 'json' && isContextTooLong(error, described)) return { code: 'context-too-long', detail };
    // A page (not the API's JSON) from a gateway in front of the provider: the provider behind it
    // did not answer in time, or not at all (Cloudflare 520-524, nginx 502/504).
    if (fromFront || (described.form !== 'json' && GATEWAY_STATUSES.has(status))) {
      return {
        code: 'gateway-error',
        status,
        host: context.host,
        ...present({ by, detail, reference: described.reference }),
      };
    }
    return { code: 'server-error', status, host: context.host, detail };
  }
  return { code: 'bad-request', status, detail: detail ?? `HTTP ${status}` };
}

/**
 * Google's 429 says how long to wait in its body, not in a header: a `RetryInfo` detail with
 * `retryDelay: "37s"` (google.rpc.RetryInfo, a Duration in its JSON form); null when absent.
 */
function googleRetryDelay(body: unknown): number | null {
  const text = JSON.stringify(body ?? null);
  const match = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(text);
  return match?.[1] ? Number(match[1]) : null;
}

/** Only the fields that have a value: an AppError crosses messaging and storage, where `undefined` keys are noise. */
function present<Fields extends Record<string, string | null | undefined>>(
  fields: Fields,
): { [Key in keyof Fields]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value)) as { [Key in keyof Fields]?: string };
}

/**
 * An account without credit, in the words of those who do not answer 402: OpenAI's 429 with code
 * `insufficient_quota`, Anthropic's 400 "Your credit balance is too low". Not "You exceeded your
 * current quota" alone: Google says that of a per-minute free-tier limit, which waiting does end.
 */
const OUT_OF_CREDIT = /insufficient_quota|credit balance is too low|insufficient (balance|credits?|funds)/i;

/** Google's `API_KEY_INVALID` ("API key not valid"), xAI's "Incorrect API key provided" (sometimes URL-encoded). */
const KEY_REJECTED = /API_KEY_INVALID|API key not valid|Incorrect(?: |%20)API(?: |%20)key|invalid(?: |_)api(?: |_)key/i;

/** Statuses a gateway answers for the server behind it: bad gateway, unavailable, timeout, Cloudflare's 520-527 and 530. */
const GATEWAY_STATUSES = new Set([502, 503, 504, 520, 521, 522, 523, 524, 525, 526, 527, 530]);

/**
 * A 403 has three different causes, told apart by who answered and what it said:
 * - a local server (Ollama) refusing the extension's origin: an empty body, or words naming the origin;
 * - a firewall, bot protection or proxy in front of a provider (a CDN's page, plain text or an
 *   empty body from a remote host, words naming the origin, a region refusal);
 * - otherwise, in the API's own JSON, the key's rights (a project key without access to the model, a disabled key).
 */
function forbidden(
  described: EndpointErrorDescription,
  context: ErrorContext,
  by: string | undefined,
  fromFront: boolean,
): AppError {
  const local = hostLocality(context.host) === 'local';
  const namesOrigin = /\b(origin|cors)\b/i.test(described.words);
  if (local && (described.form === 'empty' || namesOrigin)) {
    return { code: 'origin-rejected', host: context.host, origin: context.origin ?? ownOrigin() };
  }
  const detail = described.words || undefined;
  // Plain text from a remote host is no API's JSON: a proxy or gateway in the way as likely as the key.
  const notTheApi = described.form === 'empty' || described.form === 'text';
  if (fromFront || notTheApi || namesOrigin || REGION_REFUSAL.test(described.words)) {
    const optional = present({ by, detail, reference: described.reference });
    return { code: 'request-blocked', status: 403, host: context.host, ...optional };
  }
  return { code: 'auth-failed', status: 403, host: context.host, detail };
}

/** OpenAI's `unsupported_country_region_territory`, Google's "User location is not supported for the API use". */
const REGION_REFUSAL = /\b(country|region|territory|location)\b.*\bnot supported\b|unsupported_country/i;

/** OpenAI says "The model `x` does not exist", Ollama "model \"x\" not found"; an empty 404 on a model request counts too. */
function isAboutModel(error: APIError, described: EndpointErrorDescription, model: string): boolean {
  // Azure names a model by its deployment.
  if (error.code === 'model_not_found' || /^(model_not_found|DeploymentNotFound)$/.test(described.errorCode ?? '')) {
    return true;
  }
  const message = described.words;
  if (!message) return model !== '';
  if (/^Invalid URL/i.test(message)) return false;
  return /\bmodel\b/i.test(message) || (model !== '' && message.includes(model));
}

function isContextTooLong(error: APIError, described: EndpointErrorDescription): boolean {
  if (/^(context_length_exceeded|exceed_context_size_error)$/.test(described.errorCode ?? '')) return true;
  return error.status === 413 || CONTEXT_TOO_LONG.test(described.words);
}

/**
 * The structured reading of an SDK error in any shape (see describe-error-response.ts). The SDK
 * parses a JSON body and hands over its `error` member, or the whole body when it has none
 * (`error.error`); a body that is not JSON it puts, after the status, into `error.message`.
 */
export function describeEndpointError(error: APIError): EndpointErrorDescription {
  return describeErrorResponse(errorResponseOf(error));
}

/**
 * The refusable request field a 400 or 422 names (`stream_options`, `response_format`,
 * `max_tokens`, `max_completion_tokens`, `temperature` …; see REFUSABLE_REQUEST_FIELDS), from its
 * `param`, a pydantic `loc`, or its words; null for anything else, and for a context-length complaint.
 * Callers retry once without that field.
 */
export function refusedRequestField(error: unknown): RefusableRequestField | null {
  if (!(error instanceof APIError) || (error.status !== 400 && error.status !== 422)) return null;
  return refusedFieldsIn(errorResponseOf(error))[0] ?? null;
}

/** The SDK's APIError as the error readers take it: the parsed body, or the body's text when it was not JSON. */
export function errorResponseOf(error: APIError): ErrorResponse {
  const body: unknown = error.error;
  if (body !== undefined && body !== null) {
    return { status: error.status, body, text: undefined, headers: error.headers };
  }
  const prefix = `${error.status} `;
  const rest = error.status !== undefined && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : '';
  // The SDK's own words for an empty body.
  const text = rest === 'status code (no body)' ? '' : rest;
  return { status: error.status, body: undefined, text, headers: error.headers };
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
