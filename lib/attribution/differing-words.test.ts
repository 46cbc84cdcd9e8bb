import { describe, expect, it } from 'vitest';
import { differingWords } from '@/lib/attribution/differing-words';

describe('differingWords', () => {
  it('marks the words of the passage that the quote changed', () => {
    expect(
      differingWords(
        'Ein mutmaßlich bedeutsames Abkommen steht bevor.',
        'Ein mutmaßlich wichtiges Abkommen steht bevor.',
      ),
    ).toEqual([
      { text: 'Ein mutmaßlich ', differs: false },
      { text: 'bedeutsames', differs: true },
      { text: ' Abkommen steht bevor.', differs: false },
    ]);
  });

  it('ignores quotation marks and case, and keeps the passage verbatim', () => {
    const segments = differingWords('Er nannte sie „banditenartig“.', 'er nannte sie "banditenartig".');
    expect(segments).toEqual([{ text: 'Er nannte sie „banditenartig“.', differs: false }]);
  });

  it('marks a word the quote dropped, and each of several changes', () => {
    const segments = differingWords('Das Treffen sei heimlich erfolgt.', 'Das Treffen sei erfolgt.');
    expect(segments.filter((segment) => segment.differs).map((segment) => segment.text)).toEqual(['heimlich']);
    expect(segments.map((segment) => segment.text).join('')).toBe('Das Treffen sei heimlich erfolgt.');
  });
});
