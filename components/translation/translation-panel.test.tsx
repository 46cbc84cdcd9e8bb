// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PartStatus } from '@/lib/job/job';
import { SEED_ANALYSIS, SEED_ARTICLE, SEED_TRANSLATION } from '@/tests/support/components/seed-job';
import { hedgeCountText, TranslationPanel } from '@/components/translation/translation-panel';

afterEach(cleanup);

function panel(markdown: string, status: PartStatus = 'done') {
  return (
    <TranslationPanel
      article={SEED_ARTICLE}
      markdown={markdown}
      targetLanguage="English"
      status={status}
      notes={SEED_ANALYSIS.notes}
    />
  );
}

const withoutSupposedly = SEED_TRANSLATION.replace('A supposedly significant', 'A significant');

describe('TranslationPanel', () => {
  it('shows the translation as one text until "Side by side" is pressed, then paragraph by paragraph', async () => {
    const mounted = render(panel(SEED_TRANSLATION));
    const toggle = screen.getByRole('button', { name: 'Side by side' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(mounted.container.querySelector('.bilingual')).toBeNull();
    expect(mounted.container.querySelector('.translation')?.textContent).toContain('A supposedly significant');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(mounted.container.querySelectorAll('.bilingual__pair')).toHaveLength(SEED_ARTICLE.paragraphs.length);
    fireEvent.click(toggle);
    expect(mounted.container.querySelector('.bilingual')).toBeNull();
  });

  it('counts no lost hedge for a faithful translation', async () => {
    const mounted = render(panel(SEED_TRANSLATION));
    expect(mounted.container.querySelector('.hedge-count')).toBeNull();
  });

  it('counts a paragraph whose translation dropped "mutmaßlich", and marks it in the side-by-side view', async () => {
    const mounted = render(panel(withoutSupposedly));
    expect(mounted.container.querySelector('.hedge-count')?.textContent).toContain('1 paragraph may have lost a hedge');
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByRole('button', { name: 'Side by side' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Show' })).toBeNull();
    const flagged = [...mounted.container.querySelectorAll('.bilingual__pair--flagged')];
    expect(flagged.map((pair) => pair.getAttribute('data-paragraph-id'))).toEqual(['p1']);
  });

  it('checks nothing while the translation still streams', async () => {
    const mounted = render(panel(withoutSupposedly, 'streaming'));
    expect(mounted.container.querySelector('.hedge-count')).toBeNull();
  });

  it('offers no toggle before any text has arrived', async () => {
    render(panel('', 'streaming'));
    expect(screen.queryByRole('button', { name: 'Side by side' })).toBeNull();
  });

  it('words the count for one and for several paragraphs', () => {
    expect(hedgeCountText(1)).toBe('1 paragraph may have lost a hedge');
    expect(hedgeCountText(3)).toBe('3 paragraphs may have lost a hedge');
  });
});
