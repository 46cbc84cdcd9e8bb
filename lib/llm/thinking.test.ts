import { describe, expect, it } from 'vitest';
import { createThinkingFilter, stripThinking } from '@/lib/llm/thinking';

describe('stripThinking', () => {
  it.each([
    ['<think>hmm</think>\n\n{"a":1}', '{"a":1}'],
    ['<thinking>\nlong\nreasoning\n</thinking>Answer', 'Answer'],
    // Only a block at the start is reasoning: a later tag is part of the answer.
    ['Answer <think>trailing', 'Answer <think>trailing'],
    ['[THINK]Plan the translation.[/THINK]\n[p1] Allegedly.', '[p1] Allegedly.'],
    ['<reasoning>x</reasoning>{"a":1}', '{"a":1}'],
    ['<think>still thinking', ''],
    ['reasoning opened by the template</think>\nAnswer', 'Answer'],
    ['No reasoning at all', 'No reasoning at all'],
  ])('%j → %j', (input, expected) => {
    expect(stripThinking(input)).toBe(expected);
  });
});

describe('createThinkingFilter', () => {
  function run(deltas: string[]): string {
    const filter = createThinkingFilter();
    return deltas.map((delta) => filter.push(delta)).join('') + filter.flush();
  }

  it('passes an answer without reasoning through unchanged, delta by delta', () => {
    const filter = createThinkingFilter();
    expect(filter.push('Hello')).toBe('Hello');
    expect(filter.push(' world')).toBe(' world');
    expect(filter.flush()).toBe('');
  });

  it('drops a reasoning block at the start, even with its tags split across deltas', () => {
    expect(run(['<th', 'ink>I sh', 'ould transl', 'ate</thi', 'nk>\n\n', 'An allegedly', ' big deal'])).toBe(
      'An allegedly big deal',
    );
  });

  it('leaves "<think>" alone when it is not at the start', () => {
    expect(run(['The tag ', '<think>', ' is HTML-like.'])).toBe('The tag <think> is HTML-like.');
  });

  it('gives back text held while deciding if the stream ends', () => {
    expect(run(['  <thi'])).toBe('  <thi');
  });

  it('yields nothing for an answer that never left its reasoning block', () => {
    expect(run(['<think>', 'forever'])).toBe('');
  });

  it('matches the one-shot stripper for every split of a reasoning answer', () => {
    const answer = '<think>plan: keep hedges</think>\nSmith reportedly met Lukashenko.';
    for (let split = 0; split <= answer.length; split++) {
      expect(run([answer.slice(0, split), answer.slice(split)])).toBe(stripThinking(answer));
    }
  });
});
