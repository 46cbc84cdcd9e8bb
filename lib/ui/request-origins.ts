import { browser } from '#imports';
import { messageOf } from '@/lib/message-of';

export type OriginsRequestOutcome =
  | { granted: true }
  | { granted: false; reason: 'declined' | 'unavailable'; detail?: string };

/**
 * Asks host access to `patterns` (match patterns, e.g. `https://www.nytimes.com/*`, listed as
 * optional host permissions in wxt.config.ts), in one prompt. `permissions.request` needs the
 * user gesture, so this calls it synchronously: call it first thing in a click handler, before
 * any await. No `permissions.contains` first, as that would need an await; Chrome resolves
 * `request` at once, without a prompt, when access is already granted. Never rejects: a browser
 * that cannot ask (no gesture, an unknown pattern) gives `unavailable` with its words.
 */
export function requestOrigins(patterns: string[]): Promise<OriginsRequestOutcome> {
  let request: Promise<boolean>;
  try {
    request = browser.permissions.request({ origins: patterns });
  } catch (error) {
    return Promise.resolve({ granted: false, reason: 'unavailable', detail: messageOf(error) });
  }
  return request.then(
    (granted): OriginsRequestOutcome => (granted ? { granted: true } : { granted: false, reason: 'declined' }),
    (error: unknown): OriginsRequestOutcome => ({ granted: false, reason: 'unavailable', detail: messageOf(error) }),
  );
}
