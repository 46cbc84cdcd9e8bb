import type { EndpointPause } from '@/lib/llm/endpoint-pause';
import { retryAfterSeconds } from '@/lib/llm/retry-after';

/** How an EndpointQueue is set up: how many requests at once, and its retries. */
export interface EndpointQueueOptions {
  concurrency: number;
  /** Tries per request, the first included. */
  maxAttempts?: number;
  /** Back-off for the first retry; it doubles with each further one, up to `maxBackoffMs`, with equal jitter. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** A longer `retry-after` (a daily quota) is not waited for: the 429 goes to the caller at once. */
  maxRetryAfterMs?: number;
  /**
   * How long a sent request may wait for the response headers. Counted from when it leaves the
   * queue, not from when it was queued: the SDK's own timeout would also count the wait for a slot.
   */
  headersTimeoutMs?: number;
  random?: () => number;
  now?: () => number;
}

export interface QueuedRequestHooks {
  /**
   * A pause of one request began (with its end) or ended (null). `request` is the same object for
   * every call about one request, so a caller with several requests in the queue can tell them apart.
   */
  onPause?(pause: EndpointPause | null, request: object): void;
}

/** The hooks of one request inside the queue. */
interface RequestHooks {
  onPause?(pause: EndpointPause | null): void;
}

interface Waiter {
  start(): void;
  hooks: RequestHooks | undefined;
  paused: boolean;
}

const DEFAULTS = {
  maxAttempts: 5,
  baseBackoffMs: 1_000,
  maxBackoffMs: 30_000,
  maxRetryAfterMs: 120_000,
  headersTimeoutMs: 120_000,
};

/**
 * One queue per endpoint (origin + key, see endpoint-queue-registry.ts): every request the
 * extension sends there goes through it, whichever tab or part of a job it serves.
 *
 * - At most `concurrency` requests are in flight. A request holds its slot until its answer has
 *   been read to the end (a stream is a request in flight), or until it is cancelled.
 * - A 429 pauses the whole endpoint for its `retry-after` (or an exponential back-off with jitter
 *   when it sends none): requests not yet sent wait, streams already running go on, and the
 *   limited request goes out again first. A 5xx or a failed connection backs off that request
 *   alone. After `maxAttempts` the last answer is handed on as it is, so the caller reports the
 *   rate limit with its wait, or the server error.
 * - The queue owns these retries: clients whose requests go through it are created with the
 *   SDK's own retries off (maxRetries 0, QUEUED_CLIENT_OPTIONS in client.ts), so retries never multiply.
 * - An aborted signal drops the request at once, whether it waits for a slot, sits out a pause,
 *   or is in flight.
 */
export class EndpointQueue {
  concurrency: number;
  private readonly options: Required<Omit<EndpointQueueOptions, 'concurrency'>>;
  private readonly waiting: Waiter[] = [];
  private inFlight = 0;
  private pausedUntil = 0;
  private currentPause: EndpointPause | null = null;
  private resumeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: EndpointQueueOptions) {
    this.concurrency = Math.max(1, options.concurrency);
    this.options = {
      maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
      baseBackoffMs: options.baseBackoffMs ?? DEFAULTS.baseBackoffMs,
      maxBackoffMs: options.maxBackoffMs ?? DEFAULTS.maxBackoffMs,
      maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
      headersTimeoutMs: options.headersTimeoutMs ?? DEFAULTS.headersTimeoutMs,
      random: options.random ?? Math.random,
      now: options.now ?? Date.now,
    };
  }

  /** Requests sent and not yet read to the end. */
  get running(): number {
    return this.inFlight;
  }

  /** Requests waiting for a slot or for a pause to end. */
  get queued(): number {
    return this.waiting.length;
  }

  /** A `fetch` whose every call goes through this queue: what the SDK client of one job part is given. */
  bind(fetchImplementation: typeof fetch, hooks?: QueuedRequestHooks): typeof fetch {
    return (input, init) => this.fetch(fetchImplementation, input, init, hooks);
  }

  async fetch(
    fetchImplementation: typeof fetch,
    input: RequestInfo | URL,
    init?: RequestInit,
    hooks?: QueuedRequestHooks,
  ): Promise<Response> {
    const signal = init?.signal ?? undefined;
    const requestHooks = onlyChanges(hooks);
    for (let attempt = 1; ; attempt++) {
      await this.acquire(signal, requestHooks, attempt > 1);
      let response: Response;
      try {
        response = await this.send(fetchImplementation, input, init);
      } catch (error) {
        this.release();
        if (signal?.aborted || attempt >= this.options.maxAttempts) throw error;
        await this.backOff(attempt, requestHooks, signal);
        continue;
      }
      const wait = await this.retryWait(response, attempt);
      if (wait === null) return this.holdSlotUntilRead(response, signal);
      await response.body?.cancel().catch(() => undefined);
      this.release();
      if (response.status === 429) {
        this.pauseEndpoint({ reason: 'rate-limit', until: this.options.now() + wait, attempt }, requestHooks);
      } else {
        await this.backOff(attempt, requestHooks, signal, wait);
      }
    }
  }

  /** Sends one request, giving up on the headers `headersTimeoutMs` after it left the queue. */
  private async send(fetchImplementation: typeof fetch, input: RequestInfo | URL, init?: RequestInit) {
    const controller = new AbortController();
    const callerSignal = init?.signal ?? undefined;
    const forwardAbort = () => controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) forwardAbort();
    callerSignal?.addEventListener('abort', forwardAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.headersTimeoutMs);
    try {
      // The abort keeps being forwarded after the headers: cancelling must also close a stream
      // that is under way, or its connection stays open (and Chrome opens only six per host).
      return await fetchImplementation(input, { ...init, signal: controller.signal });
    } catch (error) {
      callerSignal?.removeEventListener('abort', forwardAbort);
      // "timed out" in the message is how the SDK tells a timeout from other connection failures.
      if (timedOut)
        throw new Error(`Request timed out: no response headers within ${this.options.headersTimeoutMs} ms`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Milliseconds to wait before trying again, or null when this answer goes to the caller. */
  private async retryWait(response: Response, attempt: number): Promise<number | null> {
    const status = response.status;
    const retryable = status === 429 || status === 408 || status === 409 || status >= 500;
    if (!retryable || attempt >= this.options.maxAttempts) return null;
    // An exhausted quota is a 429 too, but waiting does not help.
    if (status === 429 && (await isQuotaExhausted(response))) return null;
    const stated = retryAfterSeconds(response.headers, this.options.now());
    if (stated === null) return this.backoffMs(attempt);
    const milliseconds = stated * 1000;
    return milliseconds > this.options.maxRetryAfterMs ? null : milliseconds;
  }

  private backoffMs(attempt: number): number {
    const ceiling = Math.min(this.options.maxBackoffMs, this.options.baseBackoffMs * 2 ** (attempt - 1));
    // Equal jitter (half the ceiling fixed, half random; AWS Architecture Blog, "Exponential Backoff
    // and Jitter"): requests of many tabs limited at once do not all come back at the same moment,
    // and none comes back at once.
    return Math.round(ceiling / 2 + (this.options.random() * ceiling) / 2);
  }

  /** This request alone sits out a 5xx or a failed connection; others go on. */
  private async backOff(attempt: number, hooks: RequestHooks | undefined, signal?: AbortSignal, wait?: number) {
    const milliseconds = wait ?? this.backoffMs(attempt);
    hooks?.onPause?.({ reason: 'server-error', until: this.options.now() + milliseconds, attempt });
    await abortableDelay(milliseconds, signal);
  }

  /** Every request not yet sent waits until `pause.until`; the limited one goes first when it ends. */
  private pauseEndpoint(pause: EndpointPause, hooks: RequestHooks | undefined): void {
    this.pausedUntil = Math.max(this.pausedUntil, pause.until);
    const shown = { ...pause, until: this.pausedUntil };
    this.currentPause = shown;
    for (const waiter of this.waiting) {
      waiter.paused = true;
      waiter.hooks?.onPause?.(shown);
    }
    hooks?.onPause?.(shown);
  }

  private acquire(signal: AbortSignal | undefined, hooks: RequestHooks | undefined, first: boolean) {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const onAbort = () => {
        const index = this.waiting.indexOf(waiter);
        if (index !== -1) this.waiting.splice(index, 1);
        reject(abortError(signal));
        this.pump();
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        hooks,
        paused: first,
      };
      // A request that arrives during a pause waits for it too, and says so.
      if (this.currentPause && this.pausedUntil > this.options.now()) {
        waiter.paused = true;
        hooks?.onPause?.(this.currentPause);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      if (first) this.waiting.unshift(waiter);
      else this.waiting.push(waiter);
      this.pump();
    });
  }

  private release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.pump();
  }

  private pump(): void {
    const now = this.options.now();
    if (this.pausedUntil > now) {
      if (this.waiting.length > 0 && this.resumeTimer === null) {
        this.resumeTimer = setTimeout(() => {
          this.resumeTimer = null;
          this.pump();
        }, this.pausedUntil - now);
      }
      return;
    }
    while (this.inFlight < this.concurrency && this.waiting.length > 0) {
      const waiter = this.waiting.shift();
      if (!waiter) break;
      this.inFlight++;
      if (waiter.paused) waiter.hooks?.onPause?.(null);
      waiter.start();
    }
  }

  /** The slot is given back when the body has been read to its end, fails, or is cancelled. */
  private holdSlotUntilRead(response: Response, signal: AbortSignal | undefined): Response {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      signal?.removeEventListener('abort', release);
      this.release();
    };
    if (!response.body) {
      release();
      return response;
    }
    signal?.addEventListener('abort', release, { once: true });
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            release();
            controller.close();
          } else controller.enqueue(value);
        } catch (error) {
          release();
          controller.error(error);
        }
      },
      cancel(reason) {
        release();
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
}

/** The same pause told twice (by the endpoint-wide notice and the request's own) reaches the caller once. */
function onlyChanges(hooks: QueuedRequestHooks | undefined): RequestHooks | undefined {
  const onPause = hooks?.onPause;
  if (!onPause) return undefined;
  const request = {};
  let last: string | undefined;
  return {
    onPause: (pause) => {
      const key = pause ? `${pause.reason}:${pause.until}` : 'none';
      if (key === last) return;
      last = key;
      onPause(pause, request);
    },
  };
}

async function isQuotaExhausted(response: Response): Promise<boolean> {
  try {
    return /insufficient_quota/.test(await response.clone().text());
  } catch {
    return false;
  }
}

function abortableDelay(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What fetch itself throws on abort, so the SDK reports a cancellation as it does for its own requests. */
function abortError(signal: AbortSignal | undefined): unknown {
  const reason: unknown = signal?.reason;
  return reason instanceof Error && reason.name === 'AbortError'
    ? reason
    : new DOMException('This operation was aborted', 'AbortError');
}
