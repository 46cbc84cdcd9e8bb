import { BrandMark } from '../shared/brand-mark';
import './welcome-note.css';

/** Shown above the options form when the install opened it (lib/welcome.ts): what to do, in three steps. */
export function WelcomeNote() {
  return (
    <section class="welcome" aria-labelledby="welcome-title">
      <h2 class="welcome__title" id="welcome-title">
        <BrandMark />
        Welcome to Sourcelens
      </h2>
      <ol class="welcome__steps">
        <li>
          Below, choose the <strong>Provider</strong> of the model that will read articles for you, paste its{' '}
          <strong>API key</strong> if it needs one (local servers don't), and press <strong>Test connection</strong>.
        </li>
        <li>
          Open a news article and click the Sourcelens icon in the toolbar (pin it from the puzzle-piece menu), or press{' '}
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd>.
        </li>
        <li>
          To analyse a passage alone, select it, right-click, and choose{' '}
          <strong>Analyse selection with Sourcelens</strong>.
        </li>
      </ol>
    </section>
  );
}
