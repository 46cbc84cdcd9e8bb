/**
 * Reasoning models served through OpenAI-compatible APIs (DeepSeek R1, Qwen3 on Ollama or
 * LM Studio) may put their chain of thought in the content, wrapped in <think>…</think>.
 * It is never part of the answer.
 */
const OPENING_TAGS = ['<think>', '<thinking>'];
const CLOSING_TAG = /<\/think(?:ing)?>/i;

/** Removes reasoning blocks; an unclosed one (still streaming) hides everything after it. */
export function stripThinking(text: string): string {
  let result = text.replace(/<think(?:ing)?>[\s\S]*?<\/think(?:ing)?>/gi, '');
  const unclosed = result.search(/<think(?:ing)?>/i);
  if (unclosed !== -1) result = result.slice(0, unclosed);
  // Some chat templates open the block in the prompt, so the answer starts inside it.
  const strayClose = result.search(CLOSING_TAG);
  if (strayClose !== -1) result = result.slice(strayClose).replace(CLOSING_TAG, '');
  return result.trim();
}

export interface ThinkingFilter {
  /** Takes the next content delta, returns the part of it that is answer. */
  push(delta: string): string;
  /** At the end of the stream: whatever was held back while deciding. */
  flush(): string;
}

/**
 * The streaming form, for text shown as it arrives: a reasoning block only counts at the start
 * of the answer, so a translation that merely mentions "<think>" is left alone.
 */
export function createThinkingFilter(): ThinkingFilter {
  let state: 'deciding' | 'thinking' | 'after-thinking' | 'answer' = 'deciding';
  let held = '';

  const push = (delta: string): string => {
    if (state === 'answer') return delta;
    held += delta;
    if (state === 'deciding') {
      const start = held.trimStart().toLowerCase();
      if (OPENING_TAGS.some((tag) => start.startsWith(tag))) {
        state = 'thinking';
      } else if (OPENING_TAGS.some((tag) => tag.startsWith(start))) {
        return '';
      } else {
        state = 'answer';
        return takeHeld();
      }
    }
    if (state === 'thinking') {
      const close = held.match(CLOSING_TAG);
      if (close?.index === undefined) return '';
      held = held.slice(close.index + close[0].length);
      state = 'after-thinking';
    }
    // Drop the blank lines between the reasoning block and the answer.
    held = held.trimStart();
    if (held === '') return '';
    state = 'answer';
    return takeHeld();
  };

  const takeHeld = (): string => {
    const text = held;
    held = '';
    return text;
  };

  return {
    push,
    flush: () => (state === 'deciding' ? takeHeld() : ''),
  };
}
