import { i18n } from '#i18n';
import { PauseNotice } from '@/components/panel/pause-notice';
import { ThinkingNotice } from '@/components/panel/thinking-notice';
import type { JobState } from '@/lib/job/job';
import { costText } from '@/lib/ui/cost-text';
import '@/components/panel/job-toolbar.css';

interface JobToolbarProps {
  job: JobState;
  onCancel: () => void;
  onRegenerate: () => void;
}

/** Cancel while the job runs; Regenerate once it is over (or came from the cache); what it costs or cost. */
export function JobToolbar({ job, onCancel, onRegenerate }: JobToolbarProps) {
  const running = job.status === 'extracting' || job.status === 'running';
  const usage = costText(job);
  return (
    <div class="toolbar">
      {/* A run waiting for the go-ahead has its own buttons, in the confirmation. */}
      {job.status === 'awaiting-confirmation' ? null : running ? (
        <button type="button" class="button button--danger" onClick={onCancel}>
          {i18n.t('panel.cancel')}
        </button>
      ) : (
        <button type="button" class="button" onClick={onRegenerate} title={i18n.t('panel.regenerateHint')}>
          {i18n.t('panel.regenerate')}
        </button>
      )}
      <span class="toolbar__meta">
        {job.model && <span title={job.host}>{job.model}</span>}
        {job.model && usage && ' · '}
        {usage && <span title={usage.detail}>{usage.label}</span>}
      </span>
      {running && job.pause && <PauseNotice pause={job.pause} />}
      {running && !job.pause && <ThinkingNotice thinking={job.thinking} />}
    </div>
  );
}
