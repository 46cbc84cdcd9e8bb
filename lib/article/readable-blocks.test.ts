// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectReadableBlocks } from '@/lib/article/readable-blocks';
import { segmentsToParagraphs } from '@/lib/article/segments';
import { loadTestDocument } from '@/tests/support/test-document';

function paragraphsOf(bodyHtml: string) {
  const document = loadTestDocument(
    `<html><body><div id="content">${bodyHtml}</div></body></html>`,
    'https://news.example/a',
  );
  const content = document.getElementById('content');
  if (!content) throw new Error('no content element');
  return segmentsToParagraphs(collectReadableBlocks(content), document.baseURI);
}

describe('collectReadableBlocks', () => {
  it('takes block text elements in reading order and normalises whitespace', () => {
    const { paragraphs } = paragraphsOf(`
      <h2>Zwischen\u00a0titel</h2>
      <p>  Erster
         Absatz.</p>
      <ul><li>Punkt eins</li><li>Punkt zwei</li></ul>
      <pre>code   block</pre>
      <p> </p>
      <p>Mit<br>Umbruch und wei\u00adchem Trennstrich</p>`);
    expect(paragraphs).toEqual([
      { id: 'p1', text: 'Zwischen titel' },
      { id: 'p2', text: 'Erster Absatz.' },
      { id: 'p3', text: 'Punkt eins' },
      { id: 'p4', text: 'Punkt zwei' },
      { id: 'p5', text: 'code block' },
      { id: 'p6', text: 'Mit Umbruch und weichem Trennstrich' },
    ]);
  });

  it('splits a block around nested blocks instead of losing or doubling text', () => {
    const { paragraphs } = paragraphsOf(
      '<blockquote>Er sagte: <p>„Zitat eins.“</p><p>„Zitat zwei.“</p>so der Bericht.</blockquote>',
    );
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'Er sagte:',
      '„Zitat eins.“',
      '„Zitat zwei.“',
      'so der Bericht.',
    ]);
  });

  it('keeps only meaningful captions', () => {
    const { paragraphs } = paragraphsOf(`
      <figure><figcaption>Foto: dpa / Michael Kappeler</figcaption></figure>
      <figure><figcaption>Alexander Lukaschenko am 12. Februar in Minsk.</figcaption></figure>
      <figure><figcaption>Minsk</figcaption></figure>`);
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual(['Alexander Lukaschenko am 12. Februar in Minsk.']);
  });

  it('keeps loose text: a lede before <br><br>-separated paragraphs, text beside a link, text in a div', () => {
    const { paragraphs, links } = paragraphsOf(`
      <h1>Schlagzeile</h1>
      Der Vorspann steht lose im Container. Er hat zwei Sätze.<br><br>
      Zweiter Absatz nach zwei Umbrüchen.<br>
      Dritter nach einem.
      <div>Text im div neben <a href="/x">einem Link</a> und danach.</div>
      <p>Ein Absatz<br>mit Zeilenumbruch.</p>
      <p>Zwei Absätze<br><br>in einem p.</p>`);
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'Der Vorspann steht lose im Container. Er hat zwei Sätze.',
      'Zweiter Absatz nach zwei Umbrüchen.',
      'Dritter nach einem.',
      'Text im div neben einem Link und danach.',
      'Ein Absatz mit Zeilenumbruch.',
      'Zwei Absätze',
      'in einem p.',
    ]);
    expect(links).toEqual([{ text: 'einem Link', url: 'https://news.example/x', paragraphId: 'p4' }]);
  });

  it('ties each link to the paragraph it sits in', () => {
    const { links } = paragraphsOf(`
      <p>Ohne Link.</p>
      <p>Laut der <a href="https://www.nytimes.com/x"> New York
        Times </a> und <a href="/thema/y">dieser Seite</a>.</p>
      <p><a href="https://example.org/image"><img alt=""></a> Bildlink ohne Text.</p>`);
    expect(links).toEqual([
      { text: 'New York Times', url: 'https://www.nytimes.com/x', paragraphId: 'p2' },
      { text: 'dieser Seite', url: 'https://news.example/thema/y', paragraphId: 'p2' },
    ]);
  });
});
