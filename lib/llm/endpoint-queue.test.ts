import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EndpointPause } from '@/lib/llm/endpoint-pause';
import { EndpointQueue, type EndpointQueueOptions } from '@/lib/llm/endpoint-queue';

/** A fake endpoint: answers in the order scripted; each 200 answer streams until the test ends it. */
function fakeEndpoint(script: Array<{ status: number; headers?: Record<string, string>; body?: string }>) {
  const sent: Array<{ url: string; end(): void }> = [];
  let open = 0;
  const fetchImplementation: typeof fetch = async (input) => {
    const answer = script.shift() ?? { status: 200 };
    let close: () => void = () => undefined;
    const body =
      answer.status === 200
        ? new ReadableStream<Uint8Array>({
            start(controller) {
              open++;
              controller.enqueue(new TextEncoder().encode('data: {}\n\n'));
              close = () => {
                open--;
                controller.close();
              };
            },
          })
        : (answer.body ?? '{"error":{"message":"limited"}}');
    sent.push({ url: String(input), end: () => close() });
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
  return { fetchImplementation, sent, openStreams: () => open };
}

function queueWith(options: Partial<EndpointQueueOptions> = {}) {
  return new EndpointQueue({ concurrency: 2, random: () => 0.5, baseBackoffMs: 1_000, ...options });
}

/** Lets queued promise callbacks run without moving the fake clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('EndpointQueue', () => {
  it('keeps at most `concurrency` requests in flight, a stream holding its slot until it is read', async () => {
    const endpoint = fakeEndpoint([]);
    const queue = queueWith({ concurrency: 2 });
    const responses = [1, 2, 3, 4].map((index) => queue.fetch(endpoint.fetchImplementation, `/r${index}`));
    await settle();
    expect(endpoint.sent.map((request) => request.url)).toEqual(['/r1', '/r2']);
    expect(queue.queued).toBe(2);

    const first = await responses[0];
    endpoint.sent[0]?.end();
    await first?.text();
    await settle();
    expect(endpoint.sent.map((request) => request.url)).toEqual(['/r1', '/r2', '/r3']);
    expect(queue.running).toBe(2);
  });

  it('pauses the whole endpoint for a 429’s retry-after, then sends the limited request first', async () => {
    const endpoint = fakeEndpoint([{ status: 429, headers: { 'retry-after': '12' } }]);
    const queue = queueWith({ concurrency: 2 });
    const pauses: Array<EndpointPause | null> = [];
    const limited = queue.fetch(
      endpoint.fetchImplementation,
      '/limited',
      {},
      { onPause: (pause) => pauses.push(pause) },
    );
    await settle();
    const later = queue.fetch(endpoint.fetchImplementation, '/later');
    await settle();
    expect(endpoint.sent.map((request) => request.url)).toEqual(['/limited']);
    expect(pauses).toEqual([{ reason: 'rate-limit', until: Date.now() + 12_000, attempt: 1 }]);

    await vi.advanceTimersByTimeAsync(11_900);
    expect(endpoint.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(endpoint.sent.map((request) => request.url)).toEqual(['/limited', '/limited', '/later']);
    expect(pauses.at(-1)).toBeNull();
    expect((await limited).status).toBe(200);
    expect((await later).status).toBe(200);
  });

  it('tells requests queued during a pause that they wait for it', async () => {
    const endpoint = fakeEndpoint([{ status: 429, headers: { 'retry-after': '5' } }]);
    const queue = queueWith({ concurrency: 1 });
    void queue.fetch(endpoint.fetchImplementation, '/first');
    await settle();
    const pauses: Array<EndpointPause | null> = [];
    void queue.fetch(endpoint.fetchImplementation, '/second', {}, { onPause: (pause) => pauses.push(pause) });
    await settle();
    expect(pauses).toEqual([expect.objectContaining({ reason: 'rate-limit', until: Date.now() + 5_000 })]);
  });

  it('backs off exponentially, with jitter, when a 429 has no retry-after', async () => {
    const endpoint = fakeEndpoint([{ status: 429 }, { status: 429 }]);
    const queue = queueWith({ baseBackoffMs: 1_000 });
    const pauses: Array<EndpointPause | null> = [];
    void queue.fetch(endpoint.fetchImplementation, '/r', {}, { onPause: (pause) => pauses.push(pause) });
    await settle();
    // random() = 0.5: half the ceiling plus a quarter, i.e. 750 ms, then 1,500 ms.
    await vi.advanceTimersByTimeAsync(749);
    expect(endpoint.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoint.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_499);
    expect(endpoint.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoint.sent).toHaveLength(3);
    expect(pauses.filter((pause) => pause !== null).map((pause) => pause?.attempt)).toEqual([1, 2]);
  });

  it('hands the 429 on after maxAttempts, so the caller reports the rate limit with its wait', async () => {
    const limited = { status: 429, headers: { 'retry-after': '2' } };
    const endpoint = fakeEndpoint([limited, limited, limited]);
    const queue = queueWith({ maxAttempts: 3 });
    const response = queue.fetch(endpoint.fetchImplementation, '/r');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(endpoint.sent).toHaveLength(3);
    expect((await response).status).toBe(429);
    expect((await response).headers.get('retry-after')).toBe('2');
    await (await response).text();
    expect(queue.running).toBe(0);
  });

  it('does not wait for a retry-after longer than it is worth, nor for an exhausted quota', async () => {
    const endpoint = fakeEndpoint([
      { status: 429, headers: { 'retry-after': '3600' } },
      { status: 429, body: '{"error":{"code":"insufficient_quota","type":"insufficient_quota"}}' },
    ]);
    const queue = queueWith();
    expect((await queue.fetch(endpoint.fetchImplementation, '/hour')).status).toBe(429);
    expect((await queue.fetch(endpoint.fetchImplementation, '/quota')).status).toBe(429);
    expect(endpoint.sent).toHaveLength(2);
  });

  it('backs off a request that got a 5xx, without pausing the others', async () => {
    const endpoint = fakeEndpoint([{ status: 503 }]);
    const queue = queueWith({ concurrency: 2 });
    const pauses: Array<EndpointPause | null> = [];
    const failing = queue.fetch(
      endpoint.fetchImplementation,
      '/overloaded',
      {},
      { onPause: (pause) => pauses.push(pause) },
    );
    await settle();
    void queue.fetch(endpoint.fetchImplementation, '/other');
    await settle();
    expect(endpoint.sent.map((request) => request.url)).toEqual(['/overloaded', '/other']);
    expect(pauses).toEqual([{ reason: 'server-error', until: Date.now() + 750, attempt: 1 }]);
    await vi.advanceTimersByTimeAsync(750);
    expect(endpoint.sent.map((request) => request.url)).toEqual(['/overloaded', '/other', '/overloaded']);
    expect((await failing).status).toBe(200);
  });

  it('retries a failed connection, and passes the error on after maxAttempts', async () => {
    let calls = 0;
    const refusing: typeof fetch = async () => {
      calls++;
      throw new TypeError('fetch failed');
    };
    const queue = queueWith({ maxAttempts: 2 });
    const result = queue.fetch(refusing, '/r').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await result).toBeInstanceOf(TypeError);
    expect(calls).toBe(2);
    expect(queue.running).toBe(0);
  });

  it('drops queued work at once when its signal aborts, and never sends it', async () => {
    const endpoint = fakeEndpoint([]);
    const queue = queueWith({ concurrency: 1 });
    const controller = new AbortController();
    void queue.fetch(endpoint.fetchImplementation, '/running');
    const queued = queue.fetch(endpoint.fetchImplementation, '/queued', { signal: controller.signal });
    const rejection = queued.catch((error: unknown) => error);
    await settle();
    controller.abort();
    expect(await rejection).toMatchObject({ name: 'AbortError' });
    expect(queue.queued).toBe(0);
    endpoint.sent[0]?.end();
    await settle();
    expect(endpoint.sent.map((request) => request.url)).toEqual(['/running']);
  });

  it('drops a request sitting out a pause when its signal aborts', async () => {
    const endpoint = fakeEndpoint([{ status: 429, headers: { 'retry-after': '30' } }]);
    const queue = queueWith();
    const controller = new AbortController();
    const result = queue
      .fetch(endpoint.fetchImplementation, '/r', { signal: controller.signal })
      .catch((error: unknown) => error);
    await settle();
    controller.abort();
    expect(await result).toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(endpoint.sent).toHaveLength(1);
  });

  it('frees the slot of a stream that is aborted mid-way', async () => {
    const endpoint = fakeEndpoint([]);
    const queue = queueWith({ concurrency: 1 });
    const controller = new AbortController();
    await queue.fetch(endpoint.fetchImplementation, '/stream', { signal: controller.signal });
    void queue.fetch(endpoint.fetchImplementation, '/next');
    await settle();
    expect(endpoint.sent).toHaveLength(1);
    controller.abort();
    await settle();
    expect(endpoint.sent.map((request) => request.url)).toEqual(['/stream', '/next']);
  });

  it('aborts the request itself, its stream included, when the caller cancels after the headers came', async () => {
    let sentSignal: AbortSignal | undefined;
    const streaming: typeof fetch = async (_input, init) => {
      sentSignal = init?.signal ?? undefined;
      return new Response(new ReadableStream({ start: () => undefined }), { status: 200 });
    };
    const controller = new AbortController();
    await queueWith().fetch(streaming, '/stream', { signal: controller.signal });
    expect(sentSignal?.aborted).toBe(false);
    controller.abort();
    expect(sentSignal?.aborted).toBe(true);
  });

  it('times out a request whose headers do not come, counting from when it was sent', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const queue = queueWith({ maxAttempts: 1, headersTimeoutMs: 1_000 });
    const result = queue.fetch(hanging, '/r').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(String(await result)).toMatch(/timed out/);
  });
});
