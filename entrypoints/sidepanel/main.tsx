import { render } from 'preact';
import '../../components/theme.css';
import '../../components/shared/base.css';
import { applyCachedTheme } from '../../lib/ui/apply-theme';
import { App } from './app';

applyCachedTheme();
const root = document.getElementById('app');
if (root) render(<App />, root);
