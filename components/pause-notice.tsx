import { useEffect, useState } from 'preact/hooks';
import type { EndpointPause } from '../lib/llm/endpoint-pause';
import { pauseText } from '../lib/ui/pause-text';

/** While requests wait out a rate limit or a server error: what is happening, counted down each second. */
export function PauseNotice({ pause }: { pause: EndpointPause }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [pause]);
  return (
    <p class="pause-notice" role="status">
      <span class="spinner" aria-hidden="true" />
      {pauseText(pause, now)}
    </p>
  );
}
