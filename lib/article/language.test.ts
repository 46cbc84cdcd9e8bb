import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/article/article';
import { dominantLanguage, languageName, primaryLanguageTag, resolveLanguage } from '@/lib/article/language';

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
  const sure = (language: string, percentage = 95) => ({ language, reliable: true, percentage });
  const declaredEnglish: Article = {
    ...article,
    language: 'en',
    languageSource: 'page',
    languageEvidence: 'html-lang',
  };

  it('fills in a reliable detection when the page gave no language', () => {
    expect(resolveLanguage(article, sure('de-AT'))).toMatchObject({
      language: 'de',
      languageSource: 'detected',
      languageEvidence: 'browser-detector',
    });
  });

  it('lets the text overrule a declared language it contradicts, and keeps what the page said', () => {
    expect(resolveLanguage(declaredEnglish, sure('es'), 1_200)).toEqual({
      ...declaredEnglish,
      language: 'es',
      languageSource: 'detected',
      languageEvidence: 'browser-detector',
      declaredLanguage: 'en',
    });
  });

  it('keeps the declaration when the detector agrees, doubts, has too little text or only a minority', () => {
    expect(resolveLanguage(declaredEnglish, sure('en'), 1_200)).toBe(declaredEnglish);
    expect(resolveLanguage(declaredEnglish, { ...sure('es'), reliable: false }, 1_200)).toBe(declaredEnglish);
    // A headline and a caption: the script and function-word checks of the page decide those.
    expect(resolveLanguage(declaredEnglish, sure('es'), 120)).toBe(declaredEnglish);
    expect(resolveLanguage(declaredEnglish, sure('es', 45), 1_200)).toBe(declaredEnglish);
  });

  it('has the last word over the in-page text check, and drops a declaration it confirms', () => {
    const fromWords: Article = {
      ...article,
      language: 'pt',
      languageSource: 'detected',
      languageEvidence: 'text',
      declaredLanguage: 'en',
    };
    expect(resolveLanguage(fromWords, sure('gl'), 1_200)).toMatchObject({
      language: 'gl',
      languageEvidence: 'browser-detector',
      declaredLanguage: 'en',
    });
    const confirmed = resolveLanguage(fromWords, sure('en'), 1_200);
    expect(confirmed).toMatchObject({ language: 'en', languageEvidence: 'browser-detector' });
    expect(confirmed.declaredLanguage).toBeUndefined();
    expect(resolveLanguage(fromWords, sure('pt'), 1_200)).toBe(fromWords);
  });

  it('leaves the language unknown without a usable detection', () => {
    expect(resolveLanguage(article, null)).toBe(article);
    expect(resolveLanguage(article, { ...sure('de'), reliable: false })).toBe(article);
    expect(resolveLanguage(article, sure('und'))).toBe(article);
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
    expect(dominantLanguage(detection)).toEqual({ language: 'fr', reliable: true, percentage: 68 });
  });

  it('passes on the detector’s doubt, and has nothing for no answer or only und', () => {
    expect(dominantLanguage({ isReliable: false, languages: [{ language: 'de', percentage: 90 }] })).toEqual({
      language: 'de',
      reliable: false,
      percentage: 90,
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
