import { describe, expect, it } from 'vitest';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { AnalysisSchema } from '@/lib/attribution/analysis';
import {
  extractJsonText,
  parseFinalAnalysis,
  parseFinalTranslation,
  parsePartialAnalysis,
  parsePartialAnswer,
} from '@/lib/llm/json-answer';

const seedJson = seedFixtures().analysis;
const seedAnalysis = AnalysisSchema.parse(JSON.parse(seedJson));

const minimalNote = {
  claim: 'A claim.',
  source: { name: 'none', role: null, type: 'none' },
  chain: [{ name: 'This page', cue: null }],
  kind: 'unattributed-assertion',
  hedges: [],
  quote: 'Ein Satz.',
  paragraphId: 'p1',
};

describe('extractJsonText', () => {
  it.each([
    ['plain', '{"a":1}', '{"a":1}'],
    ['code fence', '```json\n{"a":1}\n```', '{"a":1}'],
    ['fence without language', '```\n{"a":1}\n```\n', '{"a":1}'],
    ['leading prose', 'Here is the analysis you asked for:\n\n{"a":1}', '{"a":1}'],
    ['trailing prose', '{"a":1}\n\nLet me know if you need more.', '{"a":1}'],
    ['braces in prose', 'Using {curly} notation: {"a":"}"}', '{"a":"}"}'],
    ['think block', '<think>{"draft":true}</think>{"a":1}', '{"a":1}'],
    ['unclosed, streaming', '```json\n{"a":[1,', '{"a":[1,'],
    ['streaming after a fence opened', 'Sure:\n```json\n{"a', '{"a'],
    ['no JSON', 'I cannot help with that.', null],
    ['still thinking', '<think>{"a":1}', null],
  ])('%s', (_name, input, expected) => {
    expect(extractJsonText(input)).toBe(expected);
  });
});

describe('parseFinalAnalysis', () => {
  it('accepts the seed fixture as it is', () => {
    expect(parseFinalAnalysis(seedJson)).toEqual({ ok: true, analysis: seedAnalysis, droppedItems: 0 });
  });

  it('accepts it wrapped in a reasoning block, a code fence and prose', () => {
    const wrapped = `<think>\nThe article relays the NYT…\n</think>\nHere you go:\n\`\`\`json\n${seedJson}\n\`\`\`\nHope this helps!`;
    expect(parseFinalAnalysis(wrapped)).toEqual({ ok: true, analysis: seedAnalysis, droppedItems: 0 });
  });

  it('fills harmless gaps: missing lists, roles, cues and paragraph ids', () => {
    const answer = JSON.stringify({
      notes: [
        {
          claim: 'c',
          source: { name: 'X', type: 'person' },
          chain: [{ name: 'This page' }],
          kind: 'paraphrase',
          quote: 'q',
        },
      ],
    });
    const result = parseFinalAnalysis(answer);
    expect(result).toEqual({
      ok: true,
      droppedItems: 0,
      analysis: {
        summary: [],
        notes: [
          {
            claim: 'c',
            source: { name: 'X', role: null, type: 'person' },
            chain: [{ name: 'This page', cue: null }],
            kind: 'paraphrase',
            hedges: [],
            quote: 'q',
            paragraphId: null,
          },
        ],
        outsideKnowledge: [],
      },
    });
  });

  it("keeps the model's background knowledge apart, dropping an item without a topic", () => {
    expect(seedAnalysis.outsideKnowledge.map((item) => item.topic)).toContain('Christopher Smith');
    const answer = JSON.stringify({
      summary: [],
      notes: [minimalNote],
      outsideKnowledge: [
        { topic: 'The outlet', text: 'From general knowledge: a state-funded broadcaster.' },
        'A bare remark without a topic.',
        { topic: 3, text: 'A topic of the wrong type.' },
      ],
    });
    const result = parseFinalAnalysis(answer);
    expect(result).toMatchObject({ ok: true, droppedItems: 2 });
    expect(result.ok && result.analysis.outsideKnowledge).toEqual([
      { topic: 'The outlet', text: 'From general knowledge: a state-funded broadcaster.' },
    ]);
    expect(result.ok && result.analysis.notes).toEqual([minimalNote]);
  });

  it('maps spelling variants of enums and paragraph ids', () => {
    const answer = JSON.stringify({
      summary: [{ text: 't', paragraphIds: ['[p1]', 'P2'] }],
      notes: [
        {
          ...minimalNote,
          kind: 'Direct_Quote',
          source: { name: 'NYT', role: '', type: 'organization' },
          paragraphId: '[p3]',
        },
      ],
    });
    const result = parseFinalAnalysis(answer);
    expect(result.ok && result.analysis.summary[0]?.paragraphIds).toEqual(['p1', 'p2']);
    expect(result.ok && result.analysis.notes[0]).toMatchObject({
      kind: 'direct-quote',
      source: { role: null, type: 'organisation' },
      paragraphId: 'p3',
    });
  });

  it('unwraps an answer nested under one key', () => {
    const result = parseFinalAnalysis(JSON.stringify({ analysis: { summary: [], notes: [minimalNote] } }));
    expect(result.ok && result.analysis.notes).toHaveLength(1);
  });

  it('leaves out a note that does not fit and counts it', () => {
    const answer = JSON.stringify({
      summary: [],
      notes: [minimalNote, { ...minimalNote, kind: 'opinion' }, { claim: 'no quote' }],
    });
    const result = parseFinalAnalysis(answer);
    expect(result).toMatchObject({ ok: true, droppedItems: 2 });
    expect(result.ok && result.analysis.notes).toHaveLength(1);
  });

  it.each([
    ['empty', '', /empty/],
    ['only reasoning', '<think>hmm</think>', /empty/],
    ['prose only', 'Sorry, I cannot analyse this article.', /no JSON object.*Sorry/],
    ['broken JSON', '{"summary": [}', /does not parse/],
    ['nothing fits', JSON.stringify({ notes: [{ claim: 1 }] }), /no summary point or note fits.*claim/],
    ['neither field', JSON.stringify({ answer: 'x', other: 1 }), /neither a summary nor notes/],
  ])('fails with a reason: %s', (_name, input, reason) => {
    const result = parseFinalAnalysis(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.detail).toMatch(reason);
  });
});

describe('parsePartialAnalysis', () => {
  it('returns {} before any JSON and while thinking', () => {
    expect(parsePartialAnalysis('')).toEqual({});
    expect(parsePartialAnalysis('<think>{"summary":')).toEqual({});
    expect(parsePartialAnalysis('```json\n')).toEqual({});
  });

  it('shows half-written strings but not half-written enum values', () => {
    const partial = parsePartialAnalysis('{"summary":[{"text":"An alleg');
    expect(partial).toEqual({ summary: [{ text: 'An alleg' }] });
    const note = parsePartialAnalysis('{"notes":[{"claim":"c","kind":"direct-qu');
    expect(note).toEqual({ notes: [{ claim: 'c' }] });
  });

  it('never throws and never loses ground on any prefix of the seed answer (property)', () => {
    let previousNotes = 0;
    let previousSummary = 0;
    for (let length = 0; length <= seedJson.length; length += 13) {
      const partial = parsePartialAnalysis(seedJson.slice(0, length));
      const notes = partial.notes?.length ?? 0;
      const summary = partial.summary?.length ?? 0;
      expect(notes).toBeGreaterThanOrEqual(previousNotes);
      expect(summary).toBeGreaterThanOrEqual(previousSummary);
      for (const note of partial.notes ?? []) {
        if (note.kind !== undefined) expect(AnalysisSchema.shape.notes.element.shape.kind.options).toContain(note.kind);
      }
      previousNotes = notes;
      previousSummary = summary;
    }
    expect(parsePartialAnalysis(seedJson)).toEqual(seedAnalysis);
  });

  it('agrees with the final parser on every complete fenced answer (property)', () => {
    for (const wrap of [
      (json: string) => json,
      (json: string) => `\`\`\`json\n${json}\n\`\`\``,
      (json: string) => `Here:\n${json}\nDone.`,
    ]) {
      const text = wrap(seedJson);
      const final = parseFinalAnalysis(text);
      expect(final.ok && final.analysis).toEqual(parsePartialAnalysis(text));
    }
  });
});

describe('parsePartialAnswer', () => {
  const answer = JSON.stringify({
    summary: [{ text: 'A deal is reportedly close.', paragraphIds: ['p1'] }],
    translation: '[p1] A deal is \\"reportedly\\" close.\n\n[p2] The meeting was allegedly secret.',
    notes: [],
    outsideKnowledge: [],
  });
  const cut = (marker: string) => answer.slice(0, answer.indexOf(marker));

  it('gives the translation as it grows, always a prefix of the final one, and says when its string has closed', () => {
    const final = parseFinalTranslation(answer) ?? '';
    let previous = '';
    for (let end = 1; end <= answer.length; end++) {
      const { translation, translationComplete } = parsePartialAnswer(answer.slice(0, end));
      if (translation === null) continue;
      expect(final.startsWith(translation)).toBe(true);
      expect(translation.length).toBeGreaterThanOrEqual(previous.length);
      previous = translation;
      if (translationComplete) expect(translation).toBe(final);
    }
    expect(parsePartialAnswer(cut('[p2]')).translationComplete).toBe(false);
    expect(parsePartialAnswer(cut('"notes"')).translationComplete).toBe(false);
    expect(parsePartialAnswer(`${cut('"notes"')}"notes": [`)).toMatchObject({
      translation: final,
      translationComplete: true,
    });
  });

  it('has no translation for an analysis-only answer', () => {
    expect(parsePartialAnswer('{"summary": [{"text": "A deal"').translation).toBeNull();
    expect(parseFinalTranslation('{"summary": [], "notes": []}')).toBeNull();
  });
});
