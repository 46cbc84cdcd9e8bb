import type { Article, ExtractionResult } from '@/lib/article/article';
import { extractArticle } from '@/lib/article/extract';
import { NO_VISIBLE_TEXT } from '@/lib/article/no-visible-text';
import type { ExtractionRequest } from '@/lib/article/extraction-request';
import type { PageFrame } from '@/lib/article/page-frames';
import { type PageMetadata, readPageMetadata } from '@/lib/article/page-metadata';
import { resolveHttpUrl } from '@/lib/article/segments';

/**
 * A cross-origin frame at least this large (of the window's area) is taken for where the page's
 * text is; smaller ones are ads, videos and widgets, which say nothing about a page without text.
 */
export const DOMINANT_FRAME_SHARE = 0.4;

/**
 * The article of a page whose text may sit in frames. The top document comes first: a page with
 * its own article keeps it, whatever it embeds. When it has none, the first same-origin frame
 * that has one gives it (a reader view, a CMS preview, an `srcdoc` embed), under the tab's URL.
 * When none does and a large frame is from another site, which the top frame may not read, the
 * failure names that frame, so the user can open it in its own tab.
 */
export function extractFromPage(top: Document, frames: PageFrame[], request: ExtractionRequest): ExtractionResult {
  const topResult = extractArticle(top, request);
  if (topResult.ok || !hasNoText(topResult)) return topResult;

  const topMetadata = readPageMetadata(top, null);
  let frameHasSelection = false;
  for (const frame of frames) {
    if (!frame.document?.body) continue;
    const frameDocument = frame.document;
    const baseUrl = resolveHttpUrl(frameDocument.baseURI, frameDocument.baseURI) ?? top.baseURI;
    // Each frame has its own selection: the top's (empty) one says nothing about it.
    const result = extractArticle(
      frameDocument,
      { ...request, selectionText: request.selectionText || undefined },
      { baseUrl },
    );
    if (!result.ok) {
      if (result.error.code === 'not-an-article' && result.error.hasSelection) frameHasSelection = true;
      continue;
    }
    const article = result.article;
    const language = frameLanguage(article, topMetadata);
    return {
      ok: true,
      article: {
        ...article,
        url: top.URL,
        canonicalUrl: resolveHttpUrl(article.canonicalUrl, article.canonicalUrl)
          ? article.canonicalUrl
          : topMetadata.canonicalUrl,
        title: article.title || topMetadata.title,
        byline: article.byline ?? topMetadata.byline,
        siteName: resolveHttpUrl(frame.url, frame.url) ? article.siteName : (topMetadata.siteName ?? article.siteName),
        publishedTime: article.publishedTime ?? topMetadata.publishedTime,
        ...language,
      },
    };
  }

  const hasSelection = frameHasSelection || (topResult.error.code === 'not-an-article' && topResult.error.hasSelection);
  const foreign = largestUnreadableFrame(frames);
  if (foreign) return { ok: false, error: { code: 'not-an-article', hasSelection, frameUrl: foreign } };
  if (topResult.error.code === 'not-an-article') return { ok: false, error: { code: 'not-an-article', hasSelection } };
  return topResult;
}

/**
 * A frame that declares no language takes the page's around it, unless its text says otherwise:
 * the text decides, as in the top document (lib/article/article-language.ts).
 */
function frameLanguage(
  article: Article,
  top: PageMetadata,
): Pick<Article, 'language' | 'languageSource' | 'languageEvidence' | 'declaredLanguage'> {
  const own = {
    language: article.language,
    languageSource: article.languageSource,
    ...(article.languageEvidence ? { languageEvidence: article.languageEvidence } : {}),
    ...(article.declaredLanguage ? { declaredLanguage: article.declaredLanguage } : {}),
  };
  const frameDeclaredNothing =
    article.languageSource === 'unknown' || (article.languageEvidence === 'text' && !article.declaredLanguage);
  if (!frameDeclaredNothing || top.languageSource !== 'page') return own;
  if (article.languageSource === 'unknown' || article.language === top.language) {
    return { language: top.language, languageSource: 'page', languageEvidence: 'html-lang' };
  }
  return { ...own, declaredLanguage: top.language };
}

/** Nothing to read in the top document: not an article, or (whole page) no visible text. */
function hasNoText(result: Extract<ExtractionResult, { ok: false }>): boolean {
  return result.error.code === 'not-an-article' || result.error.detail === NO_VISIBLE_TEXT;
}

/** The largest frame the page may not read, with an http(s) address of its own (listPageFrames resolves them). */
function largestUnreadableFrame(frames: PageFrame[]): string | null {
  let best: { url: string; share: number } | null = null;
  for (const frame of frames) {
    if (frame.document || frame.viewportShare < DOMINANT_FRAME_SHARE) continue;
    const url = resolveHttpUrl(frame.url, frame.url);
    if (url && (!best || frame.viewportShare > best.share)) best = { url, share: frame.viewportShare };
  }
  return best?.url ?? null;
}
