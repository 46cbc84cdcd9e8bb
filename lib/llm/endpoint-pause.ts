/**
 * Why a request is waiting before it is sent again, shown to the user ("Paused by the endpoint's
 * rate limit — resuming in 12 s"). Plain data, free of the `openai` SDK, so surfaces can import it.
 */
export interface EndpointPause {
  /** rate-limit: the endpoint answered 429 and every request to it waits; server-error: 5xx or no connection, this request backs off. */
  reason: 'rate-limit' | 'server-error';
  /** `Date.now()` when the request goes out again. */
  until: number;
  /** The attempt that failed (1 for the first). */
  attempt: number;
}
