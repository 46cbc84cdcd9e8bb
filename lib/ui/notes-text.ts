import type { PartialAnalysis } from '../attribution/analysis';
import { NOTE_KIND_LABELS } from './note-labels';

type PartialNote = NonNullable<PartialAnalysis['notes']>[number];

function noteText(note: PartialNote, index: number): string {
  const lines = [`${index + 1}. ${note.claim ?? ''}`.trimEnd()];
  const source = note.source;
  if (source?.name) lines.push(`   Source: ${source.name}${source.role ? ` (${source.role})` : ''}`);
  const chain = (note.chain ?? [])
    .filter((link) => link?.name)
    .map((link) => (link.cue ? `${link.name} (“${link.cue}”)` : link.name));
  if (chain.length > 0) lines.push(`   Chain: ${chain.join(' → ')}`);
  if (note.kind) lines.push(`   Kind: ${NOTE_KIND_LABELS[note.kind]}`);
  const hedges = (note.hedges ?? [])
    .filter((hedge) => hedge?.original)
    .map((hedge) => `${hedge.original} → ${hedge.english ?? '…'}`);
  if (hedges.length > 0) lines.push(`   Hedges: ${hedges.join(', ')}`);
  if (note.quote) lines.push(`   Original: “${note.quote}”`);
  return lines.join('\n');
}

/** The source-attribution notes as plain text, for the clipboard. */
export function notesText(notes: PartialAnalysis['notes']): string {
  return (notes ?? []).map(noteText).join('\n\n');
}
