import { describe, expect, it } from 'vitest';
import { createOrderedMerge } from '@/lib/translation/ordered-merge';

function merge(partCount: number, separators: Record<number, string> = {}) {
  const shown: string[] = [];
  const ordered = createOrderedMerge({
    partCount,
    separatorBefore: (index) => separators[index] ?? '\n\n',
    emit: (text) => shown.push(text),
  });
  return { ordered, text: () => shown.join(''), shown };
}

describe('createOrderedMerge', () => {
  it('streams the first part at once and holds a later one until the ones before it finish', () => {
    const { ordered, text } = merge(3);
    ordered.push(2, '[p5] Five.');
    ordered.push(1, '[p3] Three');
    expect(text()).toBe('');
    ordered.push(0, '[p1] One');
    expect(text()).toBe('[p1] One');
    ordered.push(1, ' and four.');
    ordered.finish(2);
    ordered.push(0, '.');
    expect(text()).toBe('[p1] One.');
    ordered.finish(0);
    expect(text()).toBe('[p1] One.\n\n[p3] Three and four.');
    ordered.push(1, ' More.');
    expect(text()).toBe('[p1] One.\n\n[p3] Three and four. More.');
    // Part 2 finished long ago: it appears whole when part 1 does.
    ordered.finish(1);
    expect(text()).toBe('[p1] One.\n\n[p3] Three and four. More.\n\n[p5] Five.');
  });

  it('keeps article order whatever order the parts complete in', () => {
    const orders = [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [2, 0, 3, 1],
      [1, 3, 0, 2],
    ];
    for (const order of orders) {
      const { ordered, text } = merge(4);
      for (const index of order) {
        ordered.push(index, `c${index}`);
        ordered.finish(index);
      }
      expect(text(), order.join()).toBe('c0\n\nc1\n\nc2\n\nc3');
    }
  });

  it('joins a part that continues a split paragraph with its own separator', () => {
    const { ordered, text } = merge(2, { 1: ' ' });
    ordered.push(1, 'second half.');
    ordered.push(0, '[p1] First half.');
    ordered.finish(0);
    ordered.finish(1);
    expect(text()).toBe('[p1] First half. second half.');
  });

  it('shows nothing past a part that failed, but what arrived before it', () => {
    const { ordered, text } = merge(3);
    ordered.push(2, 'c2');
    ordered.finish(2);
    ordered.push(1, 'c1 partial');
    ordered.stopAfter(1);
    ordered.push(0, 'c0');
    ordered.finish(0);
    ordered.finish(1);
    expect(text()).toBe('c0\n\nc1 partial');
  });
});
