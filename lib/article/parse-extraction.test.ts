import { describe, expect, it, vi } from 'vitest';
import { seedArticle } from '../../tests/support/seed-article';
import type { LanguageDetection } from './language';
import { parseExtraction } from './parse-extraction';

const noDetector = () => Promise.reject(new Error('not called'));

describe('parseExtraction', () => {
  it('passes on the foreign frame of a page without an article, only as an http(s) address', async () => {
    const notAnArticle = (frameUrl: unknown) => ({
      ok: false,
      error: { code: 'not-an-article', hasSelection: false, frameUrl },
    });
    expect(await parseExtraction(notAnArticle('https://reader.other.example/s/9'), noDetector)).toEqual({
      ok: false,
      error: { code: 'not-an-article', hasSelection: false, frameUrl: 'https://reader.other.example/s/9' },
    });
    for (const unsafe of ['javascript:alert(1)', 'data:text/html,x', '/relative', 42, null]) {
      expect(await parseExtraction(notAnArticle(unsafe), noDetector)).toEqual({
        ok: false,
        error: { code: 'not-an-article', hasSelection: false },
      });
    }
  });

  it('asks the detector about a page without a language, and takes the language most of the text is in', async () => {
    const article = {
      ...seedArticle(),
      language: 'und',
      languageSource: 'unknown',
      paragraphs: [
        { id: 'p1', text: '“Nobody asked us about any of this,” a déclaré un pêcheur de Jersey jeudi soir.' },
        {
          id: 'p2',
          text: 'Selon le ministère, l’accord prévoit quarante-deux licences supplémentaires pour les bateaux normands.',
        },
        {
          id: 'p3',
          text: 'Les deux gouvernements doivent se retrouver en septembre pour un premier bilan, a précisé le ministère.',
        },
      ],
    };
    const detector = vi.fn(
      async (_text: string): Promise<LanguageDetection> => ({
        isReliable: true,
        languages: [
          { language: 'en', percentage: 20 },
          { language: 'fr', percentage: 80 },
        ],
      }),
    );
    const parsed = await parseExtraction({ ok: true, article }, detector);
    expect(parsed).toMatchObject({ ok: true, article: { language: 'fr', languageSource: 'detected' } });
    expect(detector.mock.calls[0]?.[0]).not.toContain('Nobody asked us');
  });

  it('keeps the page’s declared language without asking', async () => {
    const detector = vi.fn(noDetector);
    expect(await parseExtraction({ ok: true, article: seedArticle() }, detector)).toMatchObject({
      article: { language: 'de' },
    });
    expect(detector).not.toHaveBeenCalled();
  });
});
