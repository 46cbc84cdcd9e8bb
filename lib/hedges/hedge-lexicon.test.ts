import { describe, expect, it } from 'vitest';
import { findHedgeMarkers } from '@/lib/hedges/find-hedge-markers';
import { hasHedgeLexicon, hedgeLexicon } from '@/lib/hedges/hedge-lexicon';

function markers(language: string, text: string): string[] {
  return findHedgeMarkers(text, hedgeLexicon(language)).map((marker) => `${marker.category}:${marker.text}`);
}

/** Each lexicon finds its hedges in a real-looking sentence and nothing in a plain statement of fact. */
const CASES: Array<{ language: string; hedged: string; expected: string[]; plain: string }> = [
  {
    language: 'de',
    hedged: 'Der mutmaßliche Täter sei laut Polizei geflohen; er soll offenbar Komplizen gehabt haben.',
    expected: ['doubt:mutmaßliche', 'attribution:sei', 'attribution:laut', 'attribution:soll', 'doubt:offenbar'],
    plain: 'Seit Montag ist die Brücke gesperrt. Das Wohl der Anwohner hat Vorrang, die Möglichkeiten sind begrenzt.',
  },
  {
    language: 'fr',
    hedged: "Selon l’AFP, le ministre aurait démissionné, d'après des proches, apparemment sous pression.",
    expected: ['attribution:Selon', 'possibility:aurait', "attribution:d'après", 'doubt:apparemment'],
    plain: 'Le ministre a démissionné lundi. Il a quitté Paris le soir même.',
  },
  {
    language: 'es',
    hedged: 'Según la policía, el presunto autor habría huido; al parecer tenía cómplices.',
    expected: ['attribution:Según', 'doubt:presunto', 'possibility:habría', 'doubt:al parecer'],
    plain: 'Por supuesto, el autor huyó el lunes y fue detenido el martes.',
  },
  {
    language: 'it',
    hedged: 'Secondo la polizia, il presunto autore sarebbe fuggito; a quanto pare aveva complici.',
    expected: ['attribution:Secondo la', 'doubt:presunto', 'possibility:sarebbe', 'doubt:a quanto pare'],
    plain: 'Il secondo mandato del sindaco è iniziato lunedì.',
  },
  {
    language: 'pt',
    hedged: 'Segundo a polícia, o suspeito teria fugido e supostamente tinha cúmplices, alegadamente dois.',
    expected: ['attribution:Segundo a', 'possibility:teria', 'doubt:supostamente', 'doubt:alegadamente'],
    plain: 'O segundo mandato do prefeito começou na segunda-feira.',
  },
  {
    language: 'ru',
    hedged: 'По его словам, подозреваемый якобы скрылся; как сообщается, у него были сообщники.',
    expected: ['attribution:По его словам', 'doubt:якобы', 'attribution:как сообщается'],
    plain: 'Мост закрыт с понедельника. Словами не передать, какая была погода.',
  },
  {
    language: 'en',
    hedged: 'The suspect allegedly fled, according to police, and reportedly could have had accomplices.',
    expected: ['doubt:allegedly', 'attribution:according to', 'doubt:reportedly', 'possibility:could'],
    plain: 'The suspect fled in May and the United States closed the bridge.',
  },
];

describe('hedge lexicons', () => {
  for (const { language, hedged, expected, plain } of CASES) {
    it(`${language}: finds the hedges of a hedged sentence`, () => {
      expect(markers(language, hedged)).toEqual(expected);
    });

    it(`${language}: finds none in a plain statement, nor inside other words`, () => {
      expect(markers(language, plain)).toEqual([]);
    });
  }

  it('finds German Konjunktiv I forms of reported speech, but not first-person indicatives', () => {
    expect(markers('de', 'Die Lage sei ernst, er habe gewarnt, man werde handeln.')).toEqual([
      'attribution:sei',
      'attribution:habe',
      'attribution:werde',
    ]);
    expect(markers('de', 'Ich habe nichts gesehen, sagt sie nicht.')).toEqual(['attribution:sagt']);
  });

  it('picks the lexicon by the primary language subtag, and has none for unknown languages', () => {
    expect(hedgeLexicon('de-AT')).toBe(hedgeLexicon('de'));
    expect(hedgeLexicon('pt-BR')).toBe(hedgeLexicon('pt'));
    expect(hasHedgeLexicon('und')).toBe(false);
    expect(hasHedgeLexicon(undefined)).toBe(false);
  });
});
