import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeErrorResponse, WORDS_LIMIT } from '@/lib/llm/describe-error-response';
import { REFUSABLE_REQUEST_FIELDS } from '@/lib/llm/refused-fields-in';

const statuses = fc.constantFrom(400, 401, 403, 404, 413, 422, 429, 500, 502, 503, 504, 520, 522, 524);
const headers = fc
  .record({
    'content-type': fc.constantFrom('application/json', 'text/html; charset=UTF-8', 'text/plain', ''),
    server: fc.constantFrom('cloudflare', 'nginx/1.25.3', 'envoy', 'uvicorn', ''),
  })
  .map((record) => new Headers(Object.entries(record).filter(([, value]) => value !== '')));

/** Text with no markup characters of its own: whatever `<` reaches the words came from the markup. */
const plainText = fc.string({ unit: 'grapheme', maxLength: 60 }).map((value) => value.replace(/[<>&]/g, ' '));
const tag = fc.constantFrom('title', 'h1', 'h2', 'h3', 'p', 'div', 'span', 'center', 'script', 'style', 'strong');
const element = fc.tuple(tag, plainText).map(([name, text]) => `<${name} class="x">${text}</${name}>`);
const page = fc
  .array(element, { maxLength: 12 })
  .map(
    (elements) =>
      `<!DOCTYPE html><html><head>${elements.slice(0, 3).join('')}</head><body>${elements.join('')}</body></html>`,
  );

describe('describeErrorResponse, for any body', () => {
  it('never throws; its words are one line of at most WORDS_LIMIT characters; a refused field is a known one', () => {
    fc.assert(
      fc.property(statuses, headers, fc.jsonValue({ maxDepth: 5 }), (status, responseHeaders, body) => {
        const described = describeErrorResponse({ status, body, text: undefined, headers: responseHeaders });
        expect(described.words.length).toBeLessThanOrEqual(WORDS_LIMIT);
        expect(described.words).not.toMatch(/\n/);
        expect([null, ...REFUSABLE_REQUEST_FIELDS]).toContain(described.refusedField);
      }),
    );
  });

  it('never passes markup from an HTML page to the reader', () => {
    fc.assert(
      fc.property(statuses, headers, page, (status, responseHeaders, html) => {
        const described = describeErrorResponse({ status, body: undefined, text: html, headers: responseHeaders });
        expect(described.form).toBe('html');
        expect(described.words).not.toMatch(/[<>]/);
        expect(described.words.length).toBeLessThanOrEqual(WORDS_LIMIT);
      }),
    );
  });

  it('keeps plain text as the endpoint wrote it, shortened', () => {
    fc.assert(
      fc.property(
        statuses,
        plainText.filter((text) => text.trim() !== ''),
        (status, text) => {
          const described = describeErrorResponse({
            status,
            body: undefined,
            text,
            headers: new Headers({ 'content-type': 'text/plain' }),
          });
          expect(described.form).toBe('text');
          const collapsed = text.replace(/\s+/g, ' ').trim();
          if (collapsed.length <= WORDS_LIMIT) expect(described.words).toBe(collapsed);
          else expect(described.words.endsWith('…')).toBe(true);
        },
      ),
    );
  });
});
