import type { PartStatus } from '../../lib/job/job';

const LABELS: Record<PartStatus, string> = {
  pending: 'Waiting',
  streaming: 'Writing…',
  done: 'Done',
  error: 'Failed',
  skipped: 'Not needed',
};

/** The state of one region, announced politely when it changes (not on every streamed token). */
export function PartStatusLabel({ status }: { status: PartStatus }) {
  return (
    <span class={`status status--${status}`} aria-live="polite">
      {status === 'streaming' && <span class="spinner" aria-hidden="true" />}
      {LABELS[status]}
    </span>
  );
}
