/**
 * Error responses of real servers, as files: tests/fixtures/wire/<provider-or-server>/<behaviour>.json
 * or .html. Each names its public source in `source` and holds the status, the headers and the exact body.
 *
 * - `.json`: `{source, status, headers, body}` with `body` the exact text, or `json` for a JSON body
 *   (sent as `JSON.stringify(json)`).
 * - `.html`: the first line is `<!-- wire {source, status, headers} -->`; everything after it is the body.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { Scenario } from '@/tests/support/openai-scenarios';

export const WIRE_FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures', 'wire');

export interface WireErrorFixture {
  /** Path under tests/fixtures/wire, e.g. `cloudflare/403-1010-browser-signature.html`. */
  name: string;
  source: string;
  status: number;
  headers: Record<string, string>;
  /** The exact body on the wire. */
  body: string;
}

const MetaSchema = z.object({
  source: z.string().min(10),
  status: z.number().int().min(400).max(599),
  headers: z.record(z.string(), z.string()),
});

const JsonFixtureSchema = MetaSchema.extend({ body: z.string().optional(), json: z.unknown().optional() }).refine(
  (fixture) => (fixture.body === undefined) !== (fixture.json === undefined),
  'exactly one of body and json',
);

export function loadWireErrorFixture(name: string): WireErrorFixture {
  const text = readFileSync(join(WIRE_FIXTURES_DIR, name), 'utf8');
  if (name.endsWith('.html')) {
    const newline = text.indexOf('\n');
    const header = /^<!-- wire (\{.*\}) -->$/.exec(text.slice(0, newline));
    if (!header?.[1]) throw new Error(`${name}: the first line must be <!-- wire {…} -->`);
    const meta = MetaSchema.parse(JSON.parse(header[1]));
    return { name, ...meta, body: text.slice(newline + 1) };
  }
  const fixture = JsonFixtureSchema.parse(JSON.parse(text));
  return {
    name,
    source: fixture.source,
    status: fixture.status,
    headers: fixture.headers,
    body: fixture.body ?? JSON.stringify(fixture.json),
  };
}

/** Every error fixture (.json and .html; transcripts of streams, .sse, are not error responses). */
export function wireErrorFixtureNames(): string[] {
  return readdirSync(WIRE_FIXTURES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(json|html)$/.test(path) && isErrorFixture(join(WIRE_FIXTURES_DIR, path)))
    .map((path) => relative(WIRE_FIXTURES_DIR, join(WIRE_FIXTURES_DIR, path)).split('\\').join('/'))
    .sort();
}

/** .json files of other kinds (a non-streamed answer) may sit beside these: only those with an error status count. */
function isErrorFixture(path: string): boolean {
  if (path.endsWith('.html')) return true;
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return MetaSchema.safeParse(value).success;
  } catch {
    return false;
  }
}

/** The test server's scenario that sends the fixture exactly: its status, its headers, its body. */
export function wireErrorScenario(fixture: WireErrorFixture): Scenario {
  return { kind: 'error', status: fixture.status, headers: fixture.headers, body: fixture.body };
}
