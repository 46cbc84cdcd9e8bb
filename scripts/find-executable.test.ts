import { describe, expect, it } from 'vitest';
import { fakeLookup } from './fake-machine';
import { CHROMIUM_NAMES, findExecutable } from './find-executable';

describe('findExecutable', () => {
  it('prefers the earlier name, wherever on PATH it is', () => {
    const lookup = fakeLookup(['/usr/bin/google-chrome', '/usr/local/bin/chromium-browser']);
    expect(findExecutable(CHROMIUM_NAMES, lookup)).toBe('/usr/local/bin/chromium-browser');
  });

  it('takes the first folder on PATH that holds the name', () => {
    const lookup = fakeLookup(['/usr/bin/chromium', '/opt/bin/chromium'], '/opt/bin:/usr/bin');
    expect(findExecutable(['chromium'], lookup)).toBe('/opt/bin/chromium');
  });

  it('finds nothing on an empty PATH or when none is installed', () => {
    expect(findExecutable(CHROMIUM_NAMES, fakeLookup(['/usr/bin/chromium'], ''))).toBeUndefined();
    expect(findExecutable(CHROMIUM_NAMES, fakeLookup(['/usr/bin/firefox']))).toBeUndefined();
  });
});
