import { z } from 'zod';
import type { Usage } from '@/lib/job/job';

/**
 * What one streamed chunk (or one non-streamed completion) of an OpenAI-compatible chat answer
 * says, read tolerantly: real servers differ from OpenAI's documented shape in many small ways,
 * and none of them should cost the reader an answer.
 *
 * - `content` may be a string or an array of typed parts (`{type:"text", text}`, Mistral's
 *   `{type:"thinking", thinking:[{type:"text", text}]}`, Anthropic-style `{type:"thinking", thinking}`).
 * - Reasoning arrives as `reasoning_content` (DeepSeek, vLLM, llama.cpp), `reasoning` (OpenRouter,
 *   Ollama, Groq), `reasoning_details` (OpenRouter), or parts of type `thinking`/`reasoning`.
 * - Errors arrive inside a 200 stream as a top-level `error` (OpenAI, OpenRouter, with
 *   `finish_reason: "error"`), or as an object with no `choices` at all (vLLM's `{object:"error"}`).
 * - `finish_reason` may be null, "" or missing on every chunk (vllm-mlx, some proxies); usage may
 *   come in its own chunk with `choices: []`, on every chunk, under `x_groq`, or not at all.
 * - Several choices may come (n > 1 or a server's quirk): only choice 0 is the answer.
 */
export interface ChunkReading {
  /** Answer text of choice 0 in this chunk, parts joined; may still hold inline reasoning tags. */
  content: string;
  /** Reasoning text of choice 0 in this chunk (never part of the answer). */
  reasoning: string;
  refusal: string;
  /** A finish reason worth the name: null for null, "" or missing. */
  finishReason: string | null;
  usage: Usage | null;
  /** The endpoint's own words when the chunk reports an error. */
  error: { message: string } | null;
}

const UsageSchema = z.looseObject({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
  total_tokens: z.number().nullish(),
});

const PartSchema = z.looseObject({ type: z.string().optional() });

const MessageSchema = z.looseObject({
  content: z.unknown().optional(),
  reasoning_content: z.unknown().optional(),
  reasoning: z.unknown().optional(),
  reasoning_details: z.unknown().optional(),
  thinking: z.unknown().optional(),
  refusal: z.unknown().optional(),
});

const ChoiceSchema = z.looseObject({
  index: z.number().optional(),
  delta: MessageSchema.nullish(),
  message: MessageSchema.nullish(),
  finish_reason: z.unknown().optional(),
});

const ChunkSchema = z.looseObject({
  object: z.unknown().optional(),
  choices: z.array(z.unknown()).nullish(),
  usage: z.unknown().optional(),
  error: z.unknown().optional(),
  message: z.unknown().optional(),
  x_groq: z.looseObject({ usage: z.unknown().optional() }).nullish(),
});

/** Reads one parsed JSON value from the stream (or a whole completion body). Never throws. */
export function readChunk(value: unknown): ChunkReading {
  const reading: ChunkReading = {
    content: '',
    reasoning: '',
    refusal: '',
    finishReason: null,
    usage: null,
    error: null,
  };
  const parsed = ChunkSchema.safeParse(value);
  if (!parsed.success) {
    reading.error = { message: `the endpoint sent ${describeJson(value)} instead of a chat chunk` };
    return reading;
  }
  const chunk = parsed.data;
  reading.usage = toUsage(chunk.usage) ?? toUsage(chunk.x_groq?.usage);
  if (chunk.error !== undefined && chunk.error !== null) {
    reading.error = { message: errorWords(chunk.error) };
  } else if (chunk.object === 'error' || (chunk.choices == null && chunk.message !== undefined)) {
    // vLLM: `{"object":"error","message":"…","type":"BadRequestError","code":400}`, no choices.
    reading.error = { message: errorWords(chunk.message ?? chunk) };
  }
  const choice = firstChoice(chunk.choices ?? []);
  if (!choice) return reading;
  const message = choice.delta ?? choice.message ?? {};
  const content = readContent(message.content);
  reading.content = content.text;
  reading.reasoning = [
    content.reasoning,
    textOf(message.reasoning_content),
    textOf(message.reasoning),
    textOf(message.thinking),
    // OpenRouter sends the same reasoning in `reasoning` and `reasoning_details`: count it once.
    textOf(message.reasoning) || textOf(message.reasoning_content)
      ? ''
      : reasoningDetailsText(message.reasoning_details),
  ].join('');
  reading.refusal = textOf(message.refusal);
  const finishReason = choice.finish_reason;
  reading.finishReason = typeof finishReason === 'string' && finishReason.trim() !== '' ? finishReason : null;
  return reading;
}

/** Choice 0; a chunk whose single choice has no index counts as choice 0. */
function firstChoice(choices: unknown[]): z.infer<typeof ChoiceSchema> | null {
  const parsed = choices
    .map((choice) => ChoiceSchema.safeParse(choice))
    .flatMap((result) => (result.success ? [result.data] : []));
  return (
    parsed.find((choice) => choice.index === 0) ??
    (parsed.length === 1 && parsed[0]?.index === undefined ? (parsed[0] ?? null) : null)
  );
}

/** `content` as a string, or as typed parts: text parts are the answer, thinking parts reasoning, others (images, audio) ignored. */
function readContent(content: unknown): { text: string; reasoning: string } {
  if (typeof content === 'string') return { text: content, reasoning: '' };
  if (!Array.isArray(content)) return { text: '', reasoning: '' };
  let text = '';
  let reasoning = '';
  for (const part of content) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const parsed = PartSchema.safeParse(part);
    if (!parsed.success) continue;
    const { type } = parsed.data;
    if (type === 'text' || type === 'output_text') text += textOf(parsed.data.text);
    else if (type === 'thinking' || type === 'reasoning' || type === 'reasoning_text')
      reasoning += textOf(parsed.data.thinking) || textOf(parsed.data.text) || textOf(parsed.data.reasoning);
  }
  return { text, reasoning };
}

/** A string, or the text inside nested `{type:"text", text}` parts (Mistral's thinking parts). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((part) => textOf(part)).join('');
  if (typeof value === 'object' && value !== null) {
    const text = Reflect.get(value, 'text');
    if (typeof text === 'string') return text;
  }
  return '';
}

/** OpenRouter's `reasoning_details`: `reasoning.text` (text), `reasoning.summary` (summary); encrypted ones carry no text. */
function reasoningDetailsText(details: unknown): string {
  if (!Array.isArray(details)) return '';
  return details
    .map((detail) => {
      if (typeof detail !== 'object' || detail === null) return '';
      const text = Reflect.get(detail, 'text') ?? Reflect.get(detail, 'summary');
      return typeof text === 'string' ? text : '';
    })
    .join('');
}

function toUsage(value: unknown): Usage | null {
  const parsed = UsageSchema.safeParse(value);
  if (!parsed.success) return null;
  const { prompt_tokens: prompt, completion_tokens: completion, total_tokens: total } = parsed.data;
  if (typeof prompt !== 'number' && typeof completion !== 'number') return null;
  const promptTokens = prompt ?? 0;
  const completionTokens = completion ?? 0;
  return { promptTokens, completionTokens, totalTokens: total ?? promptTokens + completionTokens };
}

/** The words of an error value: `{message}`, `{error:{message}}`, `{detail}`, a string, or the JSON itself. */
export function errorWords(value: unknown): string {
  if (typeof value === 'string') return value.trim() || 'no message';
  if (typeof value === 'object' && value !== null) {
    for (const key of ['message', 'error', 'detail', 'msg']) {
      const inner: unknown = Reflect.get(value, key);
      if (inner !== undefined && inner !== null && inner !== '') return errorWords(inner);
    }
    if (Array.isArray(value)) return value.map((item) => errorWords(item)).join('; ');
  }
  return describeJson(value);
}

function describeJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
