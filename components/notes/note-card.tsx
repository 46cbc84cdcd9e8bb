import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import { NOTE_KIND_LABELS, SOURCE_TYPE_LABELS } from '@/lib/ui/note-labels';
import { AttributionChain } from '@/components/notes/attribution-chain';
import '@/components/notes/note-card.css';

export type PartialNote = NonNullable<PartialAnalysis['notes']>[number];

interface NoteCardProps {
  note: PartialNote;
  /** The article's language tag, for the original-language cue phrases, hedges and quote. */
  lang: string | undefined;
  /** Whether the quote was found in the article, shown under it. */
  verification?: ComponentChildren;
  /** Shown after the quote: the closest passage of a near-miss, what the page said. */
  children?: ComponentChildren;
  /** Makes the card a toggle (a click anywhere on it, or its button) that shows its passage in the page. */
  onToggle?: () => void;
  pressed?: boolean;
}

function sourceName(note: PartialNote): string | undefined {
  const source = note.source;
  if (!source?.name) return undefined;
  // The schema asks for "none" when a claim is unattributed: say that in words.
  if (source.type === 'none' || source.name.trim().toLowerCase() === 'none') return i18n.t('notes.card.noSourceGiven');
  return source.name;
}

/** One source-attribution note: claim, who says so and through whom, how hedged, and the original sentence. */
export function NoteCard({ note, lang, verification, children, onToggle, pressed = false }: NoteCardProps) {
  const name = sourceName(note);
  const type = note.source?.type;
  const hedges = (note.hedges ?? []).filter((hedge) => hedge.original);
  // The whole card answers a click; its button carries the state and the keyboard (a real button:
  // role="button" on the article would flatten the note into one long name for screen readers).
  const onClick = (event: MouseEvent) => {
    const selection = globalThis.getSelection?.();
    // Selecting text of the quote is not a request to highlight it.
    if (selection && !selection.isCollapsed && event.currentTarget instanceof Node) {
      if (event.currentTarget.contains(selection.anchorNode)) return;
    }
    onToggle?.();
  };
  const classes = [
    'note-card',
    note.kind && `kind--${note.kind}`,
    onToggle && 'note-card--toggle',
    pressed && 'note-card--pressed',
  ];
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard uses the card's button; the card is the pointer's larger target.
    <article class={classes.filter(Boolean).join(' ')} onClick={onToggle && onClick}>
      {note.kind && (
        <div class="note-card__top">
          <span class="kind-label">{NOTE_KIND_LABELS[note.kind]}</span>
        </div>
      )}
      {note.claim && <p class="note-card__claim">{note.claim}</p>}
      {name && (
        <p class="note-card__source">
          <span class="visually-hidden">{i18n.t('notes.card.sourceLabel')}</span>
          <span class="note-card__source-name">{name}</span>
          {note.source?.role && <span class="note-card__role">{note.source.role}</span>}
          {type && type !== 'none' && <span class="type-badge">{SOURCE_TYPE_LABELS[type]}</span>}
        </p>
      )}
      <AttributionChain chain={note.chain} lang={lang} />
      {hedges.length > 0 && (
        <ul class="hedges" aria-label={i18n.t('notes.card.hedges')}>
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
                  <span class="visually-hidden">{i18n.t('notes.card.hedgeMeans')}</span>
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
      {(verification || onToggle) && (
        <div class="note-card__verification">
          {verification}
          {onToggle && (
            // No handler of its own: its click (Enter and Space included) reaches the card's.
            <button type="button" class="note-card__locate" aria-pressed={pressed}>
              <span aria-hidden="true" class="note-card__locate-icon" />
              {i18n.t('notes.card.showInPage')}
            </button>
          )}
        </div>
      )}
      {children}
    </article>
  );
}
