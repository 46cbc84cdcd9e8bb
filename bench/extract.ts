/**
 * npm run bench:extract — the extractor against the saved-page corpus (tests/fixtures/pages),
 * side by side with plain Readability and with Defuddle on the same pages in the same run.
 *
 * Per page and in total: sentence recall (`must_contain` found, else the expected first and last
 * paragraphs), boilerplate leaks (`must_not_contain` found), language accuracy, truncation
 * detection (only Sourcelens reports one: the peers count as "whole" for every page) and the time
 * per page (median of several runs, the three taking turns, each after a garbage collection, in
 * Node with happy-dom: a browser is faster for all three), and Sourcelens's time as a multiple of
 * Readability's.
 * Options: --runs N (default 5), --markdown (a README table).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { z } from 'zod';
import { extractFromPage } from '@/lib/article/extract-page';
import { primaryLanguageTag } from '@/lib/article/language';
import { listPageFrames } from '@/lib/article/page-frames';
import { readSavedPage } from '@/tests/support/saved-page';
import { loadTestDocument } from '@/tests/support/test-document';

const PAGES = join(import.meta.dirname, '../tests/fixtures/pages');

const FixtureSchema = z.object({
  pageUrl: z.string(),
  request: z.object({ source: z.string() }),
  expected: z.union([
    z.object({
      ok: z.literal(true),
      language: z.string(),
      firstParagraph: z.string(),
      lastParagraph: z.string(),
      must_contain: z.array(z.string()).optional(),
      must_not_contain: z.array(z.string()).optional(),
      absentText: z.array(z.string()).optional(),
      truncated: z.union([z.literal(false), z.object({ paragraphCount: z.number() })]).optional(),
    }),
    z.object({ ok: z.literal(false) }),
  ]),
});

interface Outcome {
  text: string;
  language: string | null;
  truncated: boolean;
}

interface Score {
  found: number;
  wanted: number;
  leaks: number;
  languageRight: boolean;
  truncationRight: boolean;
  milliseconds: number;
}

type Extractor = (html: string, url: string) => Outcome;

/** `global.gc` when Node runs with --expose-gc, else nothing. */
const collectGarbage: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim();

const extractors: Record<string, Extractor> = {
  Sourcelens: (html, url) => {
    const document = loadTestDocument(html, url);
    const result = extractFromPage(document, listPageFrames(document), { source: 'article' });
    if (!result.ok) return { text: '', language: null, truncated: false };
    return {
      text: result.article.paragraphs.map((paragraph) => paragraph.text).join('\n'),
      language: result.article.language,
      truncated: result.article.truncation !== undefined,
    };
  },
  Readability: (html, url) => {
    const document = loadTestDocument(html, url);
    const parsed = new Readability(document.cloneNode(true) as Document).parse();
    return { text: parsed?.textContent ?? '', language: parsed?.lang ?? null, truncated: false };
  },
  Defuddle: (html, url) => {
    const document = loadTestDocument(html, url);
    const parsed = new Defuddle(document, { url }).parse();
    const holder = document.createElement('div');
    // Defuddle's own cleaned HTML, read back as text in the test document (never shown anywhere).
    holder.innerHTML = parsed.content;
    return { text: holder.textContent ?? '', language: parsed.language || null, truncated: false };
  },
};

/**
 * Runs every extractor on the page in turns (one run each, `runs` times over), so that a change
 * in the machine's load while a page is measured weighs on all of them alike, then scores each.
 */
function scorePage(names: string[], html: string, url: string, expected: Expected, runs: number): Map<string, Score> {
  const times = new Map<string, number[]>(names.map((name) => [name, []]));
  const outcomes = new Map<string, Outcome>();
  for (let run = 0; run < runs; run++) {
    // Each run starts with another extractor, and each extraction after a garbage collection (with
    // node --expose-gc, as npm run bench:extract runs it): no extractor pays for another's garbage.
    const order = [...names.slice(run % names.length), ...names.slice(0, run % names.length)];
    for (const name of order) {
      const extract = extractors[name];
      if (!extract) continue;
      collectGarbage();
      const start = performance.now();
      outcomes.set(name, extract(html, url));
      times.get(name)?.push(performance.now() - start);
    }
  }
  const scores = new Map<string, Score>();
  for (const name of names) {
    const outcome = outcomes.get(name) ?? { text: '', language: null, truncated: false };
    const sorted = (times.get(name) ?? []).sort((a, b) => a - b);
    const text = normalise(outcome.text);
    const wanted = expected.must_contain ?? [expected.firstParagraph, expected.lastParagraph];
    const unwanted = [...(expected.must_not_contain ?? []), ...(expected.absentText ?? [])];
    scores.set(name, {
      found: wanted.filter((sentence) => text.includes(normalise(sentence))).length,
      wanted: wanted.length,
      leaks: unwanted.filter((boilerplate) => text.includes(normalise(boilerplate))).length,
      languageRight: primaryLanguageTag(outcome.language) === expected.language,
      truncationRight: outcome.truncated === Boolean(expected.truncated),
      milliseconds: sorted[Math.floor(sorted.length / 2)] ?? 0,
    });
  }
  return scores;
}

type Expected = Extract<z.infer<typeof FixtureSchema>['expected'], { ok: true }>;

function main(): void {
  const runsIndex = process.argv.indexOf('--runs');
  const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) || 5 : 5;
  const markdown = process.argv.includes('--markdown');
  const names = Object.keys(extractors);
  const totals = new Map(
    names.map((name) => [name, { found: 0, wanted: 0, leaks: 0, languages: 0, truncations: 0, ms: 0 }]),
  );
  const rows: string[][] = [];
  let pages = 0;
  for (const slug of readdirSync(PAGES).sort()) {
    const fixture = FixtureSchema.parse(JSON.parse(readFileSync(join(PAGES, slug, 'expected.json'), 'utf8')));
    if (!fixture.expected.ok || fixture.request.source !== 'article') continue;
    const html = readSavedPage(slug);
    pages += 1;
    const row = [slug];
    const scores = scorePage(names, html, fixture.pageUrl, fixture.expected, runs);
    for (const name of names) {
      const result = scores.get(name);
      if (!result) continue;
      const total = totals.get(name);
      if (total) {
        total.found += result.found;
        total.wanted += result.wanted;
        total.leaks += result.leaks;
        total.languages += result.languageRight ? 1 : 0;
        total.truncations += result.truncationRight ? 1 : 0;
        total.ms += result.milliseconds;
      }
      row.push(
        `${result.found}/${result.wanted}`,
        String(result.leaks),
        result.languageRight ? '✓' : '✗',
        result.truncationRight ? '✓' : '✗',
        result.milliseconds.toFixed(1),
      );
    }
    rows.push(row);
  }
  const totalRow = ['**total**'];
  for (const name of names) {
    const total = totals.get(name);
    if (!total) continue;
    totalRow.push(
      `${((100 * total.found) / Math.max(1, total.wanted)).toFixed(1)}%`,
      String(total.leaks),
      `${((100 * total.languages) / Math.max(1, pages)).toFixed(0)}%`,
      `${((100 * total.truncations) / Math.max(1, pages)).toFixed(0)}%`,
      (total.ms / Math.max(1, pages)).toFixed(1),
    );
  }
  rows.push(totalRow);
  const header = ['page', ...names.flatMap((name) => [`${name} recall`, 'leaks', 'lang', 'paywall', 'ms'])];
  if (markdown) {
    console.log(`| ${header.join(' | ')} |`);
    console.log(`| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`);
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  } else {
    const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => (row[index] ?? '').length)));
    const line = (cells: string[]) => cells.map((cell, index) => cell.padStart(widths[index] ?? 0)).join('  ');
    console.log(line(header));
    for (const row of rows) console.log(line(row));
  }
  const ours = totals.get('Sourcelens')?.ms ?? 0;
  const readability = totals.get('Readability')?.ms ?? 0;
  const ratio = readability > 0 ? ` Sourcelens takes ${(ours / readability).toFixed(2)}× Readability's time.` : '';
  console.log(`\n${pages} pages, median of ${runs} runs each; ms per page in Node with happy-dom.${ratio}`);
}

main();
