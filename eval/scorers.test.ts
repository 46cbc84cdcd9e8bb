import { describe, expect, it } from 'vitest';
import type { Note } from '@/lib/attribution/analysis';
import { scoreChains } from '@/eval/score-chains';
import { scoreHedges } from '@/eval/score-hedges';
import { scoreQuotes } from '@/eval/score-quotes';
import { scoreSources } from '@/eval/score-sources';
import { scoreUnattributed } from '@/eval/score-unattributed';

function note(fields: Partial<Note> & { name?: string; relays?: Array<[string, string | null]> }): Note {
  const { name, relays, ...rest } = fields;
  return {
    claim: 'a claim',
    source: { name: name ?? 'none', role: null, type: name ? 'person' : 'none' },
    chain: [{ name: 'This page', cue: null }, ...(relays ?? []).map(([relay, cue]) => ({ name: relay, cue }))],
    kind: name ? 'reported-speech' : 'unattributed-assertion',
    hedges: [],
    quote: '',
    paragraphId: null,
    ...rest,
  };
}

const N = (name: string, ...aliases: string[]) => ({ name, aliases });

describe('scoreSources', () => {
  const expected = [N('Maren Ohlsen', 'Ohlsen'), N('Verdi'), N('dpa', 'Deutsche Presse-Agentur'), N('ZDS')];

  it('counts a source named as a note’s source or as a relay in its chain: 3 of 4', () => {
    const notes = [
      note({ name: 'Maren Ohlsen' }),
      note({ name: 'participants', relays: [['Deutsche Presse-Agentur', 'wie die dpa berichtet']] }),
      note({ name: 'ver.di' }),
    ];
    // "ver.di" is not "Verdi": aliases are whole words, so only what the rubric lists counts.
    expect(scoreSources(expected, notes)).toEqual({ found: 2, total: 4, missed: ['Verdi', 'ZDS'] });
    expect(scoreSources(expected, [...notes, note({ name: 'Gewerkschaft Verdi' })])).toEqual({
      found: 3,
      total: 4,
      missed: ['ZDS'],
    });
  });

  it('matches whole words, accents and case aside, and names in scripts without spaces anywhere', () => {
    expect(scoreSources([N('Hélène Marchand')], [note({ name: 'Dr. HELENE MARCHAND' })]).found).toBe(1);
    expect(scoreSources([N('dpa')], [note({ name: 'Updpate' })]).found).toBe(0);
    expect(scoreSources([N('気象庁')], [note({ name: '気象庁の発表' })]).found).toBe(1);
    expect(scoreSources([N('Андрей Ковалёв')], [note({ name: 'глава города Андрей Ковалев' })]).found).toBe(1);
  });
});

describe('scoreChains', () => {
  const chain = {
    steps: [N('The New York Times', 'NYT'), N('participants', 'Teilnehmer'), N('Christopher Smith', 'Smith')],
  };

  it('finds a chain whose steps one note names in order, extra links between them allowed', () => {
    const found = note({
      name: 'Christopher Smith',
      relays: [
        ['The New York Times', 'laut der NYT'],
        ['Meeting participants (unnamed)', 'berichten Teilnehmer'],
        ['Christopher Smith', null],
      ],
    });
    expect(scoreChains([chain], [found])).toEqual({ found: 1, total: 1, missed: [] });
  });

  it('misses a chain in the wrong order or spread over two notes', () => {
    const reversed = note({
      name: 'The New York Times',
      relays: [
        ['participants', null],
        ['Smith', null],
      ],
    });
    const first = note({ name: 'participants', relays: [['NYT', null]] });
    const second = note({ name: 'Smith', relays: [['participants', null]] });
    expect(scoreChains([chain], [reversed, first, second])).toEqual({
      found: 0,
      total: 1,
      missed: ['The New York Times → participants → Christopher Smith'],
    });
  });
});

describe('scoreQuotes', () => {
  const article = {
    language: 'de',
    paragraphs: [
      { id: 'p1', text: 'Der Hafen steht still. Das sagte Maren Ohlsen am Dienstag.' },
      { id: 'p2', text: 'Die Löhne seien zu niedrig, so die Gewerkschaft.' },
    ],
  };

  it('grounds quotes as the panel does: verbatim, near-miss, not found', () => {
    const notes = [
      note({ name: 'Maren Ohlsen', quote: 'Der Hafen steht still.' }),
      note({ name: 'Gewerkschaft', quote: 'Die Löhne seien viel zu niedrig, so die Gewerkschaft.' }),
      note({ name: 'Gewerkschaft', quote: 'Ein Satz, den es nicht gibt.' }),
    ];
    expect(scoreQuotes(article, notes)).toEqual({
      verbatim: 1,
      attributionMissing: 0,
      nearMiss: 1,
      notFound: 1,
      notes: 3,
    });
  });

  it('counts a verbatim quote whose attribution the article does not make', () => {
    const plain = {
      language: 'de',
      paragraphs: [{ id: 'p1', text: 'Die Sonne schien. Die Löhne sind zu niedrig. Es regnete.' }],
    };
    const notes = [note({ name: 'Reuters', quote: 'Die Löhne sind zu niedrig.' })];
    expect(scoreQuotes(plain, notes)).toEqual({
      verbatim: 1,
      attributionMissing: 1,
      nearMiss: 0,
      notFound: 0,
      notes: 1,
    });
  });
});

describe('scoreHedges', () => {
  const article = {
    paragraphs: [
      { id: 'p1', text: 'Ein mutmaßlich großer Deal steht offenbar bevor.' },
      { id: 'p2', text: 'Das Treffen sei heimlich erfolgt.' },
    ],
  };
  const hedges = [
    { original: 'mutmaßlich', keep: ['allegedly', 'presumably'] },
    { original: 'offenbar', keep: ['apparently'] },
    { original: 'sei heimlich erfolgt', keep: ['reportedly', 'is said to'] },
  ];

  it('reads each hedge’s paragraph back by its marker and looks for a kept rendering', () => {
    const translation = '[p1] An allegedly big deal is imminent.\n\n[p2] The meeting is said to have been secret.';
    expect(scoreHedges(article, hedges, translation)).toEqual({ found: 2, total: 3, lost: ['offenbar'] });
  });

  it('does not take a rendering from another paragraph', () => {
    const translation =
      '[p1] A big deal is imminent.\n\n[p2] The meeting allegedly and apparently took place in secret.';
    expect(scoreHedges(article, hedges, translation)).toEqual({
      found: 0,
      total: 3,
      lost: ['mutmaßlich', 'offenbar', 'sei heimlich erfolgt'],
    });
  });

  it('is null with no translation or no hedges to look for', () => {
    expect(scoreHedges(article, hedges, null)).toBeNull();
    expect(scoreHedges(article, [], '[p1] text')).toBeNull();
  });
});

describe('scoreUnattributed', () => {
  it('counts a claim marked unattributed whose quote overlaps the rubric’s words', () => {
    const expected = [{ text: 'Es ist seine siebte Amtszeit' }, { text: 'Die USA hatten 2021 Sanktionen erlassen' }];
    const notes = [
      note({ quote: 'Es ist seine siebte Amtszeit als Präsident.' }),
      // Attributed to someone: the model did not see that the page asserts it on its own.
      note({ name: 'Reuters', quote: 'Die USA hatten 2021 Sanktionen erlassen.' }),
    ];
    expect(scoreUnattributed(expected, notes)).toEqual({
      found: 1,
      total: 2,
      missed: ['Die USA hatten 2021 Sanktionen erlassen'],
    });
  });
});
