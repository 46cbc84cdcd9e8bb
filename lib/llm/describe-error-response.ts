import { ANSWERING_SERVERS, type AnsweringServer, answeringServer } from '@/lib/llm/answering-server';
import { bodyWords } from '@/lib/llm/error-body-words';
import { isHtml, readErrorPage } from '@/lib/llm/error-page';
import { refusedFieldsIn } from '@/lib/llm/refused-fields-in';

/** An error response as the SDK hands it over (see describeEndpointError in error-mapping.ts). */
export interface ErrorResponse {
  status: number | undefined;
  /** The parsed JSON body, as the SDK normalises it (`error.error`); undefined when the body was not JSON. */
  body: unknown;
  /** The body's text when it was not JSON ('' when empty); undefined for a JSON body. */
  text: string | undefined;
  headers: Headers | undefined;
}

export interface EndpointErrorDescription {
  /**
   * The endpoint's own words, one line, at most WORDS_LIMIT characters: a JSON body's message, a
   * text body, or for an HTML page its heading or title and error number (`Access denied
   * (Cloudflare error 1010)`), never markup. '' when it said nothing.
   */
  words: string;
  /** What the body was. `html`: a page from a CDN, firewall or proxy rather than the API's own answer. */
  form: 'json' | 'text' | 'html' | 'empty';
  /** The CDN, firewall or web server that answered, when headers or page name one (see answering-server.ts). */
  server: AnsweringServer | null;
  /** The body's code or type (`invalid_api_key`, `INVALID_ARGUMENT`), or the page's error number (`1010`). */
  errorCode: string | null;
  /** A reference for the provider's support: Cloudflare's Ray ID. */
  reference: string | null;
  /** The request field the endpoint refused (see refusedRequestField), on a 400 or 422. */
  refusedField: string | null;
}

export const WORDS_LIMIT = 300;

const MAX_PAGE_CHARACTERS = 200_000;

/**
 * What Cloudflare's 1xxx codes mean, for a body that gives the number alone (Cloudflare answers
 * clients that are not browsers with the text `error code: 1010`). From Cloudflare's
 * "Troubleshooting Cloudflare 1XXX errors" page.
 */
const CLOUDFLARE_CODES: Record<string, string> = {
  '1006': 'Access denied: your IP address has been banned',
  '1007': 'Access denied: your IP address has been banned',
  '1008': 'Access denied: your IP address has been banned',
  '1009': 'Access denied: your country or region has been banned',
  '1010': 'Access denied: the site bans your browser’s signature',
  '1012': 'Access denied',
  '1015': 'You are being rate limited',
  '1020': 'Access denied by a firewall rule',
};

/** The structured reading of an error response in any shape. Pure; never throws. */
export function describeErrorResponse(response: ErrorResponse): EndpointErrorDescription {
  const contentType = response.headers?.get('content-type') ?? null;
  const cloudflareRay = response.headers?.get('cf-ray')?.replace(/-[A-Z]{3}$/, '') ?? null;
  const refusedField =
    response.status === 400 || response.status === 422 ? (refusedFieldsIn(response)[0] ?? null) : null;

  if (response.text === undefined) {
    const { words, errorCode } = bodyWords(response.body);
    return {
      words: shorten(words),
      form: 'json',
      server: answeringServer(response.headers),
      errorCode,
      reference: null,
      refusedField,
    };
  }
  const text = response.text.trim();
  if (!text) {
    return {
      words: '',
      form: 'empty',
      server: answeringServer(response.headers),
      errorCode: null,
      reference: cloudflareRay,
      refusedField,
    };
  }
  if (isHtml(text, contentType)) {
    // Error pages are a few kB; a proxy that relays a whole site's page is read no further than this.
    const page = readErrorPage(text.slice(0, MAX_PAGE_CHARACTERS), response.status);
    const server = answeringServer(response.headers, page.text);
    const challenge = response.headers?.get('cf-mitigated') === 'challenge';
    const errorCode = page.errorCode ?? (challenge ? 'challenge' : null);
    return {
      words: shorten(pageWords(page.phrase, server, errorCode)),
      form: 'html',
      server,
      errorCode,
      reference: page.reference ?? cloudflareRay,
      refusedField,
    };
  }
  const server = answeringServer(response.headers, text);
  const cloudflareCode = server === 'cloudflare' ? (/^error code:\s*(\d{4})$/i.exec(text)?.[1] ?? null) : null;
  const known = cloudflareCode ? CLOUDFLARE_CODES[cloudflareCode] : undefined;
  return {
    words: shorten(known ? pageWords(known, server, cloudflareCode) : text.replace(/\s+/g, ' ')),
    form: 'text',
    server,
    errorCode: cloudflareCode,
    reference: cloudflareRay,
    refusedField,
  };
}

/** `Access denied (Cloudflare error 1010)`, `Bad Gateway (nginx)`, `Just a moment... (Cloudflare challenge)`. */
function pageWords(phrase: string, server: AnsweringServer | null, errorCode: string | null): string {
  const label = server ? ANSWERING_SERVERS[server] : null;
  const code = errorCode === 'challenge' ? 'challenge' : errorCode ? `error ${errorCode}` : null;
  const origin = [label, code].filter(Boolean).join(' ');
  if (!phrase) return origin ? `an error page (${origin})` : 'an error page with no title';
  return origin ? `${phrase} (${origin})` : phrase;
}

/** At most WORDS_LIMIT characters, cut at a word where one is near, with an ellipsis. */
export function shorten(words: string, limit = WORDS_LIMIT): string {
  if (words.length <= limit) return words;
  const cut = words.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > limit * 0.7 ? cut.slice(0, space) : cut}…`;
}
