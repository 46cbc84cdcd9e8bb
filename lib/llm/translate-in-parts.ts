import type OpenAI from 'openai';
import type { Article } from '@/lib/article/article';
import type { Usage } from '@/lib/job/job';
import { createOrderedMerge } from '@/lib/translation/ordered-merge';
import type { PlannedPart } from '@/lib/translation/plan-parts';
import { toAppError } from '@/lib/llm/error-mapping';
import { LlmError } from '@/lib/llm/llm-error';
import { sumUsage } from '@/lib/llm/sum-usage';
import { type StreamTranslationOptions, streamTranslation } from '@/lib/llm/translate';

export interface TranslationInPartsOptions
  extends Pick<StreamTranslationOptions, 'memory' | 'onThinking' | 'onActivity'> {
  client: OpenAI;
  model: string;
  article: Article;
  targetLanguage: string;
  /** From planParts; one part (or none) means one request with the whole article, as for any short article. */
  parts: PlannedPart[];
  signal?: AbortSignal;
  /** The translation's Markdown in article order, as it becomes showable. */
  onDelta: (text: string) => void;
  origin?: string;
}

/**
 * Translates a long article as parallel requests, one per part (the client's queue bounds how
 * many run at once), and streams their text into place in order. When a part fails, the parts
 * before it still finish, the text up to the failure is kept, the parts after it are cancelled
 * (they would leave a hole), and that part's error is thrown. Usage is the sum over the parts.
 */
export async function streamTranslationInParts(options: TranslationInPartsOptions): Promise<{ usage: Usage | null }> {
  const { parts } = options;
  if (parts.length <= 1) return streamTranslation(options);

  const merge = createOrderedMerge({
    partCount: parts.length,
    separatorBefore: (index) => (parts[index]?.pieces[0]?.continuesParagraph ? ' ' : '\n\n'),
    emit: options.onDelta,
  });
  const controllers = parts.map(() => new AbortController());
  const abortAll = () => {
    for (const controller of controllers) controller.abort();
  };
  options.signal?.addEventListener('abort', abortAll, { once: true });
  if (options.signal?.aborted) abortAll();

  // Kept in an object: TypeScript does not follow assignments made inside the callbacks below.
  const outcome: { failure: { index: number; error: LlmError } | null } = { failure: null };
  const usages: Array<Usage | null> = [];
  try {
    await Promise.all(
      parts.map(async (part, index) => {
        // A part that continues a split paragraph: its answer begins with that paragraph's marker again.
        const push = part.pieces[0]?.continuesParagraph ? dropLeadingMarker((text) => merge.push(index, text)) : null;
        try {
          const result = await streamTranslation({
            ...options,
            article: {
              ...options.article,
              paragraphs: part.pieces.map(({ paragraphId, text }) => ({ id: paragraphId, text })),
            },
            part: { index, count: parts.length },
            signal: controllers[index]?.signal,
            onDelta: (text) => (push ? push.push(text) : merge.push(index, text)),
          });
          usages.push(result.usage);
        } catch (error) {
          const failure = outcome.failure;
          if (!options.signal?.aborted && (failure === null || index < failure.index)) {
            // streamTranslation throws LlmError only; anything else is mapped like any failed request.
            const llmError =
              error instanceof LlmError ? error : new LlmError(toAppError(error, { host: '', model: options.model }));
            outcome.failure = { index, error: llmError };
            merge.stopAfter(index);
            for (const later of controllers.slice(index + 1)) later.abort();
          }
        } finally {
          push?.flush();
          merge.finish(index);
        }
      }),
    );
  } finally {
    options.signal?.removeEventListener('abort', abortAll);
  }
  if (options.signal?.aborted) throw new LlmError({ code: 'cancelled' });
  if (outcome.failure) throw outcome.failure.error;
  return { usage: sumUsage(usages) };
}

/** `[p12] ` (or garbled forms of it) at the very start of a stream, held back until it is clear and then dropped. */
const LEADING_MARKER = /^\s*(?:\*\*|__)?\\?\[[ \t]*[pP][ \t]*\d+[ \t]*\\?\](?:\*\*|__)?[ \t]*:?[ \t]*/;
const MAYBE_MARKER = /^\s*(?:\*\*|__)?\\?(?:\[[ \t]*(?:[pP][ \t]*\d*[ \t]*\\?\]?(?:\*\*|__)?[ \t]*:?)?)?$/;

function dropLeadingMarker(next: (text: string) => void) {
  let held = '';
  let decided = false;
  return {
    push(text: string) {
      if (decided) return next(text);
      held += text;
      const marker = held.match(LEADING_MARKER);
      // Still possibly a marker (e.g. "[p1" so far) and nothing after it yet: wait for more.
      if (!marker && MAYBE_MARKER.test(held)) return;
      if (marker && marker[0].length === held.length) return;
      decided = true;
      const rest = marker ? held.slice(marker[0].length) : held.trimStart();
      held = '';
      if (rest) next(rest);
    },
    flush() {
      if (!decided && held.trim() && !LEADING_MARKER.test(held)) next(held.trimStart());
      decided = true;
      held = '';
    },
  };
}
