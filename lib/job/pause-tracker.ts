import type { EndpointPause } from '@/lib/llm/endpoint-pause';

/**
 * A job's requests (the analysis and every translation part) each report their own pauses; the
 * job shows one: the one that ends last, until none is left.
 */
export function createPauseTracker(
  show: (pause: EndpointPause | null) => void,
): (pause: EndpointPause | null, request: object) => void {
  const pauses = new Map<object, EndpointPause>();
  let shown: EndpointPause | null = null;
  return (pause, request) => {
    if (pause) pauses.set(request, pause);
    else pauses.delete(request);
    let latest: EndpointPause | null = null;
    for (const candidate of pauses.values()) if (!latest || candidate.until > latest.until) latest = candidate;
    if (latest === shown) return;
    shown = latest;
    show(latest);
  };
}
