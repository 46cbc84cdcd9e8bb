/**
 * What news pages put inside or beside the article body that is not the article: ad labels,
 * "read also" teasers, newsletter and subscription boxes, image credits, bylines and lone
 * datelines. In the languages the hedge lexicons cover (de, en, es, fr, it, pt, ru), with Dutch,
 * Polish, and the CJK and right-to-left languages Sourcelens reads. The phrases are the ones
 * those sites print; each list is matched whole or at the start of a line, never inside a sentence.
 */

import { normaliseWhitespace } from '@/lib/article/segments';

/** A line that is only this is an ad label. */
const AD_LABELS = new Set(
  [
    'anzeige',
    'werbung',
    'sponsored',
    'advertisement',
    'advertising',
    'ad',
    'ads',
    'promoted',
    'paid content',
    'partner content',
    'publicidad',
    'anuncio',
    'contenido patrocinado',
    'publicité',
    'pub',
    'contenu sponsorisé',
    'pubblicità',
    'contenuto sponsorizzato',
    'publicidade',
    'conteúdo patrocinado',
    'реклама',
    'партнерский материал',
    'партнёрский материал',
    'advertentie',
    'reklama',
    '广告',
    '廣告',
    '広告',
    'pr',
    '광고',
    'إعلان',
    'اعلان',
    'פרסומת',
  ].map((label) => label.normalize('NFC')),
);

/** A line starting like this, and mostly links or short, points to other articles. */
const TEASER_CUES = [
  'mehr zum thema',
  'lesen sie auch',
  'lesen sie mehr',
  'auch interessant',
  'das könnte sie auch interessieren',
  'weitere artikel',
  'zum thema',
  'siehe auch',
  'read also',
  'read more',
  'also read',
  'related',
  'see also',
  'more on this',
  'more on this story',
  'recommended',
  'you may also like',
  'lee también',
  'leer más',
  'te puede interesar',
  'más información',
  'noticias relacionadas',
  'lire aussi',
  'à lire aussi',
  'a lire aussi',
  'voir aussi',
  'sur le même sujet',
  'lire la suite',
  'leggi anche',
  'potrebbe interessarti',
  'approfondisci',
  'leia também',
  'leia mais',
  'veja também',
  'saiba mais',
  'читайте также',
  'читайте еще',
  'читайте ещё',
  'смотрите также',
  'по теме',
  'lees ook',
  'lees meer',
  'czytaj także',
  'czytaj też',
  'zobacz też',
  'čtěte také',
  'čtěte též',
  'přečtěte si také',
  'související články',
  '相关阅读',
  '相關閱讀',
  '延伸阅读',
  '延伸閱讀',
  '关联记事',
  '関連記事',
  'あわせて読みたい',
  '관련기사',
  '관련 기사',
  'اقرأ أيضا',
  'اقرأ أيضاً',
  'اقرأ ايضا',
  'إقرأ أيضا',
  'קראו גם',
  'עוד בנושא',
];

/** A line starting like this is a newsletter or subscription call, or a paywall's offer. */
const SUBSCRIPTION_STARTS = [
  'newsletter',
  'abonnieren sie',
  'jetzt abonnieren',
  'sie möchten weiterlesen',
  'weiterlesen mit',
  'sign up',
  'subscribe',
  'to continue reading',
  'continue reading',
  'this article is for subscribers',
  'suscríbete',
  'suscribete',
  'hazte suscriptor',
  'abonnez-vous',
  'inscrivez-vous',
  'iscriviti',
  'abbonati',
  'assine',
  'inscreva-se',
  'подпишитесь',
  'оформите подписку',
  'abonneer',
  'zapisz się',
  'subskrybuj',
  '订阅',
  '購読',
  '구독',
  'اشترك',
  'הירשמו',
];
/** Phrases that make a short line a subscription call wherever they stand. */
const SUBSCRIPTION_PHRASES = [
  'newsletter abonnieren',
  'unseren newsletter',
  'bereits abonnent',
  'our newsletter',
  'already a subscriber',
  'nuestro boletín',
  'nuestra newsletter',
  'ya eres suscriptor',
  'notre newsletter',
  'déjà abonné',
  'la nostra newsletter',
  'sei già abbonato',
  'nossa newsletter',
  'já é assinante',
  'нашу рассылку',
  'уже подписаны',
];

/** "Foto: dpa", "Photo: Reuters", "© AFP": an image credit, when the line is short. */
const CREDIT_PREFIX =
  /^(?:(?:foto|fotos|photo|photos|bild|bilder|image|images|credit|credits|quelle|source|fotografía|fotografia|imagen|imagem|crédit|crédits|crédito|credito|фото|иллюстрация|источник|图片|图片来源|圖片|写真|사진|صورة|צילום)\s*[:：/|]|(?:foto|photo|bild)s?\s+(?:by|von|de|di|da)\s|©)/iu;
const MAX_CREDIT_WORDS = 10;

/** "Von Jana Weber", "By Ana Ruiz", "Автор: Ирина Соколова": a byline line, not a paragraph. */
const BYLINE_PREFIX =
  /^(?:von|by|por|par|di|door|av|af|автор|авторы|текст|מאת|بقلم|記者|记者|기자)\b\s*:?\s*\p{Lu}|^(?:автор|текст)\s*:/iu;
const MAX_BYLINE_WORDS = 8;

const MONTHS =
  'jan|januar|january|enero|janvier|gennaio|janeiro|января|feb|februar|february|febrero|février|febbraio|fevereiro|февраля|mär|märz|mar|march|marzo|mars|março|марта|apr|april|abril|avril|aprile|апреля|mai|may|mayo|maggio|maio|мая|jun|juni|june|junio|juin|giugno|junho|июня|jul|juli|july|julio|juillet|luglio|julho|июля|aug|august|agosto|août|августа|sep|sept|september|septiembre|septembre|settembre|setembro|сентября|okt|oct|oktober|october|octubre|octobre|ottobre|outubro|октября|nov|november|noviembre|novembre|novembro|ноября|dez|dec|dezember|december|diciembre|décembre|dicembre|dezembro|декабря';
const DATELINE_WORDS = new Set(
  (
    'stand aktualisiert veröffentlicht updated published posted last modified actualizado publicado ' +
    'mis à jour publié le aggiornato pubblicato atualizado обновлено опубликовано uhr am um on at ' +
    'zveřejněno aktualizováno autor ' +
    'h hrs de del el la à às alle ore в г года utc cet cest mez msk et gmt · | - – — , . ' +
    'montag dienstag mittwoch donnerstag freitag samstag sonntag monday tuesday wednesday thursday friday ' +
    'saturday sunday lunes martes miércoles jueves viernes sábado domingo lundi mardi mercredi jeudi vendredi ' +
    'samedi dimanche lunedì martedì mercoledì giovedì venerdì sabato domenica'
  ).split(' '),
);
const DATE_OR_TIME = new RegExp(
  `\\d{1,2}[.:/]\\d{1,2}|\\d{4}-\\d{2}-\\d{2}|\\b(?:${MONTHS})\\b|\\d{1,2}\\s*(?:h|uhr)\\b|\\d{1,2}月\\d{1,2}日|\\d{4}年`,
  'iu',
);

export type BoilerplateKind = 'ad-label' | 'teaser' | 'link-list' | 'subscription' | 'credit' | 'byline' | 'dateline';

/**
 * Why a line of text is boilerplate rather than article text, or null when it is article text.
 * `linkShare` is the share of its characters inside links (0–1): a "read also" line is mostly a
 * link; `linkCount` how many links it holds.
 */
export function boilerplateKind(rawText: string, linkShare = 0, linkCount = 0): BoilerplateKind | null {
  const text = normaliseWhitespace(rawText);
  if (!text) return null;
  const lower = text.toLocaleLowerCase().normalize('NFC');
  const bare = lower.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
  const words = text.split(' ').length;
  if (AD_LABELS.has(bare)) return 'ad-label';
  // A row of several links and nothing else (topic tags, "more stories"), not a sentence: navigation.
  if (linkCount >= 2 && linkShare >= 0.9 && !/[.!?。！？]$/u.test(text)) return 'link-list';
  const sentence = /[.!?。！？]$/u.test(text);
  // Bare of leading punctuation: Japanese and Chinese sites bracket the cue, 【関連記事】.
  if (
    startsWithCue(bare, TEASER_CUES) &&
    (linkShare >= 0.4 || (words <= 12 && !sentence) || bare.length === cueLength(bare))
  )
    return 'teaser';
  if (words <= 40 && (startsWithCue(lower, SUBSCRIPTION_STARTS) || containsCue(lower, SUBSCRIPTION_PHRASES)))
    return 'subscription';
  if (words <= MAX_CREDIT_WORDS && CREDIT_PREFIX.test(text)) return 'credit';
  if (words <= MAX_BYLINE_WORDS && BYLINE_PREFIX.test(text) && !/[.!?]$/u.test(text)) return 'byline';
  if (isLoneDateline(text)) return 'dateline';
  return null;
}

function startsWithCue(lower: string, cues: readonly string[]): boolean {
  return cues.some((cue) => lower.startsWith(cue) && !/[\p{L}\p{N}]/u.test(lower.charAt(cue.length)));
}

function cueLength(lower: string): number {
  const cue = TEASER_CUES.find((candidate) => lower.startsWith(candidate));
  return cue?.length ?? -1;
}

function containsCue(lower: string, cues: readonly string[]): boolean {
  return cues.some((cue) => lower.includes(cue));
}

/**
 * A line that is a date, a time, a place and a few words around them ("23.11.2026, 09.12 Uhr",
 * "Updated 10:35 CET", "24 ноября 2026, 17:05 · Автор: …" is a byline): no sentence.
 */
function isLoneDateline(text: string): boolean {
  // "Am 12. März um 10 Uhr." is a sentence; "23.11.2026" ends in a digit.
  if (!DATE_OR_TIME.test(text) || /\p{L}[.!?]$/u.test(text)) return false;
  const tokens = text
    .toLocaleLowerCase()
    .split(/[\s,·|]+/u)
    .filter(Boolean);
  if (tokens.length > 12) return false;
  let words = 0;
  for (const token of tokens) {
    const bare = token.replace(/[\p{P}\p{S}]+/gu, '');
    if (!bare || /^\d/u.test(bare) || DATELINE_WORDS.has(bare) || new RegExp(`^(?:${MONTHS})$`, 'u').test(bare))
      continue;
    words += 1;
  }
  // A place name or an author's name may stand beside the date; a sentence has more words.
  return words <= 3;
}

/**
 * Class, id and role words of elements that hold no article text: ads, share rows, newsletter and
 * subscription boxes, related-article lists. Matched against the words of `class` and `id`
 * (split at `-`, `_` and camel case), so `ad-slot` is an ad and `shadow` or `headline` are not.
 */
const BOX_CLASS_WORDS = new Set([
  'ad',
  'ads',
  'adslot',
  'advert',
  'advertisement',
  'anzeige',
  'sponsor',
  'sponsored',
  'newsletter',
  'subscribe',
  'subscription',
  'paywall',
  'regwall',
  'piano',
  'related',
  'recommended',
  'recommendations',
  'readmore',
  'outbrain',
  'taboola',
  'share',
  'sharing',
  'social',
  'comments',
  'promo',
  'meistgelesen',
  'mostread',
]);
const BOILERPLATE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'BUTTON', 'FIGURE', 'TIME', 'ADDRESS']);
/** Past this many words a box with such a class is more likely a wrapper of the article than a box. */
const MAX_BOX_WORDS = 80;

/** The words of an element's `class`, `id` and `data-*` area names, lower case. */
export function classWords(element: Element): string[] {
  const raw = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('data-area') ?? ''}`;
  return raw
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[\s\-_]+/u)
    .filter(Boolean);
}

/**
 * An element that holds no paragraph of the article: navigation, asides, forms, figures (their
 * captions are Readability's to keep), or a boilerplate box (`isBoilerplateBox`).
 */
export function isBoilerplateElement(element: Element): boolean {
  if (BOILERPLATE_TAGS.has(element.tagName.toUpperCase())) return true;
  const role = element.getAttribute('role');
  if (role === 'navigation' || role === 'complementary' || role === 'contentinfo') return true;
  return isBoilerplateBox(element);
}

/**
 * A box of boilerplate by its class words (an ad slot, a share row, a newsletter or related-links
 * box), and short or mostly links: a long text with such a class is more likely the article's
 * wrapper (`<div class="paywall">` around a subscriber's article) than a box.
 */
export function isBoilerplateBox(element: Element): boolean {
  if (!classWords(element).some((word) => BOX_CLASS_WORDS.has(word))) return false;
  const words = normaliseWhitespace(element.textContent ?? '').split(' ').length;
  return words <= MAX_BOX_WORDS || linkShareOf(element) > 0.5;
}

/** Class words of the story's furniture that Readability keeps as text: the kicker above the headline, breadcrumbs. */
const FURNITURE_BOX_WORDS = new Set([
  'kicker',
  'overline',
  'roofline',
  'dachzeile',
  'breadcrumb',
  'breadcrumbs',
  'eyebrow',
]);
const MAX_FURNITURE_WORDS = 12;

/** A short kicker or breadcrumb line: the site's label for the story, not a sentence of it. */
export function isFurnitureLine(element: Element): boolean {
  if (!classWords(element).some((word) => FURNITURE_BOX_WORDS.has(word))) return false;
  return normaliseWhitespace(element.textContent ?? '').split(' ').length <= MAX_FURNITURE_WORDS;
}

/** Share of an element's characters that sit inside links (0–1). */
export function linkShareOf(element: Element): number {
  const total = normaliseWhitespace(element.textContent ?? '').length;
  if (total === 0) return 0;
  let linked = 0;
  for (const link of Array.from(element.querySelectorAll('a')))
    linked += normaliseWhitespace(link.textContent ?? '').length;
  return Math.min(1, linked / total);
}
