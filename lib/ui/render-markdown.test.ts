// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify does not support happy-dom (cure53/DOMPurify#1457), which
// silently keeps <script> there, so a sanitizer test under happy-dom would test the wrong thing.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/ui/render-markdown';

function toFragment(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

describe('renderMarkdown', () => {
  it('renders ordinary Markdown formatting', () => {
    const container = toFragment(renderMarkdown('# Title\n\nA **bold** and *hedged* claim.\n\n- one\n- two'));
    expect(container.querySelector('h1')?.textContent).toBe('Title');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('em')?.textContent).toBe('hedged');
    expect(container.querySelectorAll('li')).toHaveLength(2);
  });

  it('drops script elements, inline or in raw HTML blocks', () => {
    const html = renderMarkdown('Text <script>alert(1)</script>\n\n<script>alert(2)</script>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('alert(');
  });

  it('drops event handler attributes such as onerror', () => {
    const html = renderMarkdown(
      '<img src="x" onerror="alert(1)"> <b onclick="alert(2)">b</b> <a href="https://example.com" onmouseover="alert(3)">x</a>',
    );
    expect(html).not.toMatch(/onerror|onclick|onmouseover/i);
    // Images are not allowed at all: they would make the browser fetch a URL chosen by the model.
    expect(html).not.toMatch(/<img/i);
  });

  it('removes javascript: and other non-http links but keeps their text', () => {
    const container = toFragment(
      renderMarkdown(
        '[click](javascript:alert(1)) [data](data:text/html,hi) [raw](<javascript:alert(2)>) <a href="JaVaScRiPt:alert(3)">html</a>',
      ),
    );
    const links = [...container.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.hasAttribute('href')).toBe(false);
    expect(container.textContent).toContain('click');
    expect(container.innerHTML).not.toMatch(/javascript:/i);
  });

  it('keeps a link clickable only when the article links to the same target', () => {
    const articleLinks = ['https://www.nytimes.com/2025/02/14/x.html'];
    const container = toFragment(
      renderMarkdown(
        'See [the report](https://www.nytimes.com/2025/02/14/x.html), [a look-alike](https://www.nytirnes.com/2025/02/14/x.html), <https://evil.example/>.',
        articleLinks,
      ),
    );
    const hrefs = [...container.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(hrefs).toEqual(['https://www.nytimes.com/2025/02/14/x.html', null, null]);
    expect(container.textContent).toContain('a look-alike');
    expect(container.textContent).toContain('https://evil.example/');
    // Without the article's links, nothing is clickable.
    expect(
      toFragment(renderMarkdown('[x](https://www.nytimes.com/2025/02/14/x.html)')).querySelector('a[href]'),
    ).toBeNull();
  });

  it('opens http(s) links in a new tab without an opener', () => {
    const container = toFragment(
      renderMarkdown('See [the report](https://www.nytimes.com/2025/02/14/x.html).', [
        'https://www.nytimes.com/2025/02/14/x.html',
      ]),
    );
    const link = container.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://www.nytimes.com/2025/02/14/x.html');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('does not keep a target or rel chosen by the model on unsafe links', () => {
    const container = toFragment(renderMarkdown('<a href="/relative" target="_self" rel="opener">rel</a>'));
    const link = container.querySelector('a');
    expect(link?.hasAttribute('href')).toBe(false);
    expect(link?.hasAttribute('target')).toBe(false);
    expect(link?.hasAttribute('rel')).toBe(false);
  });
});
