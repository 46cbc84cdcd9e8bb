/**
 * `gpt-4o-mini-2026-11-29T12-40-05Z.json`: the model (a provider's `vendor/model` with its slash
 * made a dash) and the run's start in UTC, safe as a file name everywhere and sorted by time.
 */
export function resultFileName(model: string, startedAt: Date): string {
  const safeModel = model.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'model';
  const stamp = startedAt
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return `${safeModel}-${stamp}.json`;
}
