import type { AttributionCounts } from '../../lib/attribution/attribution-counts';
import './attribution-counts-view.css';

interface AttributionCountsViewProps {
  counts: AttributionCounts;
}

type CountKey = Exclude<keyof AttributionCounts, 'total'>;

/** Each count, its label, and what exactly it counts (shown on hover; the definitions live in attribution-counts.ts). */
const COUNTS: ReadonlyArray<{ key: CountKey; label: string; definition: string }> = [
  {
    key: 'named',
    label: 'Named sources',
    definition: 'Claims attributed to a named person, organisation, outlet or document.',
  },
  { key: 'anonymous', label: 'Anonymous sources', definition: 'Claims attributed to a source the text does not name.' },
  { key: 'unattributed', label: 'Unattributed', definition: 'Claims the page asserts with no source at all.' },
  {
    key: 'hedged',
    label: 'Hedged',
    definition: 'Claims qualified by a hedge or reported speech (allegedly, reportedly, could…).',
  },
  {
    key: 'secondHand',
    label: 'Second-hand',
    definition: 'Claims the page relays from another media outlet rather than reporting them itself.',
  },
];

/** How the article's claims are sourced, at a glance: five numbers above the notes. */
export function AttributionCountsView({ counts }: AttributionCountsViewProps) {
  return (
    <div class="attribution-counts">
      <p class="attribution-counts__title">
        How the {counts.total === 1 ? 'claim is' : `${counts.total} claims are`} sourced
      </p>
      <dl class="attribution-counts__grid" aria-label="How the claims are sourced">
        {COUNTS.map(({ key, label, definition }) => (
          <div key={key} class={`attribution-count attribution-count--${key}`} title={definition}>
            <dt class="attribution-count__label">{label}</dt>
            <dd class="attribution-count__number">{counts[key]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
