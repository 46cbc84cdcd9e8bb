import type { ErrorResponse } from '@/lib/llm/describe-error-response';
import { isRecord } from '@/lib/llm/error-body-words';

/**
 * Optional request fields an endpoint may refuse while the request works without them, in the
 * names of the chat completions API. Only these are reported: a field the request cannot do
 * without (`model`, `messages`) is no refusal to work around.
 */
export const REFUSABLE_REQUEST_FIELDS = [
  'stream_options',
  'response_format',
  'max_completion_tokens',
  'max_tokens',
  'temperature',
  'top_p',
  'seed',
  'reasoning_effort',
  'parallel_tool_calls',
  'frequency_penalty',
  'presence_penalty',
  'logprobs',
  'top_logprobs',
] as const;

export type RefusableRequestField = (typeof REFUSABLE_REQUEST_FIELDS)[number];

/** Words in a message that stand for a field: `include_usage` is part of stream_options, `json_schema` a response_format. */
const ALIASES: [RegExp, RefusableRequestField][] = [
  [/(?<![\w.])include_usage(?!\w)/i, 'stream_options'],
  [
    /(?<![\w.])(json_schema|json_object|guided_json)(?!\w)|\bstructured outputs?\b|\bresponse format\b|\bgrammar\b/i,
    'response_format',
  ],
];

/**
 * A message that says a field was refused, as servers word it; a field merely named is not enough.
 * "must be" is LM Studio's ("'response_format.type' must be 'json_schema' or 'text'").
 */
const REFUSAL =
  /not supported|must be|unsupported|does not support|doesn't support|not (?:permitted|allowed|available|recogni[sz]ed|a valid)|unknown (?:name|field|parameter|argument)|unrecogni[sz]ed|extra (?:inputs|fields)|cannot find field|only the default|unexpected (?:keyword|field|argument)|invalid (?:parameter|argument|field)|unavailable/i;

/**
 * A context-length complaint names max_tokens too ("'max_tokens' is too large: 4096. This model's
 * maximum context length is 4096 tokens"): that is the article's length, not a refused field.
 */
export const CONTEXT_TOO_LONG =
  /maximum context length|context length|context window|context size|too many tokens|prompt is too long|input is too long/i;

const MAX_DEPTH = 6;

/**
 * The refusable request fields an error response names, most certain first: a `param` (OpenAI,
 * vLLM), a `loc` (pydantic, also inside a vLLM or Mistral `message` or a Python rendering of one),
 * a Google `fieldViolations[].field`, then the message's words ("Unsupported parameter:
 * 'max_tokens' …", `Unknown name "stream_options"`). Empty when none, or when the complaint is the
 * context length.
 */
export function refusedFieldsIn(response: ErrorResponse): RefusableRequestField[] {
  const params: string[] = [];
  const messages: string[] = [];
  collect(response.body, params, messages, 0);
  if (response.text) messages.push(response.text);
  const allWords = messages.join('\n');
  if (CONTEXT_TOO_LONG.test(allWords)) return [];
  const found: RefusableRequestField[] = [];
  const add = (name: string | undefined) => {
    const field = asRefusable(name);
    if (field && !found.includes(field)) found.push(field);
  };
  for (const param of params) add(param);
  for (const match of allWords.matchAll(/'loc':\s*[([]\s*'body',\s*'(\w+)'/g)) add(match[1]);
  if (REFUSAL.test(allWords)) for (const field of mentionedFields(allWords)) add(field);
  return found;
}

/** Walks the body: `param`, `parameter` and `field` values and `loc` lists into params, every string of words into messages. */
function collect(value: unknown, params: string[], messages: string[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    messages.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collect(item, params, messages, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  for (const key of ['param', 'parameter', 'field']) {
    const param = value[key];
    if (typeof param === 'string') params.push(param);
  }
  if (Array.isArray(value.loc)) {
    const [first, second] = value.loc;
    const name = first === 'body' ? second : first;
    if (typeof name === 'string') params.push(name);
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === 'param' || key === 'parameter' || key === 'field' || key === 'loc' || key === 'input') continue;
    collect(item, params, messages, depth + 1);
  }
}

/** The refusable fields a text mentions, in the order it mentions them. */
function mentionedFields(text: string): RefusableRequestField[] {
  const positions: [number, RefusableRequestField][] = [];
  for (const field of REFUSABLE_REQUEST_FIELDS) {
    const index = text.search(new RegExp(`(?<![\\w.])${field}(?!\\w)`, 'i'));
    if (index !== -1) positions.push([index, field]);
  }
  for (const [pattern, field] of ALIASES) {
    const index = text.search(pattern);
    if (index !== -1) positions.push([index, field]);
  }
  return positions.sort((left, right) => left[0] - right[0]).map(([, field]) => field);
}

/** `response_format.type`, `stream_options.include_usage`, `body.temperature` → the top-level field, when refusable. */
function asRefusable(name: string | undefined): RefusableRequestField | null {
  if (!name) return null;
  const top = name
    .trim()
    .replace(/^body\./, '')
    .split(/[.[]/)[0]
    ?.toLowerCase();
  return REFUSABLE_REQUEST_FIELDS.find((field) => field === top) ?? null;
}
