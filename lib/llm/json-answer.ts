import { Allow, parse as parsePartialJson } from 'partial-json';
import {
  type Analysis,
  AnalysisSchema,
  NoteSchema,
  OutsideKnowledgeSchema,
  type PartialAnalysis,
  SummaryPointSchema,
} from '@/lib/attribution/analysis';
import { coerceAnalysis, withHarmlessDefaults } from '@/lib/llm/analysis-shape';
import { stripThinking } from '@/lib/llm/thinking';
import { messageOf } from '@/lib/message-of';

export type FinalAnalysisResult =
  | {
      ok: true;
      analysis: Analysis;
      /** Summary points, notes or background items left out because they did not fit the schema (see parseFinalAnalysis). */
      droppedItems: number;
    }
  | { ok: false; detail: string };

/** The analysis so far, from an answer still streaming. Never throws; `{}` until there is something. */
export function parsePartialAnalysis(text: string): PartialAnalysis {
  return parsePartialAnswer(text).analysis;
}

/**
 * The analysis and, in a combined answer, the translation so far (null until its string starts).
 * The string only grows as the answer streams: an escape cut in half is left out until it is whole.
 */
export function parsePartialAnswer(text: string): {
  analysis: PartialAnalysis;
  translation: string | null;
  /** The translation's string is closed: a key follows it. */
  translationComplete: boolean;
} {
  const json = extractJsonText(text);
  const nothing = { analysis: {}, translation: null, translationComplete: false };
  if (json === null) return nothing;
  try {
    const value: unknown = parsePartialJson(json, Allow.ALL);
    const translation = translationOf(value);
    const keys = typeof value === 'object' && value !== null ? Object.keys(value) : [];
    return {
      analysis: coerceAnalysis(value),
      translation,
      translationComplete: translation !== null && keys.at(-1) !== 'translation',
    };
  } catch {
    return nothing;
  }
}

/** The translation of a complete combined answer, or null when the answer has none. */
export function parseFinalTranslation(text: string): string | null {
  const json = extractJsonText(text);
  if (json === null) return null;
  try {
    return translationOf(JSON.parse(json));
  } catch {
    return null;
  }
}

function translationOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const translation: unknown = Reflect.get(value, 'translation');
  return typeof translation === 'string' ? translation : null;
}

/**
 * The complete answer, validated with AnalysisSchema. Lenient where it costs nothing: reasoning
 * blocks, code fences and prose around the JSON are ignored, missing lists (outsideKnowledge too)
 * become empty, missing roles, cues and paragraph ids become null, and a single item that still does
 * not fit is left out (counted in `droppedItems`) rather than losing the whole analysis. It fails
 * when there is no JSON, it does not parse, or nothing at all fits.
 */
export function parseFinalAnalysis(text: string): FinalAnalysisResult {
  if (stripThinking(text) === '') return { ok: false, detail: 'the answer was empty' };
  const json = extractJsonText(text);
  if (json === null) return { ok: false, detail: `no JSON object in the answer (it began “${preview(text)}”)` };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, detail: `the JSON does not parse (${messageOf(error)})` };
  }
  const candidate = withHarmlessDefaults(coerceAnalysis(value));
  const summary = (candidate.summary ?? []).map((point) => SummaryPointSchema.safeParse(point));
  const notes = (candidate.notes ?? []).map((note) => NoteSchema.safeParse(note));
  const keptSummary = summary.flatMap((result) => (result.success ? [result.data] : []));
  const keptNotes = notes.flatMap((result) => (result.success ? [result.data] : []));
  if (keptSummary.length === 0 && keptNotes.length === 0) {
    const firstProblem = [...summary, ...notes].find((result) => !result.success);
    return {
      ok: false,
      detail: firstProblem?.error
        ? `no summary point or note fits the expected shape (${firstProblem.error.issues
            .slice(0, 3)
            .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
            .join('; ')})`
        : 'the JSON has neither a summary nor notes',
    };
  }
  const background = (candidate.outsideKnowledge ?? []).map((item) => OutsideKnowledgeSchema.safeParse(item));
  const keptBackground = background.flatMap((result) => (result.success ? [result.data] : []));
  const analysis = AnalysisSchema.parse({ summary: keptSummary, notes: keptNotes, outsideKnowledge: keptBackground });
  const offered = summary.length + notes.length + background.length;
  return { ok: true, analysis, droppedItems: offered - keptSummary.length - keptNotes.length - keptBackground.length };
}

/**
 * The JSON object inside a model's answer: after any reasoning block, from the first `{` that
 * opens an object (so braces in leading prose don't count) to its matching `}` (so a closing
 * code fence or trailing remarks are cut off). While streaming, the object is not closed yet:
 * then everything from its start is returned, for the partial parser.
 */
export function extractJsonText(text: string): string | null {
  const answer = stripThinking(text);
  for (let start = answer.indexOf('{'); start !== -1; start = answer.indexOf('{', start + 1)) {
    if (!opensObject(answer, start)) continue;
    const end = findObjectEnd(answer, start);
    if (end !== -1) return answer.slice(start, end + 1);
    return answer.slice(start).replace(/\s*`{1,3}\s*$/, '');
  }
  return null;
}

/** `{` followed by a key, `}` or nothing yet: an object, not `{braces}` in prose. */
function opensObject(text: string, start: number): boolean {
  const next = text.slice(start + 1).trimStart();
  return next === '' || next.startsWith('"') || next.startsWith('}');
}

/** Index of the `}` closing the object at `start`, or -1 when the text ends first. Strings are skipped. */
function findObjectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '{' || character === '[') depth++;
    else if (character === '}' || character === ']') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function preview(text: string): string {
  const flat = stripThinking(text).replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}
