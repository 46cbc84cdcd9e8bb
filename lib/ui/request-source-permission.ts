import { hostPatternOf } from '@/lib/sources/read-source-in-background';
import { requestOrigins } from '@/lib/ui/request-origins';

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
 * Asks synchronously (requestOrigins): call it first thing in the click handler, before any
 * await. One request for all sites: the browser shows one prompt, and remembers a grant. Never rejects.
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
  return requestOrigins(sites.patterns).then((outcome): SourcePermissionOutcome => ({ ...outcome, ...sites }));
}
