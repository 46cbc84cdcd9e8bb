import { describe, expect, it } from 'vitest';
import { presetForEndpoint } from '@/lib/preset-for-endpoint';

describe('presetForEndpoint', () => {
  it.each([
    ['https://api.openai.com/v1', 'openai'],
    ['https://generativelanguage.googleapis.com/v1beta/openai/', 'gemini'],
    ['https://api.anthropic.com/v1', 'anthropic'],
    ['https://api.deepseek.com', 'deepseek'],
    ['https://api.groq.com/openai/v1', 'groq'],
    ['https://contoso.openai.azure.com/openai/v1', 'azure'],
    ['https://contoso.cognitiveservices.azure.com/openai/v1', 'azure'],
    ['http://localhost:11434/v1', 'ollama'],
    ['http://localhost:1234/v1', 'lmstudio'],
    ['http://localhost:8080/v1', 'llamacpp'],
    ['http://localhost:8000/v1', 'vllm'],
  ])('%s → %s', (baseUrl, id) => {
    expect(presetForEndpoint(baseUrl)?.id).toBe(id);
  });

  it.each([
    'http://localhost:9999/v1',
    'https://llm-gateway.example.test/v1',
    'https://openai.azure.com.evil.test/v1',
    'nope',
  ])('%s → none', (baseUrl) => {
    expect(presetForEndpoint(baseUrl)).toBeNull();
  });
});
