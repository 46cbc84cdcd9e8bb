import { messageOf } from '@/lib/message-of';

/** Why the extension may not read a tab (lib/article/restricted-url.ts). */
export type RestrictedReason = 'browser-internal' | 'web-store' | 'pdf-viewer' | 'file-access';

/**
 * The one error type of Sourcelens. Plain data, so it survives messaging and storage;
 * every surface renders it through `describeError` (lib/ui/describe-error.ts), which gives
 * each code a message and the next step the user can take.
 */
export type AppError =
  | { code: 'missing-api-key'; host: string }
  | { code: 'missing-model' }
  | { code: 'invalid-settings'; detail: string }
  | { code: 'auth-failed'; status: number; host: string; detail?: string }
  | { code: 'origin-rejected'; host: string; origin: string }
  | { code: 'model-not-found'; model: string; host: string }
  | { code: 'rate-limited'; retryAfterSeconds: number | null; detail?: string }
  | { code: 'context-too-long'; detail?: string }
  | { code: 'endpoint-unreachable'; host: string; detail?: string }
  | { code: 'server-error'; status: number; host: string; detail?: string }
  | { code: 'bad-request'; status: number; detail: string }
  | { code: 'answer-not-understood'; detail: string }
  | { code: 'stream-interrupted'; detail?: string }
  /** An error the endpoint itself reported inside a 200 stream (an error event, `finish_reason: "error"`, an error object without `choices`). */
  | { code: 'endpoint-error-mid-answer'; host: string; detail?: string }
  | { code: 'answer-cut'; detail?: string }
  | { code: 'model-refused'; detail: string }
  | { code: 'not-an-article'; hasSelection: boolean; frameUrl?: string }
  | { code: 'restricted-page'; url: string; reason: RestrictedReason }
  | { code: 'page-access-denied'; url: string }
  | { code: 'extraction-failed'; detail: string }
  | { code: 'cancelled' }
  | { code: 'unknown'; detail: string }
  /**
   * A 403 from a firewall, bot protection or region block in front of the provider (a CDN's page,
   * an empty 403 from a remote host): no key or model problem. `by`: who answered (`Cloudflare`);
   * `reference`: its reference for the provider's support (a Ray ID).
   */
  | { code: 'request-blocked'; status: number; host: string; by?: string; detail?: string; reference?: string }
  /** A gateway's page for a 5xx (Cloudflare 520-524, nginx 502/504): the provider behind it is unreachable or overloaded. */
  | { code: 'gateway-error'; status: number; host: string; by?: string; detail?: string; reference?: string }
  /** The account behind the key has no credit or quota left (402; Anthropic's 400 and OpenAI's 429 that say so). */
  | { code: 'out-of-credit'; status: number; host: string; detail?: string };

export type AppErrorCode = AppError['code'];

/**
 * What nothing more specific explains, in the thrower's words ('' when it had none: the surfaces
 * then say so in the interface's language): the last case of toAppError (lib/llm/error-mapping.ts),
 * and what pages, which do not load the SDK, make of a failed message.
 */
export function unknownError(error: unknown): AppError {
  return { code: 'unknown', detail: messageOf(error) };
}

export function isAppError(value: unknown): value is AppError {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
