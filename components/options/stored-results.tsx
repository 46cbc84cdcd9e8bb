import { useEffect, useState } from 'preact/hooks';
import { clearCachedResults, countCachedResults } from '../../lib/job/result-cache';

type Phase = 'idle' | 'clearing' | 'cleared' | 'failed';

/** How many results this device keeps, and a button to clear them all (the key and settings stay). */
export function StoredResults() {
  const [count, setCount] = useState<number | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');

  useEffect(() => {
    countCachedResults()
      .then(setCount)
      .catch(() => setCount(null));
  }, []);

  const onClear = () => {
    setPhase('clearing');
    clearCachedResults()
      .then(countCachedResults)
      .then((left) => {
        setCount(left);
        setPhase('cleared');
      })
      .catch(() => setPhase('failed'));
  };

  return (
    <section class="card" aria-labelledby="stored-results-title">
      <h2 class="card__title" id="stored-results-title">
        Stored results
      </h2>
      <p class="field__hint">
        Finished results are kept on this device (never synced), so that opening an article again costs nothing: at most
        50, or 8 MB. Results of private windows are never kept.
        {count !== null && ` ${count === 1 ? '1 result is' : `${count} results are`} stored now.`}
      </p>
      <div class="actions-bar">
        <button type="button" class="button" onClick={onClear} disabled={phase === 'clearing' || count === 0}>
          {phase === 'clearing' && <span class="spinner" aria-hidden="true" />}
          Clear stored results
        </button>
        <span class="status status--done" role="status">
          {phase === 'cleared' ? 'Stored results cleared' : ''}
        </span>
      </div>
      {phase === 'failed' && (
        <p class="field__error" role="alert">
          The results could not be cleared: the browser refused to change the extension’s storage. Reload this page and
          try again.
        </p>
      )}
    </section>
  );
}
