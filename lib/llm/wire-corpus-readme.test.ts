import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWireCorpus } from '@/tests/support/wire-transcript';

describe('the wire corpus', () => {
  it('lists every transcript, with what the reader sees, in tests/README.md', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'tests', 'README.md'), 'utf8');
    const missing = loadWireCorpus()
      .map((transcript) => transcript.name)
      .filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('says where each behaviour comes from', () => {
    for (const transcript of loadWireCorpus()) expect(transcript.source.length, transcript.name).toBeGreaterThan(20);
  });
});
