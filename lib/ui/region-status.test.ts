import { describe, expect, it } from 'vitest';
import { seedJob } from '@/tests/support/components/seed-job';
import { regionStatuses } from '@/lib/ui/region-status';

describe('regionStatuses', () => {
  it('has the summary writing and the notes waiting until the first note arrives', () => {
    const job = seedJob({ status: 'running', analysisStatus: 'streaming', analysis: { summary: [{ text: 'A' }] } });
    expect(regionStatuses(job)).toEqual({ summary: 'streaming', sources: 'pending', translation: 'done' });
  });

  it('has the summary done and the notes writing once notes stream', () => {
    const job = seedJob({ status: 'running', analysisStatus: 'streaming', analysis: { summary: [], notes: [{}] } });
    expect(regionStatuses(job)).toMatchObject({ summary: 'done', sources: 'streaming' });
  });

  it('has the summary done once the translation streams in an answer carrying both', () => {
    const job = seedJob({
      status: 'running',
      analysisStatus: 'streaming',
      translationStatus: 'streaming',
      translation: '[p1] An allegedly',
      analysis: { summary: [{ text: 'A' }] },
      estimate: {
        inputTokens: 1_400,
        outputTokens: 2_300,
        price: null,
        requests: 1,
        analysisParts: 1,
        translationParts: 1,
        combined: true,
      },
    });
    expect(regionStatuses(job)).toEqual({ summary: 'done', sources: 'pending', translation: 'streaming' });
  });

  it('passes final states through', () => {
    expect(regionStatuses(seedJob({ analysisStatus: 'error', translationStatus: 'skipped' }))).toEqual({
      summary: 'error',
      sources: 'error',
      translation: 'skipped',
    });
  });
});
