import { z } from 'zod';
import { ParagraphSchema, TruncationSchema } from '@/lib/article/article';
import { NoteSchema, OutsideKnowledgeSchema, SummaryPointSchema } from '@/lib/attribution/analysis';
import { HedgeCheckSchema } from '@/lib/hedges/hedge-check';
import { STRUCTURED_MODES } from '@/lib/llm/request-shape';
import { ReportSourceCheckSchema } from '@/lib/sources/report-source-check';

/**
 * Bump when a field changes meaning or is removed, or a section is added that readers should know
 * to look for. 2: `sourceChecks`, the linked sources checked against what the article attributes
 * to them (added within 2, both optional: a follow-up check's `parentUrl`, each claim's
 * `attributedTo`). Every earlier version still validates: what a version added is optional.
 */
export const EVIDENCE_REPORT_VERSION = 2;
export const READABLE_REPORT_VERSIONS = [1, 2] as const;

const PART_STATUSES = ['pending', 'streaming', 'done', 'error', 'skipped'] as const;

const UsageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
});

/** Where a note's quote is in the original, as lib/attribution/grounding.ts found it. */
export const NoteVerificationSchema = z.object({
  status: z.enum(['verified', 'near-miss', 'not-found']),
  paragraphId: z.string().nullable(),
  /** Character offsets in that paragraph's text (`paragraphs[].text`), end exclusive. */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  closest: z.object({ paragraphId: z.string(), text: z.string(), similarity: z.number().min(0).max(1) }).nullable(),
});

export const ReportNoteSchema = NoteSchema.extend({ verification: NoteVerificationSchema });

/**
 * Everything needed to check, later and elsewhere, what Sourcelens showed for one article:
 * what was read (with a hash of its text), what the model said about it, how each note's quote
 * was found in the original, and which model and endpoint said it. Never the API key.
 */
export const EvidenceReportSchema = z.object({
  format: z.literal('sourcelens-evidence-report'),
  /** The version the report was written with; a report of any READABLE_REPORT_VERSIONS validates. */
  version: z.union(READABLE_REPORT_VERSIONS.map((version) => z.literal(version))),
  /** When the page was read (ISO 8601). */
  retrievedAt: z.iso.datetime({ offset: true }),
  source: z.object({
    url: z.string(),
    canonicalUrl: z.string(),
    title: z.string(),
    /** SHA-256 (hex) of the paragraph texts joined by blank lines: lib/job/content-hash.ts. */
    contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** What the text came from: the article Readability found, the user's selection, or the whole page. */
    extraction: z.enum(['article', 'selection', 'page']),
    wordCount: z.number().int().nonnegative(),
    /** Set when a paywall kept the rest of the article off the page: only these paragraphs were analysed. */
    truncation: TruncationSchema.optional(),
  }),
  outlet: z.object({
    siteName: z.string().nullable(),
    domain: z.string().nullable(),
    byline: z.string().nullable(),
    publishedTime: z.string().nullable(),
    /** BCP 47 primary tag; `und` when unknown. */
    language: z.string(),
  }),
  paragraphs: z.array(ParagraphSchema),
  translation: z.object({
    targetLanguage: z.string(),
    status: z.enum(PART_STATUSES),
    /** The whole translation as Markdown, without the paragraph markers. */
    markdown: z.string(),
    /** Each original paragraph with its translation where it could be aligned; null where not (yet). */
    paragraphs: z.array(
      z.object({
        paragraphId: z.string().nullable(),
        original: z.string().nullable(),
        markdown: z.string().nullable(),
      }),
    ),
  }),
  summary: z.object({
    status: z.enum(PART_STATUSES),
    /** Each point with the paragraphs it cites. */
    points: z.array(SummaryPointSchema),
  }),
  notes: z.array(ReportNoteSchema),
  /** The model's background knowledge, kept apart: not from the article, not used in the notes. */
  outsideKnowledge: z.array(OutsideKnowledgeSchema),
  hedgePreservation: z.array(HedgeCheckSchema),
  generator: z.object({
    name: z.literal('Sourcelens'),
    model: z.string(),
    /** The endpoint's host (and port): never its credentials. */
    endpointHost: z.string(),
    promptVersion: z.string(),
    /** How the structured answer was obtained: json_schema, json_object or prompt-only. */
    analysisMode: z.enum(STRUCTURED_MODES).nullable(),
    fromCache: z.boolean(),
  }),
  usage: z.object({ analysis: UsageSchema.nullable(), translation: UsageSchema.nullable() }),
  /** Since version 2, when sources were checked: each linked source read and checked (lib/sources). */
  sourceChecks: z.array(ReportSourceCheckSchema).optional(),
});

export type EvidenceReport = z.infer<typeof EvidenceReportSchema>;
export type ReportNote = z.infer<typeof ReportNoteSchema>;
