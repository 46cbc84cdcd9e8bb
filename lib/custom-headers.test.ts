import { describe, expect, it } from 'vitest';
import { formatCustomHeaders, parseCustomHeaders } from '@/lib/custom-headers';
import { useBrowserLocale } from '@/tests/support/browser-i18n';

describe('parseCustomHeaders', () => {
  it('reads one Name: value a line, trimming, skipping blank lines, a repeated name keeping its last value', () => {
    const text = ' HTTP-Referer : https://sourcelens.dev \r\n\n X-Title: Sourcelens\nx-title: Sourcelens 2\nX-Empty:';
    expect(parseCustomHeaders(text)).toEqual({
      ok: true,
      headers: { 'HTTP-Referer': 'https://sourcelens.dev', 'x-title': 'Sourcelens 2', 'X-Empty': '' },
    });
    expect(parseCustomHeaders('')).toEqual({ ok: true, headers: {} });
  });

  it('keeps a colon inside the value', () => {
    expect(parseCustomHeaders('X-Upstream: https://a.example:8443/v1')).toEqual({
      ok: true,
      headers: { 'X-Upstream': 'https://a.example:8443/v1' },
    });
  });

  it.each([
    ['no colon', 'X-Title Sourcelens', 'Line 1: write each header as Name: value.'],
    ['a space in the name', 'X Title: a', 'Line 1: “X Title” is not a header name (letters, digits and - only).'],
    [
      'Authorization',
      '\nauthorization: Bearer x',
      'Line 2: authorization cannot be set here. The API key field sets Authorization: put the key there.',
    ],
    [
      'a header the browser owns',
      'Cookie: a=b',
      'Line 1: Cookie cannot be set here. The browser never sends a Cookie header set by an extension.',
    ],
    [
      'a Sec- header',
      'Sec-Fetch-Site: none',
      'Line 1: Sec-Fetch-Site cannot be set here. The browser never sends a Sec-Fetch-Site header set by an extension.',
    ],
    ['a control character', 'X-A: a\u0000b', 'Line 1: the value of X-A contains a control character.'],
  ])('refuses %s, naming the line', (_, text, error) => {
    expect(parseCustomHeaders(text)).toEqual({ ok: false, error });
  });

  it("says what to change in the interface's language", async () => {
    await useBrowserLocale('de');
    expect(parseCustomHeaders('X-Title: a\nCookie: b')).toEqual({
      ok: false,
      error:
        'Zeile 2: Cookie lässt sich hier nicht setzen. Der Browser sendet keinen Cookie-Header, den eine Erweiterung setzt.',
    });
  });

  it('formats what it parses back into the same headers', () => {
    const headers = { 'HTTP-Referer': 'https://sourcelens.dev', 'X-Title': 'Sourcelens' };
    expect(parseCustomHeaders(formatCustomHeaders(headers))).toEqual({ ok: true, headers });
  });
});
