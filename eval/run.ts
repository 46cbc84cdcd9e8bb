/**
 * `npm run eval -- --base-url <url> --model <name>`: Sourcelens's faithfulness on a real model.
 * Never run in CI (it needs a key and costs money); see README "Measuring faithfulness".
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelLimits } from '@/lib/budget/model-limits';
import { modelPrice } from '@/lib/budget/model-prices';
import { EvalUsageError, parseEvalCommand, USAGE } from '@/eval/eval-options';
import { type EvalResult, EvalResultSchema } from '@/eval/eval-result';
import { formatComparison } from '@/eval/format-comparison';
import { formatResultTable } from '@/eval/format-table';
import { loadFixtures } from '@/eval/load-fixtures';
import { resultFileName } from '@/eval/result-file-name';
import { EvalAborted, runEval } from '@/eval/run-eval';
import { ratio } from '@/eval/score-cells';

const RESULTS_DIR = join(import.meta.dirname, 'results');

async function main(): Promise<number> {
  const command = parseEvalCommand(process.argv.slice(2), process.env);
  if (command.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command.kind === 'compare') {
    const [first, second] = command.files.map(readResult);
    if (!first || !second) return 1;
    console.log(formatComparison(first, second));
    return 0;
  }
  const cases = loadFixtures(undefined, command.only);
  console.log(
    `Evaluating ${command.model} at ${command.baseUrl} on ${plural(cases.length, 'article')} (${plural(new Set(cases.map((entry) => entry.rubric.language)).size, 'language')})…`,
  );
  const result = await runEval({
    baseUrl: command.baseUrl,
    apiKey: command.apiKey,
    model: command.model,
    cases,
    limits: modelLimits(command.model, command.baseUrl, {
      contextTokens: command.contextTokens,
      maxOutputTokens: command.maxOutputTokens,
    }),
    parallelRequests: command.parallelRequests,
    price: command.price ?? modelPrice(command.model, command.baseUrl),
    onArticle: (article) =>
      console.log(
        `  ${article.id}: ${article.error ? `failed (${article.error.code})` : `sources ${ratio(article.sources)}${article.verdicts ? ` · verdicts ${ratio({ found: article.verdicts.correct, total: article.verdicts.total })}` : ''}`}`,
      ),
  });
  console.log(`\n${formatResultTable(result)}`);
  const outDir = command.outDir ?? RESULTS_DIR;
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, resultFileName(result.model, new Date(result.startedAt)));
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nResults: ${file}`);
  return 0;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function readResult(file: string): EvalResult | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const parsed = EvalResultSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    console.error(`${file} is not an eval result (schema version 1): ${parsed.error.message}`);
    return null;
  }
  return parsed.data;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof EvalUsageError || error instanceof EvalAborted) console.error(error.message);
    else console.error(error);
    process.exitCode = 1;
  },
);
