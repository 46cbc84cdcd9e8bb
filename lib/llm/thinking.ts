/**
 * Reasoning that a model writes into its answer's content, in the forms servers really send:
 *
 * - `<think>…</think>` (DeepSeek R1, Qwen3 on Ollama, LM Studio, vLLM without a reasoning parser),
 *   also `<thinking>` and `<reasoning>`;
 * - the same with no opening tag: chat templates of Qwen3 "thinking" models open the block in the
 *   prompt, so the content starts inside it and only `</think>` shows where the answer begins;
 * - `[THINK]…[/THINK]` (Mistral's Magistral models).
 *
 * It is never part of the answer. Reasoning sent in separate fields (`reasoning_content`,
 * `reasoning`, parts of type `thinking`) is told apart in chat-chunk.ts; this module handles the
 * inline forms, streaming.
 */

const OPENING_TAGS = ['<think>', '<thinking>', '<reasoning>', '[think]'];
const OPENING_TAG = /^(?:<think>|<thinking>|<reasoning>|\[think\])/i;
const CLOSING_TAG = /<\/think>|<\/thinking>|<\/reasoning>|\[\/think\]/i;

export interface ThinkingFilter {
  /** Takes the next content delta, returns the part of it that is answer (possibly ''). */
  push(delta: string): string;
  /** At the end of the stream: whatever was held back while deciding. */
  flush(): string;
  /** True while the content seen so far is (or may be) reasoning rather than answer. */
  readonly thinking: boolean;
}

export interface ThinkingFilterOptions {
  /**
   * How the task's answer begins (a JSON answer with `{` or a code fence, a translation with its
   * `[p1]` marker). Content that starts otherwise, without an opening tag, is held back until a
   * closing tag shows it was reasoning, or the answer-start shows it was not; at the end of the
   * stream it is given back as answer. Without it, only tagged reasoning is recognised and an
   * answer streams at once.
   */
  answerStart?: RegExp;
}

/**
 * The streaming filter: a reasoning block only counts at the start of the content, so an answer
 * that merely mentions "<think>" later is left alone. Tags split across deltas are handled.
 */
export function createThinkingFilter(options: ThinkingFilterOptions = {}): ThinkingFilter {
  let state: 'deciding' | 'thinking' | 'after-thinking' | 'answer' = 'deciding';
  let held = '';

  const take = (): string => {
    const text = held;
    held = '';
    return text;
  };

  const afterReasoning = (closeIndex: number, closeLength: number): string => {
    held = held.slice(closeIndex + closeLength);
    state = 'after-thinking';
    return trimIntoAnswer();
  };

  // Drop the blank lines between the reasoning block and the answer.
  const trimIntoAnswer = (): string => {
    held = held.trimStart();
    if (held === '') return '';
    state = 'answer';
    return take();
  };

  const push = (delta: string): string => {
    if (state === 'answer') return delta;
    held += delta;
    if (state === 'after-thinking') return trimIntoAnswer();
    if (state === 'deciding') {
      const start = held.trimStart();
      const opening = start.match(OPENING_TAG);
      if (opening) {
        held = start.slice(opening[0].length);
        state = 'thinking';
      } else if (start === '' || OPENING_TAGS.some((tag) => tag.startsWith(start.toLowerCase()))) {
        return '';
      } else {
        const close = held.match(CLOSING_TAG);
        if (close?.index !== undefined) return afterReasoning(close.index, close[0].length);
        if (!options.answerStart || options.answerStart.test(start)) {
          state = 'answer';
          return take();
        }
        // Maybe reasoning whose opening tag was in the prompt: wait for a closing tag or the end.
        return '';
      }
    }
    // state === 'thinking'
    const close = held.match(CLOSING_TAG);
    if (close?.index === undefined) return '';
    return afterReasoning(close.index, close[0].length);
  };

  return {
    push,
    flush: () => (state === 'deciding' ? take() : state === 'after-thinking' ? trimIntoAnswer() : ''),
    get thinking() {
      return state === 'thinking' || (state === 'deciding' && held.trim() !== '');
    },
  };
}

/** The answer of a whole text, reasoning blocks removed (see createThinkingFilter). */
export function stripThinking(text: string, options: ThinkingFilterOptions = {}): string {
  const filter = createThinkingFilter(options);
  return (filter.push(text) + filter.flush()).trim();
}

/** How a JSON answer begins: an object, or a Markdown code fence around one. */
export const JSON_ANSWER_START = /^(?:\{|\[|```)/;

/** How a translation answer begins: its first paragraph marker, `[p1]`, possibly bold or escaped. */
export const TRANSLATION_ANSWER_START = /^(?:\*\*|__)?\\?\[\s*p\s*\d/i;
