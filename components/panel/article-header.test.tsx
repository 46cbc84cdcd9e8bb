// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleHeader } from '@/components/panel/article-header';
import { SummaryView } from '@/components/summary/summary-view';
import { SEED_ANSWER, SEED_ANSWER_ARTICLE } from '@/tests/support/components/seed-answer';
import { seedArticle } from '@/tests/support/seed-article';

afterEach(cleanup);

const PAYWALLED = {
  ...seedArticle(),
  truncation: { reason: 'paywall', evidence: 'declared', paragraphCount: 4 },
} as const;

describe('ArticleHeader', () => {
  it('says that only the part on the page was analysed when a paywall hides the rest', async () => {
    const mounted = render(<ArticleHeader article={PAYWALLED} />);
    expect(mounted.container.querySelector('[role="note"]')?.textContent).toBe(
      'Only the part shown on the page was analysed (4 paragraphs): the rest is behind a paywall',
    );
  });

  it('says nothing of a paywall for a whole article', async () => {
    const mounted = render(<ArticleHeader article={seedArticle()} />);
    expect(mounted.container.querySelector('[role="note"]')).toBeNull();
  });

  it('says where the language came from, and what the page declared when the text overruled it', async () => {
    const mounted = render(
      <ArticleHeader
        article={{ ...seedArticle(), language: 'es', languageSource: 'page', languageEvidence: 'article-lang' }}
      />,
    );
    expect(mounted.container.textContent).toContain("Spanish (from the article's lang)");
    mounted.rerender(
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
    const mounted = render(
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
