/**
 * What the browser itself calls the panel the results open in, for the words on buttons and
 * options: Firefox's "sidebar" (sidebar_action), Chrome's "side panel" (side_panel).
 */
export const PANEL_NAME: 'sidebar' | 'side panel' = import.meta.env.FIREFOX ? 'sidebar' : 'side panel';
