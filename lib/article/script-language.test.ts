import { describe, expect, it } from 'vitest';
import { CALIBRATION_SAMPLES } from '@/lib/tokens/calibration-samples';
import { scriptLanguage } from '@/lib/article/script-language';

const sample = (language: string) => CALIBRATION_SAMPLES[language] ?? '';

describe('scriptLanguage', () => {
  it.each([
    ['zh', 'zh'],
    ['ja', 'ja'],
    ['ko', 'ko'],
    ['he', 'he'],
    ['el', 'el'],
  ])('knows %s news from its script', (language, expected) => {
    expect(scriptLanguage(sample(language))).toBe(expected);
  });

  it.each(['en', 'de', 'fr', 'pl', 'ru', 'uk', 'ar', 'hi', 'tr'])(
    'leaves %s, written in a script many languages share, to the browser’s detector',
    (language) => {
      expect(scriptLanguage(sample(language))).toBeNull();
    },
  );

  it('tells Japanese from Chinese by its kana, and Chinese quoting a Japanese name stays Chinese', () => {
    expect(scriptLanguage('東京都は来年度の予算案を発表した。')).toBe('ja');
    expect(
      scriptLanguage('据报道，日本首相在东京会见了来访的代表团，双方就贸易问题交换了意见。「さくら」号列车也被提及。'),
    ).toBe('zh');
  });

  it('gives up on mixed or empty text, and on Yiddish in Hebrew letters', () => {
    expect(scriptLanguage(`${sample('en')} ${sample('zh')}`)).toBeNull();
    expect(scriptLanguage('')).toBeNull();
    expect(scriptLanguage('2025 – 86,82 %')).toBeNull();
    expect(scriptLanguage('די ײִדישע צײַטונג האָט געשריבן, אַז די רעגירונג װעט נישט ענדערן דעם געזעץ.')).toBeNull();
  });
});
