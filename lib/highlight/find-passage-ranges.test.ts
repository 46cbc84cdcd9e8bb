// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadTestDocument } from '@/tests/support/test-document';
import { findPassageRanges } from '@/lib/highlight/find-passage-ranges';

afterEach(() => {
  document.body.replaceChildren();
});

/** Test pages are fixed strings of this file, never page or model text. */
function page(html: string): void {
  document.body.innerHTML = html;
}

function texts(ranges: Array<Range | null>): Array<string | null> {
  return ranges.map((range) => range?.toString() ?? null);
}

describe('findPassageRanges', () => {
  it('finds a passage inside open shadow roots, nested and slotted, where the article of a web component is', () => {
    const document = loadTestDocument(
      `<html><body><nl-page><template shadowrootmode="open"><article><p>Una frana si è staccata nella notte. <slot></slot></p>
       <nl-quote><template shadowrootmode="open"><blockquote>«Abbiamo già organizzato la consegna», ha detto.</blockquote></template></nl-quote>
       </article></template><em>Nessuno è rimasto ferito.</em></nl-page></body></html>`,
      'https://notizie.example/frana',
    );
    const ranges = findPassageRanges(document, [
      'Una frana si è staccata nella notte.',
      '«Abbiamo già organizzato la consegna», ha detto.',
      'Nessuno è rimasto ferito.',
    ]);
    expect(texts(ranges)).toEqual([
      'Una frana si è staccata nella notte.',
      '«Abbiamo già organizzato la consegna», ha detto.',
      'Nessuno è rimasto ferito.',
    ]);
    expect(ranges[1]?.startContainer.getRootNode()).not.toBe(document);
  });

  it('finds a sentence inside a paragraph, covering exactly that sentence', () => {
    page('<article><p>Erster Satz. Smiths Treffen mit Lukaschenko sei heimlich erfolgt. Dritter Satz.</p></article>');
    const [range] = findPassageRanges(document, ['Smiths Treffen mit Lukaschenko sei heimlich erfolgt.']);
    expect(range?.toString()).toBe('Smiths Treffen mit Lukaschenko sei heimlich erfolgt.');
    expect(range?.startContainer).toBe(range?.endContainer);
  });

  it('finds a passage running through a link and emphasis, across several text nodes', () => {
    page('<p>berichten Teilnehmer laut der <a href="#">New York <em>Times</em> (NYT)</a>. Weiter.</p>');
    const [range] = findPassageRanges(document, ['Teilnehmer laut der New York Times (NYT).']);
    expect(range?.toString()).toBe('Teilnehmer laut der New York Times (NYT).');
    expect(range?.startContainer).not.toBe(range?.endContainer);
  });

  it('matches whatever the quotation marks, spaces and soft hyphens of the page', () => {
    page('<p>Er nannte sie\u00a0„banditen\u00adartig“,\n   gleichzeitig sah er mehr.</p>');
    expect(texts(findPassageRanges(document, ['Er nannte sie "banditenartig", gleichzeitig']))).toEqual([
      'Er nannte sie\u00a0„banditen\u00adartig“,\n   gleichzeitig',
    ]);
  });

  it('skips scripts, styles and hidden elements, so their text neither matches nor breaks a match', () => {
    page(
      '<script>var s = "Geheimer Satz hier.";</script><style>p{}</style>' +
        '<div hidden>Geheimer Satz hier.</div><p style="display:none">Geheimer Satz hier.</p>' +
        '<p>Sichtbar<span style="display:none"> nicht</span> bleibt dies.</p>',
    );
    const [secret, visible] = findPassageRanges(document, ['Geheimer Satz hier.', 'Sichtbar bleibt dies.']);
    expect(secret).toBeNull();
    // The range runs from the first visible word to the last; the hidden span lies inside it, unhighlighted.
    expect(visible?.startContainer.textContent).toBe('Sichtbar');
    expect(visible?.endContainer.textContent).toBe(' bleibt dies.');
  });

  it('treats the end of one block and the start of the next as separate words', () => {
    page('<p>Ende eins</p><p>Anfang zwei</p>');
    const [across, joined] = findPassageRanges(document, ['eins Anfang', 'einsAnfang']);
    expect(across?.startContainer.textContent).toBe('Ende eins');
    expect(across?.endContainer.textContent).toBe('Anfang zwei');
    expect(joined).toBeNull();
  });

  it('prefers the occurrence inside the article to a teaser repeating it', () => {
    page(
      '<aside><p>Es ist seine siebte Amtszeit.</p></aside><article><p>Ja. Es ist seine siebte Amtszeit.</p></article>',
    );
    const [range] = findPassageRanges(document, ['Es ist seine siebte Amtszeit.']);
    expect(range?.startContainer.parentElement?.closest('article')).not.toBeNull();
  });

  it('returns null for a passage that is not on the page, one entry per passage', () => {
    page('<p>Etwas ganz anderes.</p>');
    expect(findPassageRanges(document, ['Nicht hier.', '', 'Etwas ganz anderes.'])).toHaveLength(3);
    expect(texts(findPassageRanges(document, ['Nicht hier.', '']))).toEqual([null, null]);
  });

  it('finds Chinese and Arabic passages', () => {
    page(
      '<p>外交部发言人表示，中方对此表示严重关切。</p><p dir="rtl">وقال المتحدث إن «المفاوضات مستمرة» حتى الآن.</p>',
    );
    expect(texts(findPassageRanges(document, ['中方对此表示严重关切。', 'إن "المفاوضات مستمرة"']))).toEqual([
      '中方对此表示严重关切。',
      'إن «المفاوضات مستمرة»',
    ]);
  });

  it('searches several documents (the page and its same-origin frames), preferring an article container', () => {
    const lead = 'Ein mutmaßlich bedeutsames Abkommen steht offenbar kurz bevor.';
    const wrapper = loadTestDocument(
      `<html><body><aside><p>Teaser: ${lead}</p></aside></body></html>`,
      'https://reader.example/read/1',
    );
    const frame = loadTestDocument(
      `<html><body><article><p>${lead} Zweiter Satz.</p></article></body></html>`,
      'https://reader.example/embed/1',
    );
    const [range, second, absent] = findPassageRanges([wrapper, frame], [lead, 'Zweiter Satz.', 'Nicht da.']);
    // The teaser around the frame repeats the lead: the frame's article has it.
    expect(range?.startContainer.ownerDocument).toBe(frame);
    expect(range?.toString()).toBe(lead);
    expect(second?.startContainer.ownerDocument).toBe(frame);
    expect(absent).toBeNull();
  });
});
