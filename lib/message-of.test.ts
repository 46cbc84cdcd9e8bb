import { describe, expect, it } from 'vitest';
import { messageOf } from '@/lib/message-of';

describe('messageOf', () => {
  it('gives an Error’s message, with the cause fetch hides one level down', () => {
    expect(messageOf(new Error('boom'))).toBe('boom');
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:9');
    expect(messageOf(new TypeError('fetch failed', { cause }))).toBe('fetch failed (connect ECONNREFUSED 127.0.0.1:9)');
    expect(messageOf(new Error('fetch failed: x', { cause: new Error('x') }))).toBe('fetch failed: x');
  });

  it('gives other values in words, never “[object Object]”', () => {
    expect(messageOf('plain words')).toBe('plain words');
    expect(messageOf(undefined)).toBe('');
    expect(messageOf(null)).toBe('');
    expect(messageOf({ message: 'Could not establish connection.' })).toBe('Could not establish connection.');
    expect(messageOf({ code: 42 })).toBe('{"code":42}');
    expect(messageOf(7)).toBe('7');
  });
});
