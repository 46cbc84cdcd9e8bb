import { i18n } from '#i18n';
import type { EndpointPause } from '@/lib/llm/endpoint-pause';

/** "Paused by the endpoint's rate limit — resuming in 12 s", counted down from `now`. */
export function pauseText(pause: EndpointPause, now: number): string {
  const seconds = Math.max(0, Math.ceil((pause.until - now) / 1000));
  const when = seconds > 0 ? i18n.t('progress.resumingIn', { seconds }) : i18n.t('progress.resumingNow');
  return pause.reason === 'rate-limit'
    ? i18n.t('progress.rateLimitPause', { when })
    : i18n.t('progress.serverErrorRetry', { attempt: pause.attempt + 1, when });
}
