/**
 * The language of text written in a script that only one (major) language uses, or null.
 * A page without `lang` in Japanese, Korean, Hebrew, Greek, Thai, Georgian or Armenian needs no
 * statistical detector: the script says it. Chinese is Han without kana (Japanese always mixes
 * in kana). Latin, Cyrillic, Arabic and Devanagari serve many languages: those are left to the
 * browser's detector (`i18n.detectLanguage`, in the background), as is Hebrew script with
 * Yiddish's ligatures.
 */
export function scriptLanguage(text: string): string | null {
  const counts = new Map<Script, number>();
  let letters = 0;
  for (const character of text) {
    const script = scriptOf(character);
    if (script === null) continue;
    letters += 1;
    if (script !== 'other') counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  if (letters === 0) return null;
  const share = (script: Script) => (counts.get(script) ?? 0) / letters;
  const kana = share('kana');
  const han = share('han');
  // Japanese news is about a third kana; a Chinese text quoting a Japanese name has next to none.
  if (kana + han > DOMINANT && kana >= 0.1 * (kana + han)) return 'ja';
  if (han > DOMINANT) return 'zh';
  if (share('hangul') + han > DOMINANT && share('hangul') > han) return 'ko';
  if (share('hebrew') > DOMINANT) return YIDDISH_LIGATURES.test(text) ? null : 'he';
  for (const [script, language] of SINGLE_LANGUAGE_SCRIPTS) if (share(script) > DOMINANT) return language;
  return null;
}

/** More than this share of the letters. */
const DOMINANT = 0.6;

const YIDDISH_LIGATURES = /[\u05f0-\u05f2\ufb1f]/u;

type Script = 'han' | 'kana' | 'hangul' | 'hebrew' | 'greek' | 'thai' | 'georgian' | 'armenian' | 'other';

const SINGLE_LANGUAGE_SCRIPTS: ReadonlyArray<readonly [Script, string]> = [
  ['greek', 'el'],
  ['thai', 'th'],
  ['georgian', 'ka'],
  ['armenian', 'hy'],
];

const PATTERNS: ReadonlyArray<readonly [Script, RegExp]> = [
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['greek', /\p{Script=Greek}/u],
  ['thai', /\p{Script=Thai}/u],
  ['georgian', /\p{Script=Georgian}/u],
  ['armenian', /\p{Script=Armenian}/u],
];

const LETTER = /\p{L}/u;

function scriptOf(character: string): Script | 'other' | null {
  if (!LETTER.test(character)) return null;
  if (character < '\u0370') return 'other';
  for (const [script, pattern] of PATTERNS) if (pattern.test(character)) return script;
  return 'other';
}
