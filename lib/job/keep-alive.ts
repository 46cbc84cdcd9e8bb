/**
 * Chrome stops an extension service worker after 30 s without an event or an extension API call,
 * even while a fetch streams into it; calling any extension API resets that timer
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
 * A reasoning model may stream nothing but reasoning, which changes no state worth saving, for
 * minutes. So every sign of life on a stream calls this, and at most every `intervalMs` it makes
 * one cheap API call.
 *
 * @param touch a cheap extension API call, e.g. `() => browser.runtime.getPlatformInfo()`
 * @param intervalMs well under the 30 s limit
 */
export function createKeepAlive(
  touch: () => Promise<unknown>,
  intervalMs = 20_000,
  now = () => Date.now(),
): () => void {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const time = now();
    if (time - last < intervalMs) return;
    last = time;
    void touch().catch(() => undefined);
  };
}
