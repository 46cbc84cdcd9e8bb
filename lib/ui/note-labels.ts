import type { Note, NoteKind } from '../attribution/analysis';

type SourceType = Note['source']['type'];

/** How each kind of attribution is named in the UI; the CSS colours key off the kind itself. */
export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  'direct-quote': 'Direct quote',
  'reported-speech': 'Reported speech',
  paraphrase: 'Paraphrase',
  'unattributed-assertion': 'Unattributed assertion',
  'anonymous-source': 'Anonymous source',
};

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  person: 'Person',
  organisation: 'Organisation',
  'media-outlet': 'Media outlet',
  document: 'Document',
  anonymous: 'Anonymous',
  none: 'No source',
};
