import { i18n } from '#i18n';
import { formatCount } from '@/lib/ui/ui-language';
import type { ConnectionTestResult } from '@/lib/messaging';

type Connected = Extract<ConnectionTestResult, { ok: true }>;

/**
 * What Test connection learnt, as the options page says it:
 * "Connected to gpt-4o-mini in 840 ms · structured output ✓ · usage reported ✗ (costs will be estimated)",
 * then, when the endpoint refused request fields, which ones jobs now leave out.
 */
export function connectionText(result: Connected): { headline: string; details: string[] } {
  const structured =
    result.structured === 'json_schema'
      ? i18n.t('connection.structuredSchema')
      : result.structured === 'json_object'
        ? i18n.t('connection.structuredJsonMode')
        : i18n.t('connection.structuredNone');
  const usage = result.usageReported ? i18n.t('connection.usageReported') : i18n.t('connection.usageNotReported');
  const parts = [
    i18n.t('connection.connected', { model: result.model, ms: formatCount(result.latencyMs) }),
    structured,
    usage,
  ];
  if (result.reasoning) parts.push(i18n.t('connection.reasoning'));
  const details =
    result.dropped.length > 0
      ? [i18n.t('connection.dropped', result.dropped.length, { fields: result.dropped.join(', ') })]
      : [];
  return { headline: parts.join(' · '), details };
}
