import type { PermissionOutcome } from './request-host-permission';

function hostOf(pattern: string | null): string {
  return pattern ? pattern.replace(/\/\*$/, '') : 'the endpoint';
}

/**
 * Why host access matters, in the words of the refusal. Null when it was granted. `button`: the
 * button that asks again (Save on the options page, Test connection in the panel's setup).
 */
export function permissionProblem(outcome: PermissionOutcome, button = 'Save'): string | null {
  if (outcome.granted || outcome.reason === 'invalid-url') return null;
  const origin = hostOf(outcome.pattern);
  const why = `Sourcelens asks for access to ${origin} so the browser sends requests straight to your endpoint. Without it, the browser first sends a CORS check that many servers (Ollama and LM Studio among them) refuse, and requests may fail.`;
  return outcome.reason === 'declined'
    ? `${why} Press ${button} again and choose Allow.`
    : `${why} The browser did not ask: ${outcome.detail ?? 'unknown reason'}.`;
}
