import { i18n } from '#i18n';

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
 * and the ones Sourcelens sets: accepting them would promise something that is never sent. Each maps
 * to why, in the interface's words (locales/*.yml, `customHeaders.reason`).
 */
const REFUSED = new Map<string, () => string>([
  ['authorization', () => i18n.t('customHeaders.reason.apiKeyField')],
  ['content-type', () => i18n.t('customHeaders.reason.sourcelensSets', { name: 'Content-Type' })],
  ['accept-charset', () => i18n.t('customHeaders.reason.browserNeverSends', { name: 'Accept-Charset' })],
  ['accept-encoding', () => i18n.t('customHeaders.reason.browserSets', { name: 'Accept-Encoding' })],
  ['connection', () => i18n.t('customHeaders.reason.browserSets', { name: 'Connection' })],
  ['content-length', () => i18n.t('customHeaders.reason.browserSets', { name: 'Content-Length' })],
  ['cookie', () => i18n.t('customHeaders.reason.browserNeverSends', { name: 'Cookie' })],
  ['host', () => i18n.t('customHeaders.reason.host')],
  ['origin', () => i18n.t('customHeaders.reason.browserSets', { name: 'Origin' })],
  ['referer', () => i18n.t('customHeaders.reason.referer')],
  ['user-agent', () => i18n.t('customHeaders.reason.browserSets', { name: 'User-Agent' })],
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
    const lineNumber = String(index + 1);
    const colon = line.indexOf(':');
    if (colon < 0) return { ok: false, error: i18n.t('customHeaders.noColon', { line: lineNumber }) };
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!TOKEN.test(name)) {
      return { ok: false, error: i18n.t('customHeaders.notAName', { line: lineNumber, name }) };
    }
    const lower = name.toLowerCase();
    const refused =
      REFUSED.get(lower)?.() ??
      (/^(proxy-|sec-)/.test(lower) ? i18n.t('customHeaders.reason.browserNeverSends', { name }) : null);
    if (refused)
      return { ok: false, error: i18n.t('customHeaders.refused', { line: lineNumber, name, reason: refused }) };
    // Control characters would split the header or be refused by fetch().
    if ([...value].some(isControlCharacter)) {
      return { ok: false, error: i18n.t('customHeaders.controlCharacter', { line: lineNumber, name }) };
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
