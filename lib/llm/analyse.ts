import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ResponseFormatJSONSchema } from 'openai/resources/shared';
import type { Article } from '@/lib/article/article';
import { type Analysis, AnalysisSchema, type PartialAnalysis } from '@/lib/attribution/analysis';
import type { Usage } from '@/lib/job/job';
import { endpointHost } from '@/lib/llm/endpoint-host';
import type { ErrorContext } from '@/lib/llm/error-mapping';
import { CombinedAnswerSchema } from '@/lib/llm/combined-answer';
import { parseFinalAnalysis, parseFinalTranslation, parsePartialAnswer } from '@/lib/llm/json-answer';
import { LlmError } from '@/lib/llm/llm-error';
import { buildAnalysisMessages, buildCombinedMessages, type PromptMessage } from '@/lib/llm/prompts';
import { openChatStream } from '@/lib/llm/open-chat-stream';
import { readChatStream } from '@/lib/llm/read-chat-stream';
import { STRUCTURED_MODES, type StructuredMode } from '@/lib/llm/request-shape';
import type { ShapeMemory } from '@/lib/llm/request-shape-memory';
import { JSON_ANSWER_START } from '@/lib/llm/thinking';

/** How the structured answer is asked for, strongest first (see request-shape.ts). */
export const ANALYSIS_MODES = STRUCTURED_MODES;
export type AnalysisMode = StructuredMode;

export interface StreamAnalysisOptions {
  client: OpenAI;
  model: string;
  article: Article;
  targetLanguage: string;
  signal?: AbortSignal;
  /** The analysis so far, after every content delta that changed it. Throttling is the caller's job. */
  onPartial?: (analysis: PartialAnalysis) => void;
  /** Start no higher than this mode (the parts of one job share what the first part learnt). */
  startMode?: AnalysisMode;
  /** What was learnt about this endpoint and model (refused fields); learns from this request too. */
  memory?: ShapeMemory;
  /**
   * The model started or stopped reasoning before its answer (never part of the answer). `request`
   * is the same object for every call about one request, so parallel requests can be told apart.
   */
  onThinking?: (thinking: boolean, request: object) => void;
  /** Anything arrived on the stream, reasoning and keep-alives included. */
  onActivity?: () => void;
  /** For the origin-rejected advice; defaults to the running page's origin. */
  origin?: string;
  /**
   * Other messages than the analysis prompt for `article`, answered in the same JSON shape (the
   * step combining the parts' summaries).
   */
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
/**
 * Streams the summary and attribution notes. Asks for `json_schema` (strict) first; an endpoint
 * that refuses it (or `stream_options`, or `temperature`) is asked again without it, down to the
 * prompt alone, whose instructions describe the JSON in every mode (open-chat-stream.ts). Throws
 * LlmError: answer-cut, model-refused, answer-not-understood, stream-interrupted,
 * endpoint-error-mid-answer, cancelled, or whatever toAppError makes of the request's failure.
 */
export async function streamAnalysis(options: StreamAnalysisOptions): Promise<AnalysisOutcome> {
  const thisRequest = {};
  const context: ErrorContext = {
    host: endpointHost(options.client.baseURL),
    model: options.model,
    origin: options.origin,
  };
  const combined = options.onTranslation !== undefined;
  const messages =
    options.messages ??
    (combined ? buildCombinedMessages : buildAnalysisMessages)(options.article, options.targetLanguage);
  const { response, shape } = await openChatStream({
    client: options.client,
    model: options.model,
    messages,
    schema: combined ? COMBINED_RESPONSE_FORMAT : ANALYSIS_RESPONSE_FORMAT,
    signal: options.signal,
    context,
    memory: options.memory,
    startMode: options.startMode,
  });

  let lastPartial = '';
  let lastTranslation = '';
  let translationComplete = false;
  const { text, usage } = await readChatStream(response, {
    signal: options.signal,
    context,
    answerStart: JSON_ANSWER_START,
    onThinking: (thinking) => options.onThinking?.(thinking, thisRequest),
    onActivity: options.onActivity,
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
  return {
    analysis: parsed.analysis,
    usage,
    mode: shape.structured,
    translation: combined ? parseFinalTranslation(text) : null,
  };
}
