import type OpenAI from 'openai';
import type { Article } from '../article/article';
import type { Usage } from '../job/job';
import { endpointHost } from './endpoint-host';
import { type ErrorContext, toAppError } from './error-mapping';
import { LlmError } from './llm-error';
import { buildTranslationMessages } from './prompts';
import { readChatStream } from './read-chat-stream';
import { createThinkingFilter } from './thinking';

export interface StreamTranslationOptions {
  client: OpenAI;
  model: string;
  article: Article;
  targetLanguage: string;
  signal?: AbortSignal;
  /** Each piece of Markdown as it arrives (reasoning blocks already removed). */
  onDelta: (text: string) => void;
  origin?: string;
  /** Set when `article` holds one chunk of a longer article (see translate-in-chunks.ts). */
  part?: { index: number; count: number };
}

/**
 * Streams the faithful Markdown translation. Throws LlmError like streamAnalysis; on answer-cut,
 * stream-interrupted and cancelled the text delivered through `onDelta` so far is the caller's to keep.
 */
export async function streamTranslation(options: StreamTranslationOptions): Promise<{ usage: Usage | null }> {
  const context: ErrorContext = {
    host: endpointHost(options.client.baseURL),
    model: options.model,
    origin: options.origin,
  };
  let stream: Awaited<ReturnType<typeof startStream>>;
  try {
    stream = await startStream(options);
  } catch (error) {
    throw new LlmError(toAppError(error, context));
  }
  const thinking = createThinkingFilter();
  const deliver = (text: string) => {
    if (text) options.onDelta(text);
  };
  try {
    const { usage } = await readChatStream(stream, {
      signal: options.signal,
      context,
      onContent: (delta) => deliver(thinking.push(delta)),
    });
    return { usage };
  } finally {
    deliver(thinking.flush());
  }
}

function startStream(options: StreamTranslationOptions) {
  return options.client.chat.completions.create(
    {
      model: options.model,
      messages: buildTranslationMessages(options.article, options.targetLanguage, options.part),
      stream: true,
      stream_options: { include_usage: true },
    },
    { signal: options.signal },
  );
}
