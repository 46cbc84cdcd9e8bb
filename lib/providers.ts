/** Provider presets shown on the options page. Kept free of the `openai` SDK so every page can import it. */
export const PROVIDER_IDS = ['openai', 'openrouter', 'ollama', 'lmstudio', 'custom'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface ProviderPreset {
  id: ProviderId;
  label: string;
  baseUrl: string;
  /** Local servers accept any key, or none. */
  keyRequired: boolean;
  suggestedModel: string;
  help: string;
}

export const PROVIDERS: Record<ProviderId, ProviderPreset> = {
  openai: {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    keyRequired: true,
    suggestedModel: 'gpt-4o-mini',
    help: 'Create a key under API keys in your OpenAI account.',
  },
  openrouter: {
    id: 'openrouter',
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    keyRequired: true,
    suggestedModel: 'openai/gpt-4o-mini',
    help: 'Create a key in your OpenRouter account; model names look like "vendor/model".',
  },
  ollama: {
    id: 'ollama',
    label: 'Ollama (local)',
    baseUrl: 'http://localhost:11434/v1',
    keyRequired: false,
    suggestedModel: 'llama3.1',
    help: 'Start Ollama with OLLAMA_ORIGINS="chrome-extension://*,moz-extension://*" so it accepts the extension.',
  },
  lmstudio: {
    id: 'lmstudio',
    label: 'LM Studio (local)',
    baseUrl: 'http://localhost:1234/v1',
    keyRequired: false,
    suggestedModel: '',
    help: 'Start the local server in LM Studio (Developer tab) and enable CORS there.',
  },
  custom: {
    id: 'custom',
    label: 'Custom OpenAI-compatible URL',
    baseUrl: '',
    keyRequired: false,
    suggestedModel: '',
    help: 'Any server that speaks the OpenAI chat completions API (vLLM, llama.cpp, a proxy).',
  },
};
