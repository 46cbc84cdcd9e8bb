import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { openAIErrorBody, type Scenario, type StreamScenario } from '@/tests/support/openai-scenarios';
import { renderTranscript, type WireTranscript } from '@/tests/support/wire-transcript';

/**
 * Writes scenarios in OpenAI's wire format: the chunk objects, SSE framing, usage chunk and
 * [DONE] of https://platform.openai.com/docs/api-reference/chat/streaming, and the headers the
 * real API sends (x-request-id, openai-*, CORS).
 */
export interface WireContext {
  model: string;
  /** The request asked for `stream_options: { include_usage: true }`. */
  includeUsage: boolean;
  promptTokens: number;
  requestId: string;
  /** Called once, when the first content delta is written. */
  onFirstContent?: () => void;
  /** The answer the server would give this request, for wire transcripts. */
  answer?: string;
}

export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'openai-organization',
  'openai-project',
  'openai-beta',
  'idempotency-key',
  'x-stainless-arch',
  'x-stainless-lang',
  'x-stainless-os',
  'x-stainless-package-version',
  'x-stainless-retry-count',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
  'x-stainless-timeout',
  'x-stainless-helper-method',
  'x-stainless-async',
].join(', ');

const CORS_EXPOSED_HEADERS = [
  'x-request-id',
  'openai-processing-ms',
  'openai-version',
  'retry-after',
  'x-ratelimit-limit-requests',
  'x-ratelimit-remaining-requests',
  'x-ratelimit-reset-requests',
  'x-ratelimit-limit-tokens',
  'x-ratelimit-remaining-tokens',
  'x-ratelimit-reset-tokens',
].join(', ');

export function baseHeaders(requestId: string, cors: boolean): Record<string, string> {
  return {
    'x-request-id': requestId,
    'openai-version': '2020-10-01',
    'openai-organization': 'org-sourcelens-test',
    'openai-processing-ms': String(20 + Math.floor(Math.random() * 200)),
    ...(cors ? { 'access-control-allow-origin': '*', 'access-control-expose-headers': CORS_EXPOSED_HEADERS } : {}),
  };
}

export function writePreflight(response: ServerResponse, requestId: string): void {
  response.writeHead(200, {
    ...baseHeaders(requestId, true),
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': CORS_ALLOWED_HEADERS,
    'access-control-max-age': '7200',
    'content-length': '0',
  });
  response.end();
}

export async function writeScenario(response: ServerResponse, scenario: Scenario, wire: WireContext): Promise<void> {
  switch (scenario.kind) {
    case 'stream':
      return writeStream(response, scenario, wire);
    case 'json':
      return writeJson(response, 200, completionObject(scenario.content, scenario.finishReason ?? 'stop', wire), wire);
    case 'models':
      return writeJson(
        response,
        200,
        {
          object: 'list',
          data: scenario.models.map((id) => ({ id, object: 'model', created: 1715367049, owned_by: 'system' })),
        },
        wire,
      );
    case 'error':
      return writeError(response, scenario, wire);
    case 'hang':
      return;
    case 'wire':
      return writeTranscript(response, scenario.transcript, wire);
  }
}

/** A wire transcript as it is, one write per event, with this request's answer in it. */
async function writeTranscript(response: ServerResponse, transcript: WireTranscript, wire: WireContext): Promise<void> {
  let closed = false;
  response.on('close', () => {
    closed = true;
  });
  const answer = wire.answer ?? '';
  const writes = renderTranscript(transcript, {
    answer,
    model: wire.model,
    includeUsage: wire.includeUsage,
    promptTokens: wire.promptTokens,
    completionTokens: estimateTokens(answer),
  });
  const headers = { ...baseHeaders(wire.requestId, true), ...transcript.headers };
  if (!/event-stream/i.test(transcript.headers['content-type'] ?? '')) {
    const text = writes.filter((write) => typeof write === 'string').join('');
    headers['content-length'] = String(Buffer.byteLength(text));
  }
  response.writeHead(transcript.status, headers);
  for (const write of writes) {
    if (closed) return;
    if (typeof write !== 'string') {
      await sleep(write.pauseMs);
      continue;
    }
    response.write(write);
    // Each event on its own, as a server generating them would send it.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!closed) response.end();
}

function writeJson(response: ServerResponse, status: number, body: unknown, wire: WireContext): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...baseHeaders(wire.requestId, true),
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  response.end(text);
}

function writeError(response: ServerResponse, scenario: Extract<Scenario, { kind: 'error' }>, wire: WireContext): void {
  const body = scenario.body ?? openAIErrorBody(`HTTP ${scenario.status}`, 'server_error', null);
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(scenario.status, {
    ...baseHeaders(wire.requestId, scenario.cors ?? true),
    ...(typeof body === 'string' ? {} : { 'content-type': 'application/json' }),
    'content-length': String(Buffer.byteLength(text)),
    ...scenario.headers,
  });
  response.end(text);
}

function completionObject(content: string, finishReason: string, wire: WireContext) {
  return {
    id: completionId(),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: wire.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage: usageObject(wire.promptTokens, estimateTokens(content)),
    service_tier: 'default',
    system_fingerprint: 'fp_5e1f2b3c4d',
  };
}

async function writeStream(response: ServerResponse, scenario: StreamScenario, wire: WireContext): Promise<void> {
  let closed = false;
  response.on('close', () => {
    closed = true;
  });
  if (scenario.headersDelayMs) await sleep(scenario.headersDelayMs);
  if (closed) return;
  response.writeHead(200, {
    ...baseHeaders(wire.requestId, true),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, must-revalidate',
    connection: 'keep-alive',
  });
  const id = completionId();
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Record<string, unknown>, finishReason: string | null) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: wire.model,
    service_tier: 'default',
    system_fingerprint: 'fp_5e1f2b3c4d',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(wire.includeUsage ? { usage: null } : {}),
    obfuscation: randomBytes(4).toString('hex'),
  });
  const send = (data: unknown) => {
    if (!closed) response.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
  };
  let contentStarted = false;
  const sendContent = (piece: string) => {
    if (!contentStarted) {
      contentStarted = true;
      wire.onFirstContent?.();
    }
    send(chunk({ [field]: piece }, null));
  };

  const field = scenario.refusal === undefined ? 'content' : 'refusal';
  const text = scenario.refusal ?? scenario.content;
  send(chunk({ role: 'assistant', content: field === 'content' ? '' : null, refusal: null }, null));
  if (scenario.firstTokenDelayMs) await sleep(scenario.firstTokenDelayMs);

  if (scenario.cutAfterChunks === 0) {
    // Dropped before any content: the connection dies right after the stream opened.
    response.write('', () => response.socket?.destroy());
    return;
  }
  const pieces = scenario.tokensPerSecond
    ? await pacedPieces(
        text,
        scenario.tokensPerSecond,
        (piece) => send(chunk({ [field]: piece }, null)),
        () => closed,
      )
    : splitIntoPieces(text, scenario.chunkSize ?? 24);
  for (const [index, piece] of pieces.entries()) {
    if (closed) return;
    if (index > 0 && scenario.delayMs) await sleep(scenario.delayMs);
    sendContent(piece);
    if (scenario.malformedLineAfter === index + 1)
      send(`{"id":"${id}","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"`);
    if (scenario.cutAfterChunks === index + 1) {
      // Hand what was written to the OS, then drop the connection: no final chunk, no [DONE].
      response.write('', () => response.socket?.destroy());
      return;
    }
    if (scenario.endAfterChunks === index + 1) {
      response.end();
      return;
    }
  }
  send(chunk({}, scenario.finishReason ?? 'stop'));
  if (wire.includeUsage) {
    const { choices: _choices, usage: _usage, ...rest } = chunk({}, null);
    send({ ...rest, choices: [], usage: usageObject(wire.promptTokens, estimateTokens(text)) });
  }
  send('[DONE]');
  if (!closed) response.end();
}

/**
 * Sends the text at `tokensPerSecond` (four characters a token) as it becomes due, every
 * PACING_TICK_MS; returns no pieces left to send.
 */
async function pacedPieces(
  text: string,
  tokensPerSecond: number,
  send: (piece: string) => void,
  isClosed: () => boolean,
): Promise<string[]> {
  const characters = Array.from(text);
  const charactersPerMs = (tokensPerSecond * CHARACTERS_PER_TOKEN) / 1000;
  // The first token is due at once: the time to first token is firstTokenDelayMs, nothing more.
  const start = performance.now() - 1000 / tokensPerSecond;
  let sent = 0;
  while (sent < characters.length && !isClosed()) {
    const due = Math.min(characters.length, Math.floor((performance.now() - start) * charactersPerMs));
    if (due > sent) {
      send(characters.slice(sent, due).join(''));
      sent = due;
    }
    if (sent < characters.length) await sleep(PACING_TICK_MS);
  }
  return [];
}

const PACING_TICK_MS = 5;
export const CHARACTERS_PER_TOKEN = 4;

/** By code points, so no emoji or accented letter is split across deltas. */
function splitIntoPieces(text: string, size: number): string[] {
  const characters = Array.from(text);
  const pieces: string[] = [];
  for (let start = 0; start < characters.length; start += Math.max(1, size)) {
    pieces.push(characters.slice(start, start + Math.max(1, size)).join(''));
  }
  return pieces;
}

function usageObject(promptTokens: number, completionTokens: number) {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** Roughly four characters a token, as OpenAI's rule of thumb for English. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function completionId(): string {
  return `chatcmpl-${randomBytes(22).toString('base64url').slice(0, 29)}`;
}

export function requestId(): string {
  return `req_${randomBytes(16).toString('hex')}`;
}
