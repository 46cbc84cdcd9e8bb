import type { Paragraph } from '@/lib/article/article';

/**
 * The paragraphs a chat request carries, read back from the `<article>` block that
 * formatArticle (lib/llm/prompts.ts) writes: one `[p3] text` line each. A request for one part
 * of a long article carries only that part's paragraphs.
 */
export function requestParagraphs(body: unknown): Paragraph[] {
  if (typeof body !== 'object' || body === null) return [];
  const text = messagesText(body);
  // The delimiters on lines of their own: the instructions mention them inside sentences too.
  const start = text.search(/^<article>$/m);
  const end = text.search(/^<\/article>$/m);
  if (start === -1 || end < start) return [];
  return text
    .slice(start, end)
    .split('\n')
    .flatMap((line) => {
      const match = line.match(/^\[(p\d+)\] (.*)$/);
      return match?.[1] !== undefined && match[2] !== undefined ? [{ id: match[1], text: match[2] }] : [];
    });
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
