import { i18n } from '#i18n';
import type { SourcePermissionOutcome } from '@/lib/ui/request-source-permission';

/**
 * Why nothing was checked after the permission prompt, naming the sites and the source, and how
 * to allow them; null when access was granted. `sourceName`: the source (or the sources, joined)
 * the reader asked to check.
 */
export function sourcePermissionText(outcome: SourcePermissionOutcome, sourceName: string): string | null {
  if (outcome.granted) return null;
  // Hosts, not origins: host access is granted per host, whatever the port (match patterns have none).
  const sites = outcome.patterns.map((pattern) => pattern.replace(/^https?:\/\//, '').replace(/\/\*$/, '')).join(', ');
  switch (outcome.reason) {
    case 'invalid-url':
      return i18n.t('sourceChecks.invalidLink', { name: sourceName });
    case 'declined':
      return i18n.t('sourceChecks.declined', { sites, name: sourceName });
    case 'unavailable':
      return i18n.t('sourceChecks.notAsked', { sites, detail: outcome.detail ?? i18n.t('permission.unknownReason') });
  }
}
