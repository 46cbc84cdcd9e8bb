import { languageTag } from '@/lib/article/language-tag';
import { siteDomain } from '@/lib/article/site-domain';
import { NoteSchema, OutsideKnowledgeSchema, SummaryPointSchema } from '@/lib/attribution/analysis';
import { groundNotes } from '@/lib/attribution/grounding';
import { pairTranslation } from '@/lib/bilingual/pair-translation';
import { checkHedgePreservation } from '@/lib/hedges/check-hedge-preservation';
import { contentHash } from '@/lib/job/content-hash';
import type { JobState } from '@/lib/job/job';
import { PROMPT_VERSION } from '@/lib/llm/prompts';
import { reportSourceCheck } from '@/lib/sources/report-source-check';
import type { SourceCheckResult } from '@/lib/sources/source-check-result';
import { alignTranslation, stripParagraphMarkers } from '@/lib/translation/align';
import {
  EVIDENCE_REPORT_VERSION,
  type EvidenceReport,
  EvidenceReportSchema,
} from '@/lib/report/evidence-report-schema';

/**
 * The evidence report for a job that has its article. Async only because the content hash uses
 * WebCrypto. Fields are picked one by one from the job, never spread, so nothing the job may
 * carry besides (a key, settings) can reach the file; items still streaming or unfit for the
 * schema are left out, and the result is validated before it is returned.
 */
export async function buildEvidenceReport(
  job: JobState,
  options: { retrievedAt: string; sourceChecks?: readonly SourceCheckResult[] },
): Promise<EvidenceReport> {
  const article = job.article;
  if (!article) throw new Error('There is no article to report on yet.');
  const ids = article.paragraphs.map((paragraph) => paragraph.id);
  const notes = (job.analysis.notes ?? []).flatMap((note) => {
    const parsed = NoteSchema.safeParse(note);
    return parsed.success ? [parsed.data] : [];
  });
  const groundings = groundNotes(article, notes);
  const aligned = alignTranslation(job.translation, ids);
  const translationDone = job.translationStatus === 'done';
  const report: EvidenceReport = {
    format: 'sourcelens-evidence-report',
    version: EVIDENCE_REPORT_VERSION,
    retrievedAt: options.retrievedAt,
    source: {
      url: article.url,
      canonicalUrl: article.canonicalUrl,
      title: article.title,
      contentSha256: await contentHash(article),
      extraction: article.source,
      wordCount: article.wordCount,
      ...(article.truncation ? { truncation: article.truncation } : {}),
    },
    outlet: {
      siteName: article.siteName,
      domain: siteDomain(article.canonicalUrl) ?? siteDomain(article.url),
      byline: article.byline,
      publishedTime: article.publishedTime,
      language: article.language,
    },
    paragraphs: article.paragraphs.map(({ id, text }) => ({ id, text })),
    translation: {
      targetLanguage: job.targetLanguage,
      status: job.translationStatus,
      markdown: stripParagraphMarkers(job.translation).trim(),
      paragraphs: job.translation.trim()
        ? pairTranslation(article.paragraphs, aligned).map((pair) => ({
            paragraphId: pair.paragraphId,
            original: pair.original,
            markdown: pair.translation,
          }))
        : [],
    },
    summary: {
      status: job.analysisStatus,
      points: (job.analysis.summary ?? []).flatMap((point) => {
        const parsed = SummaryPointSchema.safeParse(point);
        return parsed.success ? [parsed.data] : [];
      }),
    },
    notes: notes.map((note, index) => {
      const grounding = groundings[index];
      return {
        ...note,
        verification: grounding
          ? {
              status: grounding.status,
              paragraphId: grounding.paragraphId,
              start: grounding.start,
              end: grounding.end,
              closest: grounding.closest,
            }
          : { status: 'not-found', paragraphId: null, start: null, end: null, closest: null },
      };
    }),
    outsideKnowledge: (job.analysis.outsideKnowledge ?? []).flatMap((item) => {
      const parsed = OutsideKnowledgeSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
    // A translation cut off mid-paragraph would look like lost hedges: only a finished one is checked.
    hedgePreservation: translationDone
      ? checkHedgePreservation(article, aligned, notes, {
          translationLanguage: languageTag(job.targetLanguage) ?? 'und',
        })
      : [],
    generator: {
      name: 'Sourcelens',
      model: job.model,
      endpointHost: withoutCredentials(job.host),
      promptVersion: PROMPT_VERSION,
      analysisMode: job.analysisMode,
      fromCache: job.fromCache,
    },
    usage: { analysis: job.usage.analysis, translation: job.usage.translation },
    ...(options.sourceChecks && options.sourceChecks.length > 0
      ? { sourceChecks: options.sourceChecks.map(reportSourceCheck) }
      : {}),
  };
  return EvidenceReportSchema.parse(report);
}

/** `user:secret@host:8080` → `host:8080`: a host as typed may carry credentials; the report never does. */
function withoutCredentials(host: string): string {
  return host.slice(host.lastIndexOf('@') + 1);
}
