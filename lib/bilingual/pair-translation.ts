import type { Paragraph } from '@/lib/article/article';
import type { AlignedParagraph } from '@/lib/translation/align';

/** An original paragraph and its translation; either side may be missing. */
export interface ParagraphPair {
  paragraphId: string | null;
  original: string | null;
  /** The translation's Markdown for this paragraph, or null while it has not arrived. */
  translation: string | null;
}

/**
 * Puts each translated paragraph beside its original, by paragraph id. A translation without
 * ids (an older cached answer, a model that dropped the markers) that has exactly one paragraph
 * per original is paired by position; anything else without a known id is kept where it stood,
 * after the last paired paragraph before it, so no translated text is ever hidden.
 */
export function pairTranslation(
  paragraphs: readonly Paragraph[],
  aligned: readonly AlignedParagraph[],
): ParagraphPair[] {
  const entries = aligned.filter((entry) => entry.markdown.trim() !== '');
  if (entries.length === paragraphs.length && entries.every((entry) => entry.paragraphId === null)) {
    return paragraphs.map((paragraph, index) => ({
      paragraphId: paragraph.id,
      original: paragraph.text,
      translation: entries[index]?.markdown ?? null,
    }));
  }
  const known = new Set(paragraphs.map((paragraph) => paragraph.id));
  const translations = new Map<string, string[]>();
  // Keyed by the id of the paragraph they follow; '' for those before any.
  const unpaired = new Map<string, string[]>();
  let previous = '';
  for (const entry of entries) {
    if (entry.paragraphId !== null && known.has(entry.paragraphId)) {
      append(translations, entry.paragraphId, entry.markdown);
      previous = entry.paragraphId;
    } else {
      append(unpaired, previous, entry.markdown);
    }
  }
  const strays = (key: string): ParagraphPair[] =>
    (unpaired.get(key) ?? []).map((markdown) => ({ paragraphId: null, original: null, translation: markdown }));
  return [
    ...strays(''),
    ...paragraphs.flatMap((paragraph) => [
      {
        paragraphId: paragraph.id,
        original: paragraph.text,
        translation: translations.get(paragraph.id)?.join('\n\n') ?? null,
      },
      ...strays(paragraph.id),
    ]),
  ];
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
