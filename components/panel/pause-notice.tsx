import { useNow } from '@/components/hooks/use-now';
import type { EndpointPause } from '@/lib/llm/endpoint-pause';
import { pauseText } from '@/lib/ui/pause-text';
import '@/components/panel/pause-notice.css';

/** While requests wait out a rate limit or a server error: what is happening, counted down each second. */
export function PauseNotice({ pause }: { pause: EndpointPause }) {
  const now = useNow(pause);
  return (
    <p class="pause-notice" role="status">
      <span class="spinner" aria-hidden="true" />
      {pauseText(pause, now)}
    </p>
  );
}
