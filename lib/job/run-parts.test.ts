import { describe, expect, it } from 'vitest';
import { planRequests } from '@/lib/budget/request-plan';
import type { JobEvent } from '@/lib/job/job';
import type { AnalysisRequest, JobEnvironment, LlmRequest, TranslationRequest } from '@/lib/job/job-environment';
import { runParts } from '@/lib/job/run-parts';
import { seedArticle } from '@/tests/support/seed-article';

const article = seedArticle();
const plan = planRequests(article, {
  model: 'gpt-4o-mini',
  targetLanguage: 'English',
  limits: { contextTokens: 128_000, maxOutputTokens: 16_384 },
  parallelRequests: 2,
  translate: true,
});
const analysis = { summary: [], notes: [], outsideKnowledge: [] };

function request(combined: boolean): LlmRequest {
  return {
    baseUrl: 'http://127.0.0.1:9/v1',
    apiKey: '',
    model: 'gpt-4o-mini',
    article,
    targetLanguage: 'English',
    signal: new AbortController().signal,
    plan: { ...plan, combined },
    onPause: () => undefined,
    onThinking: () => undefined,
    onActivity: () => undefined,
  };
}

/** Runners that record what they were asked, answering at once. */
function recordingRunners(calls: string[]): Pick<JobEnvironment, 'runAnalysis' | 'runTranslation'> {
  return {
    runAnalysis: async (analysisRequest: AnalysisRequest) => {
      calls.push(analysisRequest.onTranslation ? 'analysis with translation' : 'analysis');
      analysisRequest.onTranslation?.('[p1] Hello', true);
      return { analysis, usage: null, mode: 'json_schema', translation: '[p1] Hello' };
    },
    runTranslation: async (translationRequest: TranslationRequest) => {
      calls.push('translation');
      translationRequest.onDelta('[p1] Hello');
      return { usage: null };
    },
  };
}

async function run(combined: boolean) {
  const calls: string[] = [];
  const events: JobEvent['type'][] = [];
  await runParts(recordingRunners(calls), {
    request: request(combined),
    emit: (event) => events.push(event.type),
    now: () => 0,
  });
  return { calls: calls.sort(), events };
}

describe('runParts', () => {
  it('sends one request carrying the translation when the plan combines them', async () => {
    const { calls, events } = await run(true);
    expect(calls).toEqual(['analysis with translation']);
    expect(events).toEqual(['translation-delta', 'translation-done', 'analysis-done']);
  });

  it('sends the analysis and the translation side by side otherwise', async () => {
    const { calls, events } = await run(false);
    expect(calls).toEqual(['analysis', 'translation']);
    expect(events).toContain('analysis-done');
    expect(events).toContain('translation-done');
  });
});
