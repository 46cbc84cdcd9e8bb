import type { EndpointPause } from '../llm/endpoint-pause';

/** "Paused by the endpoint's rate limit — resuming in 12 s", counted down from `now`. */
export function pauseText(pause: EndpointPause, now: number): string {
  const seconds = Math.max(0, Math.ceil((pause.until - now) / 1000));
  const when = seconds > 0 ? `resuming in ${seconds} s` : 'resuming now';
  return pause.reason === 'rate-limit'
    ? `Paused by the endpoint’s rate limit — ${when}`
    : `The endpoint failed; trying again (attempt ${pause.attempt + 1}) — ${when}`;
}
