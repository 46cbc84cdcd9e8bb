import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { countCachedResults } from '@/lib/job/result-cache';
import { clearStoredResults } from '@/lib/stored-results';

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
    clearStoredResults()
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
        {i18n.t('options.stored.title')}
      </h2>
      <p class="field__hint">
        {i18n.t('options.stored.hint')}
        {count !== null && ` ${i18n.t('options.stored.count', count, { count })}`}
      </p>
      <div class="actions-bar">
        <button type="button" class="button" onClick={onClear} disabled={phase === 'clearing' || count === 0}>
          {phase === 'clearing' && <span class="spinner" aria-hidden="true" />}
          {i18n.t('options.stored.clear')}
        </button>
        <span class="status status--done" role="status">
          {phase === 'cleared' ? i18n.t('options.stored.cleared') : ''}
        </span>
      </div>
      {phase === 'failed' && (
        <p class="field__error" role="alert">
          {i18n.t('options.stored.failed')}
        </p>
      )}
    </section>
  );
}
