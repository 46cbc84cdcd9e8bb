import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Usage } from '@/lib/job/job';
import { type ChunkReading, errorWords, readChunk } from '@/lib/llm/chat-chunk';
import { type ErrorContext, toAppError } from '@/lib/llm/error-mapping';
import { LlmError } from '@/lib/llm/llm-error';
import { createThinkingFilter, type ThinkingFilterOptions } from '@/lib/llm/thinking';

export interface ChatStreamResult {
  /** The answer: content of choice 0, parts joined, reasoning removed. */
  text: string;
  /** null when the endpoint reported none (costs are then estimated). */
  usage: Usage | null;
  /** The last finish reason the endpoint gave, or null when it gave none. */
  finishReason: string | null;
  /** Whether the stream ended with `data: [DONE]`. */
  sawDone: boolean;
  /** Whether the model sent reasoning (in any form): it is never part of `text`. */
  reasoned: boolean;
}

export interface ReadChatStreamOptions extends ThinkingFilterOptions {
  signal?: AbortSignal;
  context: ErrorContext;
  /** Each piece of answer as it arrives, with the answer so far. */
  onContent?: (delta: string, text: string) => void;
  /** The model started (true) or stopped (false) reasoning before its answer. */
  onThinking?: (thinking: boolean) => void;
  /**
   * Anything at all arrived: a chunk, reasoning, a keep-alive comment. A reasoning model may send
   * nothing but reasoning for minutes; this is how the caller knows the stream is alive.
   */
  onActivity?: () => void;
}

/**
 * Reads a streamed chat completion from the raw HTTP response (the SDK's `.asResponse()`, so the
 * SDK still owns the request, its headers and its HTTP errors), as servers really write it: SSE
 * with `data:` with or without a space, LF or CRLF, comment and keep-alive lines
 * (`: OPENROUTER PROCESSING`), events split anywhere across network chunks, a usage-only last
 * chunk or none, several choices; or a plain JSON completion from a server that ignored `stream`.
 *
 * How it ends (see https://platform.openai.com/docs/api-reference/chat-streaming):
 * - a finish reason of "stop" (or any other but those below), or none at all (null, "" or
 *   missing, as several local servers send) followed by `data: [DONE]`: a finished answer;
 * - "length": LlmError answer-cut; "content_filter" or a refusal: model-refused;
 * - "error", an `error` event or object, or a chunk without `choices` that names an error:
 *   endpoint-error-mid-answer, with the endpoint's words;
 * - the connection closed or broken before any finish reason and without `[DONE]`:
 *   stream-interrupted; cancelled when the signal aborted.
 * The answer delivered through `onContent` before a failure is the caller's to keep.
 */
export async function readChatStream(response: Response, options: ReadChatStreamOptions): Promise<ChatStreamResult> {
  const state = createStreamState(options);
  const contentType = response.headers.get('content-type') ?? '';
  try {
    if (/json/i.test(contentType) && !/event-stream/i.test(contentType)) {
      // Some servers answer a streamed request with one JSON completion: take it whole.
      state.accept(JSON.parse(await response.text()));
      state.sawDone = true;
    } else {
      await readEvents(response, options.signal, (event) => state.onEvent(event), options.onActivity);
    }
  } catch (error) {
    if (options.signal?.aborted) throw new LlmError({ code: 'cancelled' });
    if (error instanceof LlmError) throw error;
    // A connection that breaks after the answer was complete loses nothing.
    if (!state.finishedCleanly()) {
      throw new LlmError(toAppError(error, { ...options.context, duringStream: true }));
    }
  }
  if (options.signal?.aborted) throw new LlmError({ code: 'cancelled' });
  return state.finish();
}

/** Feeds the body's bytes to the SSE parser until `[DONE]` or the end of the body. */
async function readEvents(
  response: Response,
  signal: AbortSignal | undefined,
  onEvent: (event: EventSourceMessage) => 'done' | 'more',
  onActivity: (() => void) | undefined,
): Promise<void> {
  if (!response.body) throw new LlmError({ code: 'stream-interrupted', detail: 'the answer had no body' });
  let done = false;
  const parser = createParser({
    onEvent: (event) => {
      if (!done && onEvent(event) === 'done') done = true;
    },
    onComment: () => onActivity?.(),
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    while (!done) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      parser.feed(value);
    }
    // An event the server did not end with a blank line is still an event.
    if (!done) parser.reset({ consume: true });
  } finally {
    signal?.removeEventListener('abort', cancel);
    if (done) cancel();
  }
}

function createStreamState(options: ReadChatStreamOptions) {
  const filter = createThinkingFilter({ answerStart: options.answerStart });
  let text = '';
  let refusal = '';
  let finishReason: string | null = null;
  let usage: Usage | null = null;
  let reasoned = false;
  let thinking = false;
  let failure: string | null = null;

  const deliver = (piece: string) => {
    if (!piece) return;
    text += piece;
    options.onContent?.(piece, text);
  };
  const setThinking = (next: boolean) => {
    if (next === thinking) return;
    thinking = next;
    if (next) reasoned = true;
    options.onThinking?.(next);
  };

  const accept = (value: unknown) => {
    const reading: ChunkReading = readChunk(value);
    if (reading.usage) usage = reading.usage;
    if (reading.error) failure = reading.error.message;
    if (reading.reasoning) setThinking(true);
    if (reading.content) {
      const answer = filter.push(reading.content);
      setThinking(filter.thinking || (reading.reasoning !== '' && answer === ''));
      deliver(answer);
    }
    refusal += reading.refusal;
    if (reading.finishReason) finishReason = reading.finishReason;
    if (failure !== null || finishReason === 'error') {
      throw new LlmError({
        code: 'endpoint-error-mid-answer',
        host: options.context.host,
        detail: failure ?? 'the answer ended with finish reason “error”',
      });
    }
  };

  const state = {
    sawDone: false,
    accept,
    onEvent(event: EventSourceMessage): 'done' | 'more' {
      options.onActivity?.();
      const data = event.data.trim();
      if (data === '[DONE]') {
        state.sawDone = true;
        return 'done';
      }
      if (data === '') return 'more';
      let value: unknown;
      try {
        value = JSON.parse(data);
      } catch {
        throw new LlmError({
          code: 'stream-interrupted',
          detail: `the endpoint sent a line that is not JSON: “${data.length > 120 ? `${data.slice(0, 120)}…` : data}”`,
        });
      }
      if (event.event === 'error') {
        throw new LlmError({
          code: 'endpoint-error-mid-answer',
          host: options.context.host,
          detail: errorWords(value),
        });
      }
      accept(value);
      return 'more';
    },
    finishedCleanly: () => finishReason !== null && finishReason !== 'error',
    finish(): ChatStreamResult {
      deliver(filter.flush());
      setThinking(false);
      if (refusal) throw new LlmError({ code: 'model-refused', detail: refusal });
      if (finishReason === 'content_filter') {
        // The endpoint's own words for it: the finish reason.
        throw new LlmError({ code: 'model-refused', detail: 'finish_reason: content_filter' });
      }
      if (finishReason === 'length') {
        throw new LlmError({ code: 'answer-cut', detail: `after ${text.length} characters` });
      }
      if (finishReason === null && !state.sawDone) {
        throw new LlmError({
          code: 'stream-interrupted',
          detail: 'the connection closed before the answer was complete (no finish reason, no [DONE])',
        });
      }
      return { text, usage, finishReason, sawDone: state.sawDone, reasoned };
    },
  };
  return state;
}
