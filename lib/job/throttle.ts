/**
 * Leading- and trailing-edge throttle: the first call runs at once (so the first streamed token
 * shows without delay), later ones at most every `intervalMs`, and the last value is never lost.
 */
export function throttle<Value>(
  run: (value: Value) => void,
  intervalMs: number,
): { push(value: Value): void; flush(): void } {
  let lastRun = Number.NEGATIVE_INFINITY;
  let pending: { value: Value } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const fire = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    lastRun = Date.now();
    run(value);
  };

  return {
    push(value) {
      pending = { value };
      const wait = lastRun + intervalMs - Date.now();
      if (wait <= 0) {
        if (timer) clearTimeout(timer);
        fire();
      } else if (!timer) {
        timer = setTimeout(fire, wait);
      }
    },
    flush() {
      if (timer) clearTimeout(timer);
      fire();
    },
  };
}
