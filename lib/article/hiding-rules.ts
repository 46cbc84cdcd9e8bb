/**
 * The selectors of a page's style rules that could hide text, so that only the elements they
 * match (and those with a `style` attribute, and their descendants) need their computed style:
 * asking every element of a large page costs seconds in some DOMs. Null when a style sheet
 * cannot be read (another origin's, without CORS): then every element is asked.
 */
export function hidingSelectors(sheets: Iterable<CSSStyleSheet>): string[] | null {
  const selectors: string[] = [];
  for (const sheet of sheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      return null;
    }
    if (!collect(rules, selectors, 0)) return null;
  }
  return selectors;
}

/** Declarations that can make text invisible (see lib/article/element-visibility.ts). */
const HIDING_DECLARATION =
  /(?:^|;|\s)(?:display\s*:\s*none|visibility\s*:|opacity\s*:|font-size\s*:\s*0|color\s*:[^;]*(?:transparent|rgba?\([^)]*[,/]\s*0(?:\.0+)?\s*\))|-webkit-text-fill-color|clip|content-visibility|position\s*:\s*(?:absolute|fixed)|(?:max-)?(?:width|height)\s*:\s*[01](?:px)?\s*(?:;|$|!)|overflow|text-indent\s*:\s*-|transform|all\s*:)/iu;
const MAX_DEPTH = 8;

function collect(rules: CSSRuleList, selectors: string[], depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  for (const rule of Array.from(rules)) {
    if ('selectorText' in rule && 'style' in rule) {
      const style = (rule as CSSStyleRule).style;
      if (HIDING_DECLARATION.test(style.cssText)) selectors.push((rule as CSSStyleRule).selectorText);
    }
    if ('styleSheet' in rule) {
      // An @import: its rules, if this origin may read them.
      const imported = (rule as CSSImportRule).styleSheet;
      if (!imported) continue;
      try {
        if (!collect(imported.cssRules, selectors, depth + 1)) return false;
      } catch {
        return false;
      }
    }
    if ('cssRules' in rule && !('selectorText' in rule)) {
      if (!collect((rule as CSSGroupingRule).cssRules, selectors, depth + 1)) return false;
    }
  }
  return true;
}

/**
 * A test for "this element may be hidden by a rule": the selectors split at top-level commas
 * (one bad selector must not disable the rest), pseudo-elements dropped (`.x::after` styles a
 * generated box, never the element's own text).
 */
export function matcherFor(selectors: string[], document: Document): (element: Element) => boolean {
  const parts: string[] = [];
  for (const selector of selectors) {
    for (const part of splitSelectorList(selector)) {
      const cleaned = part
        .replace(/::?(?:before|after|marker|placeholder|selection|first-line|first-letter|backdrop)\b.*$/iu, '')
        .trim();
      if (cleaned) parts.push(cleaned);
    }
  }
  const valid: string[] = [];
  for (const part of parts) {
    try {
      document.createDocumentFragment().querySelector(part);
      valid.push(part);
    } catch {
      // A selector this DOM cannot parse (vendor prefixes, new syntax): it matches nothing here.
    }
  }
  if (valid.length === 0) return () => false;
  const list = valid.join(', ');
  return (element) => {
    try {
      return element.matches(list);
    } catch {
      return true;
    }
  };
}

function splitSelectorList(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < selector.length; index++) {
    const character = selector[index];
    if (character === '(' || character === '[') depth += 1;
    else if (character === ')' || character === ']') depth -= 1;
    else if (character === ',' && depth === 0) {
      parts.push(selector.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(selector.slice(start));
  return parts;
}
