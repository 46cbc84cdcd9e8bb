// @vitest-environment happy-dom
import { cleanup, fireEvent, getByRole, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobActions } from '@/components/panel/job-actions';
import { JobView } from '@/components/panel/job-view';
import { EvidenceReportSchema } from '@/lib/report/evidence-report-schema';
import { downloadFile } from '@/lib/ui/download-file';
import { seedJob } from '@/tests/support/components/seed-job';

// The browser's download is the boundary here: what would be saved is what the test reads.
vi.mock('@/lib/ui/download-file', () => ({ downloadFile: vi.fn() }));

/**
 * The report is built asynchronously (the article's hash comes from Web Crypto): under a loaded
 * machine that takes longer than a few turns of the event loop, so wait for the download itself.
 */
async function downloaded(): Promise<void> {
  await vi.waitFor(() => expect(downloadFile).toHaveBeenCalled(), { timeout: 5_000 });
}

afterEach(() => {
  cleanup();
  vi.mocked(downloadFile).mockReset();
});

const actions: JobActions = {
  start: () => Promise.resolve(),
  cancel: () => Promise.resolve(),
  openOptions: () => Promise.resolve(),
  checkSources: () => Promise.resolve(),
  setAsideSourceChecks: () => Promise.resolve(),
};

function region(name: string): HTMLElement {
  const section = document.body.querySelector<HTMLElement>(`section[aria-label="${name}"]`);
  if (!section) throw new Error(`No region "${name}"`);
  return section;
}

describe('JobView: background knowledge, bilingual view and the evidence report', () => {
  it("shows the model's background knowledge below the notes, in its own block, never among them", async () => {
    render(<JobView job={seedJob()} synced actions={actions} />);
    const sources = region('Sources');
    const block = sources.querySelector('aside.outside-knowledge');
    expect(block?.textContent).toContain("Not from the article — the model's background knowledge");
    expect(block?.textContent).toContain('Christopher Smith');
    expect(sources.querySelector('.notes')?.textContent).not.toContain('general knowledge');
    const notes = sources.querySelector('.notes');
    // Below the notes: the list comes first in document order.
    expect(notes && block && notes.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('offers "Side by side" in the Translation region', async () => {
    render(<JobView job={seedJob()} synced actions={actions} />);
    fireEvent.click(getByRole(region('Translation'), 'button', { name: 'Side by side' }));
    const p1 = region('Translation').querySelector('[data-paragraph-id="p1"]');
    expect(p1?.querySelector('.bilingual__original')?.textContent).toMatch(/^Ein mutmaßlich/);
    expect(p1?.querySelector('.bilingual__translation')?.textContent).toMatch(/^A supposedly significant/);
  });

  it('exports the evidence report as JSON, valid against its schema, named after the title and date', async () => {
    render(<JobView job={seedJob()} synced actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await downloaded();
    expect(downloadFile).toHaveBeenCalledTimes(1);
    const [name, content, type] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(name).toBe('sourcelens-medienbericht-usa-und-weißrussland-vor-großem-deal-2025-02-14.json');
    expect(type).toBe('application/json');
    const report = EvidenceReportSchema.parse(JSON.parse(content ?? ''));
    expect(report.paragraphs).toHaveLength(8);
    expect(report.generator.endpointHost).toBe('api.openai.com');
  });

  it('exports Markdown too, and neither while the job is running', async () => {
    const mounted = render(<JobView job={seedJob()} synced actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await downloaded();
    const [name, content] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(name).toMatch(/\.md$/);
    expect(content).toMatch(/^# Evidence report: /);
    mounted.rerender(<JobView job={seedJob({ status: 'running' })} synced actions={actions} />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export JSON' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export Markdown' }).disabled).toBe(true);
  });
});
