/**
 * A model name as the tables look it up: lower case, OpenAI's vendor prefix dropped
 * (`openai/gpt-4o-mini` on OpenRouter is `gpt-4o-mini`), other vendors' prefixes kept.
 */
export function tableModelName(model: string): string {
  const name = model.trim().toLowerCase();
  return name.startsWith('openai/') ? name.slice('openai/'.length) : name;
}

/** The first entry whose pattern the name starts with; tables list specific names before general ones. */
export function lookUpModel<Value>(table: ReadonlyArray<readonly [string, Value]>, model: string): Value | null {
  const name = tableModelName(model);
  // Ollama tags (`llama3.1:8b`) and dated snapshots (`gpt-4o-2024-08-06`) share their family's entry.
  const entry = table.find(([prefix]) => name === prefix || name.startsWith(prefix));
  return entry ? entry[1] : null;
}
