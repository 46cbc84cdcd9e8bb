/** Languages people pick as a target most often, tried when turning a name into a tag. */
const COMMON_TAGS = (
  'en de fr es it pt nl pl uk ru tr ar he fa hi bn ur zh ja ko vi th id ms sv da no nb fi cs sk hu ro bg el sr ' +
  'hr sl lt lv et be ka hy sw ca eu gl ga cy is af ta te mr fil'
).split(' ');

const englishNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * The target language is a name in the settings ("English", "Deutsch"); `lang` needs a BCP 47
 * tag so screen readers pronounce the translation right. Undefined when the name is not known.
 */
export function languageTag(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  if (!wanted) return undefined;
  // Someone may type the code itself.
  if (/^[a-z]{2,3}$/.test(wanted)) return wanted;
  for (const tag of COMMON_TAGS) {
    const ownName = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    if (englishNames.of(tag)?.toLowerCase() === wanted || ownName?.toLowerCase() === wanted) return tag;
  }
  return undefined;
}
