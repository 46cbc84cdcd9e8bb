import { describe, expect, it } from 'vitest';
import { siteDomain } from '@/lib/article/site-domain';

describe('siteDomain', () => {
  it.each([
    ['https://www.nytimes.com/2025/02/14/world/europe/belarus.html', 'nytimes.com'],
    ['http://www2.example.org/a', 'example.org'],
    ['https://Weltblick.Example./international/x', 'weltblick.example'],
    ['http://127.0.0.1:8080/seed-de/', '127.0.0.1'],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(siteDomain(url)).toBe(expected);
  });
});
