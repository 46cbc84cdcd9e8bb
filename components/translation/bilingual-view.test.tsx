// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { pairTranslation } from '@/lib/bilingual/pair-translation';
import type { HedgeCheck } from '@/lib/hedges/hedge-check';
import { alignTranslation } from '@/lib/translation/align';
import { BilingualView } from '@/components/translation/bilingual-view';
import { SEED_ARTICLE, SEED_TRANSLATION } from '@/tests/support/components/seed-job';

afterEach(cleanup);

const ids = SEED_ARTICLE.paragraphs.map((paragraph) => paragraph.id);
const translated = SEED_TRANSLATION.split(/\n\s*\n/);

/** The seed translation with its paragraph markers, in the order given. */
function marked(order: number[]): string {
  return order.map((index) => `[p${index + 1}] ${translated[index]}`).join('\n\n');
}

function pairsOf(markdown: string) {
  return pairTranslation(SEED_ARTICLE.paragraphs, alignTranslation(markdown, ids));
}

function pairElement(id: string): HTMLElement {
  const element = document.body.querySelector<HTMLElement>(`[data-paragraph-id="${id}"]`);
  if (!element) throw new Error(`No pair for ${id}`);
  return element;
}

describe('BilingualView', () => {
  it('puts each original beside its own translation, by paragraph id, even out of order', async () => {
    const markdown = marked([1, 0, 2, 3, 4, 5, 6, 7]);
    const mounted = render(
      <BilingualView
        pairs={pairsOf(markdown)}
        originalLang="de"
        translationLang="en"
        flags={new Map()}
        streaming={false}
        articleLinks={[]}
      />,
    );
    const pairs = [...mounted.container.querySelectorAll('.bilingual__pair')];
    expect(pairs.map((pair) => pair.getAttribute('data-paragraph-id'))).toEqual(ids);
    const p1 = pairElement('p1');
    expect(p1.querySelector('.bilingual__original')?.textContent).toMatch(/^Ein mutmaßlich bedeutsames Abkommen/);
    expect(p1.querySelector('.bilingual__translation')?.textContent).toMatch(/^A supposedly significant agreement/);
    expect(pairElement('p2').querySelector('.bilingual__translation')?.textContent).toMatch(/^Before this meeting/);
  });

  it('marks each side with its language and lets the browser pick the direction', async () => {
    const mounted = render(
      <BilingualView
        pairs={pairsOf(marked([0, 1]))}
        originalLang="de"
        translationLang="en"
        flags={new Map()}
        streaming
        articleLinks={[]}
      />,
    );
    expect(mounted.container.querySelector('.bilingual')?.getAttribute('aria-label')).toBe(
      'German original and English translation, paragraph by paragraph',
    );
    const original = pairElement('p1').querySelector('.bilingual__original');
    const translation = pairElement('p1').querySelector('.bilingual__translation');
    expect([original?.getAttribute('lang'), original?.getAttribute('dir')]).toEqual(['de', 'auto']);
    expect([translation?.getAttribute('lang'), translation?.getAttribute('dir')]).toEqual(['en', 'auto']);
    // Still streaming: the next paragraph says it is on its way, the later ones that they are not translated yet.
    expect(pairElement('p3').textContent).toContain('Translating…');
    expect(pairElement('p4').textContent).toContain('Not translated.');
  });

  it('shows the original as text, never as markup', async () => {
    const article = { ...SEED_ARTICLE, paragraphs: [{ id: 'p1', text: '<img src=x onerror="alert(1)"> Text' }] };
    const pairs = pairTranslation(article.paragraphs, [{ paragraphId: 'p1', markdown: 'Text' }]);
    const mounted = render(
      <BilingualView
        pairs={pairs}
        originalLang="de"
        translationLang="en"
        flags={new Map()}
        streaming={false}
        articleLinks={[]}
      />,
    );
    expect(mounted.container.querySelector('img')).toBeNull();
    expect(pairElement('p1').querySelector('.bilingual__original')?.textContent).toContain('<img src=x');
  });

  it('puts a warning on a flagged paragraph only, with what was lost', async () => {
    const flag: HedgeCheck = {
      paragraphId: 'p1',
      originalMarkers: [],
      translatedMarkers: [],
      status: 'lost',
      detail: 'Doubt in the original (mutmaßlich, offenbar) has fewer counterparts in the translation (apparently).',
    };
    render(
      <BilingualView
        pairs={pairsOf(marked([0, 1, 2]))}
        originalLang="de"
        translationLang="en"
        flags={new Map([['p1', flag]])}
        streaming={false}
        articleLinks={[]}
      />,
    );
    expect(pairElement('p1').querySelector('.hedge-flag')?.textContent).toContain('A hedge may be lost');
    expect(pairElement('p1').textContent).toContain('Doubt in the original (mutmaßlich, offenbar)');
    expect(pairElement('p2').querySelector('.hedge-flag')).toBeNull();
  });

  it('keeps a translated paragraph it cannot pair, rather than hiding it', async () => {
    const pairs = pairTranslation(SEED_ARTICLE.paragraphs.slice(0, 2), [
      { paragraphId: 'p1', markdown: 'First.' },
      { paragraphId: 'p9', markdown: 'From nowhere.' },
      { paragraphId: 'p2', markdown: 'Second.' },
    ]);
    const mounted = render(
      <BilingualView
        pairs={pairs}
        originalLang="de"
        translationLang="en"
        flags={new Map()}
        streaming={false}
        articleLinks={[]}
      />,
    );
    const texts = [...mounted.container.querySelectorAll('.bilingual__pair')].map((pair) => pair.textContent ?? '');
    expect(texts).toHaveLength(3);
    expect(texts[1]).toContain('Unpaired');
    expect(texts[1]).toContain('From nowhere.');
  });
});
