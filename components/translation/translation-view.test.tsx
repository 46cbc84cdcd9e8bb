// @vitest-environment jsdom
// jsdom, not happy-dom like the other component tests: DOMPurify does not work under happy-dom
// (cure53/DOMPurify#1457), and this test is about what the sanitizer lets through.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TranslationView } from '@/components/translation/translation-view';

afterEach(cleanup);

describe('TranslationView', () => {
  it('renders the Markdown sanitized, in the target language', async () => {
    const markdown =
      'A **supposedly** significant deal.\n\n<img src=x onerror="alert(1)"><script>alert(2)</script>\n\n[NYT](https://www.nytimes.com/) [bad](javascript:alert(3))';
    const mounted = render(
      <TranslationView markdown={markdown} lang="en" streaming={false} articleLinks={['https://www.nytimes.com/']} />,
    );
    const translation = mounted.container.querySelector('.translation');
    expect(translation?.getAttribute('lang')).toBe('en');
    expect(translation?.querySelector('strong')?.textContent).toBe('supposedly');
    expect(translation?.innerHTML).not.toMatch(/<script|<img|onerror|javascript:/i);
    const links = [...(translation?.querySelectorAll('a') ?? [])];
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://www.nytimes.com/', null]);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows the translation without its paragraph markers, even one still streaming in', async () => {
    const mounted = render(
      <TranslationView
        markdown={'[p1] An allegedly big deal.\n\n[p2] According to the NYT.\n\n[p'}
        lang="en"
        streaming
        articleLinks={['https://www.nytimes.com/']}
      />,
    );
    const paragraphs = [...(mounted.container.querySelectorAll('.translation p') ?? [])];
    expect(paragraphs.map((paragraph) => paragraph.textContent)).toEqual([
      'An allegedly big deal.',
      'According to the NYT.',
    ]);
  });

  it('shows a placeholder while the first words are on their way', async () => {
    const mounted = render(
      <TranslationView markdown="" lang="en" streaming articleLinks={['https://www.nytimes.com/']} />,
    );
    expect(mounted.container.querySelector('.skeleton')).not.toBeNull();
  });
});
