import { APIError } from 'openai';

/**
 * Whether a failed request was refused because of its `response_format`: OpenAI names the
 * param ("Invalid parameter: 'response_format' of type 'json_schema' is not supported with this
 * model."), LM Studio and vLLM mention json_schema / json_object, some proxies answer 422.
 * Only then is it worth asking again with a weaker format.
 */
export function rejectsResponseFormat(error: unknown): boolean {
  if (!(error instanceof APIError) || (error.status !== 400 && error.status !== 422)) return false;
  if (error.param === 'response_format' || error.param?.startsWith('response_format.')) return true;
  return /response_format|response format|json_schema|json_object|structured output/i.test(error.message);
}
