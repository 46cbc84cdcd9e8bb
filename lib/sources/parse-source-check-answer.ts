import { extractJsonText } from '@/lib/llm/json-answer';
import { stripThinking } from '@/lib/llm/thinking';
import { messageOf } from '@/lib/message-of';
import { type ClaimCheck, ClaimCheckSchema } from '@/lib/sources/source-check-answer';

export type ParsedSourceCheck =
  | {
      ok: true;
      /** The checks that fit the schema, in the answer's order; at most one per claim id (the first). */
      checks: ClaimCheck[];
      /** Items left out because they did not fit the schema or repeated a claim id. */
      droppedItems: number;
    }
  | { ok: false; detail: string };

/**
 * The model's complete answer to a check request, validated item by item with ClaimCheckSchema:
 * reasoning, code fences and prose around the JSON are ignored, and one unfit item is dropped
 * rather than losing the others (a claim left without a check shows as unverified). Fails when
 * there is no JSON object, it does not parse, or it has no `checks` list.
 */
export function parseSourceCheckAnswer(text: string): ParsedSourceCheck {
  if (stripThinking(text) === '') return { ok: false, detail: 'the answer was empty' };
  const json = extractJsonText(text);
  if (json === null) return { ok: false, detail: 'no JSON object in the answer' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, detail: `the JSON does not parse (${messageOf(error)})` };
  }
  const items: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'checks') : undefined;
  if (!Array.isArray(items)) return { ok: false, detail: 'the JSON has no "checks" list' };
  const checks: ClaimCheck[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const parsed = ClaimCheckSchema.safeParse(withNullDefaults(item));
    if (!parsed.success || seen.has(parsed.data.claimId)) continue;
    seen.add(parsed.data.claimId);
    checks.push(parsed.data);
  }
  return { ok: true, checks, droppedItems: items.length - checks.length };
}

/** Prompt-only answers often leave out the fields that would be null: that costs nothing to accept. */
function withNullDefaults(item: unknown): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
  return { difference: null, passage: null, passageTranslation: null, attributedTo: null, ...item };
}
