import { describe, expect, it } from 'vitest';
import { parseSourceCheckAnswer } from '@/lib/sources/parse-source-check-answer';

const item = {
  claimId: 'c1',
  verdict: 'supported',
  difference: null,
  passage: 'It was the first meeting in five years.',
  passageTranslation: null,
  attributedTo: 'several participants in the meeting',
};

describe('parseSourceCheckAnswer', () => {
  it('reads a strict answer', () => {
    expect(parseSourceCheckAnswer(JSON.stringify({ checks: [item] }))).toEqual({
      ok: true,
      checks: [item],
      droppedItems: 0,
    });
  });

  it('reads an answer in a code fence after reasoning, with null fields left out', () => {
    const text = `<think>The source says so.</think>\n\`\`\`json\n{"checks": [{"claimId": "c2", "verdict": "not-found"}]}\n\`\`\``;
    expect(parseSourceCheckAnswer(text)).toEqual({
      ok: true,
      checks: [
        {
          claimId: 'c2',
          verdict: 'not-found',
          difference: null,
          passage: null,
          passageTranslation: null,
          attributedTo: null,
        },
      ],
      droppedItems: 0,
    });
  });

  it('drops an item with an unknown verdict and a repeated claim id, keeping the rest', () => {
    const checks = [item, { ...item, claimId: 'c2', verdict: 'probably' }, { ...item, verdict: 'contradicted' }];
    expect(parseSourceCheckAnswer(JSON.stringify({ checks }))).toEqual({ ok: true, checks: [item], droppedItems: 2 });
  });

  it('fails, saying why, on an empty answer, prose, broken JSON or no checks list', () => {
    expect(parseSourceCheckAnswer('')).toEqual({ ok: false, detail: 'the answer was empty' });
    expect(parseSourceCheckAnswer('I cannot open links.')).toEqual({
      ok: false,
      detail: 'no JSON object in the answer',
    });
    expect(parseSourceCheckAnswer('{"checks": [}')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('does not parse'),
    });
    expect(parseSourceCheckAnswer('{"verdicts": []}')).toEqual({ ok: false, detail: 'the JSON has no "checks" list' });
  });
});
