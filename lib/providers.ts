/**
 * Provider presets shown on the options page: base URL, whether a key is needed, a model known to
 * work, the setup step each needs, and the quirks of its chat completions API as data, for the
 * request side to read. Each was checked against the provider's own documentation (see `verified`
 * and the README's Providers table). Kept free of the `openai` SDK so every page can import it.
 */

/** Every preset's id. */
export const PROVIDER_IDS = [
  'openai',
  'azure',
  'gemini',
  'anthropic',
  'mistral',
  'deepseek',
  'groq',
  'openrouter',
  'xai',
  'ollama',
  'lmstudio',
  'llamacpp',
  'vllm',
  'custom',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** What a provider's chat completions API does differently from OpenAI's. */
export interface ProviderQuirks {
  /** Accepts `stream_options: {include_usage: true}`; false: send none (usage is then estimated). */
  streamOptions: boolean;
  /** The `response_format` modes it honours, strongest first; empty: it ignores the field (the prompt alone shapes the answer). */
  responseFormats: readonly ('json_schema' | 'json_object')[];
  /** The output-limit field it wants. */
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /**
   * Where a reasoning model's thoughts arrive in a streamed delta: `reasoning_content`,
   * `reasoning` (with `reasoning_details` on OpenRouter), content parts of type `thinking`, or
   * `<think>` tags in the content; null when the API returns none.
   */
  reasoning: 'reasoning_content' | 'reasoning' | 'content-parts' | 'think-tags' | null;
  /** The header that carries the key: `Authorization: Bearer …`, or Azure's `api-key`. */
  keyHeader: 'authorization' | 'api-key';
  /** Request fields it answers with an error rather than ignores: never send them. */
  refusedFields: readonly string[];
}

export interface ProviderPreset {
  id: ProviderId;
  label: string;
  /** '' where the URL is the user's own (Azure's resource, Custom): then `baseUrlPlaceholder` shows its form. */
  baseUrl: string;
  baseUrlPlaceholder: string;
  /** Hosted APIs need a key; local servers accept any key, or none. */
  keyRequired: boolean;
  /** On this machine or network (Ollama, LM Studio, llama.cpp, vLLM), rather than a hosted API. */
  local: boolean;
  /** A model the provider's documentation names; '' where the model is whatever the user deployed or loaded. */
  suggestedModel: string;
  quirks: ProviderQuirks;
  /** What was checked in the provider's documentation, and where (the README's Providers table repeats it). */
  verified: string;
}

/** OpenAI's own behaviour, which most servers copy. */
const OPENAI_QUIRKS: ProviderQuirks = {
  streamOptions: true,
  responseFormats: ['json_schema', 'json_object'],
  maxTokensField: 'max_tokens',
  reasoning: null,
  keyHeader: 'authorization',
  refusedFields: [],
};

export const PROVIDERS: Record<ProviderId, ProviderPreset> = {
  openai: {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    baseUrlPlaceholder: 'https://api.openai.com/v1',
    keyRequired: true,
    local: false,
    suggestedModel: 'gpt-4o-mini',
    // Reasoning models (o-series, gpt-5) refuse max_tokens and any temperature but the default;
    // every model accepts max_completion_tokens.
    quirks: { ...OPENAI_QUIRKS, maxTokensField: 'max_completion_tokens' },
    verified:
      'API reference and error-codes guide: base URL, Bearer key, json_schema and json_object, stream_options; reasoning models want max_completion_tokens and the default temperature.',
  },
  azure: {
    id: 'azure',
    label: 'Azure OpenAI',
    baseUrl: '',
    baseUrlPlaceholder: 'https://YOUR-RESOURCE.openai.azure.com/openai/v1',
    keyRequired: true,
    local: false,
    suggestedModel: '',
    quirks: { ...OPENAI_QUIRKS, maxTokensField: 'max_completion_tokens', keyHeader: 'api-key' },
    verified:
      'Azure OpenAI “API version lifecycle” (v1 API): base URL …/openai/v1/ with no api-version, the OpenAI client with an API key, the model is the deployment name.',
  },
  gemini: {
    id: 'gemini',
    label: 'Google Gemini',
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai',
    baseUrlPlaceholder: 'https://generativelanguage.googleapis.com/v1beta/openai',
    keyRequired: true,
    local: false,
    suggestedModel: 'gemini-3-flash-preview',
    quirks: OPENAI_QUIRKS,
    verified:
      'Gemini API “OpenAI compatibility”: base URL …/v1beta/openai/, Bearer key, chat completions and streaming; errors come as a JSON array (public reports).',
  },
  anthropic: {
    id: 'anthropic',
    label: 'Anthropic (OpenAI SDK compatibility)',
    baseUrl: 'https://api.anthropic.com/v1',
    baseUrlPlaceholder: 'https://api.anthropic.com/v1',
    keyRequired: true,
    local: false,
    suggestedModel: 'claude-haiku-4-5',
    quirks: { ...OPENAI_QUIRKS, responseFormats: [] },
    verified:
      'Claude docs “OpenAI SDK compatibility”: base URL https://api.anthropic.com/v1/; stream_options, max_tokens and max_completion_tokens supported; response_format ignored; temperature capped at 1; no thinking text returned.',
  },
  mistral: {
    id: 'mistral',
    label: 'Mistral',
    baseUrl: 'https://api.mistral.ai/v1',
    baseUrlPlaceholder: 'https://api.mistral.ai/v1',
    keyRequired: true,
    local: false,
    suggestedModel: 'mistral-small-latest',
    // Strict request validation: an unknown field is a 422 (field case 07's shape).
    quirks: { ...OPENAI_QUIRKS, streamOptions: false, reasoning: 'content-parts' },
    verified:
      'Mistral chat completions API: base URL https://api.mistral.ai/v1, Bearer key, response_format json_schema and json_object, model mistral-small-latest; reasoning models (Magistral) return thinking content parts.',
  },
  deepseek: {
    id: 'deepseek',
    label: 'DeepSeek',
    baseUrl: 'https://api.deepseek.com/v1',
    baseUrlPlaceholder: 'https://api.deepseek.com/v1',
    keyRequired: true,
    local: false,
    suggestedModel: 'deepseek-chat',
    quirks: { ...OPENAI_QUIRKS, responseFormats: ['json_object'], reasoning: 'reasoning_content' },
    verified:
      'DeepSeek API docs: OpenAI-compatible at https://api.deepseek.com (also /v1), models deepseek-chat and deepseek-reasoner (reasoning_content), JSON output through json_object.',
  },
  groq: {
    id: 'groq',
    label: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    baseUrlPlaceholder: 'https://api.groq.com/openai/v1',
    keyRequired: true,
    local: false,
    suggestedModel: 'llama-3.3-70b-versatile',
    quirks: {
      ...OPENAI_QUIRKS,
      responseFormats: ['json_object'],
      reasoning: 'reasoning',
      refusedFields: ['logprobs', 'logit_bias', 'top_logprobs'],
    },
    verified:
      'GroqDocs “OpenAI Compatibility”: base URL https://api.groq.com/openai/v1; logprobs, logit_bias, top_logprobs and messages[].name are refused with 400; n must be 1.',
  },
  openrouter: {
    id: 'openrouter',
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    baseUrlPlaceholder: 'https://openrouter.ai/api/v1',
    keyRequired: true,
    local: false,
    suggestedModel: 'openai/gpt-4o-mini',
    quirks: { ...OPENAI_QUIRKS, reasoning: 'reasoning' },
    verified:
      'OpenRouter API docs: base URL https://openrouter.ai/api/v1, Bearer key, stream_options usage, keep-alive SSE comments, delta.reasoning and reasoning_details, errors with metadata.raw from the upstream provider.',
  },
  xai: {
    id: 'xai',
    label: 'xAI',
    baseUrl: 'https://api.x.ai/v1',
    baseUrlPlaceholder: 'https://api.x.ai/v1',
    keyRequired: true,
    local: false,
    suggestedModel: 'grok-3-mini',
    quirks: { ...OPENAI_QUIRKS, reasoning: 'reasoning_content' },
    verified:
      'xAI docs: OpenAI-compatible API at https://api.x.ai/v1 with a Bearer key; grok-3-mini returns reasoning_content; a wrong key is a 400 (public reports).',
  },
  ollama: {
    id: 'ollama',
    label: 'Ollama (local)',
    baseUrl: 'http://localhost:11434/v1',
    baseUrlPlaceholder: 'http://localhost:11434/v1',
    keyRequired: false,
    local: true,
    suggestedModel: 'llama3.1',
    quirks: { ...OPENAI_QUIRKS, reasoning: 'reasoning' },
    verified:
      'Ollama “OpenAI compatibility”: base URL http://localhost:11434/v1, key ignored; supports stream_options.include_usage, response_format, max_tokens, reasoning_effort; OLLAMA_ORIGINS governs browser origins (FAQ).',
  },
  lmstudio: {
    id: 'lmstudio',
    label: 'LM Studio (local)',
    baseUrl: 'http://localhost:1234/v1',
    baseUrlPlaceholder: 'http://localhost:1234/v1',
    keyRequired: false,
    local: true,
    suggestedModel: '',
    quirks: { ...OPENAI_QUIRKS, responseFormats: ['json_schema'], reasoning: 'reasoning_content' },
    verified:
      'LM Studio docs: server on http://localhost:1234/v1 started from the Developer tab or lms server start; structured output through json_schema (json_object is not accepted).',
  },
  llamacpp: {
    id: 'llamacpp',
    label: 'llama.cpp server (local)',
    baseUrl: 'http://localhost:8080/v1',
    baseUrlPlaceholder: 'http://localhost:8080/v1',
    keyRequired: false,
    local: true,
    suggestedModel: '',
    quirks: { ...OPENAI_QUIRKS, reasoning: 'reasoning_content' },
    verified:
      'llama.cpp server README: listens on 127.0.0.1:8080 with OpenAI-compatible /v1/chat/completions, optional --api-key, one loaded model whatever the name; reasoning_content with the default reasoning format.',
  },
  vllm: {
    id: 'vllm',
    label: 'vLLM (local)',
    baseUrl: 'http://localhost:8000/v1',
    baseUrlPlaceholder: 'http://localhost:8000/v1',
    keyRequired: false,
    local: true,
    suggestedModel: '',
    quirks: { ...OPENAI_QUIRKS, reasoning: 'reasoning' },
    verified:
      'vLLM docs: OpenAI-compatible server on http://localhost:8000/v1, optional --api-key; with --reasoning-parser, thoughts arrive in reasoning (called reasoning_content before 0.11).',
  },
  custom: {
    id: 'custom',
    label: 'Custom OpenAI-compatible URL',
    baseUrl: '',
    baseUrlPlaceholder: 'https://…/v1',
    keyRequired: false,
    local: false,
    suggestedModel: '',
    quirks: OPENAI_QUIRKS,
    verified: 'Nothing beyond OpenAI’s own API: Sourcelens learns a server’s refusals as it meets them.',
  },
};

/** The presets as the Provider field groups them. */
export const PROVIDER_GROUPS: readonly { group: ProviderGroup; ids: readonly ProviderId[] }[] = [
  { group: 'hosted', ids: PROVIDER_IDS.filter((id) => !PROVIDERS[id].local && id !== 'custom') },
  { group: 'local', ids: PROVIDER_IDS.filter((id) => PROVIDERS[id].local) },
  { group: 'other', ids: ['custom'] },
];

/** How the Provider field groups the presets; each group's label is in locales/ (lib/ui/provider-text.ts). */
export type ProviderGroup = 'hosted' | 'local' | 'other';
