import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** An X display of our own (Xvfb), for headed Chromium and real input through xdotool. */
export interface VirtualDisplay {
  /** `:N`, for DISPLAY. */
  display: string;
  /** Runs `xdotool` on this display, e.g. `xdotool('key', 'alt+shift+s')`. */
  xdotool(...args: string[]): Promise<string>;
  /** Saves the whole screen as PNG with ImageMagick's `import`; false where it is not installed. */
  screenshot(file: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Starts Xvfb on a free display: `-displayfd` makes it pick the number and write it to fd 3 once it
 * accepts clients (https://www.x.org/releases/current/doc/man/man1/Xserver.1.xhtml).
 */
export async function startVirtualDisplay(size = { width: 1400, height: 900 }): Promise<VirtualDisplay> {
  const xvfb: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', `${size.width}x${size.height}x24`, '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it opened a display`)));
  });
  const display = `:${number}`;
  const env = { ...process.env, DISPLAY: display };
  return {
    display,
    xdotool: async (...args) => (await run('xdotool', args, { env })).stdout,
    screenshot: (file) =>
      run('import', ['-window', 'root', file], { env }).then(
        () => true,
        () => false,
      ),
    close: () =>
      new Promise((resolve) => {
        if (xvfb.exitCode !== null) return resolve();
        xvfb.once('exit', () => resolve());
        xvfb.kill();
      }),
  };
}
