import { useThemeSetting } from '@/components/hooks/use-theme-setting';
import { OptionsForm } from '@/components/options/options-form';
import { WelcomeNote } from '@/components/setup/welcome-note';
import { isWelcome } from '@/lib/welcome';

/** The options page; the form lives in components/ so its tests can sit beside it. */
export function App() {
  useThemeSetting();
  return (
    <main>
      {isWelcome(location.search) && <WelcomeNote />}
      <OptionsForm />
    </main>
  );
}
