/**
 * Sourcelens's own OpenAI-compatible server for unit tests, browser tests and the benchmark.
 *
 *   const server = await startOpenAITestServer({ apiKey: 'sk-test' });
 *   // Base URL setting: server.url (http://127.0.0.1:<port>/v1)
 *   server.setResponder((request) => request.method === 'POST' ? rateLimitError({ retryAfterSeconds: 5 }) : undefined);
 *   …
 *   await server.close();
 *
 * Without a responder it checks the key (when `apiKey` is set) and the model, lists `models`,
 * and streams the seed article's fixtures: tests/fixtures/llm/seed-analysis.json to the analysis
 * request and seed-translation.md to the translation request (told apart by PROMPT_MARKERS); a
 * translation request for part of an article gets the matching paragraphs (see seedTranslationFor).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import {
  invalidApiKeyError,
  missingApiKeyError,
  modelNotFoundError,
  ollamaOriginRejected,
  openAIErrorBody,
  type RecordedRequest,
  type Responder,
  type Scenario,
} from '@/tests/support/openai-scenarios';
import { estimateTokens, requestId, writePreflight, writeScenario } from '@/tests/support/openai-wire';
import { CONNECTION_TEST_MARKER } from '@/lib/llm/prompts';
import { seedAnalysisFor } from '@/tests/support/seed-analysis-for';
import { selfSignedCertificate } from '@/tests/support/self-signed-certificate';
import { combinedAnswer, messagesText, requestPurpose, seedTranslationFor } from '@/tests/support/seed-fixtures';
import { SOURCE_CHECK_MARKER } from '@/lib/sources/source-check-prompt';
import { seedSourceCheckAnswer } from '@/tests/support/source-check-scenario';

export * from '@/tests/support/openai-scenarios';

export interface OpenAITestServerOptions {
  /** When set, requests must carry `Authorization: Bearer <apiKey>` (401 as OpenAI words it otherwise). */
  apiKey?: string | null;
  /** What GET /v1/models lists and which models chat requests may name (404 otherwise). */
  models?: string[];
  /**
   * Sees every request first (preflights included) and decides the answer; returning undefined
   * leaves that request to the default behaviour.
   */
  respond?: Responder;
  /**
   * Emulates Ollama's OLLAMA_ORIGINS: a request whose Origin matches none of these patterns
   * (`*` is a wildcard, e.g. `chrome-extension://*`) gets 403 with an empty body and no CORS
   * headers. Requests without an Origin always pass. Default: every origin passes.
   */
  allowedOrigins?: string[];
  /**
   * Streams answered at once, like a server with that many parallel slots (vLLM, Ollama's
   * OLLAMA_NUM_PARALLEL): a further stream waits, headers unsent, until one ends. Default: no limit.
   */
  maxConcurrentStreams?: number;
  /**
   * Serve https with a self-signed certificate for this host name, to stand for a remote https
   * endpoint mapped to 127.0.0.1 (the browser then ignores certificate errors). Default: http.
   */
  tlsHostname?: string;
  /** How the default seed answers stream: characters per delta (default 24) and pause between deltas (default 0). */
  fixtureChunkSize?: number;
  fixtureDelayMs?: number;
}

export interface OpenAITestServer {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:41234/v1`: what goes into the Base URL setting. */
  url: string;
  /** Every request received, in order, preflights included. */
  requests: RecordedRequest[];
  /** null or undefined: back to the default behaviour. */
  setResponder(responder: Responder | null | undefined): void;
  close(): Promise<void>;
}

export const DEFAULT_TEST_MODELS = ['gpt-4o-mini', 'gpt-4o', 'llama3.1'];

/** A local server speaking OpenAI's wire format on 127.0.0.1 and a random port. */
export async function startOpenAITestServer(options: OpenAITestServerOptions = {}): Promise<OpenAITestServer> {
  const requests: RecordedRequest[] = [];
  let responder = options.respond;
  const streamSlots = createSlots(options.maxConcurrentStreams ?? Number.POSITIVE_INFINITY);

  const listener = (incoming: IncomingMessage, response: ServerResponse) => {
    handle(incoming, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify(openAIErrorBody(`Test server failure: ${String(error)}`, 'server_error', null)));
      }
    });
  };
  const server = options.tlsHostname
    ? createTlsServer(selfSignedCertificate(options.tlsHostname), listener)
    : createServer(listener);
  // Node closes an idle keep-alive connection after 5 s, and a client that reuses it at that moment
  // gets ECONNRESET (seen in unit tests on a loaded 2-core machine, where a test can sit idle that
  // long between two requests). Real endpoints keep connections far longer; so does this one.
  server.keepAliveTimeout = 120_000;

  const handle = async (incoming: IncomingMessage, response: ServerResponse) => {
    const arrivedAt = Date.now();
    const request: RecordedRequest = { ...(await record(incoming)), arrivedAt };
    requests.push(request);
    response.on('close', () => {
      if (!response.writableFinished) request.clientClosedAt = Date.now();
    });
    const id = requestId();
    const scenario = (await responder?.(request)) ?? defaultScenario(request, options);
    if (scenario === 'preflight') return writePreflight(response, id);
    const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
    if (scenario.kind === 'stream' && !(await streamSlots.acquire(response))) return;
    await writeScenario(response, scenario, {
      model: typeof Reflect.get(body, 'model') === 'string' ? String(Reflect.get(body, 'model')) : 'unknown',
      includeUsage: includesUsage(body),
      promptTokens: estimateTokens(messagesText(body)),
      requestId: id,
      onFirstContent: () => {
        request.firstContentAt = Date.now();
      },
      answer: scenario.kind === 'wire' ? seedAnswerFor(body) : undefined,
    });
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The test server has no TCP address');
  const { port } = address;

  return {
    url: `${options.tlsHostname ? 'https' : 'http'}://127.0.0.1:${port}/v1`,
    requests,
    setResponder: (next) => {
      responder = next ?? undefined;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Streams in progress and hanging requests would keep close() waiting forever.
        server.closeAllConnections();
      }),
  };
}

/** What the server answers when no responder decides: auth, model check, models list, seed answers. */
function defaultScenario(request: RecordedRequest, options: OpenAITestServerOptions): Scenario | 'preflight' {
  const origin = request.headers.origin;
  if (origin && options.allowedOrigins && !options.allowedOrigins.some((pattern) => matches(pattern, origin))) {
    return ollamaOriginRejected();
  }
  if (request.method === 'OPTIONS') return 'preflight';
  const path = request.path.split('?')[0];
  const models = options.models ?? DEFAULT_TEST_MODELS;
  const known =
    (path === '/v1/models' && request.method === 'GET') ||
    (path === '/v1/chat/completions' && request.method === 'POST');
  if (!known) {
    return {
      kind: 'error',
      status: 404,
      body: openAIErrorBody(`Invalid URL (${request.method} ${path})`, 'invalid_request_error', null),
    };
  }
  if (options.apiKey) {
    const authorization = request.headers.authorization ?? '';
    if (!authorization) return missingApiKeyError();
    const provided = authorization.replace(/^Bearer\s+/i, '');
    if (provided !== options.apiKey) return invalidApiKeyError(provided);
  }
  if (path === '/v1/models') return { kind: 'models', models };
  return chatScenario(request.body, models, options);
}

function chatScenario(body: unknown, models: string[], options: OpenAITestServerOptions): Scenario {
  if (typeof body !== 'object' || body === null) {
    return {
      kind: 'error',
      status: 400,
      body: openAIErrorBody(
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
        'invalid_request_error',
        null,
      ),
    };
  }
  const model: unknown = Reflect.get(body, 'model');
  if (typeof model !== 'string' || !models.includes(model)) return modelNotFoundError(String(model));
  const content = seedAnswerFor(body);
  if (Reflect.get(body, 'stream') !== true) return { kind: 'json', content };
  return {
    kind: 'stream',
    content,
    chunkSize: options.fixtureChunkSize ?? 24,
    delayMs: options.fixtureDelayMs ?? 0,
  };
}

/**
 * What a careful model answers this request: the seed article's analysis, translation or both
 * (see seed-fixtures.ts), `{"ok":true}` to Sourcelens's connection test, the seed's source check
 * against the stand-in NYT page to a source check (source-check-scenario.ts), "OK" to anything else.
 */
export function seedAnswerFor(body: object): string {
  if (messagesText(body).includes(CONNECTION_TEST_MARKER)) return '{"ok":true}';
  // Before requestPurpose: a source check sends a response_format too, which would read as an analysis.
  if (messagesText(body).includes(SOURCE_CHECK_MARKER)) return seedSourceCheckAnswer(body);
  const purpose = requestPurpose(body);
  return purpose === 'analysis'
    ? seedAnalysisFor(body)
    : purpose === 'translation'
      ? seedTranslationFor(body)
      : purpose === 'combined'
        ? combinedAnswer(seedAnalysisFor(body), seedTranslationFor(body))
        : 'OK';
}

async function record(incoming: IncomingMessage): Promise<RecordedRequest> {
  const parts: Buffer[] = [];
  for await (const part of incoming) parts.push(Buffer.from(part));
  const text = Buffer.concat(parts).toString('utf8');
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers, body, receivedAt: Date.now() };
}

function includesUsage(body: object): boolean {
  const streamOptions: unknown = Reflect.get(body, 'stream_options');
  return (
    typeof streamOptions === 'object' && streamOptions !== null && Reflect.get(streamOptions, 'include_usage') === true
  );
}

function matches(pattern: string, origin: string): boolean {
  const expression = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
  return expression.test(origin);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A counting semaphore over responses: a slot is freed when its response closes, however it ends. */
function createSlots(limit: number) {
  let used = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    used--;
    waiting.shift()?.();
  };
  return {
    /** False when the client went away while waiting: then there is nothing to answer. */
    async acquire(response: ServerResponse): Promise<boolean> {
      if (used >= limit) {
        await new Promise<void>((resolve) => {
          const go = () => {
            response.off('close', gone);
            resolve();
          };
          const gone = () => {
            const index = waiting.indexOf(go);
            if (index !== -1) waiting.splice(index, 1);
            resolve();
          };
          waiting.push(go);
          response.once('close', gone);
        });
      }
      if (response.destroyed) return false;
      used++;
      response.once('close', release);
      return true;
    },
  };
}
