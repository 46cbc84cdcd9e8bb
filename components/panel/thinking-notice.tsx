import { useNow } from '@/components/hooks/use-now';
import type { JobState } from '@/lib/job/job';
import { thinkingText } from '@/lib/ui/thinking-text';
import '@/components/panel/pause-notice.css';

/** While a reasoning model thinks: that it does, and for how long, counted each second. */
export function ThinkingNotice({ thinking }: { thinking: JobState['thinking'] }) {
  const now = useNow(thinking);
  const text = thinkingText(thinking, now);
  if (!text) return null;
  return (
    <p class="pause-notice thinking-notice" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {text}
    </p>
  );
}
