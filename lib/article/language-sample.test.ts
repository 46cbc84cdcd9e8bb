// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article/extract';
import { LANGUAGE_SAMPLE_CHARACTERS, languageSample } from '@/lib/article/language-sample';
import { readSavedPage } from '@/tests/support/saved-page';
import { loadTestDocument } from '@/tests/support/test-document';

const PAGES_DIRECTORY = join(import.meta.dirname, '../../tests/fixtures/pages');

function fixtureParagraphs(slug: string): string[] {
  const { pageUrl } = JSON.parse(readFileSync(join(PAGES_DIRECTORY, slug, 'expected.json'), 'utf8'));
  const html = readSavedPage(slug);
  const result = extractArticle(loadTestDocument(html, pageUrl), { source: 'article' });
  if (!result.ok) throw new Error(`${slug}: ${JSON.stringify(result.error)}`);
  return result.article.paragraphs.map((paragraph) => paragraph.text);
}

const asParagraphs = (texts: string[]) => texts.map((text) => ({ text }));

describe('languageSample', () => {
  it('gives the detector the French of a French article that opens with, and keeps, English quotations', () => {
    // The page has no lang: the background asks i18n.detectLanguage, and gets this sample.
    const sample = languageSample(asParagraphs(fixtureParagraphs('fr-en-no-lang')));
    expect(sample).not.toContain('fair deal');
    expect(sample).not.toContain('Nobody asked us');
    expect(sample).toContain('a déclaré jeudi soir le ministre britannique');
    expect(sample).toContain('Saint-Hélier');
    // What is left is French: no English function words.
    expect(sample).not.toMatch(/\b(?:the|and|this|that|we|us)\b/u);
  });

  it('drops German „…“ and English “…” quotations alike from a German article', () => {
    const sample = languageSample(asParagraphs(fixtureParagraphs('de-english-quotes')));
    expect(sample).not.toMatch(/\b(?:the|and|we|our)\b/u);
    expect(sample).toContain('Handelsministerin Laura Grant');
    expect(sample).not.toContain('sorgfältig');
  });

  it('keeps Hebrew abbreviations written with a straight quote', () => {
    expect(languageSample(asParagraphs(fixtureParagraphs('he-rtl')))).toContain('מנכ"ל חברת הרכבת');
  });

  it('keeps the quotations when they are nearly all the article (an interview)', () => {
    const interview = asParagraphs([
      '“We will not sign this agreement, not now and not ever,” she said.',
      'Er lachte.',
    ]);
    expect(languageSample(interview)).toContain('We will not sign');
  });

  it('spreads a long article’s sample over its beginning, middle and end', () => {
    const paragraphs = asParagraphs(
      Array.from({ length: 3_000 }, (_, index) => `Paragraph ${index} says something of its own, at some length.`),
    );
    const sample = languageSample(paragraphs);
    expect(sample.length).toBeLessThanOrEqual(LANGUAGE_SAMPLE_CHARACTERS);
    expect(sample).toContain('Paragraph 0 ');
    expect(sample).toMatch(/Paragraph 1[45]\d\d /u);
    expect(sample).toMatch(/Paragraph 29\d\d /u);
  });
});
