import { installCommands, type Machine } from './browser-plan';
import { findExecutable } from './find-executable';

/**
 * What the real-toolbar browser test drives besides Chromium (tests/e2e/toolbar-click.test.ts):
 * a virtual display for headed Chromium, and xdotool for a real click and a real key press.
 */
export const TEST_TOOLS = [
  { program: 'Xvfb', packageName: 'xvfb' },
  { program: 'xdotool', packageName: 'xdotool' },
] as const;

export type ToolsPlan =
  | { kind: 'ready' }
  | { kind: 'install'; packages: string[]; commands: string[][] }
  | { kind: 'stop'; message: string };

/** Whether the test tools are on PATH and, if not, how to get them, as for Chromium. */
export function planTestTools(machine: Machine): ToolsPlan {
  const missing = TEST_TOOLS.filter((tool) => !findExecutable([tool.program], machine.lookup));
  if (missing.length === 0) return { kind: 'ready' };
  const packages = missing.map((tool) => tool.packageName);
  const names = missing.map((tool) => tool.program).join(' and ');
  const hasApt = findExecutable(['apt-get'], machine.lookup) !== undefined;
  if (hasApt && machine.uid === 0) return { kind: 'install', packages, commands: installCommands(...packages) };
  const why = `The browser test of the real toolbar click needs ${names}, and ${missing.length === 1 ? 'it is' : 'they are'} not installed.`;
  return hasApt
    ? {
        kind: 'stop',
        message: `${why} Install, then run npm test again:\n\n  sudo apt-get install -y ${packages.join(' ')}`,
      }
    : { kind: 'stop', message: `${why} Install ${names} with your system's package manager, then run npm test again.` };
}
