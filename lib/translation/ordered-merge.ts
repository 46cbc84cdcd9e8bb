/**
 * Puts the streams of a translation's chunks, which run in parallel and finish in any order,
 * into one text in article order: chunk 0 shows as it streams, a later chunk's text is held back
 * until every chunk before it has finished, then shown at once and streamed from there on.
 */
export interface OrderedMerge {
  push(chunkIndex: number, text: string): void;
  finish(chunkIndex: number): void;
  /** Nothing after this chunk is ever shown (it failed; later chunks would leave a hole). */
  stopAfter(chunkIndex: number): void;
}

export interface OrderedMergeOptions {
  chunkCount: number;
  /** What goes between the previous chunk's text and this one's: a blank line, or a space inside a split paragraph. */
  separatorBefore(chunkIndex: number): string;
  emit(text: string): void;
}

export function createOrderedMerge(options: OrderedMergeOptions): OrderedMerge {
  const held: string[] = Array.from({ length: options.chunkCount }, () => '');
  const finished: boolean[] = Array.from({ length: options.chunkCount }, () => false);
  const started: boolean[] = Array.from({ length: options.chunkCount }, () => false);
  let current = 0;
  let last = options.chunkCount - 1;

  const show = (chunkIndex: number, text: string) => {
    if (!text) return;
    if (!started[chunkIndex]) {
      started[chunkIndex] = true;
      const anyBefore = started.slice(0, chunkIndex).some(Boolean);
      if (anyBefore) options.emit(options.separatorBefore(chunkIndex));
    }
    options.emit(text);
  };

  return {
    push(chunkIndex, text) {
      if (chunkIndex > last) return;
      if (chunkIndex === current) show(chunkIndex, text);
      else held[chunkIndex] += text;
    },
    finish(chunkIndex) {
      finished[chunkIndex] = true;
      while (current <= last && finished[current]) {
        current++;
        if (current > last) break;
        show(current, held[current] ?? '');
        held[current] = '';
      }
    },
    stopAfter(chunkIndex) {
      last = Math.min(last, chunkIndex);
    },
  };
}
