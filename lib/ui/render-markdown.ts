/**
 * Model output is untrusted: it may echo markup from the article or be steered by it
 * (prompt injection). Markdown is parsed by `marked` and then sanitized with an allow-list,
 * so only plain formatting survives. A link stays clickable only when its target is one of the
 * article's own links (a model steered by the page could otherwise plant a look-alike address in a
 * faithful-looking translation); it opens in a new tab. Every other link keeps its text, not its target.
 */

import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';
import { Marked } from 'marked';

/** The elements sanitized Markdown may keep: plain formatting only. */
const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'strong',
  'b',
  'em',
  'i',
  'del',
  's',
  'sup',
  'sub',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];
const ALLOWED_ATTR = ['href', 'title', 'lang', 'dir', 'start'];

// A private Marked instance, so nothing else in the bundle can change how we parse.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

let purifier: Purifier | null = null;
/** The link targets allowed during the current (synchronous) sanitize call, as `URL.href`s. */
let allowedTargets: ReadonlySet<string> = new Set();

function getPurifier(): Purifier {
  if (purifier) return purifier;
  // A private DOMPurify instance: the link hook below must not leak into other users of DOMPurify.
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const href = node.getAttribute('href');
    const target = href ? httpUrl(href) : null;
    if (target && allowedTargets.has(target)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else {
      // Relative links would resolve inside the extension; other schemes could run code; and a
      // target the article does not link to is the model's (or the page's) word alone.
      node.removeAttribute('href');
    }
  });
  purifier = instance;
  return instance;
}

/** The URL's `href` form when it is an absolute http(s) URL, else null. */
function httpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Markdown in, sanitized HTML out: the only string any surface assigns to innerHTML.
 * `allowedLinks`: the article's own link targets (absolute URLs); a link to anything else is
 * rendered as its text. Without it, no link is clickable.
 */
export function renderMarkdown(source: string, allowedLinks: readonly string[] = []): string {
  const sanitizer = getPurifier();
  // DOMPurify returns its input untouched where it cannot work; then show the text, not markup.
  if (!sanitizer.isSupported) return `<p>${escapeHtml(source)}</p>`;
  const html = markdown.parse(source, { async: false });
  allowedTargets = new Set(allowedLinks.flatMap((link) => httpUrl(link) ?? []));
  try {
    return sanitizer.sanitize(html, {
      ALLOWED_TAGS,
      ALLOWED_ATTR,
      // `target` is set by the hook after sanitizing; the model's own `target` never survives.
      ALLOW_DATA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
    });
  } finally {
    allowedTargets = new Set();
  }
}
