import type { PartialAnalysis } from '@/lib/attribution/analysis';

/** The summary as plain-text bullets, for the clipboard. */
export function summaryText(summary: PartialAnalysis['summary']): string {
  return (summary ?? [])
    .map((point) => point?.text?.trim())
    .filter((text): text is string => Boolean(text))
    .map((text) => `• ${text}`)
    .join('\n');
}
