/**
 * What a careful reader expects Sourcelens to find in one eval article: the single definition of
 * an eval fixture's `rubric.json`, validated when the fixtures are loaded (load-fixtures.ts).
 * Names are matched loosely (case, accents and punctuation aside, any alias as whole words);
 * article text (hedges, unattributed claims, verdict claims) must be words of the article itself.
 */

import { z } from 'zod';
import { SOURCE_VERDICTS } from '@/lib/sources/source-check-answer';

/** A source or relay as the article may name it; `aliases` are other names the notes may use for it. */
export const ExpectedNameSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
});

/** The source check's verdicts, as the extension names them (lib/sources/source-check-answer.ts). */
export const VerdictSchema = z.enum(SOURCE_VERDICTS);

export const ExpectedVerdictSchema = z.object({
  /** Words of the article (its original language) that make the claim attributed to the linked source. */
  articleText: z.string().min(1),
  verdict: VerdictSchema,
  /** The source's passage the verdict rests on, verbatim; null for `not-found`. */
  passage: z.string().min(1).nullable(),
  /** Why, for the person reading the rubric: "the source says 'secretly'? no: 'quietly'". */
  why: z.string().optional(),
});

/**
 * A page that a linked source itself links for one of its attributions ("according to a State
 * Department readout", linked): the check one step further (lib/sources/follow-sources.ts). Its
 * verdicts' `articleText` are words of the linked source's passage, which the follow-up sends in
 * place of the article's wording.
 */
export const FollowUpSourceSchema = z.object({
  /** The page as the linked source names it, e.g. "a State Department readout". */
  name: z.string().min(1),
  /** The link in the linked source's body. */
  url: z.string().url(),
  /** The page, next to the rubric, read with the same extractor. */
  file: z.string().min(1),
  language: z.string().min(2),
  verdicts: z.array(ExpectedVerdictSchema).min(1),
});

export const LinkedSourceSchema = z.object({
  /** The source as the article names it, e.g. "The New York Times". */
  name: z.string().min(1),
  /** The link in the article's body. */
  url: z.string().url(),
  /** The source's page, next to the rubric, read with the same extractor as the article. */
  file: z.string().min(1),
  /** BCP 47 primary tag of the source's language. */
  language: z.string().min(2),
  verdicts: z.array(ExpectedVerdictSchema).min(1),
  /** Pages this source links for its own attributions, and the verdicts a check one step further must reach. */
  followUps: z.array(FollowUpSourceSchema).default([]),
});

export const RubricSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** BCP 47 primary tag the extractor must find for the article. */
  language: z.string().min(2),
  description: z.string().min(1),
  page: z.object({
    /** The article's page, relative to the fixture's folder (the seed's lives in tests/fixtures/pages). */
    file: z.string().default('page.html'),
    /** The address the page is read as if loaded from. */
    url: z.string().url(),
  }),
  /** Every named source the notes must name, as a note's source or as a link of its chain. */
  sources: z.array(ExpectedNameSchema).min(1),
  /** Relay chains, from the first relay after this page to the original source, in order. */
  chains: z.array(z.object({ steps: z.array(ExpectedNameSchema).min(2) })).default([]),
  /** Hedges of the original and what the English translation must keep of each (any one of `keep`). */
  hedges: z.array(z.object({ original: z.string().min(1), keep: z.array(z.string().min(1)).min(1) })).default([]),
  /** Claims the article makes with no source at all: words of the article within the sentence. */
  unattributed: z.array(z.object({ text: z.string().min(1) })).default([]),
  /** Sources the article links to, with their page and the verdicts a source check must reach. */
  linkedSources: z.array(LinkedSourceSchema).default([]),
});

export type ExpectedName = z.infer<typeof ExpectedNameSchema>;
export type Verdict = z.infer<typeof VerdictSchema>;
export type ExpectedVerdict = z.infer<typeof ExpectedVerdictSchema>;
export type LinkedSourceRubric = z.infer<typeof LinkedSourceSchema>;
export type FollowUpSourceRubric = z.infer<typeof FollowUpSourceSchema>;
export type Rubric = z.infer<typeof RubricSchema>;
