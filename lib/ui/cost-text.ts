import { dollarsFor, type ModelPrice } from '../budget/model-prices';
import type { JobState, Usage } from '../job/job';
import { formatDollars } from './format-dollars';
import { usageText } from './usage-text';

/**
 * The toolbar's cost line. While the job runs: what it is expected to cost, from the extracted
 * text ("≈ 3,100 tokens in · ≈ 900 out · ≈ $0.001"). Once it is over: what the endpoint reported
 * ("6,980 tokens · $0.0012"). The cost only where the model's price is known.
 */
export function costText(
  job: Pick<JobState, 'status' | 'usage' | 'estimate'>,
): { label: string; detail: string } | null {
  const running = job.status === 'extracting' || job.status === 'running';
  const estimate = job.estimate ?? null;
  const actual = usageText(job.usage);
  if (actual && !running) {
    const cost = estimate?.price ? usageCost([job.usage.analysis, job.usage.translation], estimate.price) : null;
    const detail = estimate
      ? `${actual.detail}. Estimated before sending: ${count(estimate.inputTokens)} in, ${count(estimate.outputTokens)} out.`
      : actual.detail;
    return { label: cost === null ? actual.label : `${actual.label} · ${formatDollars(cost)}`, detail };
  }
  if (!estimate) return actual;
  const parts = [`≈ ${count(estimate.inputTokens)} tokens in`, `≈ ${count(estimate.outputTokens)} out`];
  if (estimate.price) {
    parts.push(`≈ ${formatDollars(dollarsFor(estimate.inputTokens, estimate.outputTokens, estimate.price))}`);
  }
  const requests = `${estimate.requests} ${estimate.requests === 1 ? 'request' : 'requests'}`;
  const split = [
    estimate.combined ? 'the analysis and the translation in one answer, so the article is sent once' : null,
    estimate.analysisParts > 1 ? `the analysis in ${estimate.analysisParts} parts and a summary` : null,
    estimate.translationChunks > 1 ? `the translation in ${estimate.translationChunks} parallel parts` : null,
  ].filter((text): text is string => text !== null);
  // Over, with no usage from the endpoint (many local servers report none): the estimate stands, said so.
  const unreported = !running && job.status !== 'awaiting-confirmation';
  return {
    label: unreported ? `${parts.join(' · ')} (estimated)` : parts.join(' · '),
    detail: `${unreported ? 'The endpoint reported no token usage. ' : ''}Estimated from the article’s text before sending: ${requests}${split.length > 0 ? `, ${split.join(', ')}` : ''}.`,
  };
}

function usageCost(usages: Array<Usage | null>, price: ModelPrice): number {
  return usages.reduce(
    (sum, usage) => sum + (usage ? dollarsFor(usage.promptTokens, usage.completionTokens, price) : 0),
    0,
  );
}

function count(tokens: number): string {
  return tokens.toLocaleString('en');
}
