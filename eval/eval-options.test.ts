import { describe, expect, it } from 'vitest';
import { parseEvalCommand } from '@/eval/eval-options';

const OPENAI = ['--base-url', 'https://api.openai.com/v1', '--model', 'gpt-4o-mini'];

describe('parseEvalCommand', () => {
  it('reads the endpoint and model from flags and the key from the environment only', () => {
    expect(parseEvalCommand(OPENAI, { SOURCELENS_EVAL_API_KEY: ' sk-abc ' })).toEqual({
      kind: 'run',
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      apiKey: 'sk-abc',
      only: [],
      contextTokens: null,
      maxOutputTokens: null,
      parallelRequests: 4,
      price: null,
      outDir: null,
    });
  });

  it('says what is missing, and how to give it', () => {
    expect(() => parseEvalCommand([], {})).toThrow(/No endpoint given: add --base-url/);
    expect(() => parseEvalCommand(['--base-url', 'api.openai.com'], {})).toThrow(/is not an http\(s\) URL/);
    expect(() => parseEvalCommand(['--base-url', 'https://api.openai.com/v1'], {})).toThrow(
      /No model given: add --model.*GET https:\/\/api\.openai\.com\/v1\/models/,
    );
    expect(() => parseEvalCommand(OPENAI, {})).toThrow(/No API key for api\.openai\.com: set SOURCELENS_EVAL_API_KEY/);
    expect(() => parseEvalCommand([...OPENAI, '--price-in', '0.15'], { SOURCELENS_EVAL_API_KEY: 'k' })).toThrow(
      /both --price-in and --price-out/,
    );
    expect(() => parseEvalCommand([...OPENAI, '--context', 'lots'], { SOURCELENS_EVAL_API_KEY: 'k' })).toThrow(
      /--context must be a number/,
    );
    expect(() => parseEvalCommand(['--bogus'], {})).toThrow(/Unknown option '--bogus'/);
  });

  it('needs no key for a server on this machine, and takes the endpoint from the environment', () => {
    const command = parseEvalCommand(['--only', 'seed-de, ja-taifu', '--price-in', '0', '--price-out', '0'], {
      SOURCELENS_EVAL_BASE_URL: 'http://127.0.0.1:11434/v1',
      SOURCELENS_EVAL_MODEL: 'llama3.1',
    });
    expect(command).toMatchObject({
      kind: 'run',
      apiKey: '',
      model: 'llama3.1',
      only: ['seed-de', 'ja-taifu'],
      price: { inputPerMillion: 0, outputPerMillion: 0 },
    });
  });

  it('reads --compare with its two files', () => {
    expect(parseEvalCommand(['--compare', 'a.json', 'b.json'], {})).toEqual({
      kind: 'compare',
      files: ['a.json', 'b.json'],
    });
    expect(() => parseEvalCommand(['--compare', 'a.json'], {})).toThrow(/--compare takes two result files/);
    expect(parseEvalCommand(['--help'], {})).toEqual({ kind: 'help' });
  });
});
