import { Marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisSchema } from '@/lib/attribution/analysis';
import { createJob, type JobState } from '@/lib/job/job';
import { createClient } from '@/lib/llm/client';
import { buildEvidenceReport } from '@/lib/report/build-evidence-report';
import { EVIDENCE_REPORT_VERSION, EvidenceReportSchema } from '@/lib/report/evidence-report-schema';
import { reportToMarkdown } from '@/lib/report/report-to-markdown';
import { checkSource } from '@/lib/sources/check-source';
import { followableSources } from '@/lib/sources/follow-sources';
import type { SourceCheckResult } from '@/lib/sources/source-check-result';
import { type OpenAITestServer, startOpenAITestServer } from '@/tests/support/openai-test-server';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { sourceCheckResponder } from '@/tests/support/source-check-scenario';
import { sourcePageArticle } from '@/tests/support/source-page';

const analysis = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis));
const NYT = 'https://www.nytimes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html';

function seedJob(): JobState {
  return {
    ...createJob({
      id: 'job-1',
      tabId: 3,
      model: 'gpt-4o-mini',
      host: 'api.openai.com',
      targetLanguage: 'English',
      now: 0,
    }),
    status: 'done',
    article: { ...seedArticle(), links: [{ text: 'New York Times (NYT)', url: NYT, paragraphId: 'p1' }] },
    analysis,
    analysisStatus: 'done',
    analysisMode: 'json_schema',
    translation: seedFixtures().translation,
    translationStatus: 'done',
  };
}

let server: OpenAITestServer;
let check: SourceCheckResult;

beforeAll(async () => {
  server = await startOpenAITestServer({ apiKey: 'sk-test', respond: sourceCheckResponder() });
  const job = seedJob();
  const { checkableSources } = await import('@/lib/sources/checkable-sources');
  const [source] = checkableSources(job.article ?? seedArticle(), analysis.notes);
  if (!source) throw new Error('no checkable source in the seed');
  check = await checkSource({
    client: createClient({ baseUrl: server.url, apiKey: 'sk-test', maxRetries: 0 }),
    model: 'gpt-4o-mini',
    source,
    page: sourcePageArticle(),
    articleLanguage: 'de',
    targetLanguage: 'English',
    limits: { contextTokens: 128_000, maxOutputTokens: 16_384 },
    retrievedAt: '2026-11-29T12:00:00.000Z',
  });
});

afterAll(async () => {
  await server.close();
});

describe('the evidence report with source checks', () => {
  it('keeps each check: URL, time of retrieval, SHA-256, verdicts and passages with offsets, not the source’s text', async () => {
    const report = await buildEvidenceReport(seedJob(), {
      retrievedAt: '2026-11-29T12:01:00.000Z',
      sourceChecks: [check],
    });
    const parsed = EvidenceReportSchema.parse(JSON.parse(JSON.stringify(report)));
    expect(parsed.version).toBe(EVIDENCE_REPORT_VERSION);
    const [saved] = parsed.sourceChecks ?? [];
    expect(saved).toMatchObject({
      url: NYT,
      retrievedAt: '2026-11-29T12:00:00.000Z',
      sourceSha256: check.sourceSha256,
      tally: expect.stringMatching(/^4 of 5 claims attributed to The New York Times found in its article; 1 partly: /),
    });
    expect(saved?.claims.map((claim) => claim.verdict)).toEqual([
      'supported',
      'supported',
      'not-found',
      'supported',
      'partly-supported',
    ]);
    expect(saved?.claims[4]?.passage).toMatchObject({
      paragraphId: 'p4',
      start: expect.any(Number),
      end: expect.any(Number),
    });
    expect(saved).not.toHaveProperty('paragraphs');
    expect(JSON.stringify(parsed)).not.toContain('sk-test');
  });

  it('leaves the section out when nothing was checked', async () => {
    const report = await buildEvidenceReport(seedJob(), { retrievedAt: '2026-11-29T12:01:00.000Z' });
    expect(report).not.toHaveProperty('sourceChecks');
    expect(reportToMarkdown(report)).not.toContain('## Source checks');
  });

  it('still reads a version 1 report, which has no source checks', async () => {
    const report = await buildEvidenceReport(seedJob(), { retrievedAt: '2026-11-29T12:01:00.000Z' });
    expect(EvidenceReportSchema.parse({ ...report, version: 1 }).version).toBe(1);
    expect(() => EvidenceReportSchema.parse({ ...report, version: 3 })).toThrow();
  });

  it('renders the checks in Markdown: tally, verdicts, the article’s words, the source’s passage and its link', async () => {
    const report = await buildEvidenceReport(seedJob(), {
      retrievedAt: '2026-11-29T12:01:00.000Z',
      sourceChecks: [check],
    });
    const markdown = reportToMarkdown(report);
    const section = markdown.slice(markdown.indexOf('## Source checks'), markdown.indexOf('## Hedge preservation'));
    expect(section).toContain('### The New York Times (nytimes.com)');
    expect(section).toContain(`- **Source SHA-256:** \`${check.sourceSha256}\``);
    expect(section).toContain('**4 of 5 claims attributed to The New York Times found in its article; 1 partly:');
    expect(section).toContain(
      '∅ not found in the source** · Smith’s meeting with Lukashenko reportedly took place in secret.',
    );
    expect(section).toContain('> Smiths Treffen mit Lukaschenko sei heimlich erfolgt.');
    expect(section).toMatch(
      /In the source \(p4, characters \d+–\d+\), \[open at the passage\]\(https:\/\/www\.nytimes\.com\/.*#:~:text=/,
    );
    const html = await new Marked().parse(section);
    expect(html).toContain(
      '<a href="https://www.nytimes.com/2025/02/14/world/europe/belarus-lukashenko-us-deal.html#:~:text=',
    );
    expect(html).toContain('<h3>The New York Times (nytimes.com)</h3>');
  });

  it('says where a follow-up check came from, and whom each source attributes its passage to', async () => {
    const [next] = followableSources(check);
    if (!next) throw new Error('the NYT check should lead to its readout');
    const followUp = await checkSource({
      client: createClient({ baseUrl: server.url, apiKey: 'sk-test', maxRetries: 0 }),
      model: 'gpt-4o-mini',
      source: next,
      page: sourcePageArticle('source-state-belarus-readout-en'),
      articleLanguage: check.language,
      targetLanguage: 'English',
      limits: { contextTokens: 128_000, maxOutputTokens: 16_384 },
      retrievedAt: '2026-11-29T12:02:00.000Z',
      parentUrl: check.url,
    });
    const report = await buildEvidenceReport(seedJob(), {
      retrievedAt: '2026-11-29T12:03:00.000Z',
      sourceChecks: [check, followUp],
    });
    const parsed = EvidenceReportSchema.parse(JSON.parse(JSON.stringify(report)));
    expect(parsed.sourceChecks?.map((saved) => [saved.url, saved.parentUrl])).toEqual([
      [NYT, null],
      [next.url, NYT],
    ]);
    expect(parsed.sourceChecks?.[0]?.claims[3]?.attributedTo).toBe('a State Department readout');
    expect(parsed.sourceChecks?.[1]).not.toHaveProperty('links');
    const markdown = reportToMarkdown(report);
    expect(markdown).toContain('   - The source attributes it to: a State Department readout');
    expect(markdown).toContain(`- **Followed from:** ${NYT}`);
    const followUpBlock = markdown.slice(markdown.indexOf('### a State Department readout'));
    expect(followUpBlock).toContain('   - In the source it was followed from:\n\n     > Speaking at the U.S. Embassy');
    expect(followUpBlock).not.toContain('In the article:');
    expect(markdown).toContain('**1 of 1 claim attributed to a State Department readout found in its article**');
  });

  it('still reads a version 2 report written before follow-ups and attributions were kept', async () => {
    const report = await buildEvidenceReport(seedJob(), {
      retrievedAt: '2026-11-29T12:01:00.000Z',
      sourceChecks: [check],
    });
    const older = JSON.parse(JSON.stringify(report), (key, value) =>
      key === 'parentUrl' || key === 'attributedTo' ? undefined : value,
    );
    expect(JSON.stringify(older)).not.toContain('attributedTo');
    const parsed = EvidenceReportSchema.parse(older);
    expect(parsed.sourceChecks?.[0]?.claims).toHaveLength(5);
    expect(reportToMarkdown(parsed)).not.toContain('Followed from');
  });
});
