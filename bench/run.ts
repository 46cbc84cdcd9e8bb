/**
 * `npm run bench -- --ttft 300 --tps 1000 --max-streams 6`
 *
 * Runs the real pipeline in Node (JobManager, endpoint queue, the official SDK, translation
 * in parts, the result cache over an in-memory storage area) against the project's
 * OpenAI-compatible test server on 127.0.0.1, set up as a simulated endpoint: its time to first
 * token, tokens per second per stream and number of streams served at once come from the command
 * line. Prints one row per article size. Nothing here is asserted: the figures are for reading.
 */
import { parseArgs } from 'node:util';
import type { Article } from '@/lib/article/article';
import { JobManager } from '@/lib/job/job-manager';
import { createLlmRunners } from '@/lib/job/llm-runners';
import { createResultStore, type KeyValueArea } from '@/lib/job/result-store';
import { createClient } from '@/lib/llm/client';
import { PROMPT_VERSION } from '@/lib/llm/prompts';
import { streamTranslation } from '@/lib/llm/translate';
import type { Settings } from '@/lib/settings-schema';
import { createFakeJobEnvironment } from '@/tests/support/fake-job-environment';
import { longArticle } from '@/tests/support/long-article';
import { CHARACTERS_PER_TOKEN } from '@/tests/support/openai-wire';
import { startSimulatedEndpoint } from '@/bench/start-simulated-endpoint';
import { type JobTimings, timeJob } from '@/bench/time-job';

const { values } = parseArgs({
  options: {
    ttft: { type: 'string', default: '300' },
    tps: { type: 'string', default: '1000' },
    'max-streams': { type: 'string', default: '6' },
    /** Requests Sourcelens sends at once (the Parallel requests setting); default: as many as the endpoint serves. */
    concurrency: { type: 'string' },
    sizes: { type: 'string', default: '500,2000,8000,20000' },
    /** The simulated model's limits: gpt-4o-mini's by default. */
    context: { type: 'string', default: '128000' },
    'max-output': { type: 'string', default: '16384' },
  },
});
const ttftMs = Number(values.ttft);
const tokensPerSecond = Number(values.tps);
const maxStreams = Number(values['max-streams']);
const concurrency = Number(values.concurrency ?? values['max-streams']);
const sizes = values.sizes.split(',').map(Number);
const MODEL = 'gpt-4o-mini';

const endpoint = await startSimulatedEndpoint([ttftMs, tokensPerSecond, maxStreams, MODEL]);
/** Chat requests sent, counted as they leave the pipeline (the endpoint runs in another process). */
let chatRequestCount = 0;
const countingFetch: typeof fetch = (input, init) => {
  if (String(input instanceof Request ? input.url : input).endsWith('/chat/completions')) chatRequestCount++;
  return fetch(input, init);
};

const settings: Settings = {
  version: 4,
  askAboveDollars: null,
  provider: 'custom',
  baseUrl: endpoint.url,
  model: MODEL,
  targetLanguage: 'English',
  toolbarAction: 'sidepanel',
  theme: 'system',
  // The simulated endpoint stands in for a remote API: its model's limits, not a local server's defaults.
  modelOverrides: {
    [MODEL]: {
      contextTokens: Number(values.context),
      maxOutputTokens: Number(values['max-output']),
      inputPricePerMillion: null,
      outputPricePerMillion: null,
    },
  },
  parallelRequests: concurrency,
};

let current: Article = longArticle(500);
const memory = new Map<string, unknown>();
const area: KeyValueArea = {
  get: async (key) => structuredClone(memory.get(key) ?? null),
  set: async (key, value) => {
    memory.set(key, structuredClone(value));
  },
  remove: async (key) => {
    memory.delete(key);
  },
};
const store = createResultStore(area);
const environment = createFakeJobEnvironment({
  article: () => current,
  settings,
  apiKey: 'sk-bench',
  promptVersion: PROMPT_VERSION,
  ...createLlmRunners({ origin: 'node://bench', fetch: countingFetch }),
  readCache: (key) => store.read(key, Date.now()),
  writeCache: (key, result) => store.write(key, result, Date.now()),
});
const manager = new JobManager(environment);
let tabId = 0;

const chatRequests = () => chatRequestCount;

async function measure(article: Article, force: boolean): Promise<JobTimings & { requests: number }> {
  current = article;
  const before = chatRequests();
  tabId += 1;
  const timings = await timeJob(manager, tabId, force);
  return { ...timings, requests: chatRequests() - before };
}

/** The naive baseline: the whole article in one translation request, as before translation in parts. */
async function naiveTranslation(article: Article): Promise<number> {
  const client = createClient({ baseUrl: endpoint.url, apiKey: 'sk-bench', maxRetries: 0 });
  const start = performance.now();
  await streamTranslation({ client, model: MODEL, article, targetLanguage: 'English', onDelta: () => undefined });
  return performance.now() - start;
}

// Warm-up, not reported: the first run pays for module compilation and connection set-up.
await measure(longArticle(300), true);
await naiveTranslation(longArticle(300));

const rows: string[][] = [];
const started = performance.now();
for (const words of sizes) {
  const article = longArticle(words);
  // The simulated endpoint counts a token as four characters; so does the article's count here.
  const articleTokens = Math.ceil(article.paragraphs.map((paragraph) => paragraph.text).join('\n').length / 4);
  const run = await measure(article, true);
  const revisit = await measure(article, false);
  const naive = await naiveTranslation(article);
  const firstSummaryToken = run.firstSummaryToken ?? Number.NaN;
  const fullTranslation = run.fullTranslation ?? Number.NaN;
  // One answer carrying analysis and translation reports its usage once: the translation's share is
  // counted as the simulated endpoint counts, four characters a token.
  const translationTokens =
    run.usage.translation?.completionTokens ?? Math.ceil(run.translationCharacters / CHARACTERS_PER_TOKEN);
  const ideal = ttftMs + (translationTokens / (tokensPerSecond * maxStreams)) * 1000;
  const inputTokens = (run.usage.analysis?.promptTokens ?? 0) + (run.usage.translation?.promptTokens ?? 0);
  const outputTokens = (run.usage.analysis?.completionTokens ?? 0) + (run.usage.translation?.completionTokens ?? 0);
  rows.push([
    article.wordCount.toLocaleString('en'),
    String(run.requests),
    ms(firstSummaryToken),
    `+${ms(firstSummaryToken - ttftMs)}`,
    ms(run.fullSummary),
    ms(fullTranslation),
    ratio(fullTranslation / ideal),
    ms(naive),
    `${ratio(naive / fullTranslation)} faster`,
    inputTokens.toLocaleString('en'),
    outputTokens.toLocaleString('en'),
    ratio(inputTokens / articleTokens),
    ms(revisit.revisit),
    String(revisit.requests === 0 ? revisit.tokens : `${revisit.tokens} (${revisit.requests} requests)`),
  ]);
}

const header = [
  'words',
  'requests',
  'first summary token',
  '− TTFT',
  'full summary',
  'full translation',
  '÷ ideal',
  'naive (1 request)',
  'vs naive',
  'input tokens',
  'output tokens',
  'input ÷ article',
  'revisit',
  'revisit tokens',
];
console.log(
  `\nSimulated endpoint: TTFT ${ttftMs} ms, ${tokensPerSecond} tokens/s per stream, ${maxStreams} streams at once; Sourcelens sends ${concurrency} requests at once; model limits ${values.context} context / ${values['max-output']} output.`,
);
console.log(
  'ideal = TTFT + translation tokens ÷ (tokens/s × streams): the lower bound the endpoint allows at its concurrency.\n',
);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---:').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\nFull run: ${((performance.now() - started) / 1000).toFixed(1)} s`);
endpoint.stop();

function ms(value: number | null): string {
  return value === null || Number.isNaN(value) ? '—' : `${Math.round(value).toLocaleString('en')} ms`;
}

function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}
