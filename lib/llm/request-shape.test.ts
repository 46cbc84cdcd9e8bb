import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '@/lib/providers';
import { initialShape, plainestShape, refusedField, shapeWithout } from '@/lib/llm/request-shape';

describe('refusedField', () => {
  // As error-mapping's errorResponseOf hands it over: a JSON body parsed, any other body as text.
  const refusal = (status: number, body: unknown, text = '') =>
    typeof body === 'string' || body === undefined
      ? refusedField({ status, body: undefined, text: typeof body === 'string' ? body : text, headers: undefined })
      : refusedField({ status, body, text: undefined, headers: undefined });

  it.each([
    [
      'pydantic extra_forbidden, nested under message (field case 07)',
      refusal(422, {
        object: 'error',
        message: {
          detail: [
            {
              type: 'extra_forbidden',
              loc: ['body', 'stream_options', 'include_usage'],
              msg: 'Extra inputs are not permitted',
            },
          ],
        },
      }),
      'stream_options',
    ],
    [
      "OpenAI's unsupported response_format",
      refusal(400, {
        message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
        param: 'response_format',
      }),
      'response_format',
    ],
    [
      "LM Studio's json_object refusal",
      refusal(400, "'response_format.type' must be 'json_schema' or 'text'"),
      'response_format',
    ],
    [
      "OpenAI's reasoning models and temperature",
      refusal(400, {
        message:
          "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
        param: 'temperature',
      }),
      'temperature',
    ],
    ['a plain-text 400 naming the field', refusal(400, undefined, 'unsupported parameter temperature'), 'temperature'],
    ['a bare FastAPI 422', refusal(422, { detail: 'Unprocessable Entity' }), 'unnamed'],
    ['an empty 400', refusal(400, undefined, ''), 'unnamed'],
    [
      'a guided-decoding refusal in words',
      refusal(400, 'guided_json is not supported by this backend'),
      'response_format',
    ],
  ])('%s', (_case, field, expected) => {
    expect(field).toBe(expected);
  });

  it('is null for refusals about something else: a retry would not help', () => {
    expect(refusal(400, { message: "This model's maximum context length is 8192 tokens." })).toBeNull();
    expect(refusal(400, { message: 'Invalid model name' })).toBeNull();
    // A context-length refusal that also quotes the request's fields is still about the length.
    expect(refusal(400, { message: 'prompt is too long; stream_options ignored' })).toBeNull();
    expect(refusal(401, { message: 'temperature' })).toBeNull();
    expect(refusal(500, 'stream_options')).toBeNull();
    // A refused field we never send: retrying without one of ours would change nothing.
    expect(refusal(400, { message: "Unsupported parameter: 'max_tokens'", param: 'max_tokens' })).toBeNull();
  });
});

describe('request shapes', () => {
  it('start with every optional field, but no temperature for models that take only the default', () => {
    expect(initialShape('gpt-4o-mini')).toEqual({ structured: 'json_schema', streamUsage: true, temperature: true });
    for (const model of ['gpt-5-mini', 'o3', 'o4-mini', 'openai/gpt-5'])
      expect(initialShape(model).temperature).toBe(false);
    expect(initialShape('gpt-5-chat-latest').temperature).toBe(true);
  });

  it('start with what the preset of the provider knows it refuses already left out', () => {
    expect(initialShape('mistral-small-latest', PROVIDERS.mistral.quirks)).toMatchObject({ streamUsage: false });
    expect(initialShape('deepseek-chat', PROVIDERS.deepseek.quirks)).toMatchObject({ structured: 'json_object' });
    expect(initialShape('gemini-2.5-flash', PROVIDERS.gemini.quirks).structured).toBe(
      PROVIDERS.gemini.quirks.responseFormats.includes('json_schema') ? 'json_schema' : 'json_object',
    );
    expect(initialShape('gpt-4o-mini', PROVIDERS.openai.quirks)).toEqual(initialShape('gpt-4o-mini'));
  });

  it('drop strictly more at every step, so refusals end', () => {
    let shape = initialShape('gpt-4o-mini');
    const steps: string[] = [];
    for (let next = shapeWithout(shape, 'response_format'); next; next = shapeWithout(shape, 'response_format')) {
      shape = next;
      steps.push(shape.structured);
    }
    expect(steps).toEqual(['json_object', 'prompt']);
    expect(shapeWithout(shape, 'stream_options')).toEqual({ ...shape, streamUsage: false });
    expect(shapeWithout({ ...shape, streamUsage: false }, 'stream_options')).toBeNull();
  });

  it('the plainest shape leaves structured output alone for a free-text request', () => {
    const shape = initialShape('gpt-4o-mini');
    expect(plainestShape(shape, false)).toEqual({ structured: 'json_schema', streamUsage: false, temperature: false });
    expect(plainestShape(shape, true)).toEqual({ structured: 'prompt', streamUsage: false, temperature: false });
    expect(plainestShape({ structured: 'prompt', streamUsage: false, temperature: false }, true)).toBeNull();
  });
});
