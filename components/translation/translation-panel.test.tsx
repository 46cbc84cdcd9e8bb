// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PartStatus } from '../../lib/job/job';
import { click, findButton, getButton, type Mounted, mount } from '../fixtures/mount';
import { SEED_ANALYSIS, SEED_ARTICLE, SEED_TRANSLATION } from '../fixtures/seed-job';
import { hedgeCountText, TranslationPanel } from './translation-panel';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

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
    mounted = await mount(panel(SEED_TRANSLATION));
    const toggle = getButton(mounted.container, 'Side by side');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(mounted.container.querySelector('.bilingual')).toBeNull();
    expect(mounted.container.querySelector('.translation')?.textContent).toContain('A supposedly significant');
    await click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(mounted.container.querySelectorAll('.bilingual__pair')).toHaveLength(SEED_ARTICLE.paragraphs.length);
    await click(toggle);
    expect(mounted.container.querySelector('.bilingual')).toBeNull();
  });

  it('counts no lost hedge for a faithful translation', async () => {
    mounted = await mount(panel(SEED_TRANSLATION));
    expect(mounted.container.querySelector('.hedge-count')).toBeNull();
  });

  it('counts a paragraph whose translation dropped "mutmaßlich", and marks it in the side-by-side view', async () => {
    mounted = await mount(panel(withoutSupposedly));
    expect(mounted.container.querySelector('.hedge-count')?.textContent).toContain('1 paragraph may have lost a hedge');
    await click(getButton(mounted.container, 'Show'));
    expect(getButton(mounted.container, 'Side by side').getAttribute('aria-pressed')).toBe('true');
    expect(findButton(mounted.container, 'Show')).toBeUndefined();
    const flagged = [...mounted.container.querySelectorAll('.bilingual__pair--flagged')];
    expect(flagged.map((pair) => pair.getAttribute('data-paragraph-id'))).toEqual(['p1']);
  });

  it('checks nothing while the translation still streams', async () => {
    mounted = await mount(panel(withoutSupposedly, 'streaming'));
    expect(mounted.container.querySelector('.hedge-count')).toBeNull();
  });

  it('offers no toggle before any text has arrived', async () => {
    mounted = await mount(panel('', 'streaming'));
    expect(findButton(mounted.container, 'Side by side')).toBeUndefined();
  });

  it('words the count for one and for several paragraphs', () => {
    expect(hedgeCountText(1)).toBe('1 paragraph may have lost a hedge');
    expect(hedgeCountText(3)).toBe('3 paragraphs may have lost a hedge');
  });
});
