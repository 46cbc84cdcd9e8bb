import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

/** The Chromium-family browsers `npm run dev` can open, in the order they are preferred. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** Firefox under the names Linux distributions give it (Debian ships `firefox-esr`). */
export const FIREFOX_NAMES = ['firefox', 'firefox-esr'] as const;

/** What a lookup needs from the machine, so that tests can describe a machine of their own. */
export interface ExecutableLookup {
  /** The `PATH` variable: folders separated by `path.delimiter`. */
  pathVariable: string;
  /** Whether `file` exists and may be executed. */
  isExecutable(file: string): boolean;
  /** Whether `file` exists (a data file such as a browser's language pack). */
  exists(file: string): boolean;
}

/** The machine this process runs on. */
export function systemLookup(): ExecutableLookup {
  return {
    pathVariable: process.env.PATH ?? '',
    isExecutable(file) {
      try {
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    exists: (file) => existsSync(file),
  };
}

/**
 * The absolute path of the first of `names` found on `PATH` (first name first, then PATH's
 * order), as a shell's `command -v` would find it; `undefined` when none is installed.
 */
export function findExecutable(names: readonly string[], lookup: ExecutableLookup): string | undefined {
  const folders = lookup.pathVariable.split(path.delimiter).filter(Boolean);
  for (const name of names) {
    for (const folder of folders) {
      const candidate = path.join(folder, name);
      if (lookup.isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}
