import { CHROMIUM_NAMES, type ExecutableLookup, FIREFOX_NAMES, findExecutable } from './find-executable';

/** Which npm script needs a browser: the browser tests, or WXT's dev runner for Chromium or Firefox. */
export type BrowserNeed = 'test' | 'dev' | 'dev:firefox';

/** Where the browser tests look for Chromium unless `CHROMIUM_PATH` says otherwise (Debian's package). */
export const TEST_CHROMIUM = '/usr/bin/chromium';

/** The facts about this machine that decide what to do. */
export interface Machine {
  /** `process.getuid()`, `undefined` where there is none (Windows). */
  uid: number | undefined;
  platform: NodeJS.Platform;
  env: { CHROMIUM_PATH?: string; DISPLAY?: string; WAYLAND_DISPLAY?: string };
  lookup: ExecutableLookup;
}

/** What to do before the script runs. `install` runs each command in turn, as root, then asks again. */
export type BrowserPlan =
  | { kind: 'ready'; binary: string }
  | { kind: 'install'; packageName: string; commands: string[][] }
  | { kind: 'stop'; message: string };

const COMMAND: Record<BrowserNeed, string> = {
  test: 'npm test',
  dev: 'npm run dev',
  'dev:firefox': 'npm run dev:firefox',
};

/** Debian's package for each need: `chromium` installs /usr/bin/chromium, `firefox-esr` /usr/bin/firefox-esr. */
const PACKAGE: Record<BrowserNeed, string> = { test: 'chromium', dev: 'chromium', 'dev:firefox': 'firefox-esr' };

/** Debian's way to install `packages`, run as root (DEBIAN_FRONTEND=noninteractive set by the caller). */
export function installCommands(...packages: string[]): string[][] {
  return [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', ...packages],
  ];
}

function findBinary(need: BrowserNeed, machine: Machine): string | undefined {
  const chosen = machine.env.CHROMIUM_PATH;
  if (need === 'dev:firefox') return findExecutable(FIREFOX_NAMES, machine.lookup);
  if (chosen) return machine.lookup.isExecutable(chosen) ? chosen : undefined;
  if (need === 'test') return machine.lookup.isExecutable(TEST_CHROMIUM) ? TEST_CHROMIUM : undefined;
  return findExecutable(CHROMIUM_NAMES, machine.lookup);
}

/**
 * Whether the browser `need` calls for is installed and, if not, how to get it: root with apt
 * installs Debian's package; anyone else is told the one command to run, at once.
 */
export function planBrowser(need: BrowserNeed, machine: Machine): BrowserPlan {
  const binary = findBinary(need, machine);
  if (binary) return { kind: 'ready', binary };
  const chosen = machine.env.CHROMIUM_PATH;
  if (chosen && need !== 'dev:firefox') {
    return {
      kind: 'stop',
      message: `CHROMIUM_PATH is set to ${chosen}, which is not a program that can be run. Point it at a Chromium or Chrome binary, or unset it to use ${TEST_CHROMIUM}:\n\n  CHROMIUM_PATH=/path/to/chromium ${COMMAND[need]}`,
    };
  }
  const packageName = PACKAGE[need];
  const browserName = need === 'dev:firefox' ? 'Firefox' : 'Chromium';
  const where =
    need === 'test'
      ? `The browser tests need Chromium at ${TEST_CHROMIUM}, and it is not there.`
      : need === 'dev'
        ? `${COMMAND[need]} opens Chromium, and none is installed (looked for ${CHROMIUM_NAMES.join(', ')} on PATH).`
        : `${COMMAND[need]} opens Firefox, and none is installed (looked for ${FIREFOX_NAMES.join(', ')} on PATH).`;
  const hasApt = findExecutable(['apt-get'], machine.lookup) !== undefined;
  if (hasApt && machine.uid === 0) return { kind: 'install', packageName, commands: installCommands(packageName) };
  if (hasApt) {
    return {
      kind: 'stop',
      message: `${where} Install it, then run ${COMMAND[need]} again:\n\n  sudo apt-get install -y ${packageName}`,
    };
  }
  const override =
    need === 'dev:firefox'
      ? `Install ${browserName} with your system's package manager, so that firefox or firefox-esr is on PATH, then run ${COMMAND[need]} again.`
      : `Install ${browserName} with your system's package manager, then run:\n\n  CHROMIUM_PATH=/path/to/chromium ${COMMAND[need]}`;
  return { kind: 'stop', message: `${where} ${override}` };
}

/**
 * Why the dev runner cannot open a window here, if it cannot: on Linux without X11 or Wayland the
 * browser exits at once and WXT dies with `read ECONNRESET`. `undefined` when there is a display.
 */
export function displayProblem(need: BrowserNeed, machine: Machine): string | undefined {
  if (need === 'test' || machine.platform !== 'linux') return undefined;
  if (machine.env.DISPLAY || machine.env.WAYLAND_DISPLAY) return undefined;
  const hasXvfb = findExecutable(['xvfb-run'], machine.lookup) !== undefined;
  const sudo = machine.uid === 0 ? '' : 'sudo ';
  const command = `xvfb-run -a ${COMMAND[need]}`;
  return `There is no display to open the browser on (neither DISPLAY nor WAYLAND_DISPLAY is set). Run it inside a virtual display:\n\n  ${hasXvfb ? command : `${sudo}apt-get install -y xvfb && ${command}`}`;
}
