import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '@/lib/sources/fetch-source-html';
import { readSourcePage } from '@/lib/sources/read-source-page';
import { sourceReadProblemText } from '@/lib/sources/source-page-read';
import { loadTestDocument } from '@/tests/support/test-document';

const NYT = 'https://www.nytimes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html';
const standIn = readFileSync(
  join(import.meta.dirname, '../../tests/fixtures/pages/source-nyt-belarus-en/source.html'),
  'utf8',
);
const parse = (html: string) => loadTestDocument(html, 'http://sourcelens-extension.test/offscreen.html');
const now = () => new Date('2026-11-29T12:00:00.000Z');

/** A fetch that answers every request with this response, and records what was asked. */
function answering(body: BodyInit | null, init: ResponseInit & { url?: string } = {}) {
  const requests: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetch = async (input: RequestInfo | URL, requestInit?: RequestInit) => {
    requests.push({ url: String(input), init: requestInit });
    const response = new Response(body, init);
    Object.defineProperty(response, 'url', { value: init.url ?? String(input) });
    return response;
  };
  return { fetch, requests };
}

describe('readSourcePage', () => {
  it('fetches the page without cookies and reads its article', async () => {
    const server = answering(standIn, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    const read = await readSourcePage(NYT, { parse, fetch: server.fetch, now });
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.retrievedAt).toBe('2026-11-29T12:00:00.000Z');
    expect(read.article.paragraphs).toHaveLength(6);
    expect(read.article.url).toBe(NYT);
    expect(server.requests[0]?.init?.credentials).toBe('omit');
  });

  it('reads the page under the address it was redirected to', async () => {
    const moved = 'https://www.nytimes.com/2025/02/15/world/europe/belarus-deal.html';
    const server = answering(standIn, { headers: { 'content-type': 'text/html' }, url: moved });
    const read = await readSourcePage(NYT, { parse, fetch: server.fetch, now });
    expect(read.ok && read.article.url).toBe(moved);
  });

  it('names a refusal, an error page, a non-page, no answer and a bad link, each in the site’s terms', async () => {
    const cases = [
      [answering('no', { status: 403 }), { kind: 'refused', host: 'www.nytimes.com', status: 403 }],
      [answering('gone', { status: 404 }), { kind: 'http-error', host: 'www.nytimes.com', status: 404 }],
      [
        answering('%PDF', { headers: { 'content-type': 'application/pdf' } }),
        { kind: 'not-html', host: 'www.nytimes.com', contentType: 'application/pdf' },
      ],
    ] as const;
    for (const [server, problem] of cases) {
      expect(await readSourcePage(NYT, { parse, fetch: server.fetch })).toEqual({ ok: false, problem });
    }
    const unreachable = await readSourcePage(NYT, {
      parse,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(unreachable).toEqual({
      ok: false,
      problem: { kind: 'unreachable', host: 'www.nytimes.com', detail: 'Failed to fetch' },
    });
    expect(await readSourcePage('javascript:alert(1)', { parse })).toEqual({
      ok: false,
      problem: { kind: 'invalid-url', url: 'javascript:alert(1)' },
    });
  });

  it('says there is no article on a page its scripts build', async () => {
    const shell = '<html><head><title>App</title></head><body><div id="root"></div></body></html>';
    const read = await readSourcePage(NYT, {
      parse,
      fetch: answering(shell, { headers: { 'content-type': 'text/html' } }).fetch,
    });
    expect(read).toEqual({ ok: false, problem: { kind: 'not-an-article', url: NYT } });
    if (!read.ok)
      expect(sourceReadProblemText(read.problem, 'The New York Times')).toContain(
        'Open and read it in a background tab',
      );
  });

  it('refuses a page larger than the limit', async () => {
    const server = answering('x', {
      headers: { 'content-type': 'text/html', 'content-length': String(20 * 1024 * 1024) },
    });
    expect(await readSourcePage(NYT, { parse, fetch: server.fetch })).toMatchObject({
      ok: false,
      problem: { kind: 'too-large' },
    });
  });
});

describe('decode', () => {
  const cyrillic = 'Встреча прошла в Минске.';
  const windows1251 = new Uint8Array(
    [...cyrillic].map((character) => {
      const code = character.charCodeAt(0);
      if (code < 128) return code;
      // Cyrillic А (U+0410) … я (U+044F) sit at 0xC0 … 0xFF in windows-1251.
      return code - 0x0410 + 0xc0;
    }),
  );

  it('decodes by the charset the header names', () => {
    expect(decode(windows1251, 'text/html; charset=windows-1251')).toBe(cyrillic);
  });

  it('decodes by the page’s own meta charset when the header names none', () => {
    const page = new Uint8Array([...new TextEncoder().encode('<meta charset="windows-1251">'), ...windows1251]);
    expect(decode(page, 'text/html')).toBe(`<meta charset="windows-1251">${cyrillic}`);
  });

  it('falls back to UTF-8 for an unknown or missing charset', () => {
    const utf8 = new TextEncoder().encode(cyrillic);
    expect(decode(utf8, 'text/html; charset=made-up')).toBe(cyrillic);
    expect(decode(utf8, '')).toBe(cyrillic);
  });
});
