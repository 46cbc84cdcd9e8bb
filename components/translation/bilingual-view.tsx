import { i18n } from '#i18n';
import { useMemo } from 'preact/hooks';
import { displayLanguageName } from '@/lib/ui/ui-language';
import type { ParagraphPair } from '@/lib/bilingual/pair-translation';
import type { HedgeCheck } from '@/lib/hedges/hedge-check';
import { renderMarkdown } from '@/lib/ui/render-markdown';
import '@/components/translation/bilingual-view.css';

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
  get lost() {
    return i18n.t('translation.hedgeLost');
  },
  get weakened() {
    return i18n.t('translation.hedgeWeakened');
  },
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
  const originalName = originalLang ? displayLanguageName(originalLang) : null;
  const translationName = translationLang ? displayLanguageName(translationLang) : null;
  const legend = i18n.t('translation.legend', {
    original: originalName
      ? i18n.t('translation.namedOriginal', { language: originalName })
      : i18n.t('translation.original'),
    translation: translationName
      ? i18n.t('translation.namedTranslation', { language: translationName })
      : i18n.t('translation.translation'),
  });
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
                <span class="bilingual__id">{pair.paragraphId ?? i18n.t('translation.unpaired')}</span>
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
                <p class="bilingual__original placeholder">{i18n.t('translation.noOriginal')}</p>
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
                <p class="bilingual__translation placeholder">
                  {index === next ? i18n.t('translation.translating') : i18n.t('translation.notTranslated')}
                </p>
              )}
              {flag && <p class="hedge-flag__detail">{flag.detail}</p>}
            </li>
          );
        })}
      </ol>
    </>
  );
}
