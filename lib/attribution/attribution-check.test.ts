import { describe, expect, it } from 'vitest';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { AnalysisSchema, type Note } from '@/lib/attribution/analysis';
import { checkAttribution } from '@/lib/attribution/attribution-check';
import { locateQuote } from '@/lib/attribution/grounding';

function article(language: string, ...texts: string[]) {
  return { language, paragraphs: texts.map((text, index) => ({ id: `p${index + 1}`, text })) };
}

function note(
  quote: string,
  name: string,
  cues: Array<string | null> = [],
  kind: Note['kind'] = 'reported-speech',
): Note {
  return {
    claim: 'x',
    source: { name, role: null, type: name === 'none' ? 'none' : 'organisation' },
    chain: [{ name: 'This page', cue: null }, ...cues.map((cue) => ({ name, cue }))],
    kind,
    hedges: [],
    quote,
    paragraphId: null,
  };
}

function check(page: ReturnType<typeof article>, forNote: Note) {
  return checkAttribution(page, forNote, locateQuote(page, forNote.quote)).status;
}

describe('checkAttribution', () => {
  it('finds every attribution of the seed analysis in the seed article', () => {
    const seed = seedArticle();
    const statuses = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis)).notes.map(
      (each) => checkAttribution(seed, each, locateQuote(seed, each.quote)).status,
    );
    expect(statuses).not.toContain('missing');
    expect(statuses.filter((status) => status === 'not-applicable')).toHaveLength(6);
  });

  describe('German', () => {
    const page = article(
      'de',
      'Das Abkommen steht laut der New York Times kurz bevor. Wie der Spiegel berichtet, soll der Vertrag am 13. Februar platzen.',
      'Der Minister sagte am Montag, die Lage sei ernst. Es regnete in Berlin.',
      'Das berichtete die Zeitung am Montag. Der Vertrag sei geheim geblieben.',
      'Der Vertrag ist unterzeichnet. Die Unterzeichnung sei geheim geblieben.',
    );

    it.each([
      ['"laut" and the name', note('Das Abkommen steht laut der New York Times kurz bevor.', 'The New York Times')],
      ['"berichtet" and the name', note('soll der Vertrag am 13. Februar platzen', 'Der Spiegel')],
      ['"sagte" and the role', note('die Lage sei ernst', 'Der Minister')],
      [
        'a cue phrase, the name being in English',
        note('Die Lage sei ernst', 'Minister of Defence', ['Der Minister sagte']),
      ],
    ])('named: %s', (_, each) => {
      expect(check(page, each)).toBe('named');
    });

    it('relayed: Konjunktiv I continuing the sentence before, which reports', () => {
      expect(check(page, note('Der Vertrag sei geheim geblieben.', 'Le Monde', ['so die Zeitung weiter']))).toBe(
        'relayed',
      );
    });

    it.each([
      ['a plain statement given a source', note('Es regnete in Berlin.', 'Reuters', ['laut Reuters'])],
      [
        'Konjunktiv I after a sentence that reports nothing',
        note('Die Unterzeichnung sei geheim geblieben.', 'Reuters'),
      ],
    ])('missing: %s', (_, each) => {
      expect(check(page, each)).toBe('missing');
    });
  });

  it.each([
    [
      'English',
      article('en', 'The deal is close, according to Reuters. It rained.'),
      'The deal is close',
      'Reuters',
      'named',
    ],
    [
      'English, forged',
      article('en', 'The deal is close, according to Reuters. It rained. The sun shone.'),
      'The sun shone.',
      'Reuters',
      'missing',
    ],
    [
      'French',
      article('fr', 'Selon Le Monde, le gouvernement aurait renoncé. Il pleut.'),
      'le gouvernement aurait renoncé',
      'Le Monde',
      'named',
    ],
    [
      'French, forged',
      article('fr', 'Selon Le Monde, le gouvernement aurait renoncé. Il pleut. Le soleil brille.'),
      'Le soleil brille.',
      'Le Monde',
      'missing',
    ],
    ['Chinese', article('zh', '据新华社报道，谈判仍在继续。天气很好。'), '谈判仍在继续', '新华社', 'named'],
    [
      'Chinese, forged',
      article('zh', '据新华社报道，谈判仍在继续。天气很好。今天是星期一。'),
      '今天是星期一。',
      '新华社',
      'missing',
    ],
  ] as const)('%s', (_, page, quote, name, expected) => {
    expect(check(page, note(quote, name))).toBe(expected);
  });

  it('matches a Russian source by its cue phrase, the name being inflected', () => {
    const page = article('ru', 'По словам Песковой, переговоры продолжаются. Погода хорошая. Сегодня понедельник.');
    expect(check(page, note('переговоры продолжаются', 'Пескова', ['По словам Песковой']))).toBe('named');
    expect(check(page, note('Сегодня понедельник.', 'Пескова', ['По словам Песковой']))).toBe('missing');
  });

  it('does not apply to an unattributed assertion or to a quote that is not verified', () => {
    const page = article('en', 'The deal is close. It rained.');
    expect(check(page, note('It rained.', 'none', [], 'unattributed-assertion'))).toBe('not-applicable');
    expect(check(page, note('It snowed heavily all week.', 'Reuters'))).toBe('not-applicable');
  });
});
