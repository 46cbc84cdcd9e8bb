/**
 * The language of a text from its most frequent function words, for the languages whose scripts
 * many languages share (Latin, Cyrillic, Arabic, Devanagari). Deterministic and small: it runs in
 * the page with the extraction, and in tests. Each list holds words that are frequent in news
 * prose of that language and rare in the others listed; a language wins only when it clearly
 * leads. Short or mixed texts get null: the browser's detector (`i18n.detectLanguage`) or the
 * script (lib/article/script-language.ts) decide those.
 */

/** Each language's function words, space-separated: frequent in its news prose, rare in the others here. */
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the and of to is that for was with said he it by from have has this are be not but which were will would its their they been who an',
  de: 'der die das und ist nicht mit sich auf für dem den von ein eine des im auch wurde sei hat zu bei nach wie noch aus werden sind einem einer sagte soll',
  fr: 'le la les et des est une du dans que qui pour pas sur au par avec il ce sont aux été ses mais plus elle ont cette selon leur',
  es: 'el la los las y que en del se por una con para es su al lo como más pero sus fue ha este según sin sobre también han desde',
  it: 'il di che è per non del della un una sono con si gli nel alla dei delle ha anche più al ma questo secondo stato ai sul',
  pt: 'o os de que e do da em um uma para com não por dos das no na é ao mais foi como mas também pelo pela seu sua são',
  nl: 'de het een en van is dat op te in niet met voor zijn er die aan ook maar worden wordt bij heeft naar dan nog om volgens',
  pl: 'i w na z się nie do że to jest jak po przez od ale dla za czy jego tak już który która które został była był',
  sv: 'och i att det som en på är av för med till den har inte om ett var men från sig vid kan efter enligt',
  ru: 'и в не на что с по как это к из он о за от но для же его так было был она уже также при года которые',
  uk: 'і в не на що з у та до як це за від але про для його які був також вже є було чи яка щоб',
  tr: 've bir bu da de için ile olarak çok daha gibi ama olan ne kadar sonra değil ya her göre',
  ro: 'și de în la a că cu pe nu o din un se pentru care mai sunt este au fost lui dar după',
  cs: 'a se na v je že to s z do o ve k by jako ale za pro jsou byl byla podle také není který',
  ar: 'في من على أن إلى عن مع التي الذي هذا هذه كان قال لا ما وقد بين أو بعد كما',
  fa: 'در و به از که این با را است برای آن یک تا بر می شد های هم شده کرد',
  ur: 'کے میں کی اور سے کا کو ہے نے پر یہ کہ ہیں تھا',
  hi: 'के में की है और से को का ने पर कि यह एक हैं था भी',
};

const LISTS = new Map(Object.entries(FUNCTION_WORDS).map(([language, words]) => [language, new Set(words.split(' '))]));

/** The languages this detector can recognise: only these may overrule a page's declaration. */
export const TEXT_LANGUAGES: ReadonlySet<string> = new Set(LISTS.keys());

/** At least this many function words of the winner: a headline or a caption is too short to tell. */
const MIN_HITS = 8;
/** The winner has this many times the runner-up's hits. */
const MIN_LEAD = 1.6;
/** And at least this share of all the words. */
const MIN_SHARE = 0.12;

/** The language of `text`, or null when it is too short or no language clearly leads. */
export function textLanguage(text: string): string | null {
  const tokens = text.toLocaleLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [];
  if (tokens.length === 0) return null;
  const hits = new Map<string, number>();
  for (const token of tokens) {
    for (const [language, words] of LISTS) if (words.has(token)) hits.set(language, (hits.get(language) ?? 0) + 1);
  }
  const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < MIN_HITS || first[1] / tokens.length < MIN_SHARE) return null;
  if (second && first[1] < second[1] * MIN_LEAD) return null;
  return first[0];
}
