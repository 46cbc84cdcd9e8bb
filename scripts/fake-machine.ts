import type { Machine } from './browser-plan';
import type { ExecutableLookup } from './find-executable';

/** A lookup over a made-up file system: `PATH` as given, only `executables` and the data `files` exist. */
export function fakeLookup(
  executables: string[],
  pathVariable = '/usr/local/bin:/usr/bin:/bin',
  files: string[] = [],
): ExecutableLookup {
  return {
    pathVariable,
    isExecutable: (file) => executables.includes(file),
    exists: (file) => executables.includes(file) || files.includes(file),
  };
}

/** A Linux machine with a display, as a normal user, with only `executables` installed. */
export function fakeMachine(executables: string[], overrides: Partial<Machine> = {}): Machine {
  return { uid: 1000, platform: 'linux', env: { DISPLAY: ':0' }, lookup: fakeLookup(executables), ...overrides };
}
