import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LlmError } from '@/lib/llm/llm-error';
import { type ChatStreamResult, readChatStream } from '@/lib/llm/read-chat-stream';

/**
 * The same events, however the network cuts them into chunks, wherever keep-alive comments fall,
 * with LF or CRLF line ends, must give the same answer, usage and end state.
 */
const context = { host: 'llm.example.test', model: 'test-model' };

function chunk(delta: Record<string, unknown>, finishReason: string | null): string {
  return JSON.stringify({
    id: 'chatcmpl-p',
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
}

interface Wire {
  events: string[];
  expected: { text: string; usage: ChatStreamResult['usage']; end: string };
}

const answer = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 200 })
  .filter((text) => /^[{[]/.test(text.trim()) === false);

/** An answer split into deltas, ending in one of the ways servers end. */
const wire: fc.Arbitrary<Wire> = fc
  .record({
    pieces: fc.array(answer, { minLength: 1, maxLength: 8 }),
    reasoning: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: null }),
    usage: fc.boolean(),
    ending: fc.constantFrom('stop', 'null-then-done', 'empty-then-done', 'cut', 'length', 'error'),
  })
  .map(({ pieces, reasoning, usage, ending }) => {
    const events: string[] = [chunk({ role: 'assistant', content: '' }, null)];
    if (reasoning) events.push(chunk({ reasoning_content: reasoning }, null));
    const finish = ending === 'empty-then-done' ? '' : null;
    for (const piece of pieces) events.push(chunk({ content: piece }, finish));
    if (ending === 'stop' || ending === 'length') events.push(chunk({}, ending));
    if (ending === 'error') events.push(chunk({}, 'error'));
    const reported = usage && ending !== 'cut';
    if (reported)
      events.push(JSON.stringify({ choices: [], usage: { prompt_tokens: 7, completion_tokens: 9, total_tokens: 16 } }));
    if (ending !== 'cut') events.push('[DONE]');
    const text = pieces.join('');
    const end =
      ending === 'cut'
        ? 'stream-interrupted'
        : ending === 'length'
          ? 'answer-cut'
          : ending === 'error'
            ? 'endpoint-error-mid-answer'
            : 'complete';
    return {
      events,
      expected: {
        text,
        usage: reported ? { promptTokens: 7, completionTokens: 9, totalTokens: 16 } : null,
        end,
      },
    };
  });

/** The SSE bytes, with keep-alive comments before the chosen events, in LF or CRLF. */
function serialise(events: string[], keepAlives: Set<number>, crlf: boolean, noSpace: boolean): string {
  const eol = crlf ? '\r\n' : '\n';
  return events
    .map(
      (data, index) =>
        `${keepAlives.has(index) ? `: keep-alive${eol}${eol}` : ''}data:${noSpace ? '' : ' '}${data}${eol}${eol}`,
    )
    .join('');
}

/** The bytes cut at the given fractions, possibly inside a multi-byte character. */
function cut(bytes: Uint8Array, fractions: number[]): Uint8Array[] {
  const points = [...new Set(fractions.map((fraction) => Math.floor(fraction * bytes.length)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    if (point > start) pieces.push(bytes.slice(start, point));
    start = Math.max(start, point);
  }
  return pieces;
}

async function read(pieces: Uint8Array[]): Promise<{ text: string; usage: ChatStreamResult['usage']; end: string }> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  let streamed = '';
  try {
    const result = await readChatStream(response, { context, onContent: (delta) => (streamed += delta) });
    expect(result.text).toBe(streamed);
    return { text: result.text, usage: result.usage, end: 'complete' };
  } catch (error) {
    if (!(error instanceof LlmError)) throw error;
    return { text: streamed, usage: null, end: error.appError.code };
  }
}

describe('readChatStream, whatever the framing', () => {
  it('gives the same answer, usage and end state for any split, keep-alives and line ends', async () => {
    await fc.assert(
      fc.asyncProperty(
        wire,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        fc.array(fc.nat({ max: 12 }), { maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        async ({ events, expected }, fractions, keepAliveAt, crlf, noSpace) => {
          const bytes = new TextEncoder().encode(serialise(events, new Set(keepAliveAt), crlf, noSpace));
          const result = await read(cut(bytes, fractions));
          expect(result.end).toBe(expected.end);
          // Text that arrived before a failure is kept, whole, as it is before a success.
          expect(result.text).toBe(expected.text);
          if (expected.end === 'complete') expect(result.usage).toEqual(expected.usage);
        },
      ),
      { numRuns: 300 },
    );
  });
});
