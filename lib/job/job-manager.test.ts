import { describe, expect, it, vi } from 'vitest';
import type { Article } from '@/lib/article/article';
import type { Analysis } from '@/lib/attribution/analysis';
import { applyJobEvent, createJob, type JobEvent, type JobState, NOT_THINKING } from '@/lib/job/job';
import type { JobEnvironment } from '@/lib/job/job-environment';
import { JobManager } from '@/lib/job/job-manager';
import { DEFAULT_SETTINGS, NO_OVERRIDE, type Settings } from '@/lib/settings';
import { createFakeJobEnvironment } from '@/tests/support/fake-job-environment';

const article: Article = {
  url: 'https://news.example/a',
  canonicalUrl: 'https://news.example/a',
  title: 'Abkommen steht offenbar kurz bevor',
  byline: null,
  siteName: 'News',
  publishedTime: null,
  language: 'de',
  languageSource: 'page',
  paragraphs: [
    { id: 'p1', text: 'Ein Abkommen steht offenbar kurz bevor.' },
    { id: 'p2', text: 'Das Treffen sei heimlich erfolgt.' },
  ],
  links: [],
  wordCount: 11,
  source: 'article',
};

const analysis: Analysis = {
  summary: [{ text: 'A deal is apparently close.', paragraphIds: ['p1'] }],
  notes: [],
  outsideKnowledge: [],
};

/**
 * An output limit too small for both answers in one: the analysis and the translation go out as
 * two requests, as for any article long enough (see lib/budget/request-plan.ts). The tests of the
 * combined request for a short article drop it.
 */
const TWO_REQUESTS: Partial<Settings> = {
  modelOverrides: {
    [DEFAULT_SETTINGS.model]: { ...NO_OVERRIDE, maxOutputTokens: 256 },
  },
};

function setup(overrides: Partial<JobEnvironment> & { settings?: Partial<Settings>; apiKey?: string } = {}) {
  const calls = { analysis: 0, translation: 0, signals: [] as AbortSignal[] };
  const environment = createFakeJobEnvironment({
    article,
    now: () => 1000,
    runAnalysis: async (request) => {
      calls.analysis++;
      calls.signals.push(request.signal);
      request.onPartial({ summary: [{ text: 'A deal' }] });
      return { analysis, usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 }, mode: 'json_schema' };
    },
    runTranslation: async (request) => {
      calls.translation++;
      request.onDelta('A deal is ');
      request.onDelta('apparently close.');
      return { usage: null };
    },
    ...overrides,
    settings: { ...TWO_REQUESTS, ...overrides.settings },
  });
  const manager = new JobManager(environment);
  const events: JobEvent[] = [];
  let mirrored: JobState | null = null;
  manager.subscribe(7, (event) => {
    events.push(event);
    mirrored = applyJobEvent(mirrored, event, 1000);
  });
  return { manager, events, calls, cache: environment.cache, mirror: () => mirrored };
}

describe('JobManager', () => {
  describe('a run above the cost limit', () => {
    const costly = { settings: { askAboveDollars: 0 } };

    it('stops after the estimate, requesting nothing, until the user says go', async () => {
      const { manager, calls } = setup(costly);
      await manager.start(7, { source: 'article', force: false });
      expect(manager.get(7)).toMatchObject({ status: 'awaiting-confirmation', analysisStatus: 'pending' });
      expect(manager.get(7)?.estimate?.inputTokens).toBeGreaterThan(0);
      expect(calls).toMatchObject({ analysis: 0, translation: 0 });

      await manager.start(7, { source: 'article', force: false, confirmed: true });
      expect(manager.get(7)?.status).toBe('done');
      expect(calls).toMatchObject({ analysis: 1, translation: 1 });
    });

    it('can be cancelled while it waits', async () => {
      const { manager, calls } = setup(costly);
      await manager.start(7, { source: 'article', force: false });
      manager.cancel(7);
      expect(manager.get(7)?.status).toBe('cancelled');
      expect(calls.analysis).toBe(0);
    });

    it('runs at once when the user turned the question off', async () => {
      const { manager } = setup({ settings: { askAboveDollars: null } });
      await manager.start(7, { source: 'article', force: false });
      expect(manager.get(7)?.status).toBe('done');
    });
  });

  describe('a short article, in one request answering both', () => {
    const oneRequest = { settings: { modelOverrides: {} } };

    it('streams the translation out of the analysis answer, finishes both and caches', async () => {
      const { manager, calls, cache, events } = setup({
        ...oneRequest,
        runAnalysis: async (request) => {
          calls.analysis++;
          expect(request.plan.combined).toBe(true);
          request.onPartial({ summary: [{ text: 'A deal' }] });
          request.onTranslation?.('[p1] A deal is ', false);
          request.onTranslation?.('[p1] A deal is apparently close.', true);
          return { analysis, usage: null, mode: 'json_schema', translation: '[p1] A deal is apparently close.' };
        },
      });
      await manager.start(7, { source: 'article', force: false });
      const job = manager.get(7);
      expect(calls).toMatchObject({ analysis: 1, translation: 0 });
      expect(job).toMatchObject({ status: 'done', analysisStatus: 'done', translationStatus: 'done' });
      expect(job?.translation).toBe('[p1] A deal is apparently close.');
      expect(job?.estimate).toMatchObject({ requests: 1, combined: true });
      const deltas = events.flatMap((event) => (event.type === 'translation-delta' ? [event.text] : []));
      expect(deltas.join('')).toBe('[p1] A deal is apparently close.');
      // Done as soon as its string closed, before the notes that follow it in the answer.
      const types = events.map((event) => event.type);
      expect(types.filter((type) => type === 'translation-done')).toHaveLength(1);
      expect(types.indexOf('translation-done')).toBeLessThan(types.indexOf('analysis-done'));
      expect(cache.size).toBe(1);
    });

    it('keeps the analysis and says so when the answer carries no translation', async () => {
      const { manager, cache } = setup({
        ...oneRequest,
        runAnalysis: async () => ({ analysis, usage: null, mode: 'prompt', translation: null }),
      });
      await manager.start(7, { source: 'article', force: false });
      const job = manager.get(7);
      expect(job).toMatchObject({ analysisStatus: 'done', translationStatus: 'error' });
      expect(job?.analysis).toEqual(analysis);
      expect(job?.translationError).toMatchObject({ code: 'answer-not-understood' });
      expect(cache.size).toBe(0);
    });

    it('ends both parts with the request’s error, keeping the translation that arrived', async () => {
      const { manager } = setup({
        ...oneRequest,
        runAnalysis: async (request) => {
          request.onTranslation?.('[p1] A deal is ', false);
          throw { code: 'stream-interrupted', detail: 'socket hang up' };
        },
      });
      await manager.start(7, { source: 'article', force: false });
      const job = manager.get(7);
      expect(job).toMatchObject({ analysisStatus: 'error', translationStatus: 'error' });
      expect(job?.analysisError).toMatchObject({ code: 'stream-interrupted' });
      expect(job?.translationError).toMatchObject({ code: 'stream-interrupted' });
      expect(job?.translation).toBe('[p1] A deal is ');
    });
  });

  it('shows each part thinking while its requests reason, and keeps the service worker awake meanwhile', async () => {
    let clock = 1000;
    const keepAlive = vi.fn();
    const seen: Array<JobState['thinking'] | undefined> = [];
    const { manager } = setup({
      now: () => clock,
      keepAlive,
      runTranslation: async (request) => {
        const first = {};
        const second = {};
        request.onThinking(true, first);
        request.onActivity();
        clock = 4000;
        request.onThinking(true, second);
        seen.push(manager.get(7)?.thinking);
        request.onThinking(false, first);
        seen.push(manager.get(7)?.thinking);
        request.onThinking(false, second);
        seen.push(manager.get(7)?.thinking);
        request.onDelta('A deal.');
        return { usage: null };
      },
    });
    await manager.start(7, { source: 'article', force: false });
    // From the first request that thinks until the last one stops: one span, not two.
    expect(seen).toEqual([
      { analysis: null, translation: 1000 },
      { analysis: null, translation: 1000 },
      { analysis: null, translation: null },
    ]);
    expect(keepAlive).toHaveBeenCalled();
  });

  it('stops showing thinking when a part fails mid-thought', async () => {
    const { manager } = setup({
      runAnalysis: async (request) => {
        request.onThinking(true, {});
        throw { code: 'stream-interrupted', detail: 'dropped' };
      },
    });
    await manager.start(7, { source: 'article', force: false });
    expect(manager.get(7)?.thinking?.analysis ?? null).toBeNull();
  });

  it('extracts, streams both parts, finishes and caches', async () => {
    const { manager, events, calls, cache, mirror } = setup();
    await manager.start(7, { source: 'article', force: false });
    const job = manager.get(7);
    expect(job?.status).toBe('done');
    expect(job?.analysis).toEqual(analysis);
    expect(job?.translation).toBe('A deal is apparently close.');
    expect(job?.usage.analysis?.totalTokens).toBe(15);
    expect(events.map((event) => event.type)).toContain('analysis-partial');
    expect(mirror()).toEqual(job);
    expect(calls).toMatchObject({ analysis: 1, translation: 1 });
    expect(cache.size).toBe(1);
  });

  it('serves a revisit from the cache without any request, and Regenerate bypasses it', async () => {
    const { manager, calls } = setup();
    await manager.start(7, { source: 'article', force: false });
    await manager.start(7, { source: 'article', force: false });
    expect(calls.analysis).toBe(1);
    expect(manager.get(7)).toMatchObject({
      fromCache: true,
      status: 'done',
      translation: 'A deal is apparently close.',
    });
    await manager.start(7, { source: 'article', force: true });
    expect(calls.analysis).toBe(2);
    expect(manager.get(7)?.fromCache).toBe(false);
  });

  describe('the cache and a copy of the article', () => {
    /** Runs the first article, then the second, in one manager with one cache; returns both results. */
    async function copyFirst(copy: Article, real: Article, extra: Partial<JobEnvironment> = {}) {
      let current = copy;
      const context = setup({ extract: async () => ({ ok: true, article: current }), ...extra });
      await context.manager.start(7, { source: 'article', force: false });
      current = real;
      await context.manager.start(7, { source: 'article', force: false });
      return context;
    }

    it('never serves a copy on another site, even with the same canonical URL and text', async () => {
      const copy = { ...article, url: 'https://news-example.copy/a' };
      const { manager, calls } = await copyFirst(copy, article);
      expect(calls.analysis).toBe(2);
      expect(manager.get(7)).toMatchObject({ fromCache: false, article: { url: article.url } });
    });

    it.each([
      ['site name', { siteName: 'Fake News' }],
      ['title', { title: 'Something else' }],
      ['byline', { byline: 'Von Niemand' }],
      ['date', { publishedTime: '2020-01-01T00:00:00Z' }],
      ['canonical URL', { canonicalUrl: 'https://news.example/b' }],
      ['a link target', { links: [{ text: 'Quelle', url: 'https://news-examp1e.com/', paragraphId: 'p1' }] }],
      [
        'a paragraph id',
        { paragraphs: article.paragraphs.map((paragraph, index) => ({ ...paragraph, id: `p${index + 2}` })) },
      ],
    ] satisfies Array<[string, Partial<Article>]>)(
      'analyses again when the %s differs on the same site',
      async (_, change) => {
        const { manager, calls } = await copyFirst({ ...article, ...change }, article);
        expect(calls.analysis).toBe(2);
        expect(manager.get(7)?.fromCache).toBe(false);
      },
    );

    it('shows the article just read with the cached analysis, never page data from the cache', async () => {
      // Same origin and fingerprint, another address on the site (a query string): a hit.
      const revisit = { ...article, url: 'https://news.example/a?ref=home' };
      const { manager, calls, cache } = await copyFirst(article, revisit);
      expect(calls.analysis).toBe(1);
      expect(manager.get(7)).toMatchObject({ fromCache: true, article: { url: revisit.url }, analysis });
      for (const stored of cache.values()) expect(stored).not.toHaveProperty('article');
    });

    it('neither reads nor writes the cache for a private window', async () => {
      const { calls, cache } = await copyFirst(article, article, { cacheAllowed: async () => false });
      expect(calls.analysis).toBe(2);
      expect(cache.size).toBe(0);
    });
  });

  it('marks a job whose snapshot could not be kept, once', async () => {
    const { manager, events } = setup();
    await manager.start(7, { source: 'article', force: false });
    manager.notKept(7);
    manager.notKept(7);
    manager.notKept(99);
    expect(manager.get(7)?.notKept).toBe(true);
    expect(events.filter((event) => event.type === 'not-kept')).toHaveLength(1);
  });

  it('shows the article, then stops with missing-api-key when a provider needs a key', async () => {
    const { manager, calls } = setup({ apiKey: '' });
    await manager.start(7, { source: 'article', force: false });
    expect(manager.get(7)).toMatchObject({
      status: 'error',
      error: { code: 'missing-api-key', host: 'api.openai.com' },
      article: { title: article.title },
      analysisStatus: 'pending',
    });
    expect(calls.analysis).toBe(0);
  });

  it('needs no key for a local server', async () => {
    const { manager } = setup({ apiKey: '', settings: { provider: 'ollama', baseUrl: 'http://localhost:11434/v1' } });
    await manager.start(7, { source: 'article', force: false });
    expect(manager.get(7)?.status).toBe('done');
  });

  it('reports extraction failures as the job error', async () => {
    const { manager } = setup({
      extract: async () => ({ ok: false, error: { code: 'not-an-article', hasSelection: true } }),
    });
    await manager.start(7, { source: 'article', force: false });
    expect(manager.get(7)).toMatchObject({ status: 'error', error: { code: 'not-an-article', hasSelection: true } });
  });

  it('keeps the translation when the analysis fails, and does not cache a partial result', async () => {
    const { manager, cache } = setup({
      runAnalysis: async () => {
        throw { code: 'rate-limited', retryAfterSeconds: 20 };
      },
    });
    await manager.start(7, { source: 'article', force: false });
    expect(manager.get(7)).toMatchObject({
      status: 'done',
      analysisStatus: 'error',
      analysisError: { code: 'rate-limited', retryAfterSeconds: 20 },
      translationStatus: 'done',
    });
    expect(cache.size).toBe(0);
  });

  it('skips the translation when the article is already in the target language', async () => {
    const { manager, calls } = setup({
      extract: async () => ({ ok: true, article: { ...article, language: 'en' } }),
    });
    await manager.start(7, { source: 'article', force: false });
    expect(manager.get(7)).toMatchObject({ status: 'done', translationStatus: 'skipped' });
    expect(calls.translation).toBe(0);
  });

  it('cancels: aborts the requests and keeps what arrived', async () => {
    let release: () => void = () => undefined;
    const { manager, calls, events } = setup({
      runTranslation: (request) =>
        new Promise((resolve, reject) => {
          request.onDelta('Partial text');
          release = () => resolve({ usage: null });
          request.signal.addEventListener('abort', () => reject({ code: 'cancelled' }));
        }),
      runAnalysis: (request) =>
        new Promise((_resolve, reject) => {
          calls.signals.push(request.signal);
          request.signal.addEventListener('abort', () => reject({ code: 'cancelled' }));
        }),
    });
    const running = manager.start(7, { source: 'article', force: false });
    await vi.waitFor(() => expect(manager.get(7)?.status).toBe('running'));
    manager.cancel(7);
    await running;
    release();
    expect(calls.signals[0]?.aborted).toBe(true);
    const job = manager.get(7);
    expect(job).toMatchObject({
      status: 'cancelled',
      translation: 'Partial text',
      analysisError: { code: 'cancelled' },
    });
    expect(events.at(-1)?.type).toBe('cancelled');
  });

  it('does not start a second identical job while one runs', async () => {
    let finish: () => void = () => undefined;
    const { manager, calls } = setup({
      runAnalysis: () =>
        new Promise((resolve) => {
          calls.analysis++;
          finish = () => resolve({ analysis, usage: null, mode: 'prompt' });
        }),
    });
    const first = manager.start(7, { source: 'article', force: false });
    await vi.waitFor(() => expect(calls.analysis).toBe(1));
    await manager.start(7, { source: 'article', force: false });
    finish();
    await first;
    expect(calls.analysis).toBe(1);
  });

  it('says when the tab moves on, and analyses the new page when asked, even mid-job', async () => {
    const finishers: Array<() => void> = [];
    const { manager, calls } = setup({
      runAnalysis: () =>
        new Promise((resolve) => {
          calls.analysis++;
          finishers.push(() => resolve({ analysis, usage: null, mode: 'prompt' }));
        }),
    });
    const first = manager.start(7, { source: 'article', force: false });
    await vi.waitFor(() => expect(calls.analysis).toBe(1));
    manager.pageChanged(7, `${article.url}#comments`);
    expect(manager.get(7)?.pageChanged).toBe(false);
    manager.pageChanged(7, null);
    expect(manager.get(7)?.pageChanged).toBe(true);
    const second = manager.start(7, { source: 'article', force: false });
    await vi.waitFor(() => expect(calls.analysis).toBe(2));
    expect(manager.get(7)?.pageChanged).toBe(false);
    for (const finish of finishers) finish();
    await Promise.all([first, second]);
  });

  it('keeps a source check on its job, mirrored by the surfaces; a re-run starts with none', async () => {
    const { manager, mirror } = setup();
    await manager.start(7, { source: 'article', force: false });
    const jobId = manager.get(7)?.id ?? '';
    const source = { url: 'https://www.nytimes.com/a', name: 'NYT', domain: 'nytimes.com', names: ['NYT'], claims: [] };
    const check = { source, via: 'fetch', parentUrl: null, status: 'reading' } as const;
    expect(manager.updateSourceCheck(7, jobId, check)).toBe(true);
    expect(manager.get(7)?.sourceChecks).toEqual({ [source.url]: check });
    expect(mirror()?.sourceChecks).toEqual({ [source.url]: check });

    await manager.start(7, { source: 'article', force: true });
    expect(manager.get(7)?.sourceChecks).toEqual({});
    // The old job's check ends where nobody looks: dropped.
    expect(manager.updateSourceCheck(7, jobId, { ...check, status: 'checking' })).toBe(false);
    expect(manager.updateSourceCheck(8, jobId, check)).toBe(false);
    expect(mirror()?.sourceChecks).toEqual({});
  });

  it('answers a subscription only once the jobs of before a restart are back', async () => {
    const { manager } = setup();
    let release: (jobs: JobState[]) => void = () => undefined;
    void manager.restoreAll(new Promise((resolve) => (release = resolve)));
    const snapshots: Array<JobState | null> = [];
    manager.subscribe(3, (event) => {
      if (event.type === 'snapshot') snapshots.push(event.job);
    });
    await Promise.resolve();
    expect(snapshots).toEqual([]);
    const persisted = applyJobEvent(
      { ...(createJob({ id: 'old', tabId: 3, model: 'm', host: 'h', targetLanguage: 'English', now: 0 }) as JobState) },
      { type: 'article', article },
    ) as JobState;
    release([persisted]);
    await vi.waitFor(() => expect(snapshots).toHaveLength(1));
    expect(snapshots[0]).toMatchObject({ id: 'old', status: 'error', analysisError: { code: 'stream-interrupted' } });
  });

  it('marks a job restored after a restart as interrupted', () => {
    const { manager } = setup();
    const running: JobState = {
      ...(applyJobEvent(
        {
          id: 'x',
          tabId: 9,
          status: 'running',
          startedAt: 0,
          finishedAt: null,
          model: 'm',
          host: 'h',
          targetLanguage: 'English',
          article,
          fromCache: false,
          analysis: {},
          analysisStatus: 'streaming',
          analysisError: null,
          analysisMode: null,
          translation: 'Half',
          translationStatus: 'streaming',
          translationError: null,
          usage: { analysis: null, translation: null },
          estimate: null,
          pause: null,
          thinking: NOT_THINKING,
          pageChanged: false,
          notKept: false,
          error: null,
          sourceChecks: {},
        },
        { type: 'translation-delta', text: ' done' },
      ) as JobState),
    };
    manager.restore(running);
    expect(manager.get(9)).toMatchObject({
      status: 'error',
      error: null,
      analysisError: { code: 'stream-interrupted' },
      translationError: { code: 'stream-interrupted' },
      translation: 'Half done',
    });
  });
});
