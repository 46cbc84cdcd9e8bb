import { describe, expect, it } from 'vitest';
import { parseEndpoint } from '@/lib/llm/endpoint';
import { PROVIDER_GROUPS, PROVIDER_IDS, PROVIDERS } from '@/lib/providers';

describe('provider presets', () => {
  it('lists every preset once, in its group', () => {
    expect(PROVIDER_GROUPS.flatMap((group) => group.ids).sort()).toEqual([...PROVIDER_IDS].sort());
  });

  it.each(PROVIDER_IDS.filter((id) => PROVIDERS[id].baseUrl !== ''))(
    '%s: an http(s) Base URL whose permission covers its own origin only, local exactly when the preset says',
    (id) => {
      const preset = PROVIDERS[id];
      const endpoint = parseEndpoint(preset.baseUrl);
      expect(endpoint).not.toBeNull();
      const url = new URL(preset.baseUrl);
      expect(endpoint?.permissionPattern).toBe(`${url.protocol}//${url.hostname}/*`);
      expect(endpoint?.locality === 'local').toBe(preset.local);
      // Hosted APIs are reached over https only, and want a key.
      if (!preset.local) {
        expect(url.protocol).toBe('https:');
        expect(preset.keyRequired).toBe(true);
      }
    },
  );

  // Each preset's setup step is in locales/ (lib/ui/provider-text.test.ts).
  it('names what was verified for each', () => {
    for (const id of PROVIDER_IDS) expect(PROVIDERS[id].verified.length).toBeGreaterThan(30);
  });

  it('keeps the quirks the request side must honour', () => {
    expect(PROVIDERS.azure.quirks.keyHeader).toBe('api-key');
    expect(PROVIDERS.anthropic.quirks.responseFormats).toEqual([]);
    expect(PROVIDERS.lmstudio.quirks.responseFormats).toEqual(['json_schema']);
    expect(PROVIDERS.deepseek.quirks.reasoning).toBe('reasoning_content');
    expect(PROVIDERS.openai.quirks.maxTokensField).toBe('max_completion_tokens');
    expect(PROVIDERS.groq.quirks.refusedFields).toContain('logprobs');
  });
});
