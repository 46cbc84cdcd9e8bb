import type { PartialAnalysis } from '../lib/attribution/analysis';
import { NOTE_KIND_LABELS, SOURCE_TYPE_LABELS } from '../lib/ui/note-labels';

export type PartialNote = NonNullable<PartialAnalysis['notes']>[number];

interface NoteCardProps {
  note: PartialNote;
  /** The article's language tag, for the original-language cue phrases, hedges and quote. */
  lang: string | undefined;
}

function sourceName(note: PartialNote): string | undefined {
  const source = note.source;
  if (!source?.name) return undefined;
  // The schema asks for "none" when a claim is unattributed: say that in words.
  if (source.type === 'none' || source.name.trim().toLowerCase() === 'none') return 'No source given';
  return source.name;
}

/** One source-attribution note: claim, who says so and through whom, how hedged, and the original sentence. */
export function NoteCard({ note, lang }: NoteCardProps) {
  const name = sourceName(note);
  const type = note.source?.type;
  const chain = (note.chain ?? []).filter((link) => link.name);
  const hedges = (note.hedges ?? []).filter((hedge) => hedge.original);
  return (
    <article class={`note-card${note.kind ? ` kind--${note.kind}` : ''}`}>
      {note.kind && (
        <div class="note-card__top">
          <span class="kind-label">{NOTE_KIND_LABELS[note.kind]}</span>
        </div>
      )}
      {note.claim && <p class="note-card__claim">{note.claim}</p>}
      {name && (
        <p class="note-card__source">
          <span class="visually-hidden">Source: </span>
          <span class="note-card__source-name">{name}</span>
          {note.source?.role && <span class="note-card__role">{note.source.role}</span>}
          {type && type !== 'none' && <span class="type-badge">{SOURCE_TYPE_LABELS[type]}</span>}
        </p>
      )}
      {chain.length > 0 && (
        <ol class="chain" aria-label="Attribution chain">
          {chain.map((link, index) => (
            <li class="chain__link" key={index}>
              {index > 0 && (
                // Spaces in the text (not only CSS padding), so copied text and reader modes read right.
                <span class="chain__arrow" aria-hidden="true">
                  {' → '}
                </span>
              )}
              <span class="chain__name">{link.name}</span>
              {link.cue && (
                <>
                  {' '}
                  <i class="chain__cue" lang={lang}>
                    {link.cue}
                  </i>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {hedges.length > 0 && (
        <ul class="hedges" aria-label="Hedges">
          {hedges.map((hedge, index) => (
            <li class="hedge" key={index}>
              <span class="hedge__original" lang={lang}>
                {hedge.original}
              </span>
              {hedge.english && (
                <>
                  <span class="hedge__arrow" aria-hidden="true">
                    {' → '}
                  </span>
                  <span class="visually-hidden"> means </span>
                  <span class="hedge__english">{hedge.english}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {note.quote && (
        <blockquote class="quote" lang={lang}>
          {note.quote}
        </blockquote>
      )}
    </article>
  );
}
