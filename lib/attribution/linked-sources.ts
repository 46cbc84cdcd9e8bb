import type { Article } from '@/lib/article/article';
import { siteDomain } from '@/lib/article/site-domain';
import type { PartialAnalysis } from '@/lib/attribution/analysis';

export interface LinkedSource {
  name: string;
  url: string;
}

/**
 * Articles and particles that outlets often carry in their names ("The Times", "Der Spiegel")
 * but that link text and domains drop.
 */
const STOPWORDS = new Set(
  'the a an of der die das des dem den le la les l el los las il lo gli de du del della di von van'.split(' '),
);

/** Names that stand for nobody in particular: never matched against links. */
const PLACEHOLDERS = new Set(['none', 'this page', 'this article', 'unnamed', 'unknown', 'anonymous']);

/** Second-level labels under a country code (`bbc.co.uk`, `abc.net.au`) that are not the site's name. */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'or', 'ne', 'gv']);

/** Words a news site often adds after an acronym in its domain (AP → apnews.com). */
const ACRONYM_SUFFIXES = ['news', 'online', 'world', 'today', 'live', 'media'];

function tokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function significant(words: string[]): string[] {
  return words.filter((word) => !STOPWORDS.has(word));
}

/** `www.nytimes.com` → `nytimes`; `www.bbc.co.uk` → `bbc`. */
export function siteLabel(hostname: string): string | null {
  const parts = hostname.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  if (parts.length < 2) return null;
  let tld = parts.length - 1;
  const secondLevel = parts[tld - 1];
  if (parts.length >= 3 && parts[tld]?.length === 2 && secondLevel && SECOND_LEVEL.has(secondLevel)) tld -= 1;
  return parts[tld - 1] ?? null;
}

/** A single all-capitals token such as "NYT" or "AP": the way outlets are abbreviated. */
function acronymOf(name: string): string | null {
  const trimmed = name.trim();
  return /^\p{Lu}{2,6}$/u.test(trimmed) ? trimmed.toLowerCase() : null;
}

/** Can `label` be spelled by taking each word whole or by its initial, in order? ("nytimes" ← New York Times) */
function spelledByWords(words: string[], label: string): boolean {
  const step = (wordIndex: number, position: number): boolean => {
    if (wordIndex === words.length) return position === label.length;
    const word = words[wordIndex] ?? '';
    if (label.startsWith(word, position) && step(wordIndex + 1, position + word.length)) return true;
    return label[position] === word[0] && step(wordIndex + 1, position + 1);
  };
  return step(0, 0);
}

function nameMatchesSite(name: string, label: string): boolean {
  const words = tokens(name);
  const core = significant(words);
  if (core.length === 0 || label.length < 2) return false;
  if (words.join('') === label || core.join('') === label) return true;
  if (core.length >= 2 && spelledByWords(core, label)) {
    // All initials of two words ("nt") is too weak a signal; three or more make an acronym.
    return label.length >= 3;
  }
  const acronym = acronymOf(name);
  if (!acronym) return false;
  if (acronym === label) return true;
  if (ACRONYM_SUFFIXES.some((suffix) => label === acronym + suffix)) return true;
  // "NYT" ↔ "nytimes": all but the last letter as initials, the last one starting a word.
  if (acronym.length >= 3) {
    const head = acronym.slice(0, -1);
    const rest = label.slice(head.length);
    return label.startsWith(head) && rest.length >= 3 && rest[0] === acronym.at(-1);
  }
  return false;
}

function containsRun(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) return true;
  }
  return false;
}

function nameMatchesAnchor(name: string, anchorText: string): boolean {
  const nameWords = significant(tokens(name));
  const anchorWords = significant(tokens(anchorText));
  if (nameWords.length === 0 || anchorWords.length === 0) return false;
  // The anchor names the source ("laut der New York Times"), but is not a whole headline that merely mentions it.
  if (containsRun(anchorWords, nameWords) && anchorWords.length <= nameWords.length + 3) {
    return nameWords.some((word) => word.length >= 3);
  }
  // A shortened name ("York Times") counts; a single word of it ("Washington" of "Washington Post") does not.
  if (containsRun(nameWords, anchorWords)) return anchorWords.length >= 2 && anchorWords.length * 2 >= nameWords.length;
  const nameAcronym = acronymOf(name);
  if (nameAcronym && anchorWords.length >= 2 && anchorWords.map((word) => word[0]).join('') === nameAcronym) {
    return true;
  }
  const anchorAcronym = acronymOf(anchorText);
  return Boolean(anchorAcronym && nameWords.length >= 2 && nameWords.map((word) => word[0]).join('') === anchorAcronym);
}

function candidateNames(notes: PartialAnalysis['notes']): string[] {
  const names: string[] = [];
  for (const note of notes ?? []) {
    const type = note.source?.type;
    if (note.source?.name && type !== 'anonymous' && type !== 'none') names.push(note.source.name);
    for (const link of note.chain ?? []) if (link.name) names.push(link.name);
  }
  const seen = new Set<string>();
  return names
    .map((name) => name.trim())
    .filter((name) => {
      const key = name.toLowerCase();
      if (!name || PLACEHOLDERS.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Which named sources of the notes the article links to: a source name (or a relay in its chain)
 * matches a link when the link's text names it ("New York Times") or the link's site is it
 * ("NYT" or "The New York Times" ↔ nytimes.com). Links to the article's own site are matched
 * by their text only: the outlet's internal links are not its sources.
 */
export function linkedSources(article: Article, notes: PartialAnalysis['notes']): LinkedSource[] {
  const ownHost = siteDomain(article.canonicalUrl) ?? siteDomain(article.url);
  const result: LinkedSource[] = [];
  const usedUrls = new Set<string>();
  for (const name of candidateNames(notes)) {
    for (const link of article.links) {
      if (usedUrls.has(link.url)) continue;
      const host = siteDomain(link.url);
      if (!host) continue;
      const label = host === ownHost ? null : siteLabel(host);
      if (nameMatchesAnchor(name, link.text) || (label !== null && nameMatchesSite(name, label))) {
        usedUrls.add(link.url);
        result.push({ name, url: link.url });
      }
    }
  }
  return result;
}
