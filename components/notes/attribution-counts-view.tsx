import { i18n } from '#i18n';
import type { AttributionCounts } from '@/lib/attribution/attribution-counts';
import '@/components/notes/attribution-counts-view.css';

interface AttributionCountsViewProps {
  counts: AttributionCounts;
}

type CountKey = Exclude<keyof AttributionCounts, 'total'>;

/** Each count, its label, and what exactly it counts (shown on hover; the definitions live in attribution-counts.ts). */
const COUNT_KEYS: readonly CountKey[] = ['named', 'anonymous', 'unattributed', 'hedged', 'secondHand'];

function countText(key: CountKey): { label: string; definition: string } {
  switch (key) {
    case 'named':
      return { label: i18n.t('notes.counts.named.label'), definition: i18n.t('notes.counts.named.definition') };
    case 'anonymous':
      return { label: i18n.t('notes.counts.anonymous.label'), definition: i18n.t('notes.counts.anonymous.definition') };
    case 'unattributed':
      return {
        label: i18n.t('notes.counts.unattributed.label'),
        definition: i18n.t('notes.counts.unattributed.definition'),
      };
    case 'hedged':
      return { label: i18n.t('notes.counts.hedged.label'), definition: i18n.t('notes.counts.hedged.definition') };
    case 'secondHand':
      return {
        label: i18n.t('notes.counts.secondHand.label'),
        definition: i18n.t('notes.counts.secondHand.definition'),
      };
  }
}

/** How the article's claims are sourced, at a glance: five numbers above the notes. */
export function AttributionCountsView({ counts }: AttributionCountsViewProps) {
  return (
    <div class="attribution-counts">
      <p class="attribution-counts__title">{i18n.t('notes.counts.title', counts.total, { count: counts.total })}</p>
      <dl class="attribution-counts__grid" aria-label={i18n.t('notes.counts.gridLabel')}>
        {COUNT_KEYS.map((key) => {
          const { label, definition } = countText(key);
          return (
            <div key={key} class={`attribution-count attribution-count--${key}`} title={definition}>
              <dt class="attribution-count__label">{label}</dt>
              <dd class="attribution-count__number">{counts[key]}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
