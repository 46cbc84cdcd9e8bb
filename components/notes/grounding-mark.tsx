import { i18n } from '#i18n';
import type { AttributionStatus } from '@/lib/attribution/attribution-check';
import type { QuoteLocation } from '@/lib/attribution/grounding';
import '@/components/notes/grounding-mark.css';

interface GroundingMarkProps {
  /** Null while the note's quote is still streaming in: nothing is claimed yet. */
  location: QuoteLocation | null;
  /** Whether the article attributes the quote as the note does (lib/attribution/attribution-check.ts). */
  attribution?: AttributionStatus;
  /** The note's source, named in the explanation of a missing attribution. */
  sourceName?: string;
}

function paragraphSpan(location: QuoteLocation): string {
  const ids = [...new Set(location.parts.map((part) => part.paragraphId))];
  return ids.length > 1 ? `${ids[0]}–${ids.at(-1)}` : (ids[0] ?? location.paragraphId ?? '');
}

/**
 * What was checked, in words: the quote found in the article word for word (with where), found but
 * without the attribution the note gives it, a near-miss, or not found.
 */
export function GroundingMark({ location, attribution, sourceName }: GroundingMarkProps) {
  if (!location) return null;
  switch (location.status) {
    case 'verified': {
      const where = paragraphSpan(location);
      if (attribution === 'missing') {
        const source = sourceName
          ? i18n.t('notes.grounding.namedSource', { name: sourceName })
          : i18n.t('notes.grounding.theSource');
        return (
          <span
            class="grounding grounding--attribution-missing"
            title={i18n.t('notes.grounding.attributionMissingHint', { where, source })}
          >
            <span class="grounding__icon" aria-hidden="true">
              !
            </span>{' '}
            {i18n.t('notes.grounding.attributionMissing')}
            <span class="grounding__where">
              <span class="visually-hidden"> {i18n.t('notes.grounding.inParagraph')} </span>
              <span aria-hidden="true"> · </span>
              {where}
            </span>
          </span>
        );
      }
      return (
        <span
          class="grounding grounding--verified"
          title={
            attribution === 'named' || attribution === 'relayed'
              ? i18n.t('notes.grounding.verifiedWithAttributionHint', { where })
              : i18n.t('notes.grounding.verifiedHint', { where })
          }
        >
          <span class="grounding__icon" aria-hidden="true">
            ✓
          </span>{' '}
          {i18n.t('notes.grounding.verified')}
          <span class="grounding__where">
            <span class="visually-hidden"> {i18n.t('notes.grounding.inParagraph')} </span>
            <span aria-hidden="true"> · </span>
            {where}
          </span>
        </span>
      );
    }
    case 'near-miss':
      return (
        <span class="grounding grounding--near-miss" title={i18n.t('notes.grounding.nearMissHint')}>
          <span class="grounding__icon" aria-hidden="true">
            ≈
          </span>{' '}
          {i18n.t('notes.grounding.nearMiss')}
        </span>
      );
    case 'not-found':
      return (
        <span class="grounding grounding--not-found" title={i18n.t('notes.grounding.notFoundHint')}>
          <span class="grounding__icon" aria-hidden="true">
            ✕
          </span>{' '}
          {i18n.t('notes.grounding.notFound')}
        </span>
      );
  }
}
