/**
 * Custom request headers for an endpoint (a gateway's own key header, OpenRouter's attribution headers
 * `HTTP-Referer` and `X-Title`, a corporate proxy's token), written one `Name: value` a line.
 */
export type CustomHeaders = Record<string, string>;

export type CustomHeadersParse = { ok: true; headers: CustomHeaders } | { ok: false; error: string };

/** RFC 9110 §5.6.2: a field name is a token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Names a browser's fetch() silently drops or sets itself (https://fetch.spec.whatwg.org/#forbidden-request-header),
 * and the ones Sourcelens sets: accepting them would promise something that is never sent.
 */
const REFUSED = new Map<string, string>([
  ['authorization', 'The API key field sets Authorization: put the key there.'],
  ['content-type', 'Sourcelens sets Content-Type itself.'],
  ['accept-charset', 'The browser never sends a custom Accept-Charset.'],
  ['accept-encoding', 'The browser sets Accept-Encoding itself.'],
  ['connection', 'The browser sets Connection itself.'],
  ['content-length', 'The browser sets Content-Length itself.'],
  ['cookie', 'The browser never sends a Cookie header set by an extension.'],
  ['host', 'The browser sets Host from the base URL.'],
  ['origin', 'The browser sets Origin itself.'],
  ['referer', 'The browser sets Referer itself; OpenRouter reads HTTP-Referer.'],
  ['user-agent', 'The browser sets User-Agent itself.'],
]);

/**
 * Parses the Custom headers field: one `Name: value` a line, blank lines ignored. Errors name the line
 * (1-based) and what to change. A name given twice keeps its last value.
 */
export function parseCustomHeaders(text: string): CustomHeadersParse {
  const headers: CustomHeaders = {};
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const where = `Line ${index + 1}`;
    const colon = line.indexOf(':');
    if (colon < 0) return { ok: false, error: `${where}: write each header as Name: value.` };
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!TOKEN.test(name)) {
      return { ok: false, error: `${where}: “${name}” is not a header name (letters, digits and - only).` };
    }
    const lower = name.toLowerCase();
    const refused = REFUSED.get(lower) ?? (/^(proxy-|sec-)/.test(lower) ? 'The browser never sends it.' : null);
    if (refused) return { ok: false, error: `${where}: ${name} cannot be set here. ${refused}` };
    // Control characters would split the header or be refused by fetch().
    if ([...value].some(isControlCharacter)) {
      return { ok: false, error: `${where}: the value of ${name} contains a control character.` };
    }
    for (const existing of Object.keys(headers)) if (existing.toLowerCase() === lower) delete headers[existing];
    headers[name] = value;
  }
  return { ok: true, headers };
}

/** The field's text for stored headers: the inverse of `parseCustomHeaders`. */
export function formatCustomHeaders(headers: CustomHeaders): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

/** C0 controls but tab, and DEL: never allowed in a field value (RFC 9110 §5.5). */
function isControlCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}
