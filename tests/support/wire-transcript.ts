import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordedRequest, Responder } from '@/tests/support/openai-scenarios';

/**
 * A wire transcript: what one server or gateway sends for one behaviour, status line, headers
 * and body exactly as on the wire, kept under tests/fixtures/wire/<server>/<behaviour>.<ext>.
 * The test server replays it (Scenario kind `wire`). Format:
 *
 *   # Free text: where the behaviour is documented or reported, in our own words.
 *   #! when: streamed | chat | every | has <field> | equals <field>=<json>
 *   #! expect: complete | stream-interrupted | answer-cut | endpoint-error-mid-answer | …
 *   #! usage: reported | none
 *   #! reasoning: yes
 *   #! line-ending: crlf
 *   HTTP 200
 *   content-type: text/event-stream; charset=utf-8
 *
 *   data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}
 *
 *   @answer data: {"choices":[{"index":0,"delta":{"content":$DELTA},"finish_reason":null}]}
 *   @if-usage data: {"choices":[],"usage":{"prompt_tokens":$PROMPT,"completion_tokens":$COMPLETION,"total_tokens":$TOTAL}}
 *   data: [DONE]
 *
 * In the body, `@answer <line>` stands for the whole answer the test server would give this
 * request (the seed article's analysis, translation or both, or the connection test's JSON), cut
 * into pieces of 24 characters, one event per piece with `$DELTA` the piece as a JSON string;
 * `@if-usage <line>` is sent only when the request asked for usage (`stream_options`);
 * `@pause <ms>` waits that long before the next event (a model thinking, a slow provider);
 * `$MODEL` is the requested model, `$PROMPT`, `$COMPLETION` and `$TOTAL` token counts, and
 * `@ANSWER_JSON` the whole answer as a JSON string (for a non-streamed body). Every event is followed by a blank line. Other lines are
 * sent as they are: a JSON or HTML error body, comments, keep-alives.
 */
export interface WireTranscript {
  /** `<server>/<behaviour>`, e.g. `vllm/stream-options-rejected`. */
  name: string;
  file: string;
  /** The `#` lines: where the behaviour comes from. */
  source: string;
  when: WireCondition;
  /** What the reader must get from it (see the corpus test). */
  expect: string;
  usage: 'reported' | 'none' | null;
  reasoning: boolean;
  lineEnding: 'lf' | 'crlf';
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type WireCondition =
  | { kind: 'streamed' }
  | { kind: 'chat' }
  | { kind: 'every' }
  | { kind: 'has'; field: string }
  | { kind: 'equals'; field: string; value: unknown };

export const WIRE_DIRECTORY = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'wire');

export function parseTranscript(text: string, name: string, file = ''): WireTranscript {
  const lines = text.split('\n');
  const source: string[] = [];
  const directives = new Map<string, string>();
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.startsWith('#!')) {
      const [key, ...rest] = line.slice(2).split(':');
      directives.set((key ?? '').trim(), rest.join(':').trim());
    } else if (line.startsWith('#')) source.push(line.slice(1).trim());
    else if (line.trim() !== '') break;
  }
  const statusLine = lines[index++] ?? '';
  const status = Number(statusLine.match(/^HTTP(?:\/[\d.]+)?\s+(\d{3})/)?.[1]);
  if (!Number.isInteger(status)) throw new Error(`${name}: no status line ("HTTP 200") after the comments`);
  const headers: Record<string, string> = {};
  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      index++;
      break;
    }
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`${name}: header line without a colon: ${line}`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const expect = directives.get('expect');
  if (!expect) throw new Error(`${name}: no "#! expect:" line`);
  const usage = directives.get('usage');
  return {
    name,
    file,
    source: source.join(' '),
    when: parseCondition(directives.get('when') ?? 'every', name),
    expect,
    usage: usage === 'reported' || usage === 'none' ? usage : null,
    reasoning: directives.get('reasoning') === 'yes',
    lineEnding: directives.get('line-ending') === 'crlf' ? 'crlf' : 'lf',
    status,
    headers,
    body: lines.slice(index).join('\n'),
  };
}

function parseCondition(text: string, name: string): WireCondition {
  const [kind, ...rest] = text.split(/\s+/);
  const argument = rest.join(' ');
  if (kind === 'streamed' || kind === 'chat' || kind === 'every') return { kind };
  if (kind === 'has' && argument) return { kind, field: argument };
  if (kind === 'equals' && argument.includes('=')) {
    const [field, value] = [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)];
    return { kind, field, value: JSON.parse(value) };
  }
  throw new Error(`${name}: cannot read "#! when: ${text}"`);
}

/** Whether the transcript answers this request (otherwise the server answers as usual). */
export function appliesTo(transcript: WireTranscript, request: RecordedRequest): boolean {
  if (request.method === 'OPTIONS') return false;
  const chat = request.method === 'POST' && request.path.split('?')[0]?.endsWith('/chat/completions');
  const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
  switch (transcript.when.kind) {
    case 'every':
      return true;
    case 'chat':
      return chat === true;
    case 'streamed':
      return chat === true && Reflect.get(body, 'stream') === true;
    case 'has':
      return chat === true && valueAt(body, transcript.when.field) !== undefined;
    case 'equals':
      return (
        chat === true && JSON.stringify(valueAt(body, transcript.when.field)) === JSON.stringify(transcript.when.value)
      );
  }
}

function valueAt(body: object, path: string): unknown {
  let value: unknown = body;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Reflect.get(value, key);
  }
  return value;
}

export interface RenderContext {
  /** The answer the server would give this request. */
  answer: string;
  model: string;
  includeUsage: boolean;
  promptTokens: number;
  completionTokens: number;
}

/**
 * The body as separate writes: one per event (or the whole body when it is not SSE), line ends
 * as the transcript says.
 */
export type WireWrite = string | { pauseMs: number };

export function renderTranscript(transcript: WireTranscript, context: RenderContext): WireWrite[] {
  const substitute = (line: string) =>
    line
      .replaceAll('@ANSWER_JSON', JSON.stringify(context.answer))
      .replaceAll('$MODEL', context.model)
      .replaceAll('$PROMPT', String(context.promptTokens))
      .replaceAll('$COMPLETION', String(context.completionTokens))
      .replaceAll('$TOTAL', String(context.promptTokens + context.completionTokens));
  const eol = transcript.lineEnding === 'crlf' ? '\r\n' : '\n';
  if (!/event-stream/i.test(transcript.headers['content-type'] ?? '')) {
    return [substitute(transcript.body).replace(/\n+$/, '').replaceAll('\n', eol)];
  }
  const writes: WireWrite[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) writes.push(pending.map((line) => line + eol).join('') + eol);
    pending = [];
  };
  for (const line of transcript.body.split('\n')) {
    if (line.startsWith('@answer ')) {
      flush();
      const template = substitute(line.slice('@answer '.length));
      for (const piece of pieces(context.answer, 24))
        writes.push(template.replace('$DELTA', JSON.stringify(piece)) + eol + eol);
    } else if (line.startsWith('@pause ')) {
      flush();
      writes.push({ pauseMs: Number(line.slice('@pause '.length)) });
    } else if (line.startsWith('@if-usage ')) {
      flush();
      if (context.includeUsage) writes.push(substitute(line.slice('@if-usage '.length)) + eol + eol);
    } else if (line.trim() === '') flush();
    else pending.push(substitute(line));
  }
  flush();
  return writes;
}

function pieces(text: string, size: number): string[] {
  const characters = Array.from(text);
  const result: string[] = [];
  for (let start = 0; start < characters.length; start += size)
    result.push(characters.slice(start, start + size).join(''));
  return result;
}

/** Every transcript of the corpus, sorted by name. */
export function loadWireCorpus(directory = WIRE_DIRECTORY): WireTranscript[] {
  const transcripts: WireTranscript[] = [];
  for (const server of readdirSync(directory, { withFileTypes: true })) {
    if (!server.isDirectory()) continue;
    for (const entry of readdirSync(join(directory, server.name))) {
      if (!/\.(sse|json|html|txt)$/.test(entry)) continue;
      const file = join(directory, server.name, entry);
      const text = readFileSync(file, 'utf8');
      // Error fixtures in wire-error-fixtures.ts's format share the folder; transcripts start with their `#` lines.
      if (!text.startsWith('#')) continue;
      const name = `${server.name}/${basename(entry).replace(/\.[^.]+$/, '')}`;
      transcripts.push(parseTranscript(text, name, file));
    }
  }
  return transcripts.sort((left, right) => left.name.localeCompare(right.name));
}

export function loadTranscript(name: string): WireTranscript {
  const found = loadWireCorpus().find((transcript) => transcript.name === name);
  if (!found) throw new Error(`No wire transcript ${name} under ${WIRE_DIRECTORY}`);
  return found;
}

/** A responder that replays `transcript` to the requests it applies to. */
export function replayTranscript(transcript: WireTranscript): Responder {
  return (request) => (appliesTo(transcript, request) ? { kind: 'wire', transcript } : undefined);
}
