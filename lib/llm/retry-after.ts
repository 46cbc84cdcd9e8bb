/**
 * Seconds to wait, from `retry-after-ms`, `retry-after` (seconds or an HTTP date) or OpenAI's
 * `x-ratelimit-reset-requests` ("20s", "1m30s", "250ms"); null when none says.
 */
export function retryAfterSeconds(headers: Headers | undefined, now = Date.now()): number | null {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds / 1000;
  const retryAfter = headers?.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number.parseFloat(retryAfter);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, (date - now) / 1000);
  }
  return parseDuration(headers?.get('x-ratelimit-reset-requests') ?? headers?.get('x-ratelimit-reset-tokens'));
}

function parseDuration(value: string | null | undefined): number | null {
  const match = value
    ?.trim()
    .match(/^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/);
  if (!match || match[0] === '') return null;
  const part = (index: number) => Number.parseFloat(match[index] ?? '0');
  return part(1) * 3600 + part(2) * 60 + part(3) + part(4) / 1000;
}
