/**
 * npm run bench:extract — the extractor against the saved-page corpus (tests/fixtures/pages),
 * side by side with plain Readability and with Defuddle on the same pages in the same run.
 *
 * Per page and in total: sentence recall (`must_contain` found, else the expected first and last
 * paragraphs), boilerplate leaks (`must_not_contain` found), language accuracy, truncation
 * detection (only Sourcelens reports one: the peers count as "whole" for every page) and the time
 * per page (median of several runs, in Node with happy-dom: a browser is faster for all three).
 * Options: --runs N (default 5), --markdown (a README table).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { z } from 'zod';
import { extractFromPage } from '../lib/article/extract-page';
import { primaryLanguageTag } from '../lib/article/language';
import { listPageFrames } from '../lib/article/page-frames';
import { readSavedPage } from '../tests/support/saved-page';
import { loadTestDocument } from '../tests/support/test-document';

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

function score(extract: Extractor, html: string, url: string, expected: Expected, runs: number): Score {
  const times: number[] = [];
  let outcome: Outcome = { text: '', language: null, truncated: false };
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    outcome = extract(html, url);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const text = normalise(outcome.text);
  const wanted = expected.must_contain ?? [expected.firstParagraph, expected.lastParagraph];
  const unwanted = [...(expected.must_not_contain ?? []), ...(expected.absentText ?? [])];
  return {
    found: wanted.filter((sentence) => text.includes(normalise(sentence))).length,
    wanted: wanted.length,
    leaks: unwanted.filter((boilerplate) => text.includes(normalise(boilerplate))).length,
    languageRight: primaryLanguageTag(outcome.language) === expected.language,
    truncationRight: outcome.truncated === Boolean(expected.truncated),
    milliseconds: times[Math.floor(times.length / 2)] ?? 0,
  };
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
    for (const name of names) {
      const extractor = extractors[name];
      if (!extractor) continue;
      const result = score(extractor, html, fixture.pageUrl, fixture.expected, runs);
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
  console.log(`\n${pages} pages, median of ${runs} runs each; ms per page in Node with happy-dom.`);
}

main();
