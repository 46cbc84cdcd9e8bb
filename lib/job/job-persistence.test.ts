import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { AnalysisSchema } from '@/lib/attribution/analysis';
import { applyJobEvent, createJob, type JobState, NOT_THINKING } from '@/lib/job/job';
import { loadPersistedJobs } from '@/lib/job/job-persistence';

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

/** What a release before the estimate, pause, thinking and page marks wrote. */
function olderRelease(job: JobState): Record<string, unknown> {
  const { estimate, pause, thinking, pageChanged, notKept, ...rest } = job;
  return rest;
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
