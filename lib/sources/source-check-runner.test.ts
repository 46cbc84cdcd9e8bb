import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobEvent } from '@/lib/job/job';
import { JobManager } from '@/lib/job/job-manager';
import { NO_OVERRIDE, type Settings } from '@/lib/settings-schema';
import { checkableSources } from '@/lib/sources/checkable-sources';
import { KEPT_PAGE_MS, SourceCheckRunner } from '@/lib/sources/source-check-runner';
import type { SourceCheckRequest, SourceCheckState } from '@/lib/sources/source-check-state';
import type { SourcePageRead } from '@/lib/sources/source-page-read';
import { createFakeJobEnvironment } from '@/tests/support/fake-job-environment';
import {
  createFakeSourceCheckEnvironment,
  type FakeSourceCheckEnvironmentOptions,
} from '@/tests/support/fake-source-check-environment';
import { type OpenAITestServer, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { messagesText } from '@/tests/support/request-paragraphs';
import { isSourceCheckRequest, sourceCheckResponder } from '@/tests/support/source-check-scenario';
import { sourcePageArticle } from '@/tests/support/source-page';
import { NYT_URL, REUTERS_URL, threeLinkedSources, ZEIT_URL } from '@/tests/support/three-linked-sources';

const NYT = NYT_URL;
const REUTERS = REUTERS_URL;
const ZEIT = ZEIT_URL;
const { article, notes: threeSourceNotes } = threeLinkedSources();
const analysis = {
  summary: [{ text: 'A deal is apparently close.', paragraphIds: ['p1'] }],
  notes: threeSourceNotes,
  outsideKnowledge: [],
};
const sources = checkableSources(article, analysis.notes);
const sourceAt = (url: string) => {
  const source = sources.find((candidate) => candidate.url === url);
  if (!source) throw new Error(`no checkable source ${url}`);
  return source;
};
const nytPage = (): SourcePageRead => ({
  ok: true,
  article: sourcePageArticle(),
  retrievedAt: '2026-11-29T12:00:00.000Z',
});
const zeitPage = (): SourcePageRead => ({
  ok: true,
  article: { ...sourcePageArticle(), url: ZEIT, language: 'de' },
  retrievedAt: '2026-11-29T12:00:00.000Z',
});
const TAB = 7;

let server: OpenAITestServer;

beforeEach(async () => {
  server = await startOpenAITestServer({
    apiKey: 'sk-test',
    // Die Zeit's check gets an answer that is not JSON, every time (a 5xx would be retried for seconds).
    respond: (request) =>
      typeof request.body === 'object' &&
      request.body !== null &&
      messagesText(request.body).includes('Source: Die Zeit')
        ? { kind: 'stream', content: 'I cannot check this.' }
        : sourceCheckResponder()(request),
  });
});

afterEach(async () => {
  await server.close();
});

/** gpt-4o-mini's price, which a local endpoint (the test server) does not get by itself: above a limit of $0, it asks. */
const PRICED = {
  askAboveDollars: 0,
  modelOverrides: { 'gpt-4o-mini': { ...NO_OVERRIDE, inputPricePerMillion: 0.15, outputPricePerMillion: 0.6 } },
};

/** A finished job of the seed article in tab 7, and a runner over it with the fake environment. */
async function setup(options: FakeSourceCheckEnvironmentOptions & { settings?: Partial<Settings> } = {}) {
  let now = 1_000_000;
  const manager = new JobManager(
    createFakeJobEnvironment({
      article,
      runAnalysis: async () => ({ analysis, usage: null, mode: 'json_schema' }),
      runTranslation: async (request) => {
        request.onDelta('[p1] A deal.');
        return { usage: null };
      },
    }),
  );
  await manager.start(TAB, { source: 'article', force: false });
  const environment = createFakeSourceCheckEnvironment({
    pages: { [NYT]: nytPage, [ZEIT]: zeitPage },
    now: () => now,
    ...options,
    settings: { baseUrl: server.url, model: 'gpt-4o-mini', ...options.settings },
  });
  const runner = new SourceCheckRunner(manager, environment);
  const states: Array<[string, SourceCheckState['status']]> = [];
  manager.subscribe(TAB, (event: JobEvent) => {
    if (event.type === 'source-check') states.push([event.check.source.name, event.check.status]);
  });
  await Promise.resolve();
  const request = (urls: string[], extra: Partial<SourceCheckRequest> = {}): SourceCheckRequest => ({
    tabId: TAB,
    sources: urls.map(sourceAt),
    via: 'fetch',
    confirmed: false,
    ...extra,
  });
  const run = async (checkRequest: SourceCheckRequest) => {
    const { finished } = await runner.start(checkRequest);
    await finished;
  };
  const checks = () => manager.get(TAB)?.sourceChecks ?? {};
  const checkRequests = () => server.requests.filter(isSourceCheckRequest);
  return {
    manager,
    environment,
    runner,
    states,
    request,
    run,
    checks,
    checkRequests,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('SourceCheckRunner', () => {
  it('reads the source, checks it and keeps each state on the tab’s job', async () => {
    const { manager, run, request, states, checks, environment, checkRequests } = await setup();
    expect(manager.get(TAB)?.status).toBe('done');
    await run(request([NYT]));
    expect(states).toEqual([
      ['The New York Times', 'reading'],
      ['The New York Times', 'checking'],
      ['The New York Times', 'checked'],
    ]);
    const check = checks()[NYT];
    expect(check).toMatchObject({ via: 'fetch', parentUrl: null, status: 'checked' });
    expect(check?.status === 'checked' && check.result.claims.map((claim) => claim.verdict)).toEqual([
      'supported',
      'supported',
      'not-found',
      'supported',
      'partly-supported',
    ]);
    expect(environment.reads).toEqual([{ url: NYT, via: 'fetch', tabId: TAB, windowId: undefined }]);
    expect(checkRequests()).toHaveLength(1);
  });

  it('checks every source of a batch side by side; one’s failure leaves the others', async () => {
    const { run, request, checks, checkRequests } = await setup();
    await run(request([NYT, REUTERS, ZEIT]));
    const all = checks();
    expect(all[NYT]?.status).toBe('checked');
    expect(all[REUTERS]).toMatchObject({
      status: 'unreadable',
      problem: { kind: 'unreachable', host: 'www.reuters.com' },
    });
    expect(all[ZEIT]).toMatchObject({ status: 'failed', error: { code: 'answer-not-understood' } });
    expect(checkRequests()).toHaveLength(2);
  });

  it('holds a batch above the confirmation limit, read and estimated, until the reader confirms; then reads nothing again', async () => {
    const { run, request, checks, checkRequests, environment } = await setup({ settings: PRICED });
    await run(request([NYT, ZEIT]));
    const nyt = checks()[NYT];
    const zeit = checks()[ZEIT];
    if (nyt?.status !== 'awaiting-confirmation' || zeit?.status !== 'awaiting-confirmation') {
      throw new Error(`not awaiting: ${nyt?.status}, ${zeit?.status}`);
    }
    expect(nyt.estimate.inputTokens).toBeGreaterThan(0);
    expect(nyt.estimate.price).toEqual({ inputPerMillion: expect.any(Number), outputPerMillion: expect.any(Number) });
    expect(nyt.batchEstimate).toEqual(zeit.batchEstimate);
    expect(nyt.batchEstimate).toMatchObject({
      inputTokens: nyt.estimate.inputTokens + zeit.estimate.inputTokens,
      outputTokens: nyt.estimate.outputTokens + zeit.estimate.outputTokens,
      requests: 2,
    });
    expect(checkRequests()).toHaveLength(0);
    expect(environment.reads).toHaveLength(2);

    await run(request([NYT, ZEIT], { confirmed: true }));
    expect(checks()[NYT]?.status).toBe('checked');
    expect(checks()[ZEIT]?.status).toBe('failed');
    expect(environment.reads).toHaveLength(2);
    expect(checkRequests()).toHaveLength(2);
  });

  it('reads a page again when the confirmation comes after the kept page is gone', async () => {
    const { run, request, checks, environment, advance } = await setup({ settings: PRICED });
    await run(request([NYT]));
    advance(KEPT_PAGE_MS + 1);
    await run(request([NYT], { confirmed: true }));
    expect(checks()[NYT]?.status).toBe('checked');
    expect(environment.reads).toHaveLength(2);
  });

  it('answers a source checked before from the cache, asking no confirmation and sending nothing', async () => {
    const first = await setup();
    await first.run(first.request([NYT]));
    expect(first.checkRequests()).toHaveLength(1);

    const again = await setup({ cache: first.environment.cache, settings: PRICED });
    await again.run(again.request([NYT]));
    const check = again.checks()[NYT];
    expect(check?.status === 'checked' && check.result.fromCache).toBe(true);
    expect(again.states.map(([, status]) => status)).toEqual(['reading', 'checked']);
    expect(first.checkRequests()).toHaveLength(1);
  });

  it('neither reads nor writes the cache for a tab in a private window', async () => {
    const { run, request, environment } = await setup({ cacheAllowed: async () => false });
    await run(request([NYT]));
    expect(environment.cacheArea.size).toBe(0);
  });

  it.each([
    ['no key for a provider that needs one', { provider: 'openai' }, '', { code: 'missing-api-key' }],
    ['no model', { model: '' }, 'sk-test', { code: 'missing-model' }],
  ] as const)(
    'fails every source with the job’s own error when the settings have %s, reading nothing',
    async (_, settings, apiKey, error) => {
      const { run, request, checks, environment } = await setup({ settings, apiKey });
      await run(request([NYT, ZEIT]));
      expect(checks()[NYT]).toMatchObject({ status: 'failed', error });
      expect(checks()[ZEIT]).toMatchObject({ status: 'failed', error });
      expect(environment.reads).toEqual([]);
    },
  );

  it('fails a source whose text cannot fit beside its claims with context-too-long, sending nothing', async () => {
    const tiny = { ...NO_OVERRIDE, contextTokens: 600, maxOutputTokens: 256 };
    const { run, request, checks, checkRequests } = await setup({
      settings: { model: 'gpt-4o-mini', modelOverrides: { 'gpt-4o-mini': tiny } },
    });
    await run(request([NYT]));
    expect(checks()[NYT]).toMatchObject({ status: 'failed', error: { code: 'context-too-long' } });
    expect(checkRequests()).toHaveLength(0);
  });

  it('reads in a background tab of the window asked for, one tab at a time', async () => {
    let open = 0;
    let most = 0;
    const slowRead = (page: () => SourcePageRead) => async () => {
      open++;
      most = Math.max(most, open);
      await new Promise((resolve) => setTimeout(resolve, 20));
      open--;
      return page();
    };
    const { run, request, checks, environment } = await setup({
      pages: { [NYT]: slowRead(nytPage), [ZEIT]: slowRead(zeitPage) },
    });
    await run(request([NYT, ZEIT], { via: 'tab', windowId: 3 }));
    expect(environment.reads).toEqual([
      { url: NYT, via: 'tab', tabId: TAB, windowId: 3 },
      { url: ZEIT, via: 'tab', tabId: TAB, windowId: 3 },
    ]);
    expect(most).toBe(1);
    expect(checks()[NYT]).toMatchObject({ status: 'checked', via: 'tab' });
  });

  it('does not read or send a source again while its check is under way', async () => {
    server.setResponder((request) => (isSourceCheckRequest(request) ? { kind: 'hang' } : undefined));
    const { runner, request, environment, checks } = await setup();
    const { finished } = await runner.start(request([NYT]));
    await expect.poll(() => checks()[NYT]?.status).toBe('checking');
    await runner.start(request([NYT]));
    expect(environment.reads).toHaveLength(1);
    runner.forget(TAB);
    await finished;
    expect(checks()[NYT]).toMatchObject({ status: 'failed', error: { code: 'cancelled' } });
  });

  it('goes on when the tab moves on: the check is about the article that was read, which the panel still shows', async () => {
    const { run, manager, request, checks } = await setup();
    const checking = run(request([NYT]));
    manager.pageChanged(TAB, 'https://news.example/another-article');
    await checking;
    expect(manager.get(TAB)?.pageChanged).toBe(true);
    expect(checks()[NYT]?.status).toBe('checked');
  });

  it('sets aside a batch the reader puts off (Not now): the sources are offered afresh, and read again when asked', async () => {
    const { run, runner, request, checks, environment } = await setup({ settings: PRICED });
    await run(request([NYT, ZEIT]));
    expect(checks()[NYT]?.status).toBe('awaiting-confirmation');
    runner.setAside(TAB, [NYT, ZEIT]);
    expect(checks()).toEqual({});
    await run(request([NYT]));
    expect(checks()[NYT]?.status).toBe('awaiting-confirmation');
    expect(environment.reads).toHaveLength(3);
  });

  it('leaves checks that are not awaiting the go-ahead when asked to set them aside', async () => {
    const { run, runner, request, checks } = await setup();
    await run(request([NYT]));
    runner.setAside(TAB, [NYT]);
    expect(checks()[NYT]?.status).toBe('checked');
  });

  it('stops the running checks of a job the tab runs again; the new job starts with none', async () => {
    server.setResponder((request) => (isSourceCheckRequest(request) ? { kind: 'hang' } : undefined));
    const { runner, manager, request, checks, checkRequests } = await setup();
    const { finished } = await runner.start(request([NYT]));
    await expect.poll(() => checkRequests()).toHaveLength(1);
    await manager.start(TAB, { source: 'article', force: true });
    await finished;
    expect(checks()).toEqual({});
    await expect.poll(() => checkRequests()[0]?.clientClosedAt).toBeDefined();
  });

  it('checks one step further along the relay chain against the checked source’s own words', async () => {
    const READOUT = 'https://www.state.example/readout-belarus';
    const { run, request, checks, checkRequests } = await setup({
      pages: {
        [NYT]: nytPage,
        [READOUT]: {
          ok: true,
          article: { ...sourcePageArticle(), url: READOUT },
          retrievedAt: '2026-11-29T12:05:00.000Z',
        },
      },
    });
    await run(request([NYT]));
    const readout = {
      url: READOUT,
      name: 'State Department readout',
      domain: 'state.example',
      names: ['State Department readout'],
      claims: [
        {
          id: 'c1',
          noteIndex: 3,
          original: 'he hailed the end of what he called a "special operation"',
          claim: 'Smith hailed the end of a “special operation”.',
          paragraphId: null,
          attributedAs: 'State Department readout',
        },
      ],
    };
    await run({ ...request([]), sources: [readout], parentUrl: NYT });
    expect(checks()[READOUT]).toMatchObject({ status: 'checked', parentUrl: NYT });
    expect(checks()[NYT]).toMatchObject({ status: 'checked', parentUrl: null });
    // The claim is the NYT's passage, in the NYT's language, not the German article's.
    expect(messagesText(checkRequests()[1]?.body ?? {})).toContain('[c1] Article (English): he hailed');
  });

  it('refuses a tab without a finished analysis, saying so', async () => {
    const { runner, request } = await setup();
    await expect(runner.start({ ...request([NYT]), tabId: 99 })).rejects.toThrow(/analyse the page first/);
  });

  it('refuses while the tab’s analysis is still running, saying it has not finished', async () => {
    const manager = new JobManager(
      createFakeJobEnvironment({ article, runAnalysis: () => new Promise(() => undefined) }),
    );
    void manager.start(TAB, { source: 'article', force: false });
    await expect.poll(() => manager.get(TAB)?.status).toBe('running');
    const runner = new SourceCheckRunner(manager, createFakeSourceCheckEnvironment());
    await expect(
      runner.start({ tabId: TAB, sources: [sourceAt(NYT)], via: 'fetch', confirmed: false }),
    ).rejects.toThrow(/has not finished yet/);
    expect(manager.get(TAB)?.sourceChecks).toEqual({});
  });
});
