import { describe, expect, it } from 'vitest';
import { fakeMachine } from './fake-machine';
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

  it('gives a normal user the one command', () => {
    const plan = planTestTools(fakeMachine([APT]), undefined);
    expect(plan.kind === 'stop' && plan.message).toContain('need Xvfb, xdotool and firefox-esr');
    expect(plan.kind === 'stop' && plan.message).toContain('\n  sudo apt-get install -y xvfb xdotool firefox-esr');
  });
});
