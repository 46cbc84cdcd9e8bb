import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '@/lib/attribution/analysis';
import { LOCAL_DEFAULT_LIMITS } from '@/lib/budget/model-limits';
import { dollarsFor } from '@/lib/budget/model-prices';
import type { Responder } from '@/tests/support/openai-scenarios';
import { DEFAULT_TEST_MODELS, type OpenAITestServer, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { messagesText } from '@/tests/support/request-paragraphs';
import { combinedAnswer, requestPurpose } from '@/tests/support/seed-fixtures';
import { isSourceCheckRequest, sourceCheckResponder } from '@/tests/support/source-check-scenario';
import type { ClaimCheck } from '@/lib/sources/source-check-answer';
import { formatResultTable } from '@/eval/format-table';
import { type EvalCase, loadFixtures } from '@/eval/load-fixtures';
import { EvalAborted, runEval } from '@/eval/run-eval';

/**
 * A known answer set for de-hafen-streik: 3 of its 4 named sources (the employers' association
 * missed), 3 of 4 quotes verbatim, its one relay chain, 1 of 2 unattributed claims, and a
 * translation that keeps 3 of its 4 hedges ("unter Berufung auf Teilnehmer" becomes "quoting people").
 */
const HAFEN_ANALYSIS: Analysis = {
  summary: [{ text: 'Port workers may strike indefinitely.', paragraphIds: ['p1'] }],
  notes: [
    {
      claim: 'Workers are at the end of their patience.',
      source: { name: 'Maren Ohlsen', role: 'Verdi negotiator', type: 'person' },
      chain: [
        { name: 'This page', cue: null },
        { name: 'Verdi', cue: 'nach Angaben der Gewerkschaft Verdi' },
      ],
      kind: 'reported-speech',
      hedges: [],
      quote:
        'Verdi-Verhandlungsführerin Maren Ohlsen sagte am Dienstag in Bremerhaven, die Beschäftigten seien „am Ende ihrer Geduld“.',
      paragraphId: 'p1',
    },
    {
      claim: 'The employers reportedly discussed an offer above seven percent.',
      source: { name: 'participants of the last round', role: null, type: 'anonymous' },
      chain: [
        { name: 'This page', cue: null },
        { name: 'dpa', cue: 'Wie die Nachrichtenagentur dpa … berichtet' },
        { name: 'Participants of the last round', cue: 'unter Berufung auf Teilnehmer' },
      ],
      kind: 'anonymous-source',
      hedges: [{ original: 'soll', english: 'reportedly' }],
      quote:
        'Wie die Nachrichtenagentur dpa unter Berufung auf Teilnehmer der letzten Verhandlungsrunde berichtet, soll der Arbeitgeberverband intern bereits über ein Angebot von mehr als sieben Prozent beraten haben.',
      paragraphId: 'p3',
    },
    {
      claim: 'Bremerhaven is one of Europe’s largest container ports.',
      source: { name: 'none', role: null, type: 'none' },
      chain: [{ name: 'This page', cue: null }],
      kind: 'unattributed-assertion',
      hedges: [],
      quote: 'Bremerhaven ist einer der größten Containerhäfen Europas.',
      paragraphId: 'p4',
    },
    {
      claim: 'Goods would pile up.',
      source: { name: 'Logistikexperten', role: null, type: 'person' },
      chain: [{ name: 'This page', cue: null }],
      kind: 'paraphrase',
      hedges: [],
      // Paraphrased, not the article's sentence: not found.
      quote: 'Bei einem Streik bleiben jeden Tag Waren liegen.',
      paragraphId: 'p4',
    },
  ],
  outsideKnowledge: [],
};

const HAFEN_TRANSLATION = [
  '[p1] In the wage dispute at the north German seaports, an indefinite strike looms, according to the Verdi union. Negotiator Maren Ohlsen said on Tuesday that the workers were “at the end of their patience”.',
  '[p2] The ZDS rejected this account. The offer of 6.5 percent was “the highest in decades”, a spokesman said.',
  '[p3] As the news agency dpa reports, quoting people at the last round, the employers’ association reportedly already discussed an offer of more than seven percent internally.',
  '[p4] According to estimates by logistics experts, goods worth several hundred million euros a day could be left sitting in a longer strike. Bremerhaven is one of the largest container ports in Europe.',
  '[p5] Last summer, warning strikes paralysed handling in Hamburg and Bremerhaven for several days.',
  '[p6] The next round is scheduled for 14 March.',
].join('\n\n');

let cases: EvalCase[] = [];
let server: OpenAITestServer | null = null;

beforeAll(() => {
  cases = loadFixtures(undefined, ['de-hafen-streik', 'en-water-limits']);
});

afterEach(async () => {
  await server?.close();
  server = null;
});

/**
 * The scripted answers: the known set for the port strike, an answer that is no JSON for the water
 * article, and the seed's source check as a careful model answers it (tests/support/source-check-scenario.ts),
 * rewritten by `changeChecks` when given.
 */
async function startScriptedServer(
  options: {
    apiKey?: string;
    changeChecks?: (checks: ClaimCheck[]) => ClaimCheck[];
    /** Answers every source check with this text instead. */
    checkAnswer?: string;
  } = {},
) {
  const sourceChecks: Responder = options.checkAnswer
    ? () => ({ kind: 'stream', content: options.checkAnswer ?? '' })
    : sourceCheckResponder({ change: options.changeChecks });
  server = await startOpenAITestServer({
    apiKey: options.apiKey,
    respond: (request) => {
      if (isSourceCheckRequest(request)) return sourceChecks(request);
      const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
      // The key and model checks, and the seed article's answers, are the server's own.
      const keyRight = !options.apiKey || request.headers.authorization === `Bearer ${options.apiKey}`;
      const modelKnown = DEFAULT_TEST_MODELS.includes(String(Reflect.get(body, 'model')));
      if (request.method !== 'POST' || !keyRight || !modelKnown || messagesText(body).includes('Lukaschenko')) {
        return undefined;
      }
      if (!messagesText(body).includes('Bremerhaven')) {
        return { kind: 'stream', content: 'Sorry, I cannot help with that article.' };
      }
      const purpose = requestPurpose(body);
      const analysis = JSON.stringify(HAFEN_ANALYSIS);
      if (purpose === 'translation') return { kind: 'stream', content: HAFEN_TRANSLATION };
      if (purpose === 'combined') return { kind: 'stream', content: combinedAnswer(analysis, HAFEN_TRANSLATION) };
      return { kind: 'stream', content: analysis };
    },
  });
  return server;
}

function evalOptions(url: string, overrides: Partial<Parameters<typeof runEval>[0]> = {}) {
  let tick = 0;
  return {
    baseUrl: url,
    apiKey: 'sk-eval',
    model: 'gpt-4o-mini',
    cases,
    limits: LOCAL_DEFAULT_LIMITS,
    parallelRequests: 2,
    price: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
    // Each article takes exactly 1.5 s on this clock: one reading before, one after.
    clock: () => (tick += 1500),
    now: () => new Date('2026-11-29T12:00:00Z'),
    ...overrides,
  };
}

/** The cells of the table row that starts with `name`. */
function row(table: string, name: string): string[] {
  const line = table.split('\n').find((candidate) => candidate.startsWith(`| ${name}`));
  return (line ?? '')
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe('runEval against the test server', () => {
  it('runs the real pipeline and scores a known answer set exactly', async () => {
    const { url } = await startScriptedServer();
    const result = await runEval(evalOptions(url));
    const [hafen, water] = result.articles;

    expect(hafen?.error).toBeNull();
    expect(hafen?.sources).toEqual({ found: 3, total: 4, missed: ['Zentralverband der deutschen Seehafenbetriebe'] });
    expect(hafen?.quotes).toEqual({ verbatim: 3, attributionMissing: 0, nearMiss: 0, notFound: 1, notes: 4 });
    expect(hafen?.hedges).toEqual({ found: 3, total: 4, lost: ['unter Berufung auf Teilnehmer'] });
    expect(hafen?.chains).toEqual({ found: 1, total: 1, missed: [] });
    expect(hafen?.unattributed.found).toBe(1);
    expect(hafen?.verdicts).toBeNull();
    // Tokens as the server reported them in its usage chunks; the cost at the given price.
    expect(hafen?.tokens?.prompt).toBeGreaterThan(0);
    expect(hafen?.dollars).toBeCloseTo(
      dollarsFor(hafen?.tokens?.prompt ?? 0, hafen?.tokens?.completion ?? 0, {
        inputPerMillion: 0.15,
        outputPerMillion: 0.6,
      }),
      10,
    );

    // The water article's answer is no JSON: it fails on its own, scores zero, and the run goes on.
    expect(water?.error?.code).toBe('answer-not-understood');
    expect(water?.error?.message).toMatch(/^Answer not understood: .*Scored as failed\./);
    expect(water?.sources).toEqual({
      found: 0,
      total: 3,
      missed: ['Dana Whitfield', 'Valley Ledger', 'state water board'],
    });
    expect(water?.hedges).toBeNull();
    // Its linked source was never checked: both expected verdicts are missing.
    expect(water?.verdicts).toMatchObject({ correct: 0, total: 2 });

    const table = formatResultTable(result);
    expect(row(table, 'de-hafen-streik').slice(0, 8)).toEqual([
      'de-hafen-streik',
      'de',
      '0.75 (3/4)',
      '0.75 (3/4)',
      '0.75 (3/4)',
      '1.00 (1/1)',
      '0.50 (1/2)',
      '—',
    ]);
    expect(row(table, 'de-hafen-streik')[10]).toBe('1.5 s');
    expect(row(table, 'en-water-limits (failed)').slice(2, 8)).toEqual([
      '0.00 (0/3)',
      '— (0/0)',
      '—',
      '0.00 (0/2)',
      '0.00 (0/1)',
      '0.00 (0/2)',
    ]);
    // Totals sum the counts: 3 of the 7 sources of both articles.
    expect(row(table, '**total** (2, 1 failed)').slice(1, 8)).toEqual([
      '2 languages',
      '0.43 (3/7)',
      '0.75 (3/4)',
      '0.75 (3/4)',
      '0.33 (1/3)',
      '0.33 (1/3)',
      '0.00 (0/2)',
    ]);
    expect(row(table, '**total** (2, 1 failed)')[10]).toBe('3.0 s');
    expect(table).toContain('- de-hafen-streik: sources missed: Zentralverband der deutschen Seehafenbetriebe');
  });

  it('checks the seed against its linked NYT page, follows it to its readout, and scores the verdicts exactly', async () => {
    const { url } = await startScriptedServer();
    const seed = loadFixtures(undefined, ['seed-de']);
    const result = await runEval(evalOptions(url, { cases: seed }));
    const [article] = result.articles;
    // One check request carrying the five claims the notes attribute to the NYT, then one step
    // further: the NYT's own passage, which it attributes to the State Department readout it links.
    const checks = server?.requests.filter(isSourceCheckRequest) ?? [];
    expect(checks).toHaveLength(2);
    expect(JSON.stringify(checks[1]?.body)).toContain('[c1] Article (English): Speaking at the U.S. Embassy');
    expect(article?.error).toBeNull();
    expect(article?.sourceCheckFailures).toEqual([]);
    expect(article?.verdicts?.outcomes.map((outcome) => [outcome.expected, outcome.observed])).toEqual([
      ['supported', 'supported'],
      ['supported', 'supported'],
      ['not-found', 'not-found'],
      ['supported', 'supported'],
      ['partly-supported', 'partly-supported'],
      ['supported', 'supported'],
    ]);
    expect(row(formatResultTable(result), 'seed-de')[7]).toBe('1.00 (6/6)');
  });

  it('scores a passage the source does not hold as unverified, and a claim left unanswered as missing', async () => {
    const { url } = await startScriptedServer({
      // The model makes up the first passage and leaves the last claim out.
      changeChecks: (checks) =>
        checks
          .slice(0, -1)
          .map((check, index) =>
            index === 0
              ? { ...check, passage: 'The agreement between Washington and Minsk was signed on Thursday.' }
              : check,
          ),
    });
    const result = await runEval(evalOptions(url, { cases: loadFixtures(undefined, ['seed-de']) }));
    const table = formatResultTable(result);
    // The follow-up's one claim is the last of its answer too: left out, so missing.
    expect(row(table, 'seed-de')[7]).toBe('0.50 (3/6)');
    expect(row(table, '**total** (1)')[7]).toBe('0.50 (3/6)');
    expect(table).toContain(
      'verdict on “Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor”: unverified, expected supported',
    );
    expect(table).toMatch(/verdict on “würden die Vereinigten Staaten .*”: missing, expected partly-supported/);
  });

  it('lists a source check that fails on its own, scoring its verdicts as missing and the article as answered', async () => {
    const { url } = await startScriptedServer({ checkAnswer: 'Sorry, I cannot open that link.' });
    const result = await runEval(evalOptions(url, { cases: loadFixtures(undefined, ['seed-de']) }));
    const [article] = result.articles;
    expect(article?.error).toBeNull();
    expect(article?.sources.found).toBe(4);
    expect(article?.sourceCheckFailures).toEqual([
      {
        source: 'The New York Times',
        code: 'answer-not-understood',
        message: expect.stringMatching(/^Answer not understood: /),
      },
    ]);
    const table = formatResultTable(result);
    // The NYT's check failed, so nothing led one step further: the readout's verdict is missing too.
    expect(row(table, 'seed-de')[7]).toBe('0.00 (0/6)');
    expect(table).toContain('check of The New York Times failed: Answer not understood: ');
  });

  it('stops at a rejected key, saying which variable holds it', async () => {
    const { url } = await startScriptedServer({ apiKey: 'sk-right' });
    const run = runEval(evalOptions(url, { apiKey: 'sk-wrong' }));
    await expect(run).rejects.toBeInstanceOf(EvalAborted);
    await expect(run).rejects.toThrow(
      /^API key rejected: 127\.0\.0\.1:\d+ rejected the API key \(HTTP 401\)\..*SOURCELENS_EVAL_API_KEY/,
    );
  });

  it('stops at an unknown model, naming the flag', async () => {
    const { url } = await startScriptedServer();
    await expect(runEval(evalOptions(url, { model: 'gpt-nonexistent' }))).rejects.toThrow(
      /Model not found: .*“gpt-nonexistent”.*Check --model/,
    );
  });
});
