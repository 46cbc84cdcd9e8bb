import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { JobState } from '@/lib/job/job';
import { buildEvidenceReport } from '@/lib/report/build-evidence-report';
import { reportFileName } from '@/lib/report/report-file-name';
import { reportToMarkdown } from '@/lib/report/report-to-markdown';
import type { SourceCheckResult } from '@/lib/sources/source-check-result';
import { downloadFile } from '@/lib/ui/download-file';
import '@/components/panel/export-buttons.css';
import { messageOf } from '@/lib/message-of';

interface ExportButtonsProps {
  job: JobState;
}

type Format = 'md' | 'json';

/** The source checks that ended with a result, for the report; those still running or that failed are left out. */
function checkedSources(job: JobState): SourceCheckResult[] {
  return Object.values(job.sourceChecks).flatMap((state) => (state.status === 'checked' ? [state.result] : []));
}

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
      const report = await buildEvidenceReport(job, {
        retrievedAt: new Date(job.startedAt).toISOString(),
        sourceChecks: checkedSources(job),
      });
      const name = reportFileName(report.source.title, report.retrievedAt, format);
      if (format === 'json') downloadFile(name, `${JSON.stringify(report, null, 2)}\n`, 'application/json');
      else downloadFile(name, reportToMarkdown(report), 'text/markdown;charset=utf-8');
    } catch (error) {
      setProblem(i18n.t('panel.export.failed', { detail: messageOf(error) }));
    }
  };

  return (
    <div class="export-bar">
      <div class="export-bar__text">
        <p class="export-bar__title">{i18n.t('panel.export.title')}</p>
        <p class="export-bar__hint">
          {running ? i18n.t('panel.export.whenFinished') : i18n.t('panel.export.contents')}
        </p>
      </div>
      <div class="button-row">
        <button type="button" class="button button--small" disabled={disabled} onClick={() => exportAs('md')}>
          {i18n.t('panel.export.markdown')}
        </button>
        <button type="button" class="button button--small" disabled={disabled} onClick={() => exportAs('json')}>
          {i18n.t('panel.export.json')}
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
