import {
  type ChainLink,
  type Hedge,
  NOTE_KINDS,
  type NoteKind,
  type OutsideKnowledge,
  type PartialAnalysis,
  SOURCE_TYPES,
  type SummaryPoint,
} from '@/lib/attribution/analysis';

type PartialNote = NonNullable<PartialAnalysis['notes']>[number];
type PartialSummaryPoint = NonNullable<PartialAnalysis['summary']>[number];
type PartialSource = NonNullable<PartialNote['source']>;
type SourceType = (typeof SOURCE_TYPES)[number];

/**
 * Brings whatever JSON a model produced into the analysis shape, keeping only what fits:
 * fields of the wrong type and unknown enum values are left out, harmless spelling variants
 * are mapped ("organization", "direct_quote", "[p3]"). Used on partial JSON while streaming
 * and, with defaults added, before the final validation with AnalysisSchema.
 */
export function coerceAnalysis(value: unknown): PartialAnalysis {
  const root = unwrap(value);
  if (!isRecord(root)) return {};
  const analysis: PartialAnalysis = {};
  if (Array.isArray(root.summary)) analysis.summary = root.summary.map(coerceSummaryPoint);
  if (Array.isArray(root.notes)) analysis.notes = root.notes.map(coerceNote);
  if (Array.isArray(root.outsideKnowledge)) analysis.outsideKnowledge = root.outsideKnowledge.map(coerceBackground);
  return analysis;
}

/**
 * Fills what a model may leave out without changing the meaning: empty lists (no background
 * knowledge is the common case), null roles, cues and ids.
 */
export function withHarmlessDefaults(analysis: PartialAnalysis): PartialAnalysis {
  return {
    summary: (analysis.summary ?? []).map((point) => ({ ...point, paragraphIds: point.paragraphIds ?? [] })),
    notes: (analysis.notes ?? []).map((note) => ({
      ...note,
      source: note.source ? { ...note.source, role: note.source.role ?? null } : undefined,
      chain: (note.chain ?? []).map((link) => ({ ...link, cue: link.cue ?? null })),
      hedges: note.hedges ?? [],
      paragraphId: note.paragraphId ?? null,
    })),
    outsideKnowledge: analysis.outsideKnowledge ?? [],
  };
}

/** Some models wrap the answer: `{"analysis": {...}}` or `{"result": {...}}`. */
function unwrap(value: unknown): unknown {
  if (!isRecord(value) || 'summary' in value || 'notes' in value) return value;
  const inner = Object.values(value);
  return inner.length === 1 && isRecord(inner[0]) ? inner[0] : value;
}

function coerceSummaryPoint(value: unknown): PartialSummaryPoint {
  if (!isRecord(value)) return typeof value === 'string' ? { text: value } : {};
  const point: Partial<SummaryPoint> = {};
  if (typeof value.text === 'string') point.text = value.text;
  if (Array.isArray(value.paragraphIds)) point.paragraphIds = coerceParagraphIds(value.paragraphIds);
  return point;
}

function coerceNote(value: unknown): PartialNote {
  if (!isRecord(value)) return {};
  const note: PartialNote = {};
  if (typeof value.claim === 'string') note.claim = value.claim;
  if (isRecord(value.source)) note.source = coerceSource(value.source);
  if (Array.isArray(value.chain)) note.chain = value.chain.filter(isRecord).map(coerceChainLink);
  const kind = coerceEnum(value.kind, NOTE_KINDS, KIND_SYNONYMS);
  if (kind) note.kind = kind;
  if (Array.isArray(value.hedges)) note.hedges = value.hedges.filter(isRecord).map(coerceHedge);
  if (typeof value.quote === 'string') note.quote = value.quote;
  if (typeof value.paragraphId === 'string') note.paragraphId = coerceParagraphId(value.paragraphId);
  else if (value.paragraphId === null) note.paragraphId = null;
  return note;
}

/** A bare string is background without a topic; the topic is then left out, and the item dropped at validation. */
function coerceBackground(value: unknown): Partial<OutsideKnowledge> {
  if (!isRecord(value)) return typeof value === 'string' ? { text: value } : {};
  const background: Partial<OutsideKnowledge> = {};
  if (typeof value.topic === 'string') background.topic = value.topic;
  if (typeof value.text === 'string') background.text = value.text;
  return background;
}

function coerceSource(value: Record<string, unknown>): PartialSource {
  const source: PartialSource = {};
  if (typeof value.name === 'string') source.name = value.name;
  if (typeof value.role === 'string') source.role = value.role.trim() === '' ? null : value.role;
  else if (value.role === null) source.role = null;
  const type = coerceEnum(value.type, SOURCE_TYPES, SOURCE_TYPE_SYNONYMS);
  if (type) source.type = type;
  return source;
}

function coerceChainLink(value: Record<string, unknown>): Partial<ChainLink> {
  const link: Partial<ChainLink> = {};
  if (typeof value.name === 'string') link.name = value.name;
  if (typeof value.cue === 'string') link.cue = value.cue.trim() === '' ? null : value.cue;
  else if (value.cue === null) link.cue = null;
  return link;
}

function coerceHedge(value: Record<string, unknown>): Partial<Hedge> {
  const hedge: Partial<Hedge> = {};
  if (typeof value.original === 'string') hedge.original = value.original;
  if (typeof value.english === 'string') hedge.english = value.english;
  return hedge;
}

const KIND_SYNONYMS: Record<string, NoteKind> = {
  quote: 'direct-quote',
  'direct-speech': 'direct-quote',
  'indirect-speech': 'reported-speech',
  'indirect-quote': 'reported-speech',
  unattributed: 'unattributed-assertion',
  assertion: 'unattributed-assertion',
  anonymous: 'anonymous-source',
  'unnamed-source': 'anonymous-source',
};

const SOURCE_TYPE_SYNONYMS: Record<string, SourceType> = {
  organization: 'organisation',
  institution: 'organisation',
  government: 'organisation',
  media: 'media-outlet',
  'news-outlet': 'media-outlet',
  outlet: 'media-outlet',
  newspaper: 'media-outlet',
  unnamed: 'anonymous',
  unknown: 'anonymous',
  unattributed: 'none',
};

/** `Direct_Quote` → `direct-quote`, then the known synonyms; anything else (or a prefix still streaming) is dropped. */
function coerceEnum<Value extends string>(
  value: unknown,
  allowed: readonly Value[],
  synonyms: Record<string, Value>,
): Value | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const match = allowed.find((candidate) => candidate === key);
  return match ?? (Object.hasOwn(synonyms, key) ? synonyms[key] : undefined);
}

function coerceParagraphIds(values: unknown[]): string[] {
  return values.filter((id): id is string => typeof id === 'string').map(coerceParagraphId);
}

/** Models sometimes echo the prompt's `[p3]` prefix or write `P3`. */
function coerceParagraphId(id: string): string {
  const match = id.trim().match(/^\[?\s*p\s*(\d+)\s*\]?$/i);
  return match ? `p${match[1]}` : id.trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
