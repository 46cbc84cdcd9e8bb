import { describe, expect, it } from 'vitest';
import { devBrowserConfig } from './dev-browser-config';
import { fakeLookup } from './fake-machine';

describe('devBrowserConfig', () => {
  it('keeps the sandbox for a normal user', () => {
    const config = devBrowserConfig({ uid: 1000, chromiumPath: undefined, lookup: fakeLookup(['/usr/bin/chromium']) });
    expect(config.chromiumArgs).toEqual([]);
    expect(config.binaries).toEqual({ chrome: '/usr/bin/chromium' });
  });

  it('adds --no-sandbox for root only, where Chromium refuses to start with it', () => {
    const config = devBrowserConfig({ uid: 0, chromiumPath: undefined, lookup: fakeLookup(['/usr/bin/chromium']) });
    expect(config.chromiumArgs).toEqual(['--no-sandbox']);
  });

  it('keeps the sandbox where there are no user ids (Windows)', () => {
    const config = devBrowserConfig({ uid: undefined, chromiumPath: undefined, lookup: fakeLookup([]) });
    expect(config.chromiumArgs).toEqual([]);
  });

  it('opens chromium-browser or google-chrome where there is no chromium, and Firefox ESR for dev:firefox', () => {
    const lookup = fakeLookup(['/usr/bin/google-chrome', '/usr/bin/firefox-esr']);
    const config = devBrowserConfig({ uid: 1000, chromiumPath: undefined, lookup });
    expect(config.binaries).toEqual({ chrome: '/usr/bin/google-chrome', firefox: '/usr/bin/firefox-esr' });
  });

  it('opens the build CHROMIUM_PATH names, as the browser tests do', () => {
    const lookup = fakeLookup(['/usr/bin/chromium']);
    const config = devBrowserConfig({ uid: 1000, chromiumPath: '/opt/chrome/chrome', lookup });
    expect(config.binaries).toEqual({ chrome: '/opt/chrome/chrome' });
  });

  it("leaves the binaries to web-ext's own search when none is on PATH", () => {
    const config = devBrowserConfig({ uid: 1000, chromiumPath: undefined, lookup: fakeLookup([]) });
    expect(config.binaries).toEqual({});
  });
});
