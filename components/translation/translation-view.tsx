import { useMemo } from 'preact/hooks';
import { stripParagraphMarkers } from '@/lib/translation/align';
import { renderMarkdown } from '@/lib/ui/render-markdown';
import { Skeleton } from '@/components/shared/skeleton';
import '@/components/translation/translation-view.css';

interface TranslationViewProps {
  markdown: string;
  /** BCP 47 tag of the target language, when known. */
  lang: string | undefined;
  streaming: boolean;
  /** The article's own link targets: the only links of the translation that stay clickable. */
  articleLinks: readonly string[];
}

/**
 * The translation, as sanitized Markdown (renderMarkdown is the only source of its HTML), without
 * the `[p3]` paragraph markers the model writes for alignment (lib/translation/align.ts).
 */
export function TranslationView({ markdown, lang, streaming, articleLinks }: TranslationViewProps) {
  const html = useMemo(() => renderMarkdown(stripParagraphMarkers(markdown), articleLinks), [markdown, articleLinks]);
  if (!markdown.trim()) {
    return streaming ? <Skeleton /> : null;
  }
  return (
    <div
      class={`translation${streaming ? ' translation--streaming' : ''}`}
      lang={lang}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
