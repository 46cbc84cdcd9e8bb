import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { Usage } from '../job/job';
import { type ErrorContext, toAppError } from './error-mapping';
import { LlmError } from './llm-error';

export interface ChatStreamResult {
  /** All content deltas joined, as the model sent them (reasoning blocks included). */
  text: string;
  usage: Usage | null;
}

export interface ReadChatStreamOptions {
  signal?: AbortSignal;
  context: ErrorContext;
  /** Each content delta as it arrives, with the text so far. */
  onContent?: (delta: string, text: string) => void;
}

/**
 * Reads a chat completion stream to its end and turns every way it can end badly into an
 * LlmError: cancelled, cut off by the connection (no finish_reason arrived), cut off by the output
 * limit (finish_reason "length"), or refused (a `refusal` delta, or the content filter).
 * What arrived before is in the caller's hands through `onContent`.
 */
export async function readChatStream(
  stream: AsyncIterable<ChatCompletionChunk>,
  options: ReadChatStreamOptions,
): Promise<ChatStreamResult> {
  let text = '';
  let refusal = '';
  let finishReason: ChatCompletionChunk.Choice['finish_reason'] = null;
  let usage: Usage | null = null;
  try {
    for await (const chunk of stream) {
      if (chunk.usage) usage = toUsage(chunk.usage);
      const choice = chunk.choices.find((candidate) => candidate.index === 0);
      if (!choice) continue;
      const delta = choice.delta?.content;
      if (delta) {
        text += delta;
        options.onContent?.(delta, text);
      }
      if (choice.delta?.refusal) refusal += choice.delta.refusal;
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
  } catch (error) {
    if (options.signal?.aborted) throw new LlmError({ code: 'cancelled' });
    throw new LlmError(toAppError(error, { ...options.context, duringStream: true }));
  }
  // The SDK ends the iteration quietly when the request is aborted: only the signal tells.
  if (options.signal?.aborted) throw new LlmError({ code: 'cancelled' });
  if (refusal) throw new LlmError({ code: 'model-refused', detail: refusal });
  if (finishReason === 'content_filter') {
    throw new LlmError({ code: 'model-refused', detail: 'The endpoint’s content filter stopped the answer.' });
  }
  if (finishReason === 'length') {
    throw new LlmError({ code: 'answer-cut', detail: `after ${text.length} characters` });
  }
  if (finishReason === null) {
    throw new LlmError({ code: 'stream-interrupted', detail: 'the stream ended without a finish reason' });
  }
  return { text, usage };
}

function toUsage(usage: NonNullable<ChatCompletionChunk['usage']>): Usage {
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    totalTokens: usage.total_tokens,
  };
}
