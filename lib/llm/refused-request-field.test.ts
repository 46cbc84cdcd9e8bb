import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { refusedRequestField } from '@/lib/llm/error-mapping';

/** The APIError the SDK makes of a JSON body (see makeStatusError in the SDK's client). */
function sdkError(status: number, body: unknown): APIError {
  const wrap = typeof body === 'object' && body !== null && Reflect.get(body, 'error') == null;
  const normalised: Record<string, unknown> | undefined = wrap ? { error: body } : (body as Record<string, unknown>);
  return APIError.generate(status, normalised, undefined, new Headers({ 'content-type': 'application/json' }));
}

/** The APIError the SDK makes of a body that is not JSON. */
function textError(status: number, text: string): APIError {
  return APIError.generate(status, undefined, text, new Headers({ 'content-type': 'text/plain' }));
}

describe('refusedRequestField', () => {
  it.each<[string, unknown, string | null]>([
    ['OpenAI param', { error: { message: 'x', param: 'max_tokens', type: 'invalid_request_error' } }, 'max_tokens'],
    ['OpenAI nested param', { error: { message: 'x', param: 'response_format.type' } }, 'response_format'],
    [
      'OpenAI max_tokens message without a param',
      {
        error: {
          message:
            "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        },
      },
      'max_tokens',
    ],
    [
      'the reverse: a server that does not know max_completion_tokens',
      { error: { message: 'Unrecognized request argument supplied: max_completion_tokens' } },
      'max_completion_tokens',
    ],
    [
      'temperature in words only',
      {
        error: {
          message: 'temperature does not support 0.2 with this model. Only the default (1) value is supported.',
        },
      },
      'temperature',
    ],
    [
      'pydantic loc',
      {
        detail: [
          {
            type: 'extra_forbidden',
            loc: ['body', 'stream_options', 'include_usage'],
            msg: 'Extra inputs are not permitted',
          },
        ],
      },
      'stream_options',
    ],
    [
      'pydantic loc inside a vLLM/Mistral message (case 07)',
      {
        object: 'error',
        message: {
          detail: [
            {
              type: 'extra_forbidden',
              loc: ['body', 'stream_options', 'include_usage'],
              msg: 'Extra inputs are not permitted',
              input: true,
            },
          ],
        },
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
      'stream_options',
    ],
    [
      'a Python rendering of the pydantic list',
      {
        object: 'error',
        message:
          "[{'type': 'extra_forbidden', 'loc': ('body', 'response_format'), 'msg': 'Extra inputs are not permitted'}]",
      },
      'response_format',
    ],
    [
      'Google: Unknown name',
      [
        {
          error: {
            code: 400,
            message: 'Invalid JSON payload received. Unknown name "stream_options": Cannot find field.',
            status: 'INVALID_ARGUMENT',
          },
        },
      ],
      'stream_options',
    ],
    [
      'json_schema named, not response_format',
      { error: { message: 'json_schema is not supported by this server; use json_object' } },
      'response_format',
    ],
    ['include_usage named, not stream_options', { message: 'include_usage is not supported' }, 'stream_options'],
    ['a field the request cannot do without', { error: { message: 'x', param: 'messages' } }, null],
    [
      'a context-length complaint that names max_tokens',
      {
        object: 'error',
        message:
          "'max_tokens' or 'max_completion_tokens' is too large: 4096. This model's maximum context length is 4096 tokens and your request has 300 input tokens (4096 > 4096 - 300).",
      },
      null,
    ],
    ['a field merely named, not refused', { error: { message: 'temperature 0.2 used' } }, null],
    ['no words at all', {}, null],
  ])('%s', (_name, body, field) => {
    expect(refusedRequestField(sdkError(400, body))).toBe(field);
  });

  it('reads 422 too, and a plain-text body', () => {
    expect(refusedRequestField(sdkError(422, { detail: [{ loc: ['body', 'top_p'], msg: 'extra' }] }))).toBe('top_p');
    expect(refusedRequestField(textError(400, "Unknown field 'stream_options'"))).toBe('stream_options');
  });

  it('is null for other statuses and for anything that is no SDK error', () => {
    expect(refusedRequestField(sdkError(500, { error: { message: 'x', param: 'max_tokens' } }))).toBeNull();
    expect(refusedRequestField(sdkError(401, { error: { message: 'x', param: 'temperature' } }))).toBeNull();
    expect(refusedRequestField(new Error("Unsupported parameter: 'max_tokens'"))).toBeNull();
    expect(refusedRequestField(undefined)).toBeNull();
  });
});
