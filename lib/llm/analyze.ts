import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ResponseFormatJSONObject, ResponseFormatJSONSchema } from 'openai/resources/shared';
import type { Article } from '../article/article';
import { type Analysis, AnalysisSchema, type PartialAnalysis } from '../attribution/analysis';
import type { Usage } from '../job/job';
import { endpointHost } from './endpoint-host';
import { type ErrorContext, toAppError } from './error-mapping';
import { CombinedAnswerSchema } from './combined-answer';
import { parseFinalAnalysis, parseFinalTranslation, parsePartialAnswer } from './json-answer';
import { LlmError } from './llm-error';
import { buildAnalysisMessages, buildCombinedMessages, type PromptMessage } from './prompts';
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
  /**
   * Set to ask for the translation in the same answer (a short article, see request-plan.ts):
   * called with the translation so far, which only grows, whenever it changed, and once more with
   * `complete` as soon as its string is closed (the notes still to come).
   */
  onTranslation?: (textSoFar: string, complete: boolean) => void;
}

export interface AnalysisOutcome {
  analysis: Analysis;
  usage: Usage | null;
  mode: AnalysisMode;
  /** The translation of a combined answer; null when none was asked for or the answer had none. */
  translation: string | null;
}

/**
 * The strict JSON schema sent with `json_schema` mode, built by the SDK's helper from the one
 * AnalysisSchema (zod 4 works with it: every property required, additionalProperties false,
 * nullable fields as type unions).
 */
const ANALYSIS_RESPONSE_FORMAT: ResponseFormatJSONSchema = zodResponseFormat(AnalysisSchema, 'sourcelens_analysis');
const COMBINED_RESPONSE_FORMAT: ResponseFormatJSONSchema = zodResponseFormat(
  CombinedAnswerSchema,
  'sourcelens_analysis_and_translation',
);
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
  const combined = options.onTranslation !== undefined;
  const messages =
    options.messages ??
    (combined ? buildCombinedMessages : buildAnalysisMessages)(options.article, options.targetLanguage);
  const schemaFormat = combined ? COMBINED_RESPONSE_FORMAT : ANALYSIS_RESPONSE_FORMAT;
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
          ...(mode === 'json_schema' ? { response_format: schemaFormat } : {}),
          ...(mode === 'json_object' ? { response_format: JSON_OBJECT_FORMAT } : {}),
        },
        { signal: options.signal },
      );
    } catch (error) {
      if (!isLastMode && rejectsResponseFormat(error)) continue;
      throw new LlmError(toAppError(error, context));
    }

    let lastPartial = '';
    let lastTranslation = '';
    let translationComplete = false;
    const { text, usage } = await readChatStream(stream, {
      signal: options.signal,
      context,
      onContent: (_delta, textSoFar) => {
        const { analysis: partial, translation, translationComplete: complete } = parsePartialAnswer(textSoFar);
        const grew = translation !== null && translation.length > lastTranslation.length;
        if (
          translation !== null &&
          !translationComplete &&
          (grew || complete) &&
          translation.startsWith(lastTranslation)
        ) {
          lastTranslation = translation;
          translationComplete = complete;
          options.onTranslation?.(translation, complete);
        }
        const serialised = JSON.stringify(partial);
        // Whitespace and half-written enum values change the text but not the object: no call then.
        if (serialised === lastPartial || serialised === '{}') return;
        lastPartial = serialised;
        options.onPartial?.(partial);
      },
    });
    const parsed = parseFinalAnalysis(text);
    if (!parsed.ok) throw new LlmError({ code: 'answer-not-understood', detail: parsed.detail });
    return { analysis: parsed.analysis, usage, mode, translation: combined ? parseFinalTranslation(text) : null };
  }
  // Unreachable: the last mode either returns or throws. Kept for the type checker.
  throw new LlmError({ code: 'unknown', detail: 'no analysis mode was tried' });
}
