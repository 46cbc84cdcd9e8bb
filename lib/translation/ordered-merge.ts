/** What createOrderedMerge gives: each part's text goes in as it streams, by the part's index. */
export interface OrderedMerge {
  push(partIndex: number, text: string): void;
  finish(partIndex: number): void;
  /** Nothing after this part is ever shown (it failed; later parts would leave a hole). */
  stopAfter(partIndex: number): void;
}

export interface OrderedMergeOptions {
  partCount: number;
  /** What goes between the previous part's text and this one's: a blank line, or a space inside a split paragraph. */
  separatorBefore(partIndex: number): string;
  emit(text: string): void;
}

/**
 * Puts the streams of a translation's parts, which run in parallel and finish in any order,
 * into one text in article order: part 0 shows as it streams, a later part's text is held back
 * until every part before it has finished, then shown at once and streamed from there on.
 */
export function createOrderedMerge(options: OrderedMergeOptions): OrderedMerge {
  const held: string[] = Array.from({ length: options.partCount }, () => '');
  const finished: boolean[] = Array.from({ length: options.partCount }, () => false);
  const started: boolean[] = Array.from({ length: options.partCount }, () => false);
  let current = 0;
  let last = options.partCount - 1;

  const show = (partIndex: number, text: string) => {
    if (!text) return;
    if (!started[partIndex]) {
      started[partIndex] = true;
      const anyBefore = started.slice(0, partIndex).some(Boolean);
      if (anyBefore) options.emit(options.separatorBefore(partIndex));
    }
    options.emit(text);
  };

  return {
    push(partIndex, text) {
      if (partIndex > last) return;
      if (partIndex === current) show(partIndex, text);
      else held[partIndex] += text;
    },
    finish(partIndex) {
      finished[partIndex] = true;
      while (current <= last && finished[current]) {
        current++;
        if (current > last) break;
        show(current, held[current] ?? '');
        held[current] = '';
      }
    },
    stopAfter(partIndex) {
      last = Math.min(last, partIndex);
    },
  };
}
