import { OptionsForm } from '../../components/options/options-form';
import { useThemeSetting } from '../../components/use-theme-setting';

/** The options page; the form lives in components/ so its tests can sit beside it. */
export function App() {
  useThemeSetting();
  return (
    <main>
      <OptionsForm />
    </main>
  );
}
