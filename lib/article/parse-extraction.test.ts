import { describe, expect, it, vi } from 'vitest';
import { seedArticle } from '@/tests/support/seed-article';
import type { LanguageDetection } from '@/lib/article/language';
import { parseExtraction } from '@/lib/article/parse-extraction';

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

  it('lets the text overrule a declared language, where the detector is sure and has enough text', async () => {
    // A Catalan story on a platform whose template says <html lang="en">: the in-page function-word
    // check knows no Catalan, so the page's declaration stands until the browser's detector is heard.
    const catalan = [
      'L’Ajuntament va anunciar dimarts que el mercat municipal tancarà tres mesos per obres de reforma.',
      'Segons fonts municipals, les parades es traslladaran provisionalment a la plaça del Sol a partir de gener.',
      'Els comerciants, però, asseguren que ningú no els ha consultat i demanen una reunió urgent amb l’alcaldessa.',
    ];
    const article = {
      ...seedArticle(),
      language: 'en',
      languageSource: 'page',
      languageEvidence: 'html-lang',
      paragraphs: catalan.map((text, index) => ({ id: `p${index + 1}`, text })),
    };
    const detector = vi.fn(
      async (_text: string): Promise<LanguageDetection> => ({
        isReliable: true,
        languages: [{ language: 'ca', percentage: 97 }],
      }),
    );
    expect(await parseExtraction({ ok: true, article }, detector)).toMatchObject({
      ok: true,
      article: {
        language: 'ca',
        languageSource: 'detected',
        languageEvidence: 'browser-detector',
        declaredLanguage: 'en',
      },
    });
    expect(detector.mock.calls[0]?.[0]).toContain('mercat municipal');

    const unsure = vi.fn(
      async (): Promise<LanguageDetection> => ({ isReliable: false, languages: [{ language: 'ca', percentage: 97 }] }),
    );
    expect(await parseExtraction({ ok: true, article }, unsure)).toMatchObject({
      article: { language: 'en', languageSource: 'page', languageEvidence: 'html-lang' },
    });
  });

  it('keeps the page’s declared language when the detector agrees, or fails', async () => {
    const agrees = vi.fn(
      async (): Promise<LanguageDetection> => ({ isReliable: true, languages: [{ language: 'de', percentage: 99 }] }),
    );
    expect(await parseExtraction({ ok: true, article: seedArticle() }, agrees)).toMatchObject({
      article: { language: 'de', languageSource: 'page' },
    });
    expect(agrees).toHaveBeenCalledOnce();
    expect(await parseExtraction({ ok: true, article: seedArticle() }, noDetector)).toMatchObject({
      article: { language: 'de', languageSource: 'page' },
    });
  });
});
