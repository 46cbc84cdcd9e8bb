import type { Paragraph } from '@/lib/article/article';
import type { Note } from '@/lib/attribution/analysis';
import { locateQuote } from '@/lib/attribution/grounding';

/**
 * A note from one part of a long article must point at a real paragraph of that part: when the
 * model named another id (or none), the paragraph that holds the quote (matched as the notes view
 * matches it: quote marks, spaces and dashes normalised) is named instead. A quote found nowhere
 * keeps what the model said; the notes view flags it.
 */
export function groundNoteInPart(note: Note, paragraphs: readonly Paragraph[]): Note {
  const located = locateQuote({ paragraphs: [...paragraphs] }, note.quote);
  if (located.status !== 'verified' || located.paragraphId === null) return note;
  return located.paragraphId === note.paragraphId ? note : { ...note, paragraphId: located.paragraphId };
}
