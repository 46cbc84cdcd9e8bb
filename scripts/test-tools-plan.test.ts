import { describe, expect, it } from 'vitest';
import { fakeMachine } from './fake-machine';
import { planTestTools } from './test-tools-plan';

const APT = '/usr/bin/apt-get';

describe('planTestTools', () => {
  it('is ready with Xvfb and xdotool on PATH', () => {
    expect(planTestTools(fakeMachine(['/usr/bin/Xvfb', '/usr/bin/xdotool']))).toEqual({ kind: 'ready' });
  });

  it('installs only what is missing, as root with apt', () => {
    expect(planTestTools(fakeMachine([APT, '/usr/bin/Xvfb'], { uid: 0 }))).toEqual({
      kind: 'install',
      packages: ['xdotool'],
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'xdotool'],
      ],
    });
  });

  it('gives a normal user the one command', () => {
    const plan = planTestTools(fakeMachine([APT]));
    expect(plan.kind === 'stop' && plan.message).toContain('needs Xvfb and xdotool');
    expect(plan.kind === 'stop' && plan.message).toContain('\n  sudo apt-get install -y xvfb xdotool');
  });
});
