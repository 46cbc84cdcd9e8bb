/**
 * `node --import tsx scripts/ensure-browser.ts <test|dev|dev:firefox>`: run before `npm test` and
 * `npm run dev`, so that a fresh machine either gets its browser (root with apt) or stops in its
 * first second with the one command to run, instead of failing minutes later at the first browser test.
 */
import { spawnSync } from 'node:child_process';
import { type BrowserNeed, displayProblem, type Machine, planBrowser } from './browser-plan';
import { systemLookup } from './find-executable';
import { planTestTools } from './test-tools-plan';

function isNeed(value: string | undefined): value is BrowserNeed {
  return value === 'test' || value === 'dev' || value === 'dev:firefox';
}

function currentMachine(): Machine {
  const { CHROMIUM_PATH, DISPLAY, WAYLAND_DISPLAY } = process.env;
  return {
    uid: process.getuid?.(),
    platform: process.platform,
    env: { CHROMIUM_PATH, DISPLAY, WAYLAND_DISPLAY },
    lookup: systemLookup(),
  };
}

function stop(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

const need = process.argv[2];
if (!isNeed(need)) stop('Usage: ensure-browser.ts test|dev|dev:firefox');

const problem = displayProblem(need, currentMachine());
if (problem) stop(problem);

function run(commands: string[][]): void {
  for (const command of commands) {
    const [program = '', ...args] = command;
    const result = spawnSync(program, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) stop(`\`${command.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
  }
}

const plan = planBrowser(need, currentMachine());
if (plan.kind === 'stop') stop(plan.message);
if (plan.kind === 'install') {
  console.log(`${plan.packageName} is not installed: installing it with apt (about 30 s)…`);
  run(plan.commands);
  const after = planBrowser(need, currentMachine());
  if (after.kind !== 'ready')
    stop(`apt installed ${plan.packageName}, but the browser is still not where it is looked for.`);
  console.log(`Installed ${after.binary}.`);
}

if (need === 'test') {
  const tools = planTestTools(currentMachine());
  if (tools.kind === 'stop') stop(tools.message);
  if (tools.kind === 'install') {
    console.log(`Installing ${tools.packages.join(', ')} with apt, for the browser tests…`);
    run(tools.commands);
    if (planTestTools(currentMachine()).kind !== 'ready')
      stop(`apt installed ${tools.packages.join(' ')}, but they are still not on PATH.`);
  }
}
