import { i18n } from '#i18n';
import type { Note, NoteKind } from '@/lib/attribution/analysis';

type SourceType = Note['source']['type'];

/**
 * How each kind of attribution is named in the UI; the CSS colours key off the kind itself.
 * Getters, so each read is in the interface's language of the moment (locales/*.yml).
 */
export const NOTE_KIND_LABELS: Readonly<Record<NoteKind, string>> = {
  get 'direct-quote'() {
    return i18n.t('note.kind.directQuote');
  },
  get 'reported-speech'() {
    return i18n.t('note.kind.reportedSpeech');
  },
  get paraphrase() {
    return i18n.t('note.kind.paraphrase');
  },
  get 'unattributed-assertion'() {
    return i18n.t('note.kind.unattributedAssertion');
  },
  get 'anonymous-source'() {
    return i18n.t('note.kind.anonymousSource');
  },
};

export const SOURCE_TYPE_LABELS: Readonly<Record<SourceType, string>> = {
  get person() {
    return i18n.t('note.sourceType.person');
  },
  get organisation() {
    return i18n.t('note.sourceType.organisation');
  },
  get 'media-outlet'() {
    return i18n.t('note.sourceType.mediaOutlet');
  },
  get document() {
    return i18n.t('note.sourceType.document');
  },
  get anonymous() {
    return i18n.t('note.sourceType.anonymous');
  },
  get none() {
    return i18n.t('note.sourceType.none');
  },
};
