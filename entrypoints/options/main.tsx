import { render } from 'preact';
import '@/components/theme.css';
import '@/components/shared/base.css';
import { i18n } from '#i18n';
import { App } from '@/entrypoints/options/app';
import { applyCachedTheme } from '@/lib/ui/apply-theme';
import { uiLanguage } from '@/lib/ui/ui-language';

applyCachedTheme();
// The page speaks the browser's language (locales/*.yml): say so to screen readers and in the tab's title.
document.documentElement.lang = uiLanguage();
document.title = i18n.t('pageTitle.options');
const root = document.getElementById('app');
if (root) render(<App />, root);
