import { type ComponentChild, Fragment } from 'preact';

/**
 * A message from locales/*.yml with elements in it: each `{name}` of `message` is replaced by
 * `parts[name]` (a <strong>, a <kbd>), so a translation can move the element where its grammar
 * puts it. A `{name}` without a part stays as written.
 */
export function richMessage(message: string, parts: Record<string, ComponentChild>): ComponentChild[] {
  return message.split(/(\{[A-Za-z0-9_]+\})/).map((piece, index) => {
    const name = /^\{([A-Za-z0-9_]+)\}$/.exec(piece)?.[1];
    return name !== undefined && name in parts ? <Fragment key={index}>{parts[name]}</Fragment> : piece;
  });
}

/** The placeholders themselves, for i18n.t: it fills named substitutions, and richMessage fills these. */
export function keepPlaceholders<Name extends string>(...names: Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, `{${name}}`])) as Record<Name, string>;
}
