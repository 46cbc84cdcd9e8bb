import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ResponseFormatJSONSchema } from 'openai/resources/shared';
import type { Article } from '@/lib/article/article';
import type { JobEstimate } from '@/lib/budget/job-estimate';
import type { ModelLimits } from '@/lib/budget/model-limits';
import type { ModelPrice } from '@/lib/budget/model-prices';
import { contentHash } from '@/lib/job/content-hash';
import { endpointHost } from '@/lib/llm/endpoint-host';
import type { ErrorContext } from '@/lib/llm/error-mapping';
import { LlmError } from '@/lib/llm/llm-error';
import { openChatStream } from '@/lib/llm/open-chat-stream';
import type { PromptMessage } from '@/lib/llm/prompts';
import { readChatStream } from '@/lib/llm/read-chat-stream';
import type { ShapeMemory } from '@/lib/llm/request-shape-memory';
import { JSON_ANSWER_START } from '@/lib/llm/thinking';
import type { CheckableSource } from '@/lib/sources/checkable-sources';
import { type FittedSourceText, fitSourceText, messagesTokens } from '@/lib/sources/fit-source-text';
import { parseSourceCheckAnswer } from '@/lib/sources/parse-source-check-answer';
import { SourceCheckAnswerSchema } from '@/lib/sources/source-check-answer';
import { type SourceCheckCache, sourceCheckCacheKey } from '@/lib/sources/source-check-cache';
import { buildSourceCheckMessages, SOURCE_CHECK_PROMPT_VERSION } from '@/lib/sources/source-check-prompt';
import { type SourceCheckResult, SourceCheckResultSchema } from '@/lib/sources/source-check-result';
import { textFragmentUrl } from '@/lib/sources/text-fragment-url';
import { verifyPassages } from '@/lib/sources/verify-passages';
import { tokenizerFamily } from '@/lib/tokens/tokenizer-family';

/** The strict schema sent in `json_schema` mode, from the one SourceCheckAnswerSchema. */
const SOURCE_CHECK_RESPONSE_FORMAT: ResponseFormatJSONSchema = zodResponseFormat(
  SourceCheckAnswerSchema,
  'sourcelens_source_check',
);

/** What a check is about and how it is cut, before anything is sent. */
export interface SourceCheckPlanInput {
  source: CheckableSource;
  /** The source page as the extractor read it (paywall and language included). */
  page: Article;
  /** The language of the article whose claims these are (BCP 47 primary tag). */
  articleLanguage: string;
  /** The reader's language, e.g. "English". */
  targetLanguage: string;
  model: string;
  limits: ModelLimits;
}

export interface SourceCheckPlan {
  messages: PromptMessage[];
  fitted: FittedSourceText;
}

/**
 * The request one check sends: the source's paragraphs cut to what fits `limits` beside the
 * instructions, the claims and room for the answer. Throws LlmError context-too-long when not
 * even the first paragraph fits.
 */
export function planSourceCheck(input: SourceCheckPlanInput): SourceCheckPlan {
  const family = tokenizerFamily(input.model);
  const promptInput = {
    source: input.source,
    sourceLanguage: input.page.language,
    articleLanguage: input.articleLanguage,
    targetLanguage: input.targetLanguage,
    partial: true,
  };
  const overheadTokens = messagesTokens(buildSourceCheckMessages({ ...promptInput, paragraphs: [] }), family);
  const fitted = fitSourceText(input.page.paragraphs, {
    limits: input.limits,
    family,
    overheadTokens,
    claimCount: input.source.claims.length,
  });
  if (fitted.paragraphs.length === 0) {
    throw new LlmError({
      code: 'context-too-long',
      detail: `not even the first paragraph of ${input.source.name} fits beside the ${input.source.claims.length} claims to check (${input.limits.contextTokens} tokens)`,
    });
  }
  const messages = buildSourceCheckMessages({
    ...promptInput,
    paragraphs: fitted.paragraphs,
    partial: fitted.cut || input.page.truncation !== undefined,
  });
  return { messages, fitted };
}

/**
 * What one check is expected to cost, in the shape of a job's estimate so the same cost gate
 * (lib/budget/cost-gate.ts `needsConfirmation`) and cost text apply. Throws as planSourceCheck.
 */
export function estimateSourceCheck(input: SourceCheckPlanInput, price: ModelPrice | null): JobEstimate {
  const { fitted } = planSourceCheck(input);
  return {
    inputTokens: fitted.inputTokens,
    outputTokens: fitted.answerTokens,
    price,
    requests: 1,
    analysisParts: 0,
    translationParts: 0,
    combined: false,
  };
}

export interface CheckSourceOptions extends SourceCheckPlanInput {
  /** The client to send with: for the extension, one whose fetch goes through the endpoint's queue (source-check-client.ts). */
  client: OpenAI;
  /** When the source page was read (ISO 8601): the evidence report's time of retrieval. */
  retrievedAt: string;
  signal?: AbortSignal;
  /** What was learnt about this endpoint and model (refused request fields); learns from this request too. */
  memory?: ShapeMemory;
  /** The extension's origin, for the advice when a local server refuses it. */
  origin?: string;
  /** The key the client carries, so nothing the endpoint says can echo it into an error. */
  apiKey?: string;
  onThinking?: (thinking: boolean) => void;
  onActivity?: () => void;
  /** Where finished checks are kept, and the article's fingerprint (lib/job/article-fingerprint.ts) for the key. */
  cache?: { store: SourceCheckCache; articleFingerprint: string };
  /** Clock for the cache's recency, in milliseconds; Date.now by default. */
  now?: () => number;
  /**
   * For a follow-up check (follow-sources.ts): the URL of the checked source that links this one.
   * Kept in the result and in the cache key, with a SHA-256 of the claims sent (the same page
   * checked for the article's claims and for a source's passages answers different claims). Then
   * `articleLanguage` is that source's.
   */
  parentUrl?: string;
}

/**
 * The cache key under which checkSource reads and writes this check (source-check-cache.ts), for a
 * caller that looks a check up before estimating its cost or asking for confirmation. A follow-up
 * (`parentUrl`) is keyed by its parent and a SHA-256 of the passages it sends too: another check of
 * the parent may pick other passages. `sourceSha256` is contentHash of the source page as read.
 */
export async function sourceCheckCacheKeyOf(input: {
  articleFingerprint: string;
  source: Pick<CheckableSource, 'url' | 'claims'>;
  sourceSha256: string;
  model: string;
  targetLanguage: string;
  parentUrl?: string;
}): Promise<string> {
  return sourceCheckCacheKey({
    articleFingerprint: input.articleFingerprint,
    sourceUrl: input.source.url,
    sourceSha256: input.sourceSha256,
    model: input.model,
    targetLanguage: input.targetLanguage,
    promptVersion: SOURCE_CHECK_PROMPT_VERSION,
    ...(input.parentUrl
      ? {
          parentUrl: input.parentUrl,
          claimsSha256: await contentHash({
            paragraphs: input.source.claims.map((claim) => ({ id: claim.id, text: claim.original })),
          }),
        }
      : {}),
  });
}

/**
 * Checks what the article attributes to one linked source against the source itself: one
 * streamed request in the source's language (through the client's queue), the answer validated
 * with SourceCheckAnswerSchema, and every passage verified verbatim in the source text
 * (verify-passages.ts), so a verdict the source's own words do not bear out is `unverified`.
 * A cached check for the same article, source text (SHA-256), model and reader's language is
 * returned without a request.
 *
 * Throws LlmError: context-too-long (planSourceCheck), answer-not-understood, answer-cut,
 * model-refused, stream-interrupted, endpoint-error-mid-answer, cancelled, or whatever
 * toAppError makes of the request's failure (auth-failed, rate-limited, …).
 */
export async function checkSource(options: CheckSourceOptions): Promise<SourceCheckResult> {
  const { source, page } = options;
  const sourceSha256 = await contentHash(page);
  const now = options.now ?? Date.now;
  const cacheKey = options.cache
    ? await sourceCheckCacheKeyOf({
        articleFingerprint: options.cache.articleFingerprint,
        source,
        sourceSha256,
        model: options.model,
        targetLanguage: options.targetLanguage,
        parentUrl: options.parentUrl,
      })
    : null;
  if (options.cache && cacheKey) {
    const cached = await options.cache.store.read(cacheKey, now());
    if (cached) return cached;
  }

  const { messages, fitted } = planSourceCheck(options);
  const context: ErrorContext = {
    host: endpointHost(options.client.baseURL),
    model: options.model,
    origin: options.origin,
    apiKey: options.apiKey,
  };
  const { response } = await openChatStream({
    client: options.client,
    model: options.model,
    messages,
    schema: SOURCE_CHECK_RESPONSE_FORMAT,
    signal: options.signal,
    context,
    memory: options.memory,
  });
  const { text, usage } = await readChatStream(response, {
    signal: options.signal,
    context,
    answerStart: JSON_ANSWER_START,
    onThinking: options.onThinking,
    onActivity: options.onActivity,
  });
  const parsed = parseSourceCheckAnswer(text);
  if (!parsed.ok) throw new LlmError({ code: 'answer-not-understood', detail: parsed.detail });

  const checked = verifyPassages(source.claims, parsed.checks, page);
  const result: SourceCheckResult = SourceCheckResultSchema.parse({
    url: source.url,
    parentUrl: options.parentUrl ?? null,
    name: source.name,
    domain: source.domain,
    retrievedAt: options.retrievedAt,
    sourceSha256,
    title: page.title,
    language: page.language,
    publishedTime: page.publishedTime,
    partial: page.truncation ? 'paywall' : fitted.cut ? 'cut-to-fit' : null,
    paragraphsSent: fitted.paragraphs.length,
    paragraphsTotal: page.paragraphs.length,
    paragraphs: page.paragraphs.map(({ id, text: paragraphText }) => ({ id, text: paragraphText })),
    links: page.links.map((link) => ({ name: link.text, url: link.url })),
    model: options.model,
    promptVersion: SOURCE_CHECK_PROMPT_VERSION,
    claims: source.claims.map((claim, index) => {
      const check = checked[index];
      const passage = check?.passage ?? null;
      const partTexts = passage
        ? passage.parts.map(
            (part) =>
              page.paragraphs
                .find((paragraph) => paragraph.id === part.paragraphId)
                ?.text.slice(part.start, part.end) ?? '',
          )
        : [];
      return {
        ...check,
        claimId: claim.id,
        noteIndex: claim.noteIndex,
        original: claim.original,
        claim: claim.claim,
        verdict: check?.verdict ?? 'unverified',
        modelVerdict: check?.modelVerdict ?? null,
        difference: check?.difference ?? null,
        attributedTo: check?.attributedTo ?? null,
        passage: passage ? { ...passage, link: textFragmentUrl(source.url, partTexts) } : null,
      };
    }),
    usage,
    fromCache: false,
  });
  if (options.cache && cacheKey) await options.cache.store.write(cacheKey, result, now());
  return result;
}
