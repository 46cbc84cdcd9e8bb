import type { ArticleResult, Fraction } from '@/eval/eval-result';

export interface EvalTotals {
  articles: number;
  failed: number;
  sources: Fraction;
  quotes: { verbatim: number; notes: number };
  hedges: Fraction | null;
  chains: Fraction;
  unattributed: Fraction;
  verdicts: { correct: number; total: number } | null;
  tokens: { prompt: number; completion: number } | null;
  dollars: number | null;
  milliseconds: number;
}

/**
 * The run's totals: every fraction summed over the articles (so an article with more sources
 * weighs more, as in a recall over all the sources of the set), tokens, cost and time summed.
 * A figure no article measured stays null; cost is null as soon as one article's is unknown.
 */
export function evalTotals(articles: readonly ArticleResult[]): EvalTotals {
  const sum = (pick: (article: ArticleResult) => Fraction | null): Fraction | null => {
    const measured = articles.map(pick).filter((fraction): fraction is Fraction => fraction !== null);
    if (measured.length === 0) return null;
    return {
      found: measured.reduce((total, fraction) => total + fraction.found, 0),
      total: measured.reduce((total, fraction) => total + fraction.total, 0),
    };
  };
  const verdicts = sum((article) =>
    article.verdicts ? { found: article.verdicts.correct, total: article.verdicts.total } : null,
  );
  const tokens = articles.map((article) => article.tokens).filter((entry) => entry !== null);
  const dollars = articles.map((article) => article.dollars);
  return {
    articles: articles.length,
    failed: articles.filter((article) => article.error !== null).length,
    sources: sum((article) => article.sources) ?? { found: 0, total: 0 },
    quotes: {
      verbatim: articles.reduce((total, article) => total + article.quotes.verbatim, 0),
      notes: articles.reduce((total, article) => total + article.quotes.notes, 0),
    },
    hedges: sum((article) => article.hedges),
    chains: sum((article) => article.chains) ?? { found: 0, total: 0 },
    unattributed: sum((article) => article.unattributed) ?? { found: 0, total: 0 },
    verdicts: verdicts ? { correct: verdicts.found, total: verdicts.total } : null,
    tokens:
      tokens.length === 0
        ? null
        : {
            prompt: tokens.reduce((total, entry) => total + entry.prompt, 0),
            completion: tokens.reduce((total, entry) => total + entry.completion, 0),
          },
    dollars:
      dollars.length > 0 && dollars.every((value) => value !== null)
        ? dollars.reduce((total, value) => total + value, 0)
        : null,
    milliseconds: articles.reduce((total, article) => total + article.milliseconds, 0),
  };
}
