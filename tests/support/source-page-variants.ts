/**
 * The stand-in NYT page (tests/fixtures/pages/source-nyt-belarus-en) as other kinds of site would
 * serve it, for the panel's source-check states: the same paragraphs, so the test server's answers
 * (source-check-scenario.ts) verify against them, delivered in another way.
 */

import { readSavedPage } from '@/tests/support/saved-page';
import { SEED_SOURCE_SLUG } from '@/tests/support/source-page';

/** The stand-in's body paragraphs, as saved (inline markup stripped: the extractor reads text). */
export function seedSourceParagraphs(): string[] {
  const body = readSavedPage(SEED_SOURCE_SLUG).match(/<section name="articleBody">([\s\S]*?)<\/section>/)?.[1];
  if (!body) throw new Error(`${SEED_SOURCE_SLUG} has no articleBody section`);
  return [...body.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => (match[1] ?? '').replace(/<[^>]+>/g, ''));
}

/**
 * The stand-in as a page its script builds after load: fetched, it is an empty shell (no article),
 * so only a background tab, which runs the script, can read it.
 */
export function scriptBuiltSeedSourceHtml(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>U.S. Envoy Signals a Broader Deal With Belarus After Prisoner Release - The New York Times</title>
<meta property="og:site_name" content="The New York Times"></head><body><main id="root"></main>
<script>
  const paragraphs = ${JSON.stringify(seedSourceParagraphs())};
  const article = document.createElement('article');
  article.innerHTML = '<h1>U.S. Envoy Signals a Broader Deal With Belarus After Prisoner Release</h1>';
  for (const text of paragraphs) {
    const paragraph = document.createElement('p');
    paragraph.textContent = text;
    article.append(paragraph);
  }
  document.getElementById('root').append(article);
</script></body></html>`;
}

/**
 * The stand-in behind a paywall, declared as news sites declare it (schema.org
 * `isAccessibleForFree: false`, as tests/fixtures/pages/paywall-declared-ru does) and shown after
 * `visible` paragraphs (default 3: the sentence on easing sanctions, paragraph 4, is behind it).
 */
export function paywalledSeedSourceHtml(visible = 3): string {
  const html = readSavedPage(SEED_SOURCE_SLUG);
  const shown = html.replace(/(<section name="articleBody">)([\s\S]*?)(<\/section>)/, (_whole, open, body, close) => {
    const paragraphs = [...String(body).matchAll(/<p>[\s\S]*?<\/p>/g)].map((match) => match[0]);
    return `${open}\n${paragraphs.slice(0, visible).join('\n')}\n${close}\n<div class="paywall"><p>Subscribe to continue reading.</p><a href="/subscribe">Subscribe</a></div>`;
  });
  const declared = shown.replace('"inLanguage": "en-US"', '"inLanguage": "en-US",\n    "isAccessibleForFree": false');
  if (declared === html || !declared.includes('isAccessibleForFree')) {
    throw new Error(`${SEED_SOURCE_SLUG} changed: its paywalled variant could not be made`);
  }
  return declared;
}
