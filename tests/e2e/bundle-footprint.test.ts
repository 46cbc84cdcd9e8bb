import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '@/tests/support/browser/extension';

/**
 * What the built extension (npm run test:e2e builds it first) loads where. The `openai` SDK is
 * about 80 kB gzip: only the background, which makes every LLM call, may carry it. Strings that
 * only the SDK's own code contains tell whether a file does.
 */
const SDK_MARKERS = [/x-stainless-/i, /dangerouslyAllowBrowser/];
const PAGES = ['sidepanel.html', 'popup.html', 'options.html'];

function read(file: string): string {
  return readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
}

/** A page's scripts: those its HTML loads or preloads, and every chunk they import, transitively. */
function scriptsOf(page: string): string[] {
  const html = read(page);
  const pending = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].flatMap((match) => match[1] ?? []);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop();
    if (!file || seen.has(file)) continue;
    seen.add(file);
    const code = read(file);
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["']\.{1,2}\/([^"']+\.js)["']/g)) {
      if (match[1]) pending.push(path.posix.join(path.posix.dirname(file), match[1]));
    }
  }
  return [...seen];
}

const containsSdk = (file: string) => SDK_MARKERS.some((marker) => marker.test(read(file)));

describe('the built extension’s footprint', () => {
  it('carries the openai SDK in the background, where the requests are made', () => {
    expect(containsSdk('background.js')).toBe(true);
  });

  it.each(PAGES)('%s loads no part of the openai SDK', (page) => {
    const scripts = scriptsOf(page);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter(containsSdk)).toEqual([]);
  });

  it('injects an extraction script without the SDK either', () => {
    expect(containsSdk('extract.js')).toBe(false);
  });
});
