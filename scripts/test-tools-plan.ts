import { installCommands, type Machine } from './browser-plan';
import { findExecutable } from './find-executable';

/**
 * What the browser tests drive besides Chromium: a virtual display for headed Chromium and xdotool
 * for a real click and key press (tests/e2e/toolbar-click.test.ts), and Firefox ESR for the Firefox
 * journey (tests/e2e-firefox/, which takes FIREFOX_PATH for another build).
 */
export const TEST_TOOLS = [
  { program: 'Xvfb', packageName: 'xvfb' },
  { program: 'xdotool', packageName: 'xdotool' },
  { program: 'firefox-esr', packageName: 'firefox-esr' },
] as const;

/**
 * Debian's Chromium carries only US English strings; its other languages come in chromium-l10n.
 * The German-interface browser test (tests/e2e/interface-language.test.ts) runs Chromium in German,
 * so where Debian's Chromium is the one installed, its German pack must be too.
 */
export const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';
export const GERMAN_LANGUAGE_PACK = { file: '/usr/lib/chromium/locales/de.pak', packageName: 'chromium-l10n' } as const;

export type ToolsPlan =
  | { kind: 'ready' }
  | { kind: 'install'; packages: string[]; commands: string[][] }
  | { kind: 'stop'; message: string };

/** Whether the test tools are on PATH and, if not, how to get them, as for Chromium. */
export function planTestTools(machine: Machine, firefoxPath = process.env.FIREFOX_PATH): ToolsPlan {
  const missing: { program: string; packageName: string }[] = TEST_TOOLS.filter((tool) =>
    tool.program === 'firefox-esr' && firefoxPath
      ? !machine.lookup.isExecutable(firefoxPath)
      : !findExecutable([tool.program], machine.lookup),
  );
  if (machine.lookup.exists(DEBIAN_CHROMIUM) && !machine.lookup.exists(GERMAN_LANGUAGE_PACK.file)) {
    missing.push({ program: "Chromium's German strings", packageName: GERMAN_LANGUAGE_PACK.packageName });
  }
  if (missing.length === 0) return { kind: 'ready' };
  const packages = missing.map((tool) => tool.packageName);
  const programs = missing.map((tool) => tool.program);
  const names =
    programs.length > 1 ? `${programs.slice(0, -1).join(', ')} and ${programs.at(-1)}` : (programs[0] ?? '');
  const hasApt = findExecutable(['apt-get'], machine.lookup) !== undefined;
  if (hasApt && machine.uid === 0) return { kind: 'install', packages, commands: installCommands(...packages) };
  const why = `The browser tests need ${names}, and ${missing.length === 1 ? 'it is' : 'they are'} not installed.`;
  return hasApt
    ? {
        kind: 'stop',
        message: `${why} Install, then run npm test again:\n\n  sudo apt-get install -y ${packages.join(' ')}`,
      }
    : { kind: 'stop', message: `${why} Install ${names} with your system's package manager, then run npm test again.` };
}
