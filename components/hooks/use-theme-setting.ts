import { useEffect } from 'preact/hooks';
import { loadSettings, watchSettings } from '@/lib/settings';
import { applyTheme } from '@/lib/ui/apply-theme';

/** Applies the Theme setting to this page, and follows changes made on the options page. */
export function useThemeSetting(): void {
  useEffect(() => {
    let active = true;
    loadSettings()
      .then((settings) => {
        if (active) applyTheme(settings.theme);
      })
      .catch(() => {
        // Unreadable settings: the system theme is a fine fallback; Options reports the problem.
      });
    const unwatch = watchSettings((settings) => applyTheme(settings.theme));
    return () => {
      active = false;
      unwatch();
    };
  }, []);
}
