import { useState } from 'preact/hooks';
import type { JobState } from '../../lib/job/job';
import { buildEvidenceReport } from '../../lib/report/build-evidence-report';
import { reportFileName } from '../../lib/report/report-file-name';
import { reportToMarkdown } from '../../lib/report/report-to-markdown';
import { downloadFile } from '../../lib/ui/download-file';
import './export-buttons.css';
import { messageOf } from '../../lib/message-of';

interface ExportButtonsProps {
  job: JobState;
}

type Format = 'md' | 'json';

/**
 * Export Markdown and Export JSON: the evidence report (lib/report) of what the panel shows,
 * saved as a file named after the title and date. Offered once the job has stopped running.
 */
export function ExportButtons({ job }: ExportButtonsProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const running = job.status === 'extracting' || job.status === 'running';
  const disabled = running || job.article === null;

  const exportAs = async (format: Format) => {
    setProblem(null);
    try {
      const report = await buildEvidenceReport(job, { retrievedAt: new Date(job.startedAt).toISOString() });
      const name = reportFileName(report.source.title, report.retrievedAt, format);
      if (format === 'json') downloadFile(name, `${JSON.stringify(report, null, 2)}\n`, 'application/json');
      else downloadFile(name, reportToMarkdown(report), 'text/markdown;charset=utf-8');
    } catch (error) {
      setProblem(`The report could not be made: ${messageOf(error)}`);
    }
  };

  return (
    <div class="export-bar">
      <div class="export-bar__text">
        <p class="export-bar__title">Evidence report</p>
        <p class="export-bar__hint">
          {running
            ? 'Available when the analysis has finished.'
            : 'The article, its hash, the notes with their verified quotes, the translation and the model used.'}
        </p>
      </div>
      <div class="button-row">
        <button type="button" class="button button--small" disabled={disabled} onClick={() => exportAs('md')}>
          Export Markdown
        </button>
        <button type="button" class="button button--small" disabled={disabled} onClick={() => exportAs('json')}>
          Export JSON
        </button>
      </div>
      {problem && (
        <p class="export-bar__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
