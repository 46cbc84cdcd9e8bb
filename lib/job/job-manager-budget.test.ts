import { describe, expect, it, vi } from 'vitest';
import type { Article } from '@/lib/article/article';
import type { Analysis } from '@/lib/attribution/analysis';
import { applyJobEvent, type JobEvent, type JobState } from '@/lib/job/job';
import type { JobEnvironment, LlmRequest } from '@/lib/job/job-environment';
import { JobManager } from '@/lib/job/job-manager';
import { DEFAULT_SETTINGS, NO_OVERRIDE, type Settings } from '@/lib/settings';
import { createFakeJobEnvironment } from '@/tests/support/fake-job-environment';
import { seedArticle } from '@/tests/support/seed-article';

const seed = seedArticle();
const long: Article = {
  ...seed,
  paragraphs: Array.from({ length: 140 }, (_, index) => ({
    id: `p${index + 1}`,
    text: seed.paragraphs[index % seed.paragraphs.length]?.text ?? '',
  })),
};
const analysis: Analysis = { summary: [{ text: 'A deal.', paragraphIds: ['p1'] }], notes: [], outsideKnowledge: [] };

/**
 * An output limit too small for both of the seed's answers in one, large enough for its translation
 * in one piece: analysis and translation go out apart (see request-plan.ts).
 */
const TWO_REQUESTS: Partial<Settings> = {
  modelOverrides: {
    [DEFAULT_SETTINGS.model]: { ...NO_OVERRIDE, maxOutputTokens: 2_048 },
  },
};

function setup(options: { article?: Article; settings?: Partial<Settings>; environment?: Partial<JobEnvironment> }) {
  const requests: LlmRequest[] = [];
  const environment = createFakeJobEnvironment({
    article: options.article ?? seed,
    settings: { ...TWO_REQUESTS, ...options.settings },
    runAnalysis: async (request) => {
      requests.push(request);
      return { analysis, usage: null, mode: 'json_schema' };
    },
    runTranslation: async (request) => {
      requests.push(request);
      return { usage: null };
    },
    ...options.environment,
  });
  const manager = new JobManager(environment);
  const events: JobEvent[] = [];
  let mirror: JobState | null = null;
  manager.subscribe(1, (event) => {
    events.push(event);
    mirror = applyJobEvent(mirror, event);
  });
  return { manager, events, requests, mirror: () => mirror };
}

describe('JobManager: estimate, plan and pauses', () => {
  it('estimates tokens and cost right after the article, before any request', async () => {
    const { manager, events, mirror } = setup({});
    await manager.start(1, { source: 'article', force: false });
    const types = events.map((event) => event.type);
    expect(types.indexOf('estimate')).toBe(types.indexOf('article') + 1);
    expect(mirror()?.estimate).toMatchObject({
      requests: 2,
      price: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
      inputTokens: expect.any(Number),
    });
    expect(mirror()?.estimate?.inputTokens).toBeGreaterThan(1_000);
  });

  it('hands the analysis and the translation the plan: a long article past a small window goes in parts for both', async () => {
    const { manager, requests } = setup({
      article: long,
      settings: {
        model: 'llama3.1',
        provider: 'ollama',
        baseUrl: 'http://localhost:11434/v1',
        modelOverrides: {
          'llama3.1': {
            contextTokens: 8_192,
            maxOutputTokens: 4_096,
            inputPricePerMillion: null,
            outputPricePerMillion: null,
          },
        },
      },
    });
    await manager.start(1, { source: 'article', force: false });
    const [request] = requests;
    expect(request?.plan.limits).toEqual({ contextTokens: 8_192, maxOutputTokens: 4_096 });
    expect(request?.plan.parallelRequests).toBe(4);
    expect(request?.plan.analysisParts.length).toBeGreaterThan(1);
    expect(request?.plan.translationParts.length).toBeGreaterThan(1);
  });

  it('shows the latest pause of any of the job’s requests, and clears it when none waits', async () => {
    let release: () => void = () => undefined;
    const snapshots: Array<JobState['pause'] | undefined> = [];
    const { manager, mirror } = setup({
      environment: {
        runTranslation: async (request) => {
          const first = {};
          const second = {};
          request.onPause({ reason: 'rate-limit', until: 5_000, attempt: 1 }, first);
          request.onPause({ reason: 'server-error', until: 3_000, attempt: 1 }, second);
          snapshots.push(manager.get(1)?.pause);
          request.onPause(null, first);
          snapshots.push(manager.get(1)?.pause);
          request.onPause(null, second);
          snapshots.push(manager.get(1)?.pause);
          request.onPause({ reason: 'rate-limit', until: 9_000, attempt: 2 }, first);
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return { usage: null };
        },
      },
    });
    const started = manager.start(1, { source: 'article', force: false });
    // Until the translation's runner has run (hashing and planning come first, slower on a busy machine).
    await vi.waitFor(() => expect(snapshots).toHaveLength(3));
    expect(snapshots).toEqual([
      { reason: 'rate-limit', until: 5_000, attempt: 1 },
      { reason: 'server-error', until: 3_000, attempt: 1 },
      null,
    ]);
    expect(mirror()?.pause).toEqual({ reason: 'rate-limit', until: 9_000, attempt: 2 });
    release();
    await started;
    expect(mirror()?.pause).toBeNull();
  });

  it('cancels every request of the job at once and leaves the job cancelled, whatever arrives later', async () => {
    const signals: AbortSignal[] = [];
    let late: () => void = () => undefined;
    const { manager, mirror } = setup({
      environment: {
        runAnalysis: (request) => {
          signals.push(request.signal);
          return new Promise((_resolve, reject) =>
            request.signal.addEventListener('abort', () => reject({ code: 'cancelled' })),
          );
        },
        runTranslation: (request) => {
          signals.push(request.signal);
          late = () => request.onDelta('late text');
          return new Promise((_resolve, reject) =>
            request.signal.addEventListener('abort', () => reject({ code: 'cancelled' })),
          );
        },
      },
    });
    const started = manager.start(1, { source: 'article', force: false });
    await vi.waitFor(() => expect(signals).toHaveLength(2));
    manager.cancel(1);
    await started;
    late();
    expect(signals.map((signal) => signal.aborted)).toEqual([true, true]);
    expect(mirror()).toMatchObject({
      status: 'cancelled',
      analysisStatus: 'error',
      translationStatus: 'error',
      translation: '',
      pause: null,
    });
  });
});
