import type { AppError } from '@/lib/errors';

/**
 * How the LLM layer throws: an Error (so it keeps a stack and works with `instanceof`)
 * that carries the plain, serialisable AppError the surfaces render. Callers catch it and
 * pass `toAppError(error, …)`, which unwraps it; only `appError` crosses messaging.
 */
export class LlmError extends Error {
  readonly appError: AppError;

  constructor(appError: AppError) {
    super(`${appError.code}${'detail' in appError && appError.detail ? `: ${appError.detail}` : ''}`);
    this.name = 'LlmError';
    this.appError = appError;
  }
}
