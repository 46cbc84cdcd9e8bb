import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ResponseFormatJSONObject, ResponseFormatJSONSchema } from 'openai/resources/shared';
import type { Article } from '../article/article';
import { type Analysis, AnalysisSchema, type PartialAnalysis } from '../attribution/analysis';
import type { Usage } from '../job/job';
import { endpointHost } from './endpoint-host';
import { type ErrorContext, toAppError } from './error-mapping';
import { parseFinalAnalysis, parsePartialAnalysis } from './json-answer';
import { LlmError } from './llm-error';
import { buildAnalysisMessages, type PromptMessage } from './prompts';
import { readChatStream } from './read-chat-stream';
import { rejectsResponseFormat } from './rejects-response-format';

/** How the structured answer is asked for, strongest first; each later one is the fallback of the one before. */
export const ANALYSIS_MODES = ['json_schema', 'json_object', 'prompt'] as const;
export type AnalysisMode = (typeof ANALYSIS_MODES)[number];

export interface StreamAnalysisOptions {
  client: OpenAI;
  model: string;
  article: Article;
  targetLanguage: string;
  signal?: AbortSignal;
  /** The analysis so far, after every content delta that changed it. Throttling is the caller's job. */
  onPartial?: (analysis: PartialAnalysis) => void;
  /** Start lower when an earlier run learnt that this endpoint rejects a mode (saves a failing request). */
  startMode?: AnalysisMode;
  /** For the origin-rejected advice; defaults to the running page's origin. */
  origin?: string;
  /** Other messages than the analysis prompt for `article`, answered in the same JSON shape (the map-reduce summary step). */
  messages?: PromptMessage[];
}

export interface AnalysisOutcome {
  analysis: Analysis;
  usage: Usage | null;
  mode: AnalysisMode;
}

/**
 * The strict JSON schema sent with `json_schema` mode, built by the SDK's helper from the one
 * AnalysisSchema (zod 4 works with it: every property required, additionalProperties false,
 * nullable fields as type unions).
 */
const ANALYSIS_RESPONSE_FORMAT: ResponseFormatJSONSchema = zodResponseFormat(AnalysisSchema, 'sourcelens_analysis');
const JSON_OBJECT_FORMAT: ResponseFormatJSONObject = { type: 'json_object' };

/**
 * Streams the summary and attribution notes. Tries `json_schema` (strict), and when the endpoint
 * answers 400 because it does not support that response_format, `json_object`, then the prompt alone
 * (whose instructions describe the JSON in every mode). Throws LlmError: answer-cut, model-refused,
 * answer-not-understood, stream-interrupted, cancelled, or whatever toAppError makes of the request's failure.
 */
export async function streamAnalysis(options: StreamAnalysisOptions): Promise<AnalysisOutcome> {
  const context: ErrorContext = {
    host: endpointHost(options.client.baseURL),
    model: options.model,
    origin: options.origin,
  };
  const messages = options.messages ?? buildAnalysisMessages(options.article, options.targetLanguage);
  const modes = ANALYSIS_MODES.slice(ANALYSIS_MODES.indexOf(options.startMode ?? 'json_schema'));

  for (const [index, mode] of modes.entries()) {
    const isLastMode = index === modes.length - 1;
    let stream: AsyncIterable<ChatCompletionChunk>;
    try {
      stream = await options.client.chat.completions.create(
        {
          model: options.model,
          messages,
          stream: true,
          stream_options: { include_usage: true },
          ...(mode === 'json_schema' ? { response_format: ANALYSIS_RESPONSE_FORMAT } : {}),
          ...(mode === 'json_object' ? { response_format: JSON_OBJECT_FORMAT } : {}),
        },
        { signal: options.signal },
      );
    } catch (error) {
      if (!isLastMode && rejectsResponseFormat(error)) continue;
      throw new LlmError(toAppError(error, context));
    }

    let lastPartial = '';
    const { text, usage } = await readChatStream(stream, {
      signal: options.signal,
      context,
      onContent: (_delta, textSoFar) => {
        const partial = parsePartialAnalysis(textSoFar);
        const serialised = JSON.stringify(partial);
        // Whitespace and half-written enum values change the text but not the object: no call then.
        if (serialised === lastPartial || serialised === '{}') return;
        lastPartial = serialised;
        options.onPartial?.(partial);
      },
    });
    const parsed = parseFinalAnalysis(text);
    if (!parsed.ok) throw new LlmError({ code: 'answer-not-understood', detail: parsed.detail });
    return { analysis: parsed.analysis, usage, mode };
  }
  // Unreachable: the last mode either returns or throws. Kept for the type checker.
  throw new LlmError({ code: 'unknown', detail: 'no analysis mode was tried' });
}
