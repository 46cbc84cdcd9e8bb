import type OpenAI from 'openai';
import type { Article } from '@/lib/article/article';
import type { Usage } from '@/lib/job/job';
import { endpointHost } from '@/lib/llm/endpoint-host';
import type { ErrorContext } from '@/lib/llm/error-mapping';
import { openChatStream } from '@/lib/llm/open-chat-stream';
import { buildTranslationMessages } from '@/lib/llm/prompts';
import { readChatStream } from '@/lib/llm/read-chat-stream';
import type { ShapeMemory } from '@/lib/llm/request-shape-memory';
import { TRANSLATION_ANSWER_START } from '@/lib/llm/thinking';

export interface StreamTranslationOptions {
  client: OpenAI;
  model: string;
  article: Article;
  targetLanguage: string;
  signal?: AbortSignal;
  /** Each piece of Markdown as it arrives (reasoning, in any form, already removed). */
  onDelta: (text: string) => void;
  origin?: string;
  /** Set when `article` holds one part of a longer article (see translate-in-parts.ts). */
  part?: { index: number; count: number };
  /** What was learnt about this endpoint and model (refused fields); learns from this request too. */
  memory?: ShapeMemory;
  /**
   * The model started or stopped reasoning before its answer. `request` is the same object for
   * every call about one request, so parallel requests can be told apart.
   */
  onThinking?: (thinking: boolean, request: object) => void;
  /** Anything arrived on the stream, reasoning and keep-alives included. */
  onActivity?: () => void;
}

/**
 * Streams the faithful Markdown translation. Throws LlmError like streamAnalysis; on answer-cut,
 * stream-interrupted, endpoint-error-mid-answer and cancelled the text delivered through
 * `onDelta` so far is the caller's to keep.
 */
export async function streamTranslation(options: StreamTranslationOptions): Promise<{ usage: Usage | null }> {
  const thisRequest = {};
  const context: ErrorContext = {
    host: endpointHost(options.client.baseURL),
    model: options.model,
    origin: options.origin,
  };
  const { response } = await openChatStream({
    client: options.client,
    model: options.model,
    messages: buildTranslationMessages(options.article, options.targetLanguage, options.part),
    signal: options.signal,
    context,
    memory: options.memory,
  });
  const { usage } = await readChatStream(response, {
    signal: options.signal,
    context,
    // A translation begins with its first paragraph's marker: content that begins otherwise and
    // later closes a </think> was reasoning whose opening tag was in the chat template.
    answerStart: TRANSLATION_ANSWER_START,
    onThinking: (thinking) => options.onThinking?.(thinking, thisRequest),
    onActivity: options.onActivity,
    onContent: (delta) => options.onDelta(delta),
  });
  return { usage };
}
