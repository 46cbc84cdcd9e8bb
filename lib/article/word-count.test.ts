import { describe, expect, it } from 'vitest';
import { countWords } from '@/lib/article/word-count';

function paragraphs(...texts: string[]) {
  return texts.map((text, index) => ({ id: `p${index + 1}`, text }));
}

describe('countWords', () => {
  it('counts whitespace-separated words, hyphenated ones once, dashes not at all', () => {
    expect(countWords(paragraphs('Eins zwei – drei.', 'US-Bürger 86,82 Prozent'))).toBe(6);
  });

  it('counts words in scripts written without spaces', () => {
    expect(countWords(paragraphs('我们今天去北京'))).toBeGreaterThan(1);
  });

  it('counts Chinese and Japanese words as a dictionary segments them, not characters or sentences', () => {
    expect(countWords(paragraphs('我们今天去北京'))).toBe(4);
    expect(countWords(paragraphs('運航会社の担当者は'))).toBe(6);
    // A news paragraph: about one word per one and a half to two characters.
    const chinese =
      '据市交通局周一发布的消息，连接江城南北两岸的第三座跨江大桥将于明年五月正式通车，比原计划推迟约半年。';
    const count = countWords(paragraphs(chinese));
    expect(count).toBeGreaterThan(chinese.length / 3);
    expect(count).toBeLessThan(chinese.length / 1.2);
  });

  it('counts Arabic and Hebrew words at spaces, prefixes and all', () => {
    expect(countWords(paragraphs('ووفقاً لـ«وكالة الساحل للأنباء»، فإن'))).toBe(5);
    expect(countWords(paragraphs('לדברי ראש המועצה, "חיכו לקו הזה"'))).toBe(6);
  });

  it('is zero without text', () => {
    expect(countWords([])).toBe(0);
  });
});
