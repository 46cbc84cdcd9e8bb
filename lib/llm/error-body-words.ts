/**
 * The words of a JSON error body, in whatever shape the server wrote it. Known shapes:
 * - OpenAI and most servers: `{error: {message, type, param, code}}` (the SDK hands over the inner object);
 * - Google's OpenAI-compatible endpoint: an array `[{error: {code, message, status, details}}]`;
 * - FastAPI / pydantic: `{detail: "..."}` or `{detail: [{type, loc, msg}]}`;
 * - vLLM and Mistral: `{object: "error", message, type, param, code}`, where `message` may itself hold
 *   `{detail: [...]}` or a Python rendering of that list;
 * - `{message}`, `{Message}` (API gateways), `{error: "text"}` (xAI, TGI, LM Studio),
 *   `{errors: [{message}]}`, RFC 9457 problem details `{title, detail}`;
 * - OpenRouter's `{message: "Provider returned error", metadata: {raw, provider_name}}`, where the
 *   upstream's own words sit in `raw`.
 */

export interface BodyWords {
  /** One line, whitespace collapsed, not shortened; '' when the body has no words. */
  words: string;
  /** `code`, else `status`, else `type` of the error object: `invalid_api_key`, `INVALID_ARGUMENT`, `extra_forbidden`. */
  errorCode: string | null;
}

export function bodyWords(body: unknown): BodyWords {
  return { words: collapse(wordsOf(body, 0) ?? ''), errorCode: codeOf(body, 0) };
}

/** Nested deeper than this is no error body any server sends; it also bounds hostile input. */
const MAX_DEPTH = 6;

function wordsOf(value: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH) return null;
  if (typeof value === 'string') return stringWords(value, depth);
  if (Array.isArray(value)) {
    const parts = [...new Set(value.map((item) => wordsOf(item, depth + 1)).filter(isWords))];
    return parts.length > 0 ? parts.join('; ') : null;
  }
  if (!isRecord(value)) return null;
  if (Array.isArray(value.detail) && value.detail.some(isValidationItem)) {
    return value.detail.map(validationItemWords).filter(isWords).join('; ') || null;
  }
  const message = firstWords(
    [value.message, value.Message, value.error, value.errors, value.detail, value.msg, value.error_description],
    depth,
  );
  const title = typeof value.title === 'string' && value.title.trim() ? value.title.trim() : null;
  const main = title && message && !message.startsWith(title) ? `${title}: ${message}` : (message ?? title);
  const upstream = upstreamWords(value, depth);
  if (main && upstream && !main.includes(upstream)) return `${main} (${upstream})`;
  return main ?? upstream;
}

/** A string, or JSON written into a string (OpenRouter's `raw`, a proxy relaying an upstream body). */
function stringWords(text: string, depth: number): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (/^[[{]/.test(trimmed)) {
    try {
      return wordsOf(JSON.parse(trimmed), depth + 1) ?? trimmed;
    } catch {
      return trimmed;
    }
  }
  return trimmed;
}

function firstWords(candidates: unknown[], depth: number): string | null {
  for (const candidate of candidates) {
    const words = wordsOf(candidate, depth + 1);
    if (words) return words;
  }
  return null;
}

/** OpenRouter: `metadata.raw` is the upstream provider's body, `metadata.provider_name` who said it. */
function upstreamWords(value: Record<string, unknown>, depth: number): string | null {
  const metadata = value.metadata;
  if (!isRecord(metadata)) return null;
  const raw = wordsOf(metadata.raw, depth + 1);
  if (!raw) return null;
  const provider = typeof metadata.provider_name === 'string' ? metadata.provider_name.trim() : '';
  return provider ? `${provider}: ${raw}` : raw;
}

interface ValidationItem {
  loc?: unknown;
  msg?: unknown;
  type?: unknown;
}

/** One entry of a pydantic `detail` list: `{type: "extra_forbidden", loc: ["body", "stream_options"], msg}`. */
function isValidationItem(value: unknown): value is ValidationItem {
  return isRecord(value) && (typeof value.msg === 'string' || Array.isArray(value.loc));
}

/** `stream_options.include_usage: Extra inputs are not permitted` (the `body` prefix says nothing). */
function validationItemWords(item: unknown): string | null {
  if (!isValidationItem(item)) return typeof item === 'string' ? item : null;
  const place = Array.isArray(item.loc)
    ? item.loc
        .filter((part, index) => !(index === 0 && part === 'body'))
        .map(String)
        .join('.')
    : '';
  const message = typeof item.msg === 'string' ? item.msg : typeof item.type === 'string' ? item.type : '';
  return [place, message].filter(Boolean).join(': ') || null;
}

function codeOf(value: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => codeOf(item, depth + 1)).find((code) => code !== null) ?? null;
  if (!isRecord(value)) return null;
  if (isRecord(value.error) || Array.isArray(value.error)) return codeOf(value.error, depth + 1);
  if (isRecord(value.message)) {
    const inner = codeOf(value.message, depth + 1);
    if (inner) return inner;
  }
  if (Array.isArray(value.detail)) {
    const item = value.detail.find(isValidationItem);
    if (item && typeof item.type === 'string') return item.type;
  }
  for (const candidate of [value.code, value.status, value.type]) {
    if (typeof candidate === 'string' && candidate.trim() && candidate !== 'error') return candidate.trim();
  }
  return typeof value.code === 'number' ? String(value.code) : null;
}

function isWords(value: string | null): value is string {
  return value !== null && value !== '';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
