import { i18n } from '#i18n';
import type { PermissionOutcome } from '@/lib/ui/request-host-permission';

function hostOf(pattern: string | null): string {
  return pattern ? pattern.replace(/\/\*$/, '') : i18n.t('permission.theEndpoint');
}

/**
 * Why host access matters, in the words of the refusal. Null when it was granted. `button`: the
 * button that asks again (Save on the options page, Test connection in the panel's setup).
 */
export function permissionProblem(outcome: PermissionOutcome, button = i18n.t('permission.save')): string | null {
  if (outcome.granted || outcome.reason === 'invalid-url') return null;
  const origin = hostOf(outcome.pattern);
  const why = i18n.t('permission.why', { origin });
  return outcome.reason === 'declined'
    ? i18n.t('permission.declined', { why, button })
    : i18n.t('permission.notAsked', { why, detail: outcome.detail ?? i18n.t('permission.unknownReason') });
}
