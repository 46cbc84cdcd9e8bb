import { z } from 'zod';
import { HEDGE_CATEGORIES } from '@/lib/hedges/hedge-term';

/** A hedge or attribution marker found in a paragraph, with its offsets in the NFC-normalised text. */
export const HedgeMarkerSchema = z.object({
  text: z.string(),
  category: z.enum(HEDGE_CATEGORIES),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** From the language's lexicon, or one of the markers the model listed in a note's `hedges`. */
  origin: z.enum(['lexicon', 'model']),
});

/** Whether one paragraph's translation kept the hedging of its original: also part of the evidence report. */
export const HedgeCheckSchema = z.object({
  paragraphId: z.string(),
  originalMarkers: z.array(HedgeMarkerSchema),
  translatedMarkers: z.array(HedgeMarkerSchema),
  /** lost: a marker has no counterpart in the translation; weakened: doubt kept only as possibility or attribution. */
  status: z.enum(['kept', 'lost', 'weakened']),
  detail: z.string(),
});

export type HedgeMarker = z.infer<typeof HedgeMarkerSchema>;
export type HedgeCheck = z.infer<typeof HedgeCheckSchema>;
export type HedgeStatus = HedgeCheck['status'];
