import type { AttributionStatus } from '../../lib/attribution/attribution-check';
import type { QuoteLocation } from '../../lib/attribution/grounding';
import './grounding-mark.css';

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
        const source = sourceName ? `“${sourceName}”` : 'the source';
        return (
          <span
            class="grounding grounding--attribution-missing"
            title={`The quote is in the article, word for word, in ${where}; but neither ${source} nor the note's cue phrase is in that sentence or the ones beside it. The article may not attribute it so.`}
          >
            <span class="grounding__icon" aria-hidden="true">
              !
            </span>{' '}
            Quote found, attribution not in it
            <span class="grounding__where">
              <span class="visually-hidden"> in paragraph </span>
              <span aria-hidden="true"> · </span>
              {where}
            </span>
          </span>
        );
      }
      return (
        <span
          class="grounding grounding--verified"
          title={`The quote is in the article, word for word, in ${where}${attribution === 'named' || attribution === 'relayed' ? ', and so is its attribution' : ''}.`}
        >
          <span class="grounding__icon" aria-hidden="true">
            ✓
          </span>{' '}
          Quote found in the article, word for word
          <span class="grounding__where">
            <span class="visually-hidden"> in paragraph </span>
            <span aria-hidden="true"> · </span>
            {where}
          </span>
        </span>
      );
    }
    case 'near-miss':
      return (
        <span class="grounding grounding--near-miss" title="The model changed a word or two of the article's sentence.">
          <span class="grounding__icon" aria-hidden="true">
            ≈
          </span>{' '}
          Near-miss
        </span>
      );
    case 'not-found':
      return (
        <span
          class="grounding grounding--not-found"
          title="Neither this sentence nor one close to it is in the article: the model paraphrased or invented it."
        >
          <span class="grounding__icon" aria-hidden="true">
            ✕
          </span>{' '}
          Not found in the article
        </span>
      );
  }
}
