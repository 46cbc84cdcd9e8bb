import type { Settings } from '@/lib/settings';

type Theme = Settings['theme'];

/**
 * The last applied theme, kept in the extension's localStorage: settings arrive asynchronously,
 * and reading this synchronously at start-up spares a dark-mode user a white flash.
 */
const CACHE_KEY = 'sourcelens:theme';

function isTheme(value: unknown): value is Theme {
  return value === 'system' || value === 'light' || value === 'dark';
}

/**
 * 'system' removes the override so theme.css follows `prefers-color-scheme`; light/dark set
 * `data-theme` on <html>, which the stylesheet gives precedence.
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  try {
    localStorage.setItem(CACHE_KEY, theme);
  } catch {
    // Storage may be unavailable (e.g. disabled); the theme then only applies once settings load.
  }
}

/** Applies the theme remembered from the last visit, before the settings have loaded. */
export function applyCachedTheme(root: HTMLElement = document.documentElement): void {
  try {
    const cached = localStorage.getItem(CACHE_KEY);
    if (isTheme(cached)) applyTheme(cached, root);
  } catch {
    // See applyTheme.
  }
}
