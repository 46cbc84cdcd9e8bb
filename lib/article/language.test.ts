import { describe, expect, it } from 'vitest';
import type { Article } from './article';
import { dominantLanguage, languageName, primaryLanguageTag, resolveLanguage } from './language';

const article: Article = {
  url: 'https://news.example/a',
  canonicalUrl: 'https://news.example/a',
  title: 'T',
  byline: null,
  siteName: null,
  publishedTime: null,
  language: 'und',
  languageSource: 'unknown',
  paragraphs: [{ id: 'p1', text: 'Text' }],
  links: [],
  wordCount: 1,
  source: 'article',
};

describe('primaryLanguageTag', () => {
  it.each([
    ['de-DE', 'de'],
    [' EN ', 'en'],
    ['zh-Hant-TW', 'zh'],
    ['pt_BR', 'pt'],
    ['fil', 'fil'],
    ['und', null],
    ['x-default', null],
    ['', null],
    [null, null],
  ])('%s → %s', (tag, primary) => {
    expect(primaryLanguageTag(tag)).toBe(primary);
  });
});

describe('resolveLanguage', () => {
  it('fills in a reliable detection when the page gave no language', () => {
    expect(resolveLanguage(article, { language: 'de-AT', reliable: true })).toMatchObject({
      language: 'de',
      languageSource: 'detected',
    });
  });

  it('keeps the page’s own language over any detection', () => {
    const declared: Article = { ...article, language: 'fr', languageSource: 'page' };
    expect(resolveLanguage(declared, { language: 'de', reliable: true })).toBe(declared);
  });

  it('leaves the language unknown without a usable detection', () => {
    expect(resolveLanguage(article, null)).toBe(article);
    expect(resolveLanguage(article, { language: 'de', reliable: false })).toBe(article);
    expect(resolveLanguage(article, { language: 'und', reliable: true })).toBe(article);
  });
});

describe('dominantLanguage', () => {
  it('takes the language with the largest share, wherever the detector lists it', () => {
    const detection = {
      isReliable: true,
      languages: [
        { language: 'en', percentage: 31 },
        { language: 'fr', percentage: 68 },
      ],
    };
    expect(dominantLanguage(detection)).toEqual({ language: 'fr', reliable: true });
  });

  it('passes on the detector’s doubt, and has nothing for no answer or only und', () => {
    expect(dominantLanguage({ isReliable: false, languages: [{ language: 'de', percentage: 90 }] })).toEqual({
      language: 'de',
      reliable: false,
    });
    expect(dominantLanguage(null)).toBeNull();
    expect(dominantLanguage({ isReliable: true, languages: [{ language: 'und', percentage: 100 }] })).toBeNull();
  });
});

describe('languageName', () => {
  it('names languages in English', () => {
    expect(languageName('de')).toBe('German');
    expect(languageName('ru')).toBe('Russian');
    expect(languageName('pt-BR')).toBe('Brazilian Portuguese');
  });

  it('gives up, with null, on unknown and malformed tags', () => {
    expect(languageName('und')).toBeNull();
    expect(languageName('qqq')).toBeNull();
    expect(languageName('not a tag!')).toBeNull();
  });
});
