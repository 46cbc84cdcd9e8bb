import { describe, expect, it } from 'vitest';
import { hostOf } from '@/lib/host-of';

describe('hostOf', () => {
  it('names a URL by its host, port included, and anything else by its own text', () => {
    expect(hostOf('https://www.nytimes.com/2025/02/14/world.html')).toBe('www.nytimes.com');
    expect(hostOf('http://127.0.0.1:9/belarus-deal')).toBe('127.0.0.1:9');
    expect(hostOf('not a url')).toBe('not a url');
    expect(hostOf('mailto:desk@example.com')).toBe('mailto:desk@example.com');
  });
});
