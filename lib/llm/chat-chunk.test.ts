import { describe, expect, it } from 'vitest';
import { errorWords, readChunk } from '@/lib/llm/chat-chunk';

const choice = (delta: Record<string, unknown>, finish: unknown = null, index: number | undefined = 0) => ({
  choices: [{ ...(index === undefined ? {} : { index }), delta, finish_reason: finish }],
});

describe('readChunk', () => {
  it('joins text parts and keeps thinking parts apart (Mistral)', () => {
    const reading = readChunk(
      choice({
        content: [
          { type: 'thinking', thinking: [{ type: 'text', text: 'Relay chain first.' }] },
          { type: 'text', text: 'A deal ' },
          { type: 'image_url', image_url: { url: 'https://x.test/a.png' } },
          { type: 'text', text: 'is close.' },
        ],
      }),
    );
    expect(reading).toMatchObject({ content: 'A deal is close.', reasoning: 'Relay chain first.' });
  });

  it.each([
    ['reasoning_content (DeepSeek, vLLM)', { reasoning_content: 'hm' }],
    ['reasoning (Ollama, OpenRouter)', { reasoning: 'hm' }],
    ['reasoning_details alone', { reasoning_details: [{ type: 'reasoning.text', text: 'hm' }] }],
    [
      'reasoning and the same reasoning_details, counted once',
      { reasoning: 'hm', reasoning_details: [{ type: 'reasoning.text', text: 'hm' }] },
    ],
  ])('reads reasoning from %s, never as content', (_case, delta) => {
    expect(readChunk(choice(delta))).toMatchObject({ content: '', reasoning: 'hm' });
  });

  it('treats null, "" and a missing finish reason alike', () => {
    expect(readChunk(choice({ content: 'a' }, null)).finishReason).toBeNull();
    expect(readChunk(choice({ content: 'a' }, '')).finishReason).toBeNull();
    expect(readChunk({ choices: [{ index: 0, delta: { content: 'a' } }] }).finishReason).toBeNull();
    expect(readChunk(choice({}, 'stop')).finishReason).toBe('stop');
  });

  it('reads only choice 0, or a lone choice without an index', () => {
    expect(readChunk({ choices: [{ index: 1, delta: { content: 'other' } }] }).content).toBe('');
    expect(readChunk(choice({ content: 'lone' }, null, undefined)).content).toBe('lone');
  });

  it('finds usage in its own chunk, under x_groq, or nowhere', () => {
    expect(
      readChunk({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } }).usage,
    ).toEqual({
      promptTokens: 3,
      completionTokens: 4,
      totalTokens: 7,
    });
    expect(readChunk({ ...choice({}), x_groq: { usage: { prompt_tokens: 1, completion_tokens: 2 } } }).usage).toEqual({
      promptTokens: 1,
      completionTokens: 2,
      totalTokens: 3,
    });
    expect(readChunk({ ...choice({}), usage: null }).usage).toBeNull();
  });

  it('reads errors in the shapes servers put inside a 200 stream', () => {
    expect(
      readChunk({ error: { code: 502, message: 'Provider returned error' }, ...choice({}, 'error') }).error,
    ).toEqual({
      message: 'Provider returned error',
    });
    expect(
      readChunk({ object: 'error', message: 'Model is overloaded', type: 'ServiceUnavailableError', code: 503 }).error,
    ).toEqual({
      message: 'Model is overloaded',
    });
    expect(readChunk('not an object').error?.message).toMatch(/instead of a chat chunk/);
  });
});

describe('errorWords', () => {
  it('finds the words at any depth, as text', () => {
    expect(errorWords({ error: { message: 'quota' } })).toBe('quota');
    expect(errorWords({ detail: [{ msg: 'Extra inputs are not permitted' }, { msg: 'field required' }] })).toBe(
      'Extra inputs are not permitted; field required',
    );
    expect(errorWords('  ')).toBe('no message');
  });
});
