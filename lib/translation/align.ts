/**
 * The translation prompt asks the model to begin every translated paragraph with the id of its
 * source paragraph (`[p3] The minister said …`, see lib/llm/prompts.ts). These helpers read
 * those markers back, so a translated paragraph can be set beside its original, and remove them
 * for display. Models do not always comply: markers go missing, come out as `**[P3]**` or
 * `\[p3\]` (Markdown escaping), or paragraphs run together; the reader copes with all of these.
 */

/** One translated paragraph, with the id of the source paragraph it translates. */
export interface AlignedParagraph {
  /** The source paragraph's id, or null when neither a marker nor the position tells. */
  paragraphId: string | null;
  /** The translated paragraph's Markdown, without its marker. */
  markdown: string;
}

/**
 * A marker at the start of a line: `[p3]`, `[P3]:`, `**[p3]**`, `\[p3\]`, `[ p 3 ]`. The id's
 * digits are group 1. Only markers at a line start count, so `[p3]` quoted mid-sentence stays.
 */
const MARKER = /^[ \t]*(?:\*\*|__)?\\?\[[ \t]*[pP][ \t]*(\d+)[ \t]*\\?\](?:\*\*|__)?[ \t]*:?[ \t]*/;
const MARKERS_AT_LINE_STARTS = new RegExp(MARKER.source, 'gm');
/** What a marker looks like while it is still streaming in: `[`, `**[p`, `[p1`, at the very end of the text. */
const UNFINISHED_MARKER_AT_END = /(^|\n)[ \t]*(?:\*\*|__)?\\?\[[ \t]*(?:[pP][ \t]*\d*[ \t]*)?$/;

interface Block {
  /** Normalised id from the block's marker (`p3`), or null when it has none. */
  marker: string | null;
  markdown: string;
}

/**
 * One entry per translated paragraph, in order. Markers give the ids; a paragraph without one
 * takes the id its position implies when its unmarked neighbours leave no doubt (the gap between
 * two marked paragraphs has exactly as many ids as unmarked paragraphs), and null otherwise.
 * Without any markers, paragraphs (split at blank lines) are aligned by index.
 */
export function alignTranslation(markdown: string, paragraphIds: string[]): AlignedParagraph[] {
  const known = new Map(paragraphIds.map((id, index) => [id, index]));
  const blocks = splitBlocks(markdown);
  const positions = blocks.map((block) => (block.marker === null ? undefined : known.get(block.marker)));
  if (blocks.every((block) => block.marker === null)) {
    return blocks.map((block, index) => ({ paragraphId: paragraphIds[index] ?? null, markdown: block.markdown }));
  }
  const result: AlignedParagraph[] = [];
  let index = 0;
  while (index < blocks.length) {
    const block = blocks[index];
    if (!block) break;
    if (block.marker !== null) {
      // A marker naming no paragraph of the article is garbled: its id is unknown.
      const position = positions[index];
      result.push({
        paragraphId: position === undefined ? null : (paragraphIds[position] ?? null),
        markdown: block.markdown,
      });
      index++;
      continue;
    }
    // A run of blocks without a marker: position fills them in when both neighbours are known and the gap fits.
    let end = index;
    while (end < blocks.length && blocks[end]?.marker === null) end++;
    const previous = index === 0 ? -1 : positions[index - 1];
    const next = end === blocks.length ? undefined : positions[end];
    const runLength = end - index;
    const fits =
      previous !== undefined &&
      (end === blocks.length
        ? previous + runLength < paragraphIds.length
        : next !== undefined && next - previous - 1 === runLength);
    for (let offset = 0; offset < runLength; offset++) {
      const unmarked = blocks[index + offset];
      if (!unmarked) continue;
      const paragraphId = fits && previous !== undefined ? (paragraphIds[previous + 1 + offset] ?? null) : null;
      result.push({ paragraphId, markdown: unmarked.markdown });
    }
    index = end;
  }
  return result;
}

/** The translation as a reader sees it: every paragraph marker removed, and one still streaming in. */
export function stripParagraphMarkers(markdown: string): string {
  return markdown.replace(UNFINISHED_MARKER_AT_END, '$1').replace(MARKERS_AT_LINE_STARTS, '');
}

/** Splits at blank lines and before every line that starts with a marker (models sometimes drop the blank line). */
function splitBlocks(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(UNFINISHED_MARKER_AT_END, '$1').split('\n');
  const blocks: Block[] = [];
  let marker: string | null = null;
  let collected: string[] = [];
  for (const line of [...lines, '']) {
    const match = line.match(MARKER);
    if (match || line.trim() === '') {
      const text = collected.join('\n').trim();
      // A marker alone on its line, followed by a blank line, still belongs to the paragraph after it.
      if (text) {
        blocks.push({ marker, markdown: text });
        marker = null;
      }
      collected = [];
      if (match) {
        marker = `p${Number(match[1])}`;
        collected = [line.slice(match[0].length)];
      }
    } else {
      collected.push(line);
    }
  }
  return blocks;
}
