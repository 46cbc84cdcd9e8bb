import { describe, expect, it, vi } from 'vitest';
import { createKeepAlive } from '@/lib/job/keep-alive';

describe('createKeepAlive', () => {
  it('touches at once, then at most once per interval however often the stream shows life', () => {
    let clock = 0;
    const touch = vi.fn(() => Promise.resolve());
    const alive = createKeepAlive(touch, 20_000, () => clock);
    for (clock = 0; clock < 60_000; clock += 500) alive();
    expect(touch).toHaveBeenCalledTimes(3);
  });

  it('swallows a failed touch: keeping alive never breaks the stream', async () => {
    const alive = createKeepAlive(
      () => Promise.reject(new Error('context invalidated')),
      1,
      () => 0,
    );
    expect(() => alive()).not.toThrow();
  });
});
