import { describe, expect, it } from 'vitest';
import { fakeLookup, fakeMachine } from './fake-machine';
import { planTestTools } from './test-tools-plan';

const APT = '/usr/bin/apt-get';

describe('planTestTools', () => {
  it('is ready with Xvfb, xdotool and Firefox ESR on PATH', () => {
    expect(
      planTestTools(fakeMachine(['/usr/bin/Xvfb', '/usr/bin/xdotool', '/usr/bin/firefox-esr']), undefined),
    ).toEqual({
      kind: 'ready',
    });
  });

  it('takes the Firefox that FIREFOX_PATH names', () => {
    const machine = fakeMachine(['/usr/bin/Xvfb', '/usr/bin/xdotool', '/opt/firefox/firefox']);
    expect(planTestTools(machine, '/opt/firefox/firefox')).toEqual({ kind: 'ready' });
  });

  it('installs only what is missing, as root with apt', () => {
    expect(planTestTools(fakeMachine([APT, '/usr/bin/Xvfb', '/usr/bin/firefox-esr'], { uid: 0 }), undefined)).toEqual({
      kind: 'install',
      packages: ['xdotool'],
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'xdotool'],
      ],
    });
  });

  it("installs Debian Chromium's German strings where that Chromium lacks them", () => {
    const tools = [APT, '/usr/bin/Xvfb', '/usr/bin/xdotool', '/usr/bin/firefox-esr', '/usr/lib/chromium/chromium'];
    expect(planTestTools(fakeMachine(tools, { uid: 0 }), undefined)).toMatchObject({
      kind: 'install',
      packages: ['chromium-l10n'],
    });
    const withPack = fakeMachine(tools, {
      uid: 0,
      lookup: fakeLookup(tools, undefined, ['/usr/lib/chromium/locales/de.pak']),
    });
    expect(planTestTools(withPack, undefined)).toEqual({ kind: 'ready' });
    // Another Chromium (CHROMIUM_PATH, Google Chrome) carries its languages itself.
    expect(planTestTools(fakeMachine(tools.slice(0, 4), { uid: 0 }), undefined)).toEqual({ kind: 'ready' });
  });

  it('gives a normal user the one command', () => {
    const plan = planTestTools(fakeMachine([APT]), undefined);
    expect(plan.kind === 'stop' && plan.message).toContain('need Xvfb, xdotool and firefox-esr');
    expect(plan.kind === 'stop' && plan.message).toContain('\n  sudo apt-get install -y xvfb xdotool firefox-esr');
  });
});
