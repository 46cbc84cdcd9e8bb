// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { seedArticle } from '../../tests/support/seed-article';
import { ArticleHeader } from './article-header';
import { type Mounted, mount } from '../fixtures/mount';
import { SEED_ANSWER, SEED_ANSWER_ARTICLE } from '../fixtures/seed-answer';
import { SummaryView } from '../summary/summary-view';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const PAYWALLED = {
  ...seedArticle(),
  truncation: { reason: 'paywall', evidence: 'declared', paragraphCount: 4 },
} as const;

describe('ArticleHeader', () => {
  it('says that only the part on the page was analysed when a paywall hides the rest', async () => {
    mounted = await mount(<ArticleHeader article={PAYWALLED} />);
    expect(mounted.container.querySelector('[role="note"]')?.textContent).toBe(
      'Only the part shown on the page was analysed (4 paragraphs): the rest is behind a paywall',
    );
  });

  it('says nothing of a paywall for a whole article', async () => {
    mounted = await mount(<ArticleHeader article={seedArticle()} />);
    expect(mounted.container.querySelector('[role="note"]')).toBeNull();
  });

  it('says where the language came from, and what the page declared when the text overruled it', async () => {
    mounted = await mount(
      <ArticleHeader
        article={{ ...seedArticle(), language: 'es', languageSource: 'page', languageEvidence: 'article-lang' }}
      />,
    );
    expect(mounted.container.textContent).toContain("Spanish (from the article's lang)");
    await mounted.rerender(
      <ArticleHeader
        article={{
          ...seedArticle(),
          language: 'es',
          languageSource: 'detected',
          languageEvidence: 'text',
          declaredLanguage: 'en',
        }}
      />,
    );
    expect(mounted.container.textContent).toContain('Spanish (from the text; the page says English)');
  });
});

describe('SummaryView of a paywalled article', () => {
  it('says the summary covers only the paragraphs before the paywall', async () => {
    mounted = await mount(
      <SummaryView
        summary={SEED_ANSWER.summary}
        streaming={false}
        article={{
          ...SEED_ANSWER_ARTICLE,
          truncation: { reason: 'paywall', evidence: 'subscription-box', paragraphCount: 3 },
        }}
      />,
    );
    expect(mounted.container.querySelector('.summary-caveat')?.textContent).toBe(
      'This summary covers only the 3 paragraphs shown before the paywall, not the whole article.',
    );
  });
});
