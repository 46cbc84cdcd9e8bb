/**
 * Some endpoints echo the credential they rejected ("Incorrect API key provided: sk-abc…"), and
 * not all of them mask it as OpenAI does. Whatever an endpoint says is shown to the user, kept in
 * the job's session state and may end up in a report, so a key is cut down to its last four
 * characters before it is kept anywhere: enough to tell which key was meant, useless to anyone else.
 */

/** Keys shorter than this are not shortened to their last four characters but hidden entirely. */
const MIN_SHOWN_LENGTH = 12;

/**
 * Key-shaped words, for keys the caller does not know (an endpoint may echo another credential):
 * the providers' prefixes (sk-, sk-proj-, sk-ant-, sk-or-v1-, gsk_, xai-, hf_, pplx-, nvapi-,
 * r8_, fw_, AIza) followed by a long secret, and any long token right after "key", "token" or
 * "Bearer". OpenAI's own mask (`sk-****abcd`) has stars, so it never matches.
 */
const PREFIXED_KEY = /\b(?:sk|rk|gsk|xai|hf|pplx|nvapi|r8|fw|AIza)[-_]?[A-Za-z0-9][A-Za-z0-9_-]{15,}/g;
const AFTER_KEY_WORD =
  /(\b(?:api[ _-]?key|key|token|bearer)\b["']?\s*(?:provided)?\s*[:=]?\s*["']?)([A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*)/gi;

/** Shorter words after "key" or "token" are ordinary words, not secrets. */
const MIN_TOKEN_LENGTH = 20;

/** `…wxyz` for a long secret, `…` for a short one. */
export function maskSecret(secret: string): string {
  return secret.length >= MIN_SHOWN_LENGTH ? `…${secret.slice(-4)}` : '…';
}

/** `text` with every occurrence of `knownKeys` and of key-shaped words reduced to their last four characters. */
export function redactKeys(text: string, knownKeys: readonly string[] = []): string {
  let redacted = text;
  for (const key of knownKeys.map((each) => each.trim()).filter((each) => each.length >= 4)) {
    redacted = redacted.split(key).join(maskSecret(key));
  }
  return redacted
    .replace(PREFIXED_KEY, (match) => maskSecret(match))
    .replace(AFTER_KEY_WORD, (_match, lead: string, word: string) =>
      word.length >= MIN_TOKEN_LENGTH && /\d/.test(word) ? `${lead}${maskSecret(word)}` : `${lead}${word}`,
    );
}
