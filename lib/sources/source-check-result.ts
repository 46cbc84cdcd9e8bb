import { z } from 'zod';
import { SOURCE_VERDICTS } from '@/lib/sources/source-check-answer';

export const FINAL_VERDICTS = [...SOURCE_VERDICTS, 'unverified'] as const;

const PassagePartSchema = z.object({
  paragraphId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** One claim's check, verified (verify-passages.ts), with the claim it is about. */
export const CheckedClaimResultSchema = z.object({
  claimId: z.string(),
  noteIndex: z.number().int().nonnegative(),
  /** The article's sentence the note rests on, in the article's language. */
  original: z.string(),
  /** The claim in the reader's language. */
  claim: z.string(),
  verdict: z.enum(FINAL_VERDICTS),
  modelVerdict: z.enum(SOURCE_VERDICTS).nullable(),
  difference: z.string().nullable(),
  passage: z
    .object({
      text: z.string(),
      translation: z.string().nullable(),
      paragraphId: z.string(),
      /** Character offsets in the source paragraph's text, end exclusive. */
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      parts: z.array(PassagePartSchema),
      /** Opens the source at the passage (`#:~:text=`). */
      link: z.string(),
    })
    .nullable(),
  /**
   * Who the source itself attributes the passage to, as it names them ("a State Department
   * readout"); null when it says it on its own authority or has no verified passage. Absent in
   * checks made before the check asked (prompt sourcelens-source-check-1).
   */
  attributedTo: z.string().nullable().optional(),
  unverifiedReason: z.enum(['passage-not-in-source', 'no-passage', 'no-answer']).optional(),
  claimedPassage: z.string().optional(),
  closest: z.object({ paragraphId: z.string(), text: z.string(), similarity: z.number().min(0).max(1) }).optional(),
});

const UsageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
});

/** A link in the source page's body: its text as `name`, its absolute http(s) URL. */
export const SourceLinkSchema = z.object({ name: z.string(), url: z.string() });
export type SourceLink = z.infer<typeof SourceLinkSchema>;

/**
 * The outcome of checking one linked source: what was read (with its hash), what the model said
 * of each claim, and what of that was verified. Stored in the cache and copied into the evidence
 * report, so it holds no page HTML and no credentials.
 */
export const SourceCheckResultSchema = z.object({
  /** The source's URL as the article (or, one step further, the parent source) links it. */
  url: z.string(),
  /**
   * For a follow-up check (follow-sources.ts), the checked source whose link led here: the claims'
   * `original` is then that source's verified passage. Null or absent for the article's own links.
   */
  parentUrl: z.string().nullable().optional(),
  name: z.string(),
  domain: z.string().nullable(),
  /** When the source page was read (ISO 8601). */
  retrievedAt: z.string(),
  /** SHA-256 (hex) of the source's paragraph texts joined by blank lines (lib/job/content-hash.ts). */
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string(),
  /** BCP 47 primary tag of the source; `und` when unknown. */
  language: z.string(),
  publishedTime: z.string().nullable(),
  /** Only part of the source was checked: behind a paywall, or cut to fit the model. */
  partial: z.enum(['paywall', 'cut-to-fit']).nullable(),
  paragraphsSent: z.number().int().nonnegative(),
  paragraphsTotal: z.number().int().nonnegative(),
  /** The source's paragraphs, so offsets can be checked later and elsewhere. */
  paragraphs: z.array(z.object({ id: z.string(), text: z.string() })),
  /**
   * The links in the source page's body (the extracted article's links, text as `name`): what the
   * source's own attributions can be followed to. Absent in checks stored before they were kept.
   */
  links: z.array(SourceLinkSchema).optional(),
  model: z.string(),
  promptVersion: z.string(),
  claims: z.array(CheckedClaimResultSchema),
  usage: UsageSchema.nullable(),
  fromCache: z.boolean(),
});

export type CheckedClaimResult = z.infer<typeof CheckedClaimResultSchema>;
export type SourceCheckResult = z.infer<typeof SourceCheckResultSchema>;
