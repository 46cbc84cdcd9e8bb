import type { Article } from '../lib/article/article';
import type { NoteKind, PartialAnalysis } from '../lib/attribution/analysis';
import { NOTE_KINDS } from '../lib/attribution/analysis';
import { articleLang } from '../lib/ui/article-lang';
import { NOTE_KIND_LABELS } from '../lib/ui/note-labels';
import { NoteCard } from './note-card';
import { OutletBlock } from './outlet-block';

interface SourcesViewProps {
  article: Article;
  notes: PartialAnalysis['notes'];
  streaming: boolean;
  complete: boolean;
}

function tally(notes: PartialAnalysis['notes']): Array<{ kind: NoteKind; count: number }> {
  return NOTE_KINDS.map((kind) => ({ kind, count: (notes ?? []).filter((note) => note.kind === kind).length })).filter(
    (entry) => entry.count > 0,
  );
}

/** The outlet, then one card per note, streaming in as the model writes them. */
export function SourcesView({ article, notes, streaming, complete }: SourcesViewProps) {
  const list = notes ?? [];
  const lang = articleLang(article);
  const counts = tally(list);
  return (
    <>
      <OutletBlock article={article} notes={list} complete={complete} />
      {complete && counts.length > 0 && (
        <ul class="kind-tally" aria-label="Notes by kind">
          {counts.map(({ kind, count }) => (
            <li key={kind} class={`kind--${kind}`}>
              <span class="kind-label">
                {count} × {NOTE_KIND_LABELS[kind]}
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.length > 0 ? (
        <ol class="notes">
          {list.map((note, index) => (
            <li key={index}>
              <NoteCard note={note} lang={lang} />
            </li>
          ))}
        </ol>
      ) : streaming ? (
        <p class="placeholder">The notes appear here after the summary.</p>
      ) : (
        complete && <p class="placeholder">The model found no attributed claims in this text.</p>
      )}
    </>
  );
}
