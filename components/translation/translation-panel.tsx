import { i18n } from '#i18n';
import { useMemo, useState } from 'preact/hooks';
import type { Article } from '@/lib/article/article';
import { languageTag } from '@/lib/article/language-tag';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import { pairTranslation } from '@/lib/bilingual/pair-translation';
import { checkHedgePreservation } from '@/lib/hedges/check-hedge-preservation';
import type { HedgeCheck } from '@/lib/hedges/hedge-check';
import type { PartStatus } from '@/lib/job/job';
import { alignTranslation } from '@/lib/translation/align';
import { articleLang } from '@/lib/ui/article-lang';
import { BilingualView } from '@/components/translation/bilingual-view';
import { TranslationView } from '@/components/translation/translation-view';
import '@/components/translation/translation-panel.css';

interface TranslationPanelProps {
  article: Article;
  /** The translation as it streams, paragraph markers included. */
  markdown: string;
  targetLanguage: string;
  status: PartStatus;
  notes: PartialAnalysis['notes'];
}

/** "1 paragraph may have lost a hedge", "3 paragraphs may have lost a hedge". */
export function hedgeCountText(count: number): string {
  return i18n.t('translation.hedgeCount', count, { count });
}

/**
 * The Translation region's body: the translation as one text, or ("Side by side") each paragraph
 * with its original; and, once the translation is complete, how many paragraphs may have lost a
 * hedge of the original (lib/hedges), marked in the side-by-side view.
 */
export function TranslationPanel({ article, markdown, targetLanguage, status, notes }: TranslationPanelProps) {
  const [sideBySide, setSideBySide] = useState(false);
  const translationLang = languageTag(targetLanguage);
  const aligned = useMemo(
    () =>
      alignTranslation(
        markdown,
        article.paragraphs.map((paragraph) => paragraph.id),
      ),
    [markdown, article],
  );
  const pairs = useMemo(() => pairTranslation(article.paragraphs, aligned), [article, aligned]);
  // A translation cut off mid-paragraph would look like lost hedges: only a complete one is checked.
  const flags = useMemo(() => {
    if (status !== 'done') return new Map<string, HedgeCheck>();
    const checks = checkHedgePreservation(article, aligned, notes, {
      // A target language we cannot name has no lexicon: nothing is flagged rather than guessed.
      translationLanguage: translationLang ?? 'und',
    });
    return new Map(checks.filter((check) => check.status !== 'kept').map((check) => [check.paragraphId, check]));
  }, [status, article, aligned, notes, translationLang]);
  const articleLinks = useMemo(() => article.links.map((link) => link.url), [article]);
  const streaming = status === 'streaming';
  const hasText = markdown.trim() !== '';
  return (
    <>
      {hasText && (
        <div class="translation-tools">
          <button
            type="button"
            class="button button--small toggle-button"
            aria-pressed={sideBySide}
            onClick={() => setSideBySide(!sideBySide)}
          >
            {i18n.t('translation.sideBySide')}
          </button>
          {flags.size > 0 && (
            <p class="hedge-count" role="status">
              <span aria-hidden="true">⚠ </span>
              {hedgeCountText(flags.size)}
              {!sideBySide && (
                <button type="button" class="hedge-count__show" onClick={() => setSideBySide(true)}>
                  {i18n.t('translation.show')}
                </button>
              )}
            </p>
          )}
        </div>
      )}
      {sideBySide && hasText ? (
        <BilingualView
          pairs={pairs}
          originalLang={articleLang(article)}
          translationLang={translationLang}
          flags={flags}
          streaming={streaming}
          articleLinks={articleLinks}
        />
      ) : (
        <TranslationView markdown={markdown} lang={translationLang} streaming={streaming} articleLinks={articleLinks} />
      )}
    </>
  );
}
