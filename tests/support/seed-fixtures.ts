import { readFileSync } from 'node:fs';
import { PROMPT_MARKERS } from '@/lib/llm/prompts';
import { SUMMARY_REDUCE_MARKER } from '@/lib/llm/summary-reduce-prompt';
import { alignTranslation } from '@/lib/translation/align';
import { messagesText, requestParagraphs } from '@/tests/support/request-paragraphs';
import { seedArticle } from '@/tests/support/seed-article';

export { messagesText };

/**
 * The seed article's expected answers, as the test server streams them by default. Read from
 * disk on first use, relative to this file, so the server works under Vitest, tsx and Node alike.
 */
const fixtureUrl = (name: string) => new URL(`../fixtures/llm/${name}`, import.meta.url);

let cached: { analysis: string; translation: string } | null = null;

export function seedFixtures(): { analysis: string; translation: string } {
  cached ??= {
    analysis: readFileSync(fixtureUrl('seed-analysis.json'), 'utf8'),
    translation: readFileSync(fixtureUrl('seed-translation.md'), 'utf8'),
  };
  return cached;
}

export type RequestPurpose = 'analysis' | 'translation' | 'combined' | 'other';

/**
 * Which of the app's requests a chat completion body is: analysis, translation, or both in one
 * (a short article, see lib/budget/request-plan.ts). The system message opens with PROMPT_MARKERS
 * (lib/llm/prompts.ts), which holds in every analysis mode, including prompt-only where no
 * response_format is sent; a response_format alone also means analysis.
 */
export function requestPurpose(body: unknown): RequestPurpose {
  if (typeof body !== 'object' || body === null) return 'other';
  const text = messagesText(body);
  if (text.includes(PROMPT_MARKERS.combined)) return 'combined';
  if (text.includes(PROMPT_MARKERS.analysis) || text.includes(SUMMARY_REDUCE_MARKER) || 'response_format' in body) {
    return 'analysis';
  }
  if (text.includes(PROMPT_MARKERS.translation)) return 'translation';
  return 'other';
}

/**
 * The translation a careful model would give for the paragraphs in this request. The whole seed
 * article (or a stand-in with the seed's ids, as small tests send) gets the whole fixture. Any
 * other article, such as a long one made from seed paragraphs for the tests of parts and the
 * benchmark, gets one marked paragraph per paragraph: the fixture's translation where the text
 * is a seed paragraph's, else the source text itself, so the answer has the right shape and size.
 */
export function seedTranslationFor(body: unknown): string {
  const fixture = seedFixtures().translation;
  const paragraphs = requestParagraphs(body);
  const bySourceText = seedTranslationsBySourceText();
  const isSeedOrStandIn =
    paragraphs.every((paragraph) => SEED_PARAGRAPH_IDS.includes(paragraph.id)) &&
    (paragraphs.length === SEED_PARAGRAPH_IDS.length ||
      !paragraphs.some((paragraph) => bySourceText.has(paragraph.text)));
  if (isSeedOrStandIn) return fixture;
  return paragraphs
    .map((paragraph) => `[${paragraph.id}] ${bySourceText.get(paragraph.text) ?? paragraph.text}`)
    .join('\n\n');
}

const SEED_PARAGRAPH_IDS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];

let translationsBySourceText: Map<string, string> | null = null;

function seedTranslationsBySourceText(): Map<string, string> {
  if (translationsBySourceText) return translationsBySourceText;
  const translated = new Map(
    alignTranslation(seedFixtures().translation, SEED_PARAGRAPH_IDS).map((entry) => [
      entry.paragraphId,
      entry.markdown,
    ]),
  );
  translationsBySourceText = new Map(
    seedArticle().paragraphs.flatMap((paragraph) => {
      const translation = translated.get(paragraph.id);
      return translation ? [[paragraph.text, translation] as const] : [];
    }),
  );
  return translationsBySourceText;
}

/**
 * A combined answer in the order a model writes it under the strict schema (summary, translation,
 * notes, background), made of the two answers the server would give to the separate requests.
 */
export function combinedAnswer(analysisJson: string, translation: string): string {
  const { summary, notes, outsideKnowledge } = JSON.parse(analysisJson) as Record<string, unknown>;
  return JSON.stringify({ summary, translation, notes, outsideKnowledge });
}
