import { describe, expect, it } from 'vitest';
import { bodyWords } from '@/lib/llm/error-body-words';

describe('bodyWords', () => {
  it.each<[string, unknown, string, string | null]>([
    [
      'OpenAI inner object',
      { message: 'Bad key', type: 'invalid_request_error', code: 'invalid_api_key' },
      'Bad key',
      'invalid_api_key',
    ],
    [
      'array of Google errors',
      [{ error: { code: 400, message: 'A' } }, { error: { code: 400, message: 'B' } }],
      'A; B',
      '400',
    ],
    ['FastAPI detail string', { detail: 'Not Found' }, 'Not Found', null],
    [
      'pydantic detail list',
      {
        detail: [{ loc: ['body', 'messages', 0, 'role'], msg: 'Input should be a valid string', type: 'string_type' }],
      },
      'messages.0.role: Input should be a valid string',
      'string_type',
    ],
    [
      'vLLM object error',
      { object: 'error', message: 'boom', type: 'BadRequestError', code: 400 },
      'boom',
      'BadRequestError',
    ],
    ['a string error (xAI, TGI)', 'Input validation error: too long', 'Input validation error: too long', null],
    ['capitalised Message (API gateways)', { Message: 'User is not authorized' }, 'User is not authorized', null],
    ['errors list', { errors: [{ code: 10000, message: 'Authentication error' }] }, 'Authentication error', null],
    [
      'problem details',
      { title: 'Forbidden', detail: 'Key lacks scope', status: 403 },
      'Forbidden: Key lacks scope',
      null,
    ],
    [
      'OpenRouter with the upstream body in raw',
      {
        message: 'Provider returned error',
        code: 429,
        metadata: { raw: '{"error":{"message":"Too busy"}}', provider_name: 'Groq' },
      },
      'Provider returned error (Groq: Too busy)',
      '429',
    ],
    ['whitespace collapsed', { message: '  two\n\nlines  ' }, 'two lines', null],
    ['nothing', {}, '', null],
    ['null', null, '', null],
  ])('%s', (_name, body, words, code) => {
    expect(bodyWords(body)).toEqual({ words, errorCode: code });
  });

  it('stops at absurd depth', () => {
    let deep: unknown = { message: 'bottom' };
    for (let index = 0; index < 50; index++) deep = { error: deep };
    expect(bodyWords(deep).words).toBe('');
  });
});
