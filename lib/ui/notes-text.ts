import { i18n } from '#i18n';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import { NOTE_KIND_LABELS } from '@/lib/ui/note-labels';

type PartialNote = NonNullable<PartialAnalysis['notes']>[number];

function noteText(note: PartialNote, index: number): string {
  const lines = [`${index + 1}. ${note.claim ?? ''}`.trimEnd()];
  const source = note.source;
  if (source?.name) {
    lines.push(
      `   ${source.role ? i18n.t('copyText.sourceWithRole', { name: source.name, role: source.role }) : i18n.t('copyText.source', { name: source.name })}`,
    );
  }
  const chain = (note.chain ?? [])
    .filter((link) => link?.name)
    .map((link) => (link.cue ? `${link.name} (“${link.cue}”)` : link.name));
  if (chain.length > 0) lines.push(`   ${i18n.t('copyText.chain', { chain: chain.join(' → ') })}`);
  if (note.kind) lines.push(`   ${i18n.t('copyText.kind', { kind: NOTE_KIND_LABELS[note.kind] })}`);
  const hedges = (note.hedges ?? [])
    .filter((hedge) => hedge?.original)
    .map((hedge) => `${hedge.original} → ${hedge.english ?? '…'}`);
  if (hedges.length > 0) lines.push(`   ${i18n.t('copyText.hedges', { hedges: hedges.join(', ') })}`);
  if (note.quote) lines.push(`   ${i18n.t('copyText.original', { quote: note.quote })}`);
  return lines.join('\n');
}

/** The source-attribution notes as plain text, for the clipboard. */
export function notesText(notes: PartialAnalysis['notes']): string {
  return (notes ?? []).map(noteText).join('\n\n');
}
