import { describe, expect, it } from 'vitest';
import { seedJob } from '../../components/fixtures/seed-job';
import { regionStatuses } from './region-status';

describe('regionStatuses', () => {
  it('has the summary writing and the notes waiting until the first note arrives', () => {
    const job = seedJob({ status: 'running', analysisStatus: 'streaming', analysis: { summary: [{ text: 'A' }] } });
    expect(regionStatuses(job)).toEqual({ summary: 'streaming', sources: 'pending', translation: 'done' });
  });

  it('has the summary done and the notes writing once notes stream', () => {
    const job = seedJob({ status: 'running', analysisStatus: 'streaming', analysis: { summary: [], notes: [{}] } });
    expect(regionStatuses(job)).toMatchObject({ summary: 'done', sources: 'streaming' });
  });

  it('passes final states through', () => {
    expect(regionStatuses(seedJob({ analysisStatus: 'error', translationStatus: 'skipped' }))).toEqual({
      summary: 'error',
      sources: 'error',
      translation: 'skipped',
    });
  });
});
