import { describe, expect, it } from 'vitest';
import { isHtml, readErrorPage } from '@/lib/llm/error-page';

describe('readErrorPage', () => {
  it('takes the heading a person reads, not the error number or the host', () => {
    const page = readErrorPage(
      '<html><head><title>Access denied | api.example.test used Cloudflare to restrict access</title></head><body><h1><span>Error</span><span>1020</span></h1><h2>Access denied</h2><p>Cloudflare Ray ID: <strong>0123456789abcdef</strong></p></body></html>',
      403,
    );
    expect(page).toMatchObject({ phrase: 'Access denied', errorCode: '1020', reference: '0123456789abcdef' });
  });

  it('reads a title of the form "host | 522: Connection timed out" when there is no heading', () => {
    const page = readErrorPage('<title>llm.example.test | 522: Connection timed out</title>', 522);
    expect(page).toMatchObject({ phrase: 'Connection timed out', errorCode: null });
  });

  it('drops the status from "502 Bad Gateway"', () => {
    expect(readErrorPage('<title>502 Bad Gateway</title><h1>502 Bad Gateway</h1>', 502).phrase).toBe('Bad Gateway');
  });

  it('never keeps markup, scripts, styles or comments, and decodes entities', () => {
    const page = readErrorPage(
      '<!-- <h1>hidden</h1> --><style>h1{}</style><script>document.write("<h1>x</h1>")</script><h1>Service &amp; API <b>unavailable</b> &#8212; try later</h1>',
    );
    expect(page.phrase).toBe('Service & API unavailable — try later');
    expect(page.text).not.toMatch(/[<>]/);
  });

  it('gives an empty phrase for a page with nothing to read', () => {
    expect(readErrorPage('<html><body><div></div></body></html>').phrase).toBe('');
  });
});

describe('isHtml', () => {
  it.each([
    ['<html></html>', null, true],
    ['  <!DOCTYPE html><p>x', null, true],
    ['Bad Gateway', 'text/html; charset=utf-8', true],
    ['<title>x</title>', 'text/plain', true],
    ['Internal Server Error', 'text/plain', false],
    ['{"error": "<b>"}', 'application/json', false],
  ])('%j (%s) → %s', (text, contentType, expected) => {
    expect(isHtml(text, contentType)).toBe(expected);
  });
});
