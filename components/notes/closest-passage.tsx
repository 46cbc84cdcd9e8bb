import { differingWords } from '@/lib/attribution/differing-words';
import type { Grounding } from '@/lib/attribution/grounding';
import '@/components/notes/closest-passage.css';

interface ClosestPassageProps {
  closest: NonNullable<Grounding['closest']>;
  /** The model's quote, to mark the words of the original it changed. */
  quote: string;
  lang: string | undefined;
}

/** For a near-miss: the article's own sentence, verbatim, with the words the model changed marked. */
export function ClosestPassage({ closest, quote, lang }: ClosestPassageProps) {
  const percent = Math.round(closest.similarity * 100);
  return (
    <figure class="closest-passage">
      <figcaption class="closest-passage__caption">
        What the article says ({closest.paragraphId}, {percent}% the same words):
      </figcaption>
      <blockquote class="quote quote--original" lang={lang}>
        {differingWords(closest.text, quote).map((segment, index) =>
          segment.differs ? (
            <mark key={index} class="closest-passage__changed">
              {segment.text}
            </mark>
          ) : (
            segment.text
          ),
        )}
      </blockquote>
    </figure>
  );
}
