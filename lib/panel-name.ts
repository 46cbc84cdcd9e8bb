import { i18n } from '#i18n';

/**
 * What the browser itself calls the panel the results open in, for the words on buttons and
 * options: Firefox's "sidebar" (sidebar_action), Chrome's "side panel" (side_panel).
 */
export const PANEL_NAME: 'sidebar' | 'side panel' = import.meta.env.FIREFOX ? 'sidebar' : 'side panel';

/** The same name in the interface's language (Chrome's German "Seitenleiste"), for the words a user reads. */
export function panelName(): string {
  return import.meta.env.FIREFOX ? i18n.t('shared.panelName.firefox') : i18n.t('shared.panelName.chrome');
}
