/**
 * Which tokenizer a model counts with. OpenAI's current models (GPT-4o, GPT-4.1, GPT-5, the o
 * series) use o200k_base; GPT-4 and GPT-3.5 use cl100k_base. OpenRouter names carry a vendor
 * prefix (`openai/gpt-4o-mini`). Anything else (Llama, Mistral, Qwen, Claude, Gemini) is `other`:
 * their tokenizers are not OpenAI's, so the estimate leans to the cautious side for them.
 */
export type TokenizerFamily = 'o200k' | 'cl100k' | 'other';

export function tokenizerFamily(model: string): TokenizerFamily {
  const name = model.trim().toLowerCase();
  const [vendor, bare] = name.includes('/')
    ? [name.slice(0, name.indexOf('/')), name.slice(name.indexOf('/') + 1)]
    : ['openai', name];
  if (vendor !== 'openai') return 'other';
  if (/^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o1|o3|o4)/.test(bare)) return 'o200k';
  if (/^(gpt-4|gpt-3\.5|text-embedding-3|text-embedding-ada)/.test(bare)) return 'cl100k';
  return 'other';
}
