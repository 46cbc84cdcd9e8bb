import { browser } from '#imports';
import { messageOf } from '@/lib/message-of';
import { hostPatternOf } from '@/lib/sources/read-source-in-background';

/** The sites asked for, as the reader knows them (`https://www.nytimes.com`), and the match patterns asked. */
export interface SourceSites {
  origins: string[];
  patterns: string[];
}

export type SourcePermissionOutcome =
  | ({ granted: true } & SourceSites)
  | ({ granted: false; reason: 'declined' | 'invalid-url' | 'unavailable'; detail?: string } & SourceSites);

/**
 * Asks host access to the sites of the linked sources about to be checked (optional host
 * permissions, wxt.config.ts), so the background may fetch them or read them in a tab.
 * `permissions.request` needs the user gesture, so, as requestHostPermission does for the
 * endpoint, this calls it synchronously: call it first thing in the click handler, before any
 * await. Chrome answers at once, without a prompt, for sites already granted, and remembers a grant.
 * One request for all sites: the browser shows one prompt. Never rejects.
 */
export function requestSourcePermission(urls: readonly string[]): Promise<SourcePermissionOutcome> {
  const sites: SourceSites = { origins: [], patterns: [] };
  for (const url of urls) {
    const pattern = hostPatternOf(url);
    if (!pattern) return Promise.resolve({ granted: false, reason: 'invalid-url', ...sites });
    if (sites.patterns.includes(pattern.pattern)) continue;
    sites.patterns.push(pattern.pattern);
    sites.origins.push(pattern.origin);
  }
  let request: Promise<boolean>;
  try {
    request = browser.permissions.request({ origins: sites.patterns });
  } catch (error) {
    return Promise.resolve({ granted: false, reason: 'unavailable', detail: messageOf(error), ...sites });
  }
  return request.then(
    (granted): SourcePermissionOutcome =>
      granted ? { granted: true, ...sites } : { granted: false, reason: 'declined', ...sites },
    (error: unknown): SourcePermissionOutcome => ({
      granted: false,
      reason: 'unavailable',
      detail: messageOf(error),
      ...sites,
    }),
  );
}
