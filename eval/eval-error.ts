import type { AppError } from '@/lib/errors';
import { describeError } from '@/lib/ui/describe-error';

export interface EvalFailure {
  /** The error in the endpoint's own words, with what to do next from the command line. */
  message: string;
  /** Every further article would fail the same way (key, model, endpoint): the run stops. */
  fatal: boolean;
}

/** Key, model and endpoint failures: the same for every article, so the run stops at the first. */
const FATAL = new Set<AppError['code']>([
  'missing-api-key',
  'auth-failed',
  'model-not-found',
  'endpoint-unreachable',
  'origin-rejected',
  'request-blocked',
  'out-of-credit',
]);

/**
 * The words of the extension's own error messages (lib/ui/describe-error.ts) for what happened,
 * and the next step as it is for `npm run eval`: the panel's "Open Options" means a flag or an
 * environment variable here. An article's own failure (an answer cut or not understood) is
 * scored as a failed article, and the run goes on.
 */
export function evalFailure(error: AppError, model: string): EvalFailure {
  const { title, message } = describeError(error);
  return { message: `${title}: ${message} ${nextStep(error, model)}`, fatal: FATAL.has(error.code) };
}

function nextStep(error: AppError, model: string): string {
  switch (error.code) {
    case 'missing-api-key':
    case 'auth-failed':
      return 'Check the key in SOURCELENS_EVAL_API_KEY: it must be one this endpoint issued.';
    case 'model-not-found':
      return `Check --model (now “${model}”): GET <base-url>/models lists the models this key may use.`;
    case 'endpoint-unreachable':
      return 'Check --base-url (it usually ends in /v1) and that the server is running.';
    case 'origin-rejected':
      return 'The eval sends no Origin header: check what in front of the server refuses it.';
    case 'answer-cut':
    case 'context-too-long':
      return 'Scored as failed: give the model’s real limits with --context and --max-output, or choose a larger model.';
    default:
      // The panel's steps without the panel: "pick another model in Options" → "pick another model".
      return `${FATAL.has(error.code) ? '' : 'Scored as failed. '}${describeError(error).nextStep.replace(/ in Options/g, '')}`;
  }
}
