import { sourceChecksMarkdown } from '@/lib/sources/source-checks-markdown';
import { truncatedSummaryNote, truncationNotice } from '@/lib/ui/article-notes';
import { NOTE_KIND_LABELS } from '@/lib/ui/note-labels';
import type { EvidenceReport, ReportNote } from '@/lib/report/evidence-report-schema';

const STATUS_MARKS: Record<ReportNote['verification']['status'], string> = {
  verified: '✓ verified',
  'near-miss': '≈ near-miss',
  'not-found': '✗ not found',
};

/**
 * The evidence report for people: the same facts as the JSON, in reading order. Notes are a
 * numbered list, each with its verification mark, and its quote as the original has it.
 * Page and model text pass through `inert`: a report opened in any Markdown viewer runs no HTML of
 * theirs and fetches no image of their choosing.
 */
export function reportToMarkdown(report: EvidenceReport): string {
  return [
    `# Evidence report: ${oneLine(inert(report.source.title))}`,
    metadata(report),
    section('Summary', summary(report)),
    section('Sources', notes(report)),
    report.sourceChecks && report.sourceChecks.length > 0
      ? section('Source checks', sourceChecksMarkdown(report.sourceChecks, inert))
      : null,
    report.outsideKnowledge.length > 0
      ? section("Not from the article — the model's background knowledge", outsideKnowledge(report))
      : null,
    section('Hedge preservation', hedges(report)),
    section('Translation', translation(report)),
    section(
      'Original text',
      report.paragraphs.map((paragraph) => `**[${inert(paragraph.id)}]** ${inert(paragraph.text)}`).join('\n\n'),
    ),
  ]
    .filter((block): block is string => block !== null)
    .join('\n\n')
    .concat('\n');
}

function metadata(report: EvidenceReport): string {
  const { source, outlet, generator, usage } = report;
  const tokens = (['analysis', 'translation'] as const)
    .flatMap((part) => {
      const value = usage[part];
      return value ? [`${part} ${value.promptTokens} in, ${value.completionTokens} out`] : [];
    })
    .join('; ');
  const rows: Array<[string, string | null]> = [
    ['URL', source.url],
    ['Canonical URL', source.canonicalUrl !== source.url ? source.canonicalUrl : null],
    ['Retrieved', report.retrievedAt],
    ['Content SHA-256', `\`${source.contentSha256}\``],
    ['Outlet', [outlet.siteName, outlet.domain && `(${outlet.domain})`].filter(Boolean).join(' ') || null],
    ['Byline', outlet.byline],
    ['Published', outlet.publishedTime],
    ['Language', outlet.language],
    ['Read from', source.extraction === 'article' ? null : `the ${source.extraction}, not an article`],
    ['Paywall', source.truncation ? truncationNotice(source) : null],
    [
      'Model',
      `${generator.model} at ${generator.endpointHost}, prompts ${generator.promptVersion}${generator.analysisMode ? `, ${generator.analysisMode}` : ''}${generator.fromCache ? ', from cache' : ''}`,
    ],
    ['Tokens', tokens || null],
  ];
  return rows
    .filter((row): row is [string, string] => row[1] !== null)
    .map(([label, value]) => `- **${label}:** ${oneLine(inert(value))}`)
    .join('\n');
}

function summary(report: EvidenceReport): string {
  if (report.summary.points.length === 0) return `_No summary (${report.summary.status})._`;
  const caveat = truncatedSummaryNote(report.source);
  return (
    (caveat ? `_${inert(caveat)}_\n\n` : '') +
    report.summary.points
      .map(
        (point) =>
          `- ${oneLine(inert(point.text))}${point.paragraphIds.length > 0 ? ` [${inert(point.paragraphIds.join(', '))}]` : ''}`,
      )
      .join('\n')
  );
}

function notes(report: EvidenceReport): string {
  if (report.notes.length === 0) return '_No notes._';
  const legend =
    'Each quote was looked up in the original: ✓ verified (found as quoted), ≈ near-miss (a few words differ), ✗ not found.';
  return [legend, report.notes.map((note, index) => noteItem(note, index + 1)).join('\n\n')].join('\n\n');
}

function noteItem(note: ReportNote, number: number): string {
  const { verification } = note;
  const source =
    note.source.type === 'none'
      ? 'no source given'
      : `${note.source.name}${note.source.role ? ` (${note.source.role})` : ''}`;
  const chain = note.chain.map((link) => (link.cue ? `${link.name} (“${link.cue}”)` : link.name)).join(' → ');
  const where =
    verification.paragraphId !== null && verification.start !== null && verification.end !== null
      ? `${verification.paragraphId}, characters ${verification.start}–${verification.end}`
      : (note.paragraphId ?? 'no paragraph');
  const lines = [
    `${number}. **${STATUS_MARKS[verification.status]}** · ${oneLine(inert(note.claim))}`,
    `   - ${NOTE_KIND_LABELS[note.kind]} · Source: ${oneLine(inert(source))}`,
    chain ? `   - Chain: ${oneLine(inert(chain))}` : null,
    note.hedges.length > 0
      ? `   - Hedges: ${note.hedges.map((hedge) => `${oneLine(inert(hedge.original))} → ${oneLine(inert(hedge.english))}`).join('; ')}`
      : null,
    `   - Quote (${inert(where)}):`,
    '',
    blockquote(inert(note.quote), '     '),
    verification.closest
      ? `\n   - Closest passage in the original (${Math.round(verification.closest.similarity * 100)}% similar):\n\n${blockquote(inert(verification.closest.text), '     ')}`
      : null,
  ];
  return lines.filter((line): line is string => line !== null).join('\n');
}

function outsideKnowledge(report: EvidenceReport): string {
  return [
    '_Background the model added from its own knowledge. It is not in the article, not verified, and not used in the summary or the notes._',
    report.outsideKnowledge
      .map((item) => `- **${oneLine(inert(item.topic))}:** ${oneLine(inert(item.text))}`)
      .join('\n'),
  ].join('\n\n');
}

function hedges(report: EvidenceReport): string {
  if (report.hedgePreservation.length === 0)
    return '_Not checked (the translation is not complete, or its language has no hedge lexicon)._';
  const flagged = report.hedgePreservation.filter((check) => check.status !== 'kept');
  if (flagged.length === 0) {
    return `✓ All ${report.hedgePreservation.length} translated paragraphs keep the hedges and attributions of the original.`;
  }
  return flagged
    .map((check) => `- ⚠ **${inert(check.paragraphId)}** (${check.status}): ${oneLine(inert(check.detail))}`)
    .join('\n');
}

function translation(report: EvidenceReport): string {
  const { translation } = report;
  if (!translation.markdown) return `_No translation (${translation.status})._`;
  const paired = translation.paragraphs.filter((pair) => pair.paragraphId !== null && pair.markdown !== null);
  // Aligned: each paragraph under its id, so it can be set beside the original; otherwise as it came.
  if (paired.length === translation.paragraphs.length && paired.length > 0) {
    return [
      `Into ${inert(translation.targetLanguage)}${translation.status === 'done' ? '' : ` (${translation.status}: incomplete)`}.`,
      ...paired.map((pair) => `**[${inert(pair.paragraphId ?? '')}]** ${inert(pair.markdown ?? '')}`),
    ].join('\n\n');
  }
  return [`Into ${inert(translation.targetLanguage)} (${translation.status}).`, inert(translation.markdown)].join(
    '\n\n',
  );
}

function section(title: string, body: string): string {
  return `## ${title}\n\n${body}`;
}

function blockquote(text: string, indent: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `${indent}> ${line}`)
    .join('\n');
}

/**
 * Page or model text made inert for any Markdown viewer: raw HTML (`<script>`, `<img onerror>`, `<iframe>`,
 * an autolink) is escaped so it shows as text, and image syntax (`![x](https://tracker/)`, `![x][ref]`)
 * becomes a plain bracket, so opening the report fetches nothing. Backslash escapes of ASCII punctuation
 * are CommonMark's own (https://spec.commonmark.org/0.31.2/#backslash-escapes): the text reads the same.
 * Markdown formatting (bold, lists, links) is kept.
 */
export function inert(text: string): string {
  return text.replace(/[<>&]/g, '\\$&').replace(/!(?=\[)/g, '\\!');
}

/** Page and model text on one line, so it cannot start a heading or list of its own. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
