// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportButtons } from '@/components/panel/export-buttons';
import { EvidenceReportSchema } from '@/lib/report/evidence-report-schema';
import { downloadFile } from '@/lib/ui/download-file';
import { seedJob } from '@/tests/support/components/seed-job';
import { nytState, seedNytResult } from '@/tests/support/components/source-check-states';

// The browser's download is the boundary here: what would be saved is what the test reads.
vi.mock('@/lib/ui/download-file', () => ({ downloadFile: vi.fn() }));

afterEach(() => {
  cleanup();
  vi.mocked(downloadFile).mockReset();
});

const result = seedNytResult();
const job = seedJob({
  sourceChecks: {
    [result.url]: nytState({ status: 'checked', result }),
    'https://example.org/other': { ...nytState({ status: 'checking' }) },
  },
});

async function exported(button: string): Promise<string> {
  fireEvent.click(screen.getByRole('button', { name: button }));
  await vi.waitFor(() => expect(downloadFile).toHaveBeenCalled(), { timeout: 5_000 });
  return String(vi.mocked(downloadFile).mock.calls[0]?.[1] ?? '');
}

describe('ExportButtons with source checks', () => {
  it('puts the checked sources in the JSON report, and leaves out checks still running', async () => {
    render(<ExportButtons job={job} />);
    const report = EvidenceReportSchema.parse(JSON.parse(await exported('Export JSON')));
    expect(report.sourceChecks).toHaveLength(1);
    expect(report.sourceChecks?.[0]).toMatchObject({ url: result.url });
    expect(JSON.stringify(report.sourceChecks)).toContain('could consider easing some');
  });

  it('puts them in the Markdown report', async () => {
    render(<ExportButtons job={job} />);
    const markdown = await exported('Export Markdown');
    expect(markdown).toContain('Source checks');
    expect(markdown).toContain(result.url);
  });

  it('leaves the section out when nothing was checked', async () => {
    render(<ExportButtons job={seedJob()} />);
    const report = EvidenceReportSchema.parse(JSON.parse(await exported('Export JSON')));
    expect(report.sourceChecks).toBeUndefined();
  });
});
