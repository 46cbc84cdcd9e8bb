import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { AttributionCountsView } from '@/components/notes/attribution-counts-view';
import { ClosestPassage } from '@/components/notes/closest-passage';
import { GroundingMark } from '@/components/notes/grounding-mark';
import { NoteCard } from '@/components/notes/note-card';
import { OutletBlock } from '@/components/notes/outlet-block';
import { type NoteCheckStatus, VerificationTally } from '@/components/notes/verification-tally';
import { PAGE_CHANGED_MESSAGE, type PageHighlight } from '@/components/panel/use-page-highlight';
import {
  type CheckSources,
  LinkedSourcesBlock,
  type SetAsideSources,
} from '@/components/source-checks/linked-sources-block';
import { SourceVerdict } from '@/components/source-checks/source-verdict';
import type { Article } from '@/lib/article/article';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import { createAttributionChecker } from '@/lib/attribution/attribution-check';
import { attributionCounts } from '@/lib/attribution/attribution-counts';
import { locateNotes, type QuoteLocation } from '@/lib/attribution/grounding';
import type { CheckedClaimResult, SourceCheckResult } from '@/lib/sources/source-check-result';
import type { SourceCheckState } from '@/lib/sources/source-check-state';
import { articleLang } from '@/lib/ui/article-lang';
import '@/components/notes/sources-view.css';

interface SourcesViewProps {
  article: Article;
  notes: PartialAnalysis['notes'];
  streaming: boolean;
  complete: boolean;
  /** The page highlight the notes drive; without it (tests, the popup) notes are not clickable. */
  highlight?: PageHighlight;
  /** The job's source checks by source URL; their verdicts are shown on the notes they check. */
  sourceChecks?: Readonly<Record<string, SourceCheckState>>;
  /** Checks linked sources; without it (the popup) the linked-sources block is not offered. */
  onCheckSources?: CheckSources;
  /** Not now, for a batch of checks awaiting the go-ahead. */
  onSetAsideSources?: SetAsideSources;
  onOpenOptions?: () => void;
}

interface NoteVerdict {
  claim: CheckedClaimResult;
  result: SourceCheckResult;
  /** For a check one step further: the name of the source that led to it. */
  parentName?: string;
}

/** Each note's checked claims, by note index, from every source checked so far. */
function verdictsByNote(checks: Readonly<Record<string, SourceCheckState>>): Map<number, NoteVerdict[]> {
  const byNote = new Map<number, NoteVerdict[]>();
  for (const state of Object.values(checks)) {
    if (state.status !== 'checked') continue;
    for (const claim of state.result.claims) {
      const parentName = state.parentUrl ? checks[state.parentUrl]?.source.name : undefined;
      byNote.set(claim.noteIndex, [
        ...(byNote.get(claim.noteIndex) ?? []),
        { claim, result: state.result, parentName },
      ]);
    }
  }
  return byNote;
}

const NO_CHECKS: Readonly<Record<string, SourceCheckState>> = {};

/** The original text a located quote covers, one passage per paragraph it touches. */
function passagesOf(article: Article, location: QuoteLocation): string[] {
  return location.parts.flatMap((part) => {
    const paragraph = article.paragraphs.find((candidate) => candidate.id === part.paragraphId);
    return paragraph ? [paragraph.text.slice(part.start, part.end)] : [];
  });
}

/** Grounds the quotes listed in `quotesKey` (a JSON array of strings). */
function locateQuotes(article: Article, quotesKey: string): QuoteLocation[] {
  const quotes: unknown = JSON.parse(quotesKey);
  return Array.isArray(quotes)
    ? locateNotes(
        article,
        quotes.map((quote) => ({ quote: String(quote) })),
      )
    : [];
}

/**
 * The outlet, how the claims are sourced, how many quotes were verified, then one card per note,
 * streaming in as the model writes them. Grounding is derived here from the article and the notes,
 * never stored: the last note's quote is checked only once it has stopped growing.
 */
export function SourcesView({
  article,
  notes,
  streaming,
  complete,
  highlight,
  sourceChecks = NO_CHECKS,
  onCheckSources,
  onSetAsideSources = () => Promise.resolve(),
  onOpenOptions = () => {},
}: SourcesViewProps) {
  const [hideUnverified, setHideUnverified] = useState(false);
  const list = notes ?? [];
  const lang = articleLang(article);
  const settledCount = complete ? list.length : Math.max(0, list.length - 1);
  // Keyed by the settled quotes, so the partial updates of a streaming note do not re-check the others.
  const quotesKey = JSON.stringify(list.slice(0, settledCount).map((note) => note.quote ?? ''));
  const locations = useMemo(() => locateQuotes(article, quotesKey), [article, quotesKey]);
  const counts = useMemo(() => attributionCounts(list), [list]);
  // Settled notes only, like the quotes: a streaming note's source and chain may still be growing.
  const settledKey = JSON.stringify(list.slice(0, settledCount).map((note) => [note.kind, note.source, note.chain]));
  const attributions = useMemo(() => {
    const check = createAttributionChecker(article);
    return locations.map((location, index) => check(list[index] ?? {}, location).status);
  }, [article, locations, settledKey]);
  const statuses: NoteCheckStatus[] = locations.map((location, index) =>
    location.status === 'verified' && attributions[index] === 'missing' ? 'attribution-missing' : location.status,
  );
  const verdicts = useMemo(() => verdictsByNote(sourceChecks), [sourceChecks]);
  const hidden = hideUnverified ? statuses.filter((status) => status !== 'verified').length : 0;

  return (
    <>
      {complete && onCheckSources && (
        <LinkedSourcesBlock
          article={article}
          notes={list}
          checks={sourceChecks}
          onCheck={onCheckSources}
          onSetAside={onSetAsideSources}
          onOpenOptions={onOpenOptions}
        />
      )}
      <OutletBlock article={article} notes={list} complete={complete} />
      {complete && counts.total > 0 && <AttributionCountsView counts={counts} />}
      {complete && list.length > 0 && (
        <VerificationTally
          statuses={statuses}
          hideUnverified={hideUnverified}
          onHideUnverifiedChange={setHideUnverified}
        />
      )}
      {list.length > 0 ? (
        <ol class="notes">
          {list.map((note, index) => {
            const location = locations[index] ?? null;
            if (hideUnverified && location && statuses[index] !== 'verified') return null;
            const owner = `note:${index}`;
            const canShow = highlight && location && location.status !== 'not-found';
            const shown = highlight?.active === owner;
            return (
              <li key={index}>
                <NoteCard
                  note={note}
                  lang={lang}
                  verification={
                    <GroundingMark
                      location={location}
                      attribution={attributions[index]}
                      sourceName={note.source?.name}
                    />
                  }
                  onToggle={canShow ? () => highlight.toggle(owner, passagesOf(article, location)) : undefined}
                  pressed={highlight?.pinned === owner}
                >
                  {location?.status === 'near-miss' && location.closest && (
                    <ClosestPassage closest={location.closest} quote={note.quote ?? ''} lang={lang} />
                  )}
                  {verdicts.get(index)?.map(({ claim, result, parentName }) => (
                    <SourceVerdict key={result.url} claim={claim} source={result} parentName={parentName} />
                  ))}
                  {shown && highlight.status === 'missing' && (
                    <p class="note-card__page-status" role="status">
                      {PAGE_CHANGED_MESSAGE}
                    </p>
                  )}
                </NoteCard>
              </li>
            );
          })}
        </ol>
      ) : streaming ? (
        <p class="placeholder">{i18n.t('notes.afterSummary')}</p>
      ) : (
        complete && <p class="placeholder">{i18n.t('notes.noneFound')}</p>
      )}
      {hidden > 0 && <p class="placeholder">{i18n.t('notes.hidden', hidden, { count: hidden })}</p>}
    </>
  );
}
