import { describe, expect, it } from 'vitest';
import { maskSecret, redactKeys } from '@/lib/llm/redact-key';

describe('redactKeys', () => {
  it('cuts a known key down to its last four characters, wherever it appears', () => {
    const key = 'my-gateway-credential-93fz';
    expect(redactKeys(`Key ${key} is not valid for ${key}.`, [key])).toBe('Key …93fz is not valid for …93fz.');
  });

  it('hides a short known key entirely', () => {
    expect(redactKeys('bad key abc123!', ['abc123'])).toBe('bad key …!');
  });

  it.each([
    ['OpenAI project key', 'sk-proj-Xy7aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV3wX4yZ5'],
    ['Anthropic-style key', 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWx-1234'],
    ['OpenRouter key', 'sk-or-v1-0123456789abcdef0123456789abcdef'],
    ['Groq key', 'gsk_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'],
    ['Google key', 'AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q'],
  ])('redacts an unknown %s', (_name, key) => {
    const redacted = redactKeys(`Incorrect API key provided: ${key}. See the docs.`);
    expect(redacted).not.toContain(key.slice(0, -4));
    expect(redacted).toBe(`Incorrect API key provided: …${key.slice(-4)}. See the docs.`);
  });

  it('redacts a long token after "token" or "Bearer", whatever its shape', () => {
    expect(redactKeys('invalid token: 8f14e45fceea167a5a36dedd4bea2543')).toBe('invalid token: …2543');
    expect(redactKeys('Authorization: Bearer abcdefghij0123456789XYZ')).toBe('Authorization: Bearer …9XYZ');
    // The sentence's full stop is not part of the key, nor is it lost.
    expect(redactKeys('Incorrect API key provided: canary-Key-6Hq2-wX9v-Lp31-tR7e.')).toBe(
      'Incorrect API key provided: …tR7e.',
    );
    expect(redactKeys('bad token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl1 here')).toBe(
      'bad token …XJl1 here',
    );
  });

  it("leaves OpenAI's own mask, models, hosts and ordinary words alone", () => {
    for (const text of [
      'Incorrect API key provided: sk-wrong***********abcd. You can find your API key at https://platform.openai.com/account/api-keys.',
      'The model `gpt-4o-mini-2024-07-18` does not exist or you do not have access to it.',
      'Rate limit reached for gpt-4o-mini in organization org-abc on tokens per min (TPM): Limit 200000.',
      'This key is invalid: please check your settings and try again.',
      "This model's maximum context length is 128000 tokens.",
    ]) {
      expect(redactKeys(text)).toBe(text);
    }
  });

  it('masks to at most four characters', () => {
    expect(maskSecret('sk-1234567890abcdef')).toBe('…cdef');
    expect(maskSecret('short')).toBe('…');
  });
});
