import type { ConnectionTestResult } from '../messaging';

type Connected = Extract<ConnectionTestResult, { ok: true }>;

/**
 * What Test connection learnt, as the options page says it:
 * "Connected to gpt-4o-mini in 840 ms · structured output ✓ · usage reported ✗ (costs will be estimated)",
 * then, when the endpoint refused request fields, which ones jobs now leave out.
 */
export function connectionText(result: Connected): { headline: string; details: string[] } {
  const structured =
    result.structured === 'json_schema'
      ? 'structured output ✓'
      : result.structured === 'json_object'
        ? 'structured output: JSON mode only (no schema)'
        : 'structured output ✗ (the JSON is asked for in the instructions)';
  const usage = result.usageReported ? 'usage reported ✓' : 'usage reported ✗ (costs will be estimated)';
  const parts = [`Connected to ${result.model} in ${result.latencyMs.toLocaleString('en')} ms`, structured, usage];
  if (result.reasoning) parts.push('reasoning model (its thinking is never shown as the answer)');
  const details =
    result.dropped.length > 0
      ? [
          `The endpoint refused ${result.dropped.join(', ')}: Sourcelens leaves ${result.dropped.length === 1 ? 'it' : 'them'} out for this model from now on.`,
        ]
      : [];
  return { headline: parts.join(' · '), details };
}
