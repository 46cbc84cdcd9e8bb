import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AnalysisSchema } from '@/lib/attribution/analysis';
import { applyJobEvent, createJob, type JobState, NOT_THINKING } from '@/lib/job/job';
import { loadPersistedJobs } from '@/lib/job/job-persistence';
import { SAMPLE_SOURCE_CHECK } from '@/tests/support/sample-source-check';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';

/** A finished job of the seed article, as this release writes it. */
function finishedJob(tabId: number): JobState {
  const analysis = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis));
  let job: JobState | null = createJob({
    id: `job-${tabId}`,
    tabId,
    model: 'gpt-4o-mini',
    host: 'api.openai.com',
    targetLanguage: 'English',
    now: 1_000,
  });
  for (const event of [
    { type: 'article', article: seedArticle() },
    { type: 'analysis-done', analysis, usage: null, mode: 'json_schema' },
    { type: 'translation-delta', text: '[p1] A deal.' },
    { type: 'translation-done', usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 } },
  ] as const) {
    job = applyJobEvent(job, event, 2_000);
  }
  if (!job) throw new Error('no job');
  return job;
}

/** What a release before the estimate, pause, thinking, page marks and source checks wrote. */
function olderRelease(job: JobState): Record<string, unknown> {
  const { estimate, pause, thinking, pageChanged, notKept, sourceChecks, ...rest } = job;
  return rest;
}

/** A check of the stand-in NYT page in a state, as the runner stores it (storage gives it back unknown). */
function sourceCheck(url: string, state: Record<string, unknown>): Record<string, unknown> {
  const source = { url, name: 'The New York Times', domain: 'nytimes.com', names: ['NYT'], claims: [] };
  return { source, via: 'fetch', parentUrl: null, ...state };
}

describe('loadPersistedJobs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives back a job as it was written', async () => {
    const job = finishedJob(3);
    await fakeBrowser.storage.session.set({ 'job:3': job });
    expect(await loadPersistedJobs()).toEqual([job]);
  });

  it('brings a job of an older release to the current shape', async () => {
    const job = finishedJob(4);
    await fakeBrowser.storage.session.set({ 'job:4': olderRelease(job) });
    const [restored] = await loadPersistedJobs();
    expect(restored).toEqual({
      ...job,
      estimate: null,
      pause: null,
      thinking: NOT_THINKING,
      pageChanged: false,
      notKept: false,
      sourceChecks: {},
    });
  });

  it("reads the estimate of an older build, which counted the translation's parts as `translationChunks`", async () => {
    const estimate = {
      inputTokens: 34_091,
      outputTokens: 17_819,
      price: null,
      requests: 6,
      analysisParts: 1,
      translationParts: 5,
      combined: false,
    };
    const job = { ...finishedJob(8), estimate };
    const { translationParts, ...olderEstimate } = estimate;
    await fakeBrowser.storage.session.set({
      'job:8': { ...job, estimate: { ...olderEstimate, translationChunks: translationParts } },
    });
    expect(await loadPersistedJobs()).toEqual([job]);
  });

  it('brings back the source checks that ended, and drops those whose work died with the worker', async () => {
    const estimate = {
      inputTokens: 1,
      outputTokens: 1,
      price: null,
      requests: 1,
      analysisParts: 0,
      translationParts: 0,
      combined: false,
    };
    const ended = {
      'https://a.example/1': sourceCheck('https://a.example/1', { status: 'checked', result: SAMPLE_SOURCE_CHECK }),
      'https://a.example/2': sourceCheck('https://a.example/2', {
        status: 'unreadable',
        problem: { kind: 'refused', host: 'a.example', status: 403 },
      }),
      'https://a.example/3': sourceCheck('https://a.example/3', { status: 'failed', error: { code: 'cancelled' } }),
    };
    const underWay = {
      'https://b.example/1': sourceCheck('https://b.example/1', { status: 'reading' }),
      'https://b.example/2': sourceCheck('https://b.example/2', { status: 'checking' }),
      'https://b.example/3': sourceCheck('https://b.example/3', {
        status: 'awaiting-confirmation',
        estimate,
        batchEstimate: estimate,
      }),
    };
    const unfit = {
      'https://c.example/1': { ...sourceCheck('https://c.example/1', { status: 'checked' }) },
      'https://c.example/2': sourceCheck('https://c.example/other', { status: 'failed', error: { code: 'cancelled' } }),
    };
    const job = { ...finishedJob(8), sourceChecks: { ...ended, ...underWay, ...unfit } };
    await fakeBrowser.storage.session.set({ 'job:8': job });
    const [restored] = await loadPersistedJobs();
    expect(restored).toEqual({ ...job, sourceChecks: ended });
  });

  it('keeps what fits of an analysis cut off mid-stream', async () => {
    const job = { ...finishedJob(5), status: 'running', analysisStatus: 'streaming' };
    const partial = { summary: [{ text: 'A deal' }], notes: [{ claim: 'A deal is close', kind: 'not-a-kind' }] };
    await fakeBrowser.storage.session.set({ 'job:5': { ...job, analysis: partial } });
    const [restored] = await loadPersistedJobs();
    expect(restored?.analysis).toEqual({ summary: [{ text: 'A deal' }], notes: [{ claim: 'A deal is close' }] });
  });

  it.each([
    ['not an object', 'job'],
    ['an unknown status', { ...finishedJob(6), status: 'paused' }],
    ['an error code no release had', { ...finishedJob(6), error: { code: 'on-fire' } }],
    ['an error without its fields', { ...finishedJob(6), analysisError: { code: 'auth-failed', status: 401 } }],
    ['an article without paragraphs', { ...finishedJob(6), article: { ...seedArticle(), paragraphs: undefined } }],
    ['no translation', { ...finishedJob(6), translation: undefined }],
  ])('refuses and removes a stored job with %s, keeping the others', async (_, stored) => {
    const good = finishedJob(7);
    await fakeBrowser.storage.session.set({ 'job:6': stored, 'job:7': good, 'other-key': 'left alone' });
    expect(await loadPersistedJobs()).toEqual([good]);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'job:7': good, 'other-key': 'left alone' });
  });
});
