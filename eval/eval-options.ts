import { parseArgs } from 'node:util';
import { endpointHost, isLocalEndpoint } from '@/lib/llm/endpoint';

export const API_KEY_VARIABLE = 'SOURCELENS_EVAL_API_KEY';

export const USAGE = `npm run eval -- --base-url <url> --model <name> [options]
npm run eval -- --compare <a.json> <b.json>

Runs Sourcelens's analysis and translation on the eval articles (eval/fixtures) against an
OpenAI-compatible endpoint and scores them. The API key is read from ${API_KEY_VARIABLE}
(not needed for a server on this machine or the local network).

  --base-url <url>      the endpoint, e.g. https://api.openai.com/v1 (or SOURCELENS_EVAL_BASE_URL)
  --model <name>        the model (or SOURCELENS_EVAL_MODEL)
  --only <ids>          only these articles, comma-separated (e.g. seed-de,ru-gas-prices)
  --context <tokens>    the model's context window, when Sourcelens's table does not know it
  --max-output <tokens> the model's longest answer, likewise
  --parallel <n>        requests sent at once for a long article (default 4)
  --price-in <$/M>      input price in dollars per million tokens (with --price-out)
  --price-out <$/M>     output price in dollars per million tokens
  --out <dir>           where the JSON results go (default eval/results)
  --compare a.json b.json   print two runs side by side instead of running
  --help`;

export type EvalCommand =
  | { kind: 'help' }
  | { kind: 'compare'; files: [string, string] }
  | {
      kind: 'run';
      baseUrl: string;
      model: string;
      apiKey: string;
      only: string[];
      contextTokens: number | null;
      maxOutputTokens: number | null;
      parallelRequests: number;
      price: { inputPerMillion: number; outputPerMillion: number } | null;
      outDir: string | null;
    };

/** A command line that cannot run, with what to type instead. */
export class EvalUsageError extends Error {
  override name = 'EvalUsageError';
}

/**
 * Reads `npm run eval`'s command line and environment. Throws EvalUsageError naming the flag or
 * variable that is missing or wrong, and what it should be.
 */
export function parseEvalCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): EvalCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new EvalUsageError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.compare !== undefined) {
    const files = [values.compare, ...positionals];
    if (files.length !== 2 || !files[0] || !files[1]) {
      throw new EvalUsageError(
        '--compare takes two result files: npm run eval -- --compare eval/results/a.json eval/results/b.json',
      );
    }
    return { kind: 'compare', files: [files[0], files[1]] };
  }
  if (positionals.length > 0) throw new EvalUsageError(`Unexpected argument “${positionals[0]}”.\n\n${USAGE}`);
  const baseUrl = (values['base-url'] ?? env.SOURCELENS_EVAL_BASE_URL ?? '').trim();
  if (!baseUrl) {
    throw new EvalUsageError(
      'No endpoint given: add --base-url, e.g. npm run eval -- --base-url https://api.openai.com/v1 --model gpt-4o-mini (or set SOURCELENS_EVAL_BASE_URL).',
    );
  }
  if (!/^https?:\/\/[^/]/i.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new EvalUsageError(
      `--base-url “${baseUrl}” is not an http(s) URL: give the endpoint's address, e.g. https://api.openai.com/v1.`,
    );
  }
  const model = (values.model ?? env.SOURCELENS_EVAL_MODEL ?? '').trim();
  if (!model) {
    throw new EvalUsageError(
      `No model given: add --model, e.g. --model gpt-4o-mini (GET ${baseUrl.replace(/\/+$/, '')}/models lists what the endpoint offers).`,
    );
  }
  const apiKey = (env[API_KEY_VARIABLE] ?? '').trim();
  if (!apiKey && !isLocalEndpoint(baseUrl)) {
    throw new EvalUsageError(
      `No API key for ${endpointHost(baseUrl)}: set ${API_KEY_VARIABLE}, e.g. ${API_KEY_VARIABLE}=sk-… npm run eval -- --base-url ${baseUrl} --model ${model}. The key is read from the environment only, never from a flag, and is never written to the results.`,
    );
  }
  const inputPrice = number(values['price-in'], '--price-in', 0);
  const outputPrice = number(values['price-out'], '--price-out', 0);
  if ((inputPrice === null) !== (outputPrice === null)) {
    throw new EvalUsageError('Give both --price-in and --price-out (dollars per million tokens), or neither.');
  }
  return {
    kind: 'run',
    baseUrl,
    model,
    apiKey,
    only: (values.only ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    contextTokens: number(values.context, '--context', 1),
    maxOutputTokens: number(values['max-output'], '--max-output', 1),
    parallelRequests: number(values.parallel, '--parallel', 1) ?? 4,
    price:
      inputPrice !== null && outputPrice !== null
        ? { inputPerMillion: inputPrice, outputPerMillion: outputPrice }
        : null,
    outDir: values.out ?? null,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'base-url': { type: 'string' },
      model: { type: 'string' },
      only: { type: 'string' },
      context: { type: 'string' },
      'max-output': { type: 'string' },
      parallel: { type: 'string' },
      'price-in': { type: 'string' },
      'price-out': { type: 'string' },
      out: { type: 'string' },
      compare: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
}

function number(value: string | undefined, flag: string, minimum: number): number | null {
  if (value === undefined) return null;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < minimum) {
    throw new EvalUsageError(`${flag} must be a number of at least ${minimum}, not “${value}”.`);
  }
  return parsed;
}
