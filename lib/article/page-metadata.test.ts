// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPageMetadata } from '@/lib/article/page-metadata';
import { loadTestDocument } from '@/tests/support/test-document';

function metadataOf(head: string, options: { htmlAttributes?: string; body?: string; url?: string } = {}) {
  const html = `<html ${options.htmlAttributes ?? ''}><head>${head}</head><body>${options.body ?? ''}</body></html>`;
  return readPageMetadata(loadTestDocument(html, options.url ?? 'https://news.example/a/story?id=7#top'), null);
}

const noReadability = { title: null, byline: null, siteName: null, publishedTime: null };

describe('readPageMetadata', () => {
  it('falls back from og:title to the document title, and prefers Readability’s', () => {
    expect(metadataOf('<title>Doc title</title><meta property="og:title" content="OG title">').title).toBe('OG title');
    expect(metadataOf('<title> Doc\n title </title>').title).toBe('Doc title');
    const document = loadTestDocument('<html><head><title>Doc</title></head></html>', 'https://news.example/');
    expect(readPageMetadata(document, { ...noReadability, title: 'Readability title' }).title).toBe(
      'Readability title',
    );
  });

  describe('a title Readability guessed from <title>', () => {
    const guessed = (title: string, h1: string, readabilityTitle: string) =>
      readPageMetadata(
        loadTestDocument(
          `<html><head><title>${title}</title></head><body><h1>${h1}</h1></body></html>`,
          'https://n.example/',
        ),
        { ...noReadability, title: readabilityTitle },
      ).title;

    it('is replaced by the h1 that <title> is made of, with the site name after a separator', () => {
      expect(
        guessed(
          'Chip-Exporte: Washington verschärft die Regeln – Weltblick',
          'Chip-Exporte: Washington verschärft die Regeln',
          'Washington verschärft die Regeln – Weltblick',
        ),
      ).toBe('Chip-Exporte: Washington verschärft die Regeln');
      expect(
        guessed(
          '江城大桥推迟至明年五月通车_江城日报',
          '江城大桥推迟至明年五月通车',
          '江城大桥推迟至明年五月通车_江城日报',
        ),
      ).toBe('江城大桥推迟至明年五月通车');
      expect(
        guessed('Weltblick | Minsk und Washington', 'Minsk und Washington', 'Weltblick | Minsk und Washington'),
      ).toBe('Minsk und Washington');
    });

    it('is kept when the h1 is the site’s logo, or when the title came from og:title', () => {
      expect(
        guessed('Minsk und Washington vor Abkommen | Weltblick', 'Weltblick', 'Minsk und Washington vor Abkommen'),
      ).toBe('Minsk und Washington vor Abkommen');
      expect(
        guessed(
          'Abkommen steht bevor – Weltblick',
          'Abkommen steht bevor',
          'Ein Abkommen zwischen Minsk und Washington',
        ),
      ).toBe('Ein Abkommen zwischen Minsk und Washington');
    });
  });

  it('strips a "By"/"Von"/"מאת"/"بقلم" prefix from the byline', () => {
    expect(metadataOf('<meta name="author" content="Von Anna Berger">').byline).toBe('Anna Berger');
    expect(metadataOf('<meta name="author" content="מאת נועה כהן">').byline).toBe('נועה כהן');
    expect(metadataOf('<meta name="author" content="بقلم ليلى عبد الرحمن">').byline).toBe('ليلى عبد الرحمن');
    const document = loadTestDocument('<html></html>', 'https://news.example/');
    expect(readPageMetadata(document, { ...noReadability, byline: 'By  Jo Park' }).byline).toBe('Jo Park');
    expect(metadataOf('').byline).toBeNull();
  });

  it('takes the site name from og:site_name, then Readability, then the host name', () => {
    expect(metadataOf('<meta property="og:site_name" content="Weltblick">').siteName).toBe('Weltblick');
    const document = loadTestDocument('<html></html>', 'https://www.news.example/x');
    expect(readPageMetadata(document, { ...noReadability, siteName: 'From JSON-LD' }).siteName).toBe('From JSON-LD');
    expect(readPageMetadata(document, null).siteName).toBe('www.news.example');
    expect(metadataOf('', { url: 'file:///home/me/page.html' }).siteName).toBeNull();
  });

  describe('canonicalUrl', () => {
    it('resolves a relative canonical link against the page', () => {
      expect(metadataOf('<link rel="canonical" href="/a/story">').canonicalUrl).toBe('https://news.example/a/story');
    });

    it('skips a canonical that is not http(s) and uses og:url', () => {
      const head =
        '<link rel="canonical" href="javascript:void(0)"><meta property="og:url" content="https://news.example/og">';
      expect(metadataOf(head).canonicalUrl).toBe('https://news.example/og');
    });

    it('falls back to the page URL without its fragment', () => {
      const metadata = metadataOf('');
      expect(metadata.canonicalUrl).toBe('https://news.example/a/story?id=7');
      expect(metadata.url).toBe('https://news.example/a/story?id=7#top');
    });
  });

  describe('publishedTime', () => {
    it('prefers article:published_time and keeps an ISO value with its offset', () => {
      const head = '<meta property="article:published_time" content="2025-02-15T09:41:00+01:00">';
      const body = '<time datetime="2020-01-01">old</time>';
      expect(metadataOf(head, { body }).publishedTime).toBe('2025-02-15T09:41:00+01:00');
    });

    it('uses a <time datetime> in the article before others', () => {
      const body =
        '<aside><time datetime="2019-05-05">x</time></aside><article><time datetime="2024-03-01">1. März</time></article>';
      expect(metadataOf('', { body }).publishedTime).toBe('2024-03-01');
    });

    it('finds datePublished inside a JSON-LD @graph and skips broken JSON-LD', () => {
      const head = `<script type="application/ld+json">{ broken</script>
        <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-11-03T07:15:00Z"}]}</script>`;
      expect(metadataOf(head).publishedTime).toBe('2024-11-03T07:15:00Z');
    });

    it('converts other parseable dates to ISO 8601 and rejects text without a date', () => {
      const rfc = '<meta property="article:published_time" content="Sat, 15 Feb 2025 08:41:00 GMT">';
      expect(metadataOf(rfc).publishedTime).toBe('2025-02-15T08:41:00.000Z');
      expect(metadataOf('<meta property="article:published_time" content="vor 2 Stunden">').publishedTime).toBeNull();
      expect(metadataOf('<meta property="article:published_time" content="2025-13-45">').publishedTime).toBeNull();
    });
  });

  describe('language', () => {
    it('reduces <html lang> to its lower-case primary tag', () => {
      expect(metadataOf('', { htmlAttributes: 'lang="de-DE"' })).toMatchObject({
        language: 'de',
        languageSource: 'page',
      });
      expect(metadataOf('', { htmlAttributes: 'lang="PT_br"' }).language).toBe('pt');
    });

    it('falls back to the content-language meta, first of a list', () => {
      const head = '<meta http-equiv="Content-Language" content="fr-CA, en">';
      expect(metadataOf(head)).toMatchObject({ language: 'fr', languageSource: 'page' });
    });

    it('is und/unknown when the page declares nothing usable', () => {
      expect(metadataOf('', { htmlAttributes: 'lang=""' })).toMatchObject({
        language: 'und',
        languageSource: 'unknown',
      });
      expect(metadataOf('', { htmlAttributes: 'lang="x-default"' }).languageSource).toBe('unknown');
    });
  });
});
