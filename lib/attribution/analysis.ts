import { z } from 'zod';

/** How a note's claim is attributed in the article's own words, from a quote to no attribution at all. */
export const NOTE_KINDS = [
  'direct-quote',
  'reported-speech',
  'paraphrase',
  'unattributed-assertion',
  'anonymous-source',
] as const;

export const SOURCE_TYPES = ['person', 'organisation', 'media-outlet', 'document', 'anonymous', 'none'] as const;

export const SummaryPointSchema = z.object({
  text: z.string().describe('One point of the summary, in the target language.'),
  paragraphIds: z.array(z.string()).describe('Ids (p1, p2, …) of the paragraphs this point rests on.'),
});

export const ChainLinkSchema = z.object({
  name: z.string().describe('Who relays or originates the claim at this step, as the text names them.'),
  cue: z
    .string()
    .nullable()
    .describe('The phrase of the original that marks this step, e.g. "laut der New York Times", "so die Zeitung".'),
});

export const HedgeSchema = z.object({
  original: z
    .string()
    .describe('The hedging or reported-speech word(s) exactly as in the original, e.g. "mutmaßlich", "sei".'),
  english: z.string().describe('Their sense in the target language, e.g. "allegedly", "reportedly".'),
});

export const NoteSchema = z.object({
  claim: z.string().describe('The claim, in the target language.'),
  source: z.object({
    name: z
      .string()
      .describe(
        'The source as the text names it; "unnamed participants" for anonymous ones; "none" when unattributed.',
      ),
    role: z.string().nullable().describe('The role the text gives the source, e.g. "US Deputy Secretary of State".'),
    type: z.enum(SOURCE_TYPES),
  }),
  chain: z
    .array(ChainLinkSchema)
    .describe('The relays from this page to the original source, starting with this page.'),
  kind: z.enum(NOTE_KINDS),
  hedges: z.array(HedgeSchema),
  quote: z.string().describe('The exact sentence of the original (not translated) that the note rests on.'),
  paragraphId: z.string().nullable().describe('The id of the paragraph containing the quote.'),
});

export const OutsideKnowledgeSchema = z.object({
  topic: z.string().describe('What the background is about, e.g. "Christopher Smith" or "the outlet".'),
  text: z
    .string()
    .describe('The background, in the target language, saying that it comes from general knowledge, not the article.'),
});

/**
 * What the model returns for summary and source-attribution notes: the single
 * definition used for the JSON schema sent to the endpoint, for validating the
 * answer, and for typing the partial object rendered while it streams.
 */
export const AnalysisSchema = z.object({
  summary: z.array(SummaryPointSchema),
  notes: z.array(NoteSchema),
  outsideKnowledge: z
    .array(OutsideKnowledgeSchema)
    .describe(
      "Background from the model's own knowledge, not from the article (e.g. who owns the outlet, who a person is). Never used in the notes or the summary. Empty when there is none.",
    ),
});

export type SummaryPoint = z.infer<typeof SummaryPointSchema>;
export type ChainLink = z.infer<typeof ChainLinkSchema>;
export type Hedge = z.infer<typeof HedgeSchema>;
export type Note = z.infer<typeof NoteSchema>;
export type OutsideKnowledge = z.infer<typeof OutsideKnowledgeSchema>;
export type NoteKind = Note['kind'];
export type Analysis = z.infer<typeof AnalysisSchema>;

type DeepPartial<T> = T extends readonly (infer Item)[]
  ? DeepPartial<Item>[]
  : T extends object
    ? { [Key in keyof T]?: DeepPartial<T[Key]> }
    : T;

/** The analysis as it streams: any field may still be missing. */
export type PartialAnalysis = DeepPartial<Analysis>;
