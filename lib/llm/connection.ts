import { APIError } from 'openai';
import type { AppError } from '../errors';
import type { ConnectionTestResult, EndpointDraft, ModelListResult } from '../messaging';
import { type CreateClientOptions, createClient } from './client';
import { endpointHost } from './endpoint-host';
import { toAppError } from './error-mapping';
import { stripThinking } from './thinking';

/** Overrides for tests; by default a button press gets one honest try and a short timeout. */
export type ConnectionClientOptions = Pick<CreateClientOptions, 'fetch' | 'maxRetries' | 'timeoutMs' | 'headers'> & {
  origin?: string;
};

const CONNECTION_DEFAULTS = { maxRetries: 0, timeoutMs: 30_000 } as const;

/**
 * A tiny non-streamed chat request: proves the URL, the key and the model in one go, and
 * reports the latency and the reply. Never throws.
 */
export async function testConnection(
  draft: EndpointDraft,
  clientOptions: ConnectionClientOptions = {},
): Promise<ConnectionTestResult> {
  const model = draft.model.trim();
  if (!model) return { ok: false, error: { code: 'missing-model' } };
  const context = { host: endpointHost(draft.baseUrl), model, origin: clientOptions.origin, apiKey: draft.apiKey };
  try {
    const client = createClient({
      ...CONNECTION_DEFAULTS,
      ...clientOptions,
      baseUrl: draft.baseUrl,
      apiKey: draft.apiKey,
    });
    const messages = [{ role: 'user' as const, content: 'Reply with the single word OK.' }];
    const started = performance.now();
    let completion: Awaited<ReturnType<typeof client.chat.completions.create>>;
    try {
      completion = await client.chat.completions.create({ model, messages, max_tokens: 5 });
    } catch (error) {
      // Newer OpenAI models refuse `max_tokens` and want `max_completion_tokens`; others don't know the latter.
      if (!rejectsMaxTokens(error)) throw error;
      completion = await client.chat.completions.create({ model, messages, max_completion_tokens: 16 });
    }
    const latencyMs = Math.round(performance.now() - started);
    const reply = stripThinking(completion.choices[0]?.message?.content ?? '');
    return { ok: true, model: completion.model || model, latencyMs, reply };
  } catch (error) {
    return { ok: false, error: toAppError(error, context) };
  }
}

/** The endpoint's models (GET /models), sorted by id. Never throws. */
export async function listModels(
  draft: Omit<EndpointDraft, 'model'>,
  clientOptions: ConnectionClientOptions = {},
): Promise<ModelListResult> {
  try {
    const client = createClient({
      ...CONNECTION_DEFAULTS,
      ...clientOptions,
      baseUrl: draft.baseUrl,
      apiKey: draft.apiKey,
    });
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    return { ok: true, models: [...new Set(ids)].sort((left, right) => left.localeCompare(right)) };
  } catch (error) {
    const appError: AppError = toAppError(error, {
      host: endpointHost(draft.baseUrl),
      model: '',
      origin: clientOptions.origin,
      apiKey: draft.apiKey,
    });
    return { ok: false, error: appError };
  }
}

function rejectsMaxTokens(error: unknown): boolean {
  return (
    error instanceof APIError &&
    error.status === 400 &&
    (error.param === 'max_tokens' || /max_completion_tokens/.test(error.message))
  );
}
