import { readFileSync } from 'node:fs';
import { PROMPT_MARKERS } from '../../lib/llm/prompts';

/**
 * The seed article's expected answers, as the test server streams them by default. Read from
 * disk on first use, relative to this file, so the server works under Vitest, tsx and Node alike.
 */
const fixtureUrl = (name: string) => new URL(`../fixtures/llm/${name}`, import.meta.url);

let cached: { analysis: string; translation: string } | null = null;

export function seedFixtures(): { analysis: string; translation: string } {
  cached ??= {
    analysis: readFileSync(fixtureUrl('seed-analysis.json'), 'utf8'),
    translation: readFileSync(fixtureUrl('seed-translation.md'), 'utf8'),
  };
  return cached;
}

export type RequestPurpose = 'analysis' | 'translation' | 'other';

/**
 * Which of the app's two requests a chat completion body is. The system message opens with
 * PROMPT_MARKERS (lib/llm/prompts.ts), which holds in every analysis mode, including prompt-only
 * where no response_format is sent; a response_format alone also means analysis.
 */
export function requestPurpose(body: unknown): RequestPurpose {
  if (typeof body !== 'object' || body === null) return 'other';
  const text = messagesText(body);
  if (text.includes(PROMPT_MARKERS.analysis) || 'response_format' in body) return 'analysis';
  if (text.includes(PROMPT_MARKERS.translation)) return 'translation';
  return 'other';
}

/** All message contents joined: what the prompt-token estimate counts and the markers are looked for in. */
export function messagesText(body: object): string {
  const messages: unknown = Reflect.get(body, 'messages');
  if (!Array.isArray(messages)) return '';
  return messages
    .map((message: unknown) => {
      const content: unknown = typeof message === 'object' && message !== null ? Reflect.get(message, 'content') : '';
      if (typeof content === 'string') return content;
      return Array.isArray(content) ? JSON.stringify(content) : '';
    })
    .join('\n');
}
