import { describe, expect, it } from 'vitest';
import { sourceDateRelation } from '@/lib/sources/source-date';

describe('sourceDateRelation', () => {
  it('marks a source published after the article that cites it', () => {
    expect(sourceDateRelation('2025-02-15T09:41:00+01:00', '2025-02-16T08:00:00Z')).toBe('newer');
  });

  it('does not mark the seed’s source, published the day before the article', () => {
    expect(sourceDateRelation('2025-02-15T09:41:00+01:00', '2025-02-14T17:05:00-05:00')).toBe('not-newer');
  });

  it('compares instants across time zones', () => {
    // 23:30 in New York is 05:30 the next day in Berlin: the same moment order as the offsets say.
    expect(sourceDateRelation('2025-02-15T06:00:00+01:00', '2025-02-14T23:30:00-05:00')).toBe('not-newer');
    expect(sourceDateRelation('2025-02-15T05:00:00+01:00', '2025-02-14T23:30:00-05:00')).toBe('newer');
  });

  it('never marks a source dated the same day when either gives only the day', () => {
    expect(sourceDateRelation('2025-02-15', '2025-02-15T22:00:00Z')).toBe('not-newer');
    expect(sourceDateRelation('2025-02-15T08:00:00Z', '2025-02-15')).toBe('not-newer');
    expect(sourceDateRelation('2025-02-15', '2025-02-17')).toBe('newer');
  });

  it('says unknown when a date is missing or unreadable', () => {
    expect(sourceDateRelation(null, '2025-02-14')).toBe('unknown');
    expect(sourceDateRelation('2025-02-15', 'vor 2 Stunden')).toBe('unknown');
  });
});
