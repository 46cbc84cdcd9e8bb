import { useMemo } from 'preact/hooks';
import { languageName } from '../../lib/article/language';
import type { ParagraphPair } from '../../lib/bilingual/pair-translation';
import type { HedgeCheck } from '../../lib/hedges/hedge-check';
import { renderMarkdown } from '../../lib/ui/render-markdown';
import './bilingual-view.css';

interface BilingualViewProps {
  pairs: ParagraphPair[];
  /** The article's language tag, for the originals; undefined when unknown. */
  originalLang: string | undefined;
  /** The target language's tag, for the translations. */
  translationLang: string | undefined;
  /** Paragraphs whose translation may have lost a hedge, by id. */
  flags: ReadonlyMap<string, HedgeCheck>;
  streaming: boolean;
  /** The article's own link targets: the only links of the translation that stay clickable. */
  articleLinks: readonly string[];
}

const FLAG_LABELS: Record<HedgeCheck['status'], string> = {
  kept: '',
  lost: 'A hedge may be lost',
  weakened: 'A hedge may be weakened',
};

/**
 * Each original paragraph with its translation, paired by paragraph id: above and below each
 * other in a narrow panel, side by side where there is room. The translation's HTML comes only
 * from renderMarkdown; the original is text.
 */
export function BilingualView({
  pairs,
  originalLang,
  translationLang,
  flags,
  streaming,
  articleLinks,
}: BilingualViewProps) {
  const html = useMemo(
    () => pairs.map((pair) => (pair.translation ? renderMarkdown(pair.translation, articleLinks) : null)),
    [pairs, articleLinks],
  );
  // While streaming, the first paragraph without a translation is the one on its way.
  const next = streaming ? pairs.findIndex((pair) => pair.translation === null) : -1;
  const originalName = originalLang ? languageName(originalLang) : null;
  const translationName = translationLang ? languageName(translationLang) : null;
  const legend = `${originalName ? `${originalName} original` : 'Original'} and ${translationName ? `${translationName} translation` : 'translation'}, paragraph by paragraph`;
  return (
    <>
      <p class="bilingual__legend">{legend}</p>
      <ol class="bilingual" aria-label={legend}>
        {pairs.map((pair, index) => {
          const flag = pair.paragraphId ? flags.get(pair.paragraphId) : undefined;
          const translation = html[index];
          return (
            <li
              key={pair.paragraphId ?? `unpaired-${index}`}
              class={`bilingual__pair${flag ? ' bilingual__pair--flagged' : ''}`}
              data-paragraph-id={pair.paragraphId ?? undefined}
            >
              <div class="bilingual__head">
                <span class="bilingual__id">{pair.paragraphId ?? 'Unpaired'}</span>
                {flag && (
                  <span class="hedge-flag" title={flag.detail}>
                    <span aria-hidden="true">⚠ </span>
                    {FLAG_LABELS[flag.status]}
                  </span>
                )}
              </div>
              {pair.original !== null ? (
                <p class="bilingual__original" lang={originalLang} dir="auto">
                  {pair.original}
                </p>
              ) : (
                <p class="bilingual__original placeholder">No paragraph of the original matches this one.</p>
              )}
              {translation !== null && translation !== undefined ? (
                <div
                  class="bilingual__translation translation"
                  lang={translationLang}
                  dir="auto"
                  // renderMarkdown is the only HTML source: marked, then DOMPurify with an allow-list.
                  dangerouslySetInnerHTML={{ __html: translation }}
                />
              ) : (
                <p class="bilingual__translation placeholder">{index === next ? 'Translating…' : 'Not translated.'}</p>
              )}
              {flag && <p class="hedge-flag__detail">{flag.detail}</p>}
            </li>
          );
        })}
      </ol>
    </>
  );
}
