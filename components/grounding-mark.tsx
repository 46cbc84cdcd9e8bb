import type { QuoteLocation } from '../lib/attribution/grounding';

interface GroundingMarkProps {
  /** Null while the note's quote is still streaming in: nothing is claimed yet. */
  location: QuoteLocation | null;
}

function paragraphSpan(location: QuoteLocation): string {
  const ids = [...new Set(location.parts.map((part) => part.paragraphId))];
  return ids.length > 1 ? `${ids[0]}–${ids.at(-1)}` : (ids[0] ?? location.paragraphId ?? '');
}

/** Whether a note's quote is really in the article: verified (with where), a near-miss, or not found. */
export function GroundingMark({ location }: GroundingMarkProps) {
  if (!location) return null;
  switch (location.status) {
    case 'verified': {
      const where = paragraphSpan(location);
      return (
        <span class="grounding grounding--verified" title={`The quote is in the article, word for word, in ${where}.`}>
          <span class="grounding__icon" aria-hidden="true">
            ✓
          </span>{' '}
          Verified
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
