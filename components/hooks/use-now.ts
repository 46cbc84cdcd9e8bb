import { useEffect, useState } from 'preact/hooks';

/**
 * The time, renewed every second while the component is shown: for notices that count (a pause's
 * countdown, how long a model has been thinking). Restarts the count whenever `since` changes.
 */
export function useNow(since: unknown): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return now;
}
