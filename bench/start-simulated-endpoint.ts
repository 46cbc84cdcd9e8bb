import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** Starts simulated-endpoint.ts as a child process; stop() closes its stdin, which ends it. */
export async function startSimulatedEndpoint(
  settings: [ttftMs: number, tokensPerSecond: number, maxStreams: number, model: string],
): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./simulated-endpoint.ts', import.meta.url).pathname, ...settings.map(String)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const [url] = await once(lines, 'line');
  return { url: String(url), stop: () => child.stdin.end() };
}
