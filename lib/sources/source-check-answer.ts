import { z } from 'zod';

/** What the model may say about one claim, after reading the source. */
export const SOURCE_VERDICTS = ['supported', 'partly-supported', 'not-found', 'contradicted'] as const;
export type SourceVerdict = (typeof SOURCE_VERDICTS)[number];

/**
 * The model's answer about one claim: the single definition used for the strict JSON schema sent
 * to the endpoint and for validating what comes back.
 */
export const ClaimCheckSchema = z.object({
  claimId: z.string().describe('The id of the claim, as given: c1, c2, …'),
  verdict: z.enum(SOURCE_VERDICTS),
  difference: z
    .string()
    .nullable()
    .describe(
      'For partly-supported and contradicted: what differs, e.g. "the article says \'secret\', the source does not"; else null.',
    ),
  passage: z
    .string()
    .nullable()
    .describe(
      'The sentence(s) of the source the verdict rests on, copied character for character; null for not-found.',
    ),
  passageTranslation: z
    .string()
    .nullable()
    .describe("The passage in the reader's language; null when the source is already in it, or for not-found."),
  attributedTo: z
    .string()
    .nullable()
    .describe(
      'Who the source itself attributes the passage to, as the source names them ("several participants in the meeting", "a State Department readout"); null when the source states it on its own authority, or for not-found.',
    ),
});

export const SourceCheckAnswerSchema = z.object({ checks: z.array(ClaimCheckSchema) });

export type ClaimCheck = z.infer<typeof ClaimCheckSchema>;
export type SourceCheckAnswer = z.infer<typeof SourceCheckAnswerSchema>;
