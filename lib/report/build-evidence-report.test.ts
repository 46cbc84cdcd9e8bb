import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { seedArticle } from '@/tests/support/seed-article';
import { seedFixtures } from '@/tests/support/seed-fixtures';
import { AnalysisSchema } from '@/lib/attribution/analysis';
import { contentHash } from '@/lib/job/content-hash';
import { createJob, type JobState } from '@/lib/job/job';
import { PROMPT_VERSION } from '@/lib/llm/prompts';
import { buildEvidenceReport } from '@/lib/report/build-evidence-report';
import { EvidenceReportSchema } from '@/lib/report/evidence-report-schema';
import { reportFileName } from '@/lib/report/report-file-name';
import { reportToMarkdown } from '@/lib/report/report-to-markdown';

const API_KEY = 'sk-proj-TEST0123456789abcdefSECRET';
const RETRIEVED_AT = '2025-02-15T10:00:00.000Z';
const article = seedArticle();
const analysis = AnalysisSchema.parse(JSON.parse(seedFixtures().analysis));

/** The finished seed job, as the background would hold it. */
function seedJob(overrides: Partial<JobState> = {}): JobState {
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
    finishedAt: 21_000,
    article,
    analysis,
    analysisStatus: 'done',
    analysisMode: 'json_schema',
    translation: seedFixtures().translation,
    translationStatus: 'done',
    usage: {
      analysis: { promptTokens: 2140, completionTokens: 1380, totalTokens: 3520 },
      translation: { promptTokens: 1210, completionTokens: 980, totalTokens: 2190 },
    },
    ...overrides,
  };
}

describe('buildEvidenceReport', () => {
  it('gives a report that survives JSON and validates against the schema', async () => {
    const report = await buildEvidenceReport(seedJob(), { retrievedAt: RETRIEVED_AT });
    const parsed = EvidenceReportSchema.parse(JSON.parse(JSON.stringify(report)));
    expect(parsed).toEqual(report);
    expect(parsed.retrievedAt).toBe(RETRIEVED_AT);
    expect(parsed.source.contentSha256).toBe(await contentHash(article));
    expect(parsed.outlet).toEqual({
      siteName: article.siteName,
      domain: 'de.example.org',
      byline: article.byline,
      publishedTime: article.publishedTime,
      language: 'de',
    });
    expect(parsed.generator).toMatchObject({
      model: 'gpt-4o-mini',
      endpointHost: 'api.openai.com',
      promptVersion: PROMPT_VERSION,
    });
    expect(parsed.usage.analysis?.totalTokens).toBe(3520);
  });

  it('has the paragraphs, the aligned translation, the summary with its citations and the background apart', async () => {
    const report = await buildEvidenceReport(seedJob(), { retrievedAt: RETRIEVED_AT });
    expect(report.paragraphs.map((paragraph) => paragraph.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect(report.translation.paragraphs.map((pair) => pair.paragraphId)).toEqual(report.paragraphs.map((p) => p.id));
    expect(report.translation.paragraphs[0]?.markdown).toMatch(/^An allegedly significant agreement/);
    expect(report.translation.markdown).not.toMatch(/\[p\d+\]/);
    expect(report.summary.points[0]?.paragraphIds).toEqual(['p1']);
    expect(report.outsideKnowledge).toEqual(analysis.outsideKnowledge);
    expect(report.hedgePreservation).toHaveLength(7);
    expect(report.hedgePreservation.every((check) => check.status === 'kept')).toBe(true);
  });

  it("gives every note its verification: status and the quote's offsets in its paragraph", async () => {
    const report = await buildEvidenceReport(seedJob(), { retrievedAt: RETRIEVED_AT });
    expect(report.notes).toHaveLength(analysis.notes.length);
    for (const note of report.notes) {
      const { status, paragraphId, start, end } = note.verification;
      expect(status, note.quote).toBe('verified');
      const paragraph = report.paragraphs.find((candidate) => candidate.id === paragraphId);
      expect(paragraph?.text.slice(start ?? 0, end ?? 0)).toBe(note.quote);
    }
  });

  it('marks a quote that is not in the article as not found', async () => {
    const notes = [{ ...analysis.notes[0], quote: 'Dieser Satz steht nirgends im Artikel, er ist frei erfunden.' }];
    const report = await buildEvidenceReport(seedJob({ analysis: { ...analysis, notes } }), {
      retrievedAt: RETRIEVED_AT,
    });
    expect(report.notes[0]?.verification).toEqual({
      status: 'not-found',
      paragraphId: null,
      start: null,
      end: null,
      closest: null,
    });
    expect(reportToMarkdown(report)).toContain('✗ not found');
  });

  it('says, in JSON and Markdown, when a paywall kept the rest of the article off the page', async () => {
    const truncation = { reason: 'paywall', evidence: 'declared', paragraphCount: 4 } as const;
    const report = await buildEvidenceReport(seedJob({ article: { ...article, truncation } }), {
      retrievedAt: RETRIEVED_AT,
    });
    expect(report.source.truncation).toEqual(truncation);
    const markdown = reportToMarkdown(report);
    expect(markdown).toContain(
      '**Paywall:** Only the part shown on the page was analysed (4 paragraphs): the rest is behind a paywall',
    );
    expect(markdown).toContain('_This summary covers only the 4 paragraphs shown before the paywall');
    const whole = await buildEvidenceReport(seedJob(), { retrievedAt: RETRIEVED_AT });
    expect(whole.source.truncation).toBeUndefined();
    expect(reportToMarkdown(whole)).not.toContain('Paywall');
  });

  it('never contains the API key, wherever the job carries one', async () => {
    const job = {
      ...seedJob({ host: `reader:${API_KEY}@api.openai.com` }),
      apiKey: API_KEY,
      settings: { provider: 'openai', apiKey: API_KEY, baseUrl: `https://api.openai.com/v1?key=${API_KEY}` },
    };
    const report = await buildEvidenceReport(job, { retrievedAt: RETRIEVED_AT });
    expect(report.generator.endpointHost).toBe('api.openai.com');
    expect(JSON.stringify(report)).not.toContain(API_KEY);
    expect(reportToMarkdown(report)).not.toContain(API_KEY);
    expect(JSON.stringify(report)).not.toMatch(/sk-proj/);
  });

  it('leaves out what is still streaming, and checks hedges only in a finished translation', async () => {
    const job = seedJob({
      status: 'running',
      analysisStatus: 'streaming',
      analysis: { summary: analysis.summary, notes: [analysis.notes[0] ?? {}, { claim: 'Half a note' }] },
      translation: seedFixtures().translation.slice(0, 300),
      translationStatus: 'streaming',
    });
    const report = await buildEvidenceReport(job, { retrievedAt: RETRIEVED_AT });
    expect(report.notes).toHaveLength(1);
    expect(report.outsideKnowledge).toEqual([]);
    expect(report.hedgePreservation).toEqual([]);
    expect(report.translation.status).toBe('streaming');
  });

  it('refuses a job without an article', async () => {
    await expect(buildEvidenceReport(seedJob({ article: null }), { retrievedAt: RETRIEVED_AT })).rejects.toThrow(
      /no article/,
    );
  });
});

describe('reportToMarkdown', () => {
  it('has the key parts: source, hash, summary, notes with marks and quotes, background, hedges, translation', async () => {
    const report = await buildEvidenceReport(seedJob(), { retrievedAt: RETRIEVED_AT });
    const markdown = reportToMarkdown(report);
    expect(markdown).toMatch(/^# Evidence report: Medien: Abkommen zwischen Washington und Minsk/);
    expect(markdown).toContain(`- **URL:** ${article.url}`);
    expect(markdown).toContain(report.source.contentSha256);
    expect(markdown).toContain(`- **Retrieved:** ${RETRIEVED_AT}`);
    expect(markdown).toContain('## Summary');
    expect(markdown).toMatch(/^1\. \*\*✓ verified\*\* · An allegedly significant agreement/m);
    expect(markdown).toContain(
      '> Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor.',
    );
    expect(markdown).toContain('(p1, characters 0–');
    expect(markdown).toContain('Chain: This page → The New York Times (“laut der New York Times (NYT)”)');
    expect(markdown).toContain("## Not from the article — the model's background knowledge");
    expect(markdown).toContain('- **Christopher Smith:** From general knowledge');
    expect(markdown).toContain('✓ All 7 translated paragraphs keep the hedges');
    expect(markdown).toContain('**[p7]** In the presidential election in Belarus in January 2025');
    expect(markdown).toContain('gpt-4o-mini at api.openai.com');
    // Background knowledge is never listed among the notes.
    const sources = markdown.slice(markdown.indexOf('## Sources'), markdown.indexOf('## Not from the article'));
    expect(sources).not.toContain('general knowledge');
  });

  it('carries no live HTML or remote image from page or model text, in any Markdown viewer', async () => {
    const hostile =
      '<img src="https://tracker.example/p.gif" onerror="alert(1)"> ![pixel](https://tracker.example/i.png) ![ref][t] <script>alert(2)</script> <https://evil.example/>';
    const hostileArticle = {
      ...article,
      title: `Title ${hostile}`,
      byline: hostile,
      paragraphs: article.paragraphs.map((paragraph, index) =>
        index === 0 ? { ...paragraph, text: `${paragraph.text} ${hostile}` } : paragraph,
      ),
    };
    const hostileAnalysis = {
      ...analysis,
      summary: [{ text: `Summary ${hostile}`, paragraphIds: ['p1'] }],
      notes: analysis.notes.map((note, index) => (index === 0 ? { ...note, claim: hostile, quote: hostile } : note)),
      outsideKnowledge: [{ topic: hostile, text: hostile }],
    };
    const job = seedJob({
      article: hostileArticle,
      analysis: hostileAnalysis,
      translation: `[p1] ${hostile}\n\n[t]: https://tracker.example/ref.png`,
    });
    const markdown = reportToMarkdown(await buildEvidenceReport(job, { retrievedAt: RETRIEVED_AT }));
    const html = new Marked({ gfm: true }).parse(markdown, { async: false });
    expect(html).not.toMatch(/<(img|script|iframe)\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\ssrc=/i);
    // The text itself is still there for the reader, as text.
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(markdown).toContain('Title \\<img src=');
  });

  it('lists a paragraph that lost a hedge', async () => {
    const translation = seedFixtures().translation.replace('An allegedly significant', 'A significant');
    const report = await buildEvidenceReport(seedJob({ translation }), { retrievedAt: RETRIEVED_AT });
    expect(reportToMarkdown(report)).toMatch(/- ⚠ \*\*p1\*\* \(lost\): Doubt in the original \(mutmaßlich, offenbar\)/);
  });
});

describe('reportFileName', () => {
  it('is made of the title and the date of retrieval', () => {
    expect(reportFileName('Medien: Abkommen zwischen Washington und Minsk', RETRIEVED_AT, 'json')).toBe(
      'sourcelens-medien-abkommen-zwischen-washington-und-minsk-2025-02-15.json',
    );
    expect(reportFileName('Größter „Deal“ seit Jahren?', RETRIEVED_AT, 'md')).toBe(
      'sourcelens-großter-deal-seit-jahren-2025-02-15.md',
    );
    expect(reportFileName('Лукашенко и США', RETRIEVED_AT, 'md')).toBe('sourcelens-лукашенко-и-сша-2025-02-15.md');
    expect(reportFileName('???', 'not a date', 'md')).toBe('sourcelens-article.md');
    expect(
      reportFileName('Abkommen zwischen Washington und Minsk steht offenbar kurz bevor', RETRIEVED_AT, 'json'),
    ).toBe('sourcelens-abkommen-zwischen-washington-und-minsk-steht-offenbar-kurz-2025-02-15.json');
  });
});
