import { describe, expect, it } from 'vitest';
import { displayProblem, planBrowser } from './browser-plan';
import { fakeMachine } from './fake-machine';

const APT = '/usr/bin/apt-get';

describe('planBrowser for npm test', () => {
  it('is ready when Debian’s Chromium is installed', () => {
    expect(planBrowser('test', fakeMachine(['/usr/bin/chromium']))).toEqual({
      kind: 'ready',
      binary: '/usr/bin/chromium',
    });
  });

  it('installs chromium with apt as root', () => {
    expect(planBrowser('test', fakeMachine([APT], { uid: 0 }))).toEqual({
      kind: 'install',
      packageName: 'chromium',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'chromium'],
      ],
    });
  });

  it('tells a normal user the one command to run', () => {
    const plan = planBrowser('test', fakeMachine([APT]));
    expect(plan.kind).toBe('stop');
    if (plan.kind === 'stop') {
      expect(plan.message).toContain('Chromium at /usr/bin/chromium');
      expect(plan.message).toContain('\n  sudo apt-get install -y chromium');
    }
  });

  it('does not take another Chromium on PATH for the tests, which launch /usr/bin/chromium', () => {
    expect(planBrowser('test', fakeMachine(['/usr/bin/google-chrome', APT])).kind).toBe('stop');
  });

  it('takes the build CHROMIUM_PATH names, and never installs over a wrong one', () => {
    const chosen = { env: { CHROMIUM_PATH: '/opt/chrome/chrome' } };
    expect(planBrowser('test', fakeMachine(['/opt/chrome/chrome'], chosen))).toEqual({
      kind: 'ready',
      binary: '/opt/chrome/chrome',
    });
    const plan = planBrowser('test', fakeMachine([APT, '/usr/bin/chromium'], { ...chosen, uid: 0 }));
    expect(plan.kind).toBe('stop');
    if (plan.kind === 'stop') expect(plan.message).toContain('CHROMIUM_PATH is set to /opt/chrome/chrome');
  });

  it('without apt, says to install Chromium and name it in CHROMIUM_PATH', () => {
    const plan = planBrowser('test', fakeMachine([], { uid: 0 }));
    expect(plan.kind).toBe('stop');
    if (plan.kind === 'stop') expect(plan.message).toContain('CHROMIUM_PATH=/path/to/chromium npm test');
  });
});

describe('planBrowser for npm run dev', () => {
  it('opens any Chromium-family browser on PATH', () => {
    expect(planBrowser('dev', fakeMachine(['/usr/bin/chromium-browser']))).toEqual({
      kind: 'ready',
      binary: '/usr/bin/chromium-browser',
    });
  });

  it('installs firefox-esr as root for dev:firefox, and finds it afterwards', () => {
    expect(planBrowser('dev:firefox', fakeMachine([APT], { uid: 0 }))).toMatchObject({
      kind: 'install',
      packageName: 'firefox-esr',
    });
    expect(planBrowser('dev:firefox', fakeMachine(['/usr/bin/firefox-esr']))).toEqual({
      kind: 'ready',
      binary: '/usr/bin/firefox-esr',
    });
  });

  it('tells a normal user how to get Firefox', () => {
    const plan = planBrowser('dev:firefox', fakeMachine([APT]));
    expect(plan.kind === 'stop' && plan.message).toContain('sudo apt-get install -y firefox-esr');
  });
});

describe('displayProblem', () => {
  it('says nothing for the headless tests, or where there is a display', () => {
    expect(displayProblem('test', fakeMachine([], { env: {} }))).toBeUndefined();
    expect(displayProblem('dev', fakeMachine([]))).toBeUndefined();
    expect(displayProblem('dev', fakeMachine([], { env: { WAYLAND_DISPLAY: 'wayland-0' } }))).toBeUndefined();
    expect(displayProblem('dev', fakeMachine([], { env: {}, platform: 'darwin' }))).toBeUndefined();
  });

  it('on Linux without a display, gives the xvfb-run command (installing xvfb first where it is missing)', () => {
    expect(displayProblem('dev', fakeMachine(['/usr/bin/xvfb-run'], { env: {} }))).toContain(
      '\n  xvfb-run -a npm run dev',
    );
    expect(displayProblem('dev:firefox', fakeMachine([], { env: {}, uid: 0 }))).toContain(
      '\n  apt-get install -y xvfb && xvfb-run -a npm run dev:firefox',
    );
  });
});
