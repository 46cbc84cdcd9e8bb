import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The production builds (`npm run build:all`), as users install them. */
const BUILDS = { chrome: path.resolve('.output/chrome-mv3'), firefox: path.resolve('.output/firefox-mv2') };

async function manifest(folder: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
}

async function files(folder: string, extension: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true });
  return entries.filter((entry) => entry.endsWith(extension)).map((entry) => path.join(folder, entry));
}

describe.each(Object.entries(BUILDS))('the %s build asks for the least it needs', (_browser, folder) => {
  it('runs nothing on any page before the user acts, and holds no host access up front', async () => {
    const built = await manifest(folder);
    expect(built.content_scripts).toBeUndefined();
    expect(built.host_permissions ?? []).toEqual([]);
    const permissions = (built.permissions ?? []) as string[];
    // Host access for the endpoint is optional, requested for its one origin when the user saves it.
    expect(permissions.filter((permission) => permission.includes('://') || permission === '<all_urls>')).toEqual([]);
    expect(permissions).not.toContain('tabs');
    expect(permissions).not.toContain('webRequest');
  });

  it('keeps the default content security policy and loads no remote code', async () => {
    const built = await manifest(folder);
    expect(built.content_security_policy).toBeUndefined();
    for (const page of await files(folder, '.html')) {
      const html = await readFile(page, 'utf8');
      expect(html).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i);
    }
    for (const script of await files(folder, '.js')) {
      const code = await readFile(script, 'utf8');
      expect(code).not.toMatch(/importScripts\(\s*["']https?:/);
      expect(code).not.toMatch(/\bimport\(\s*["']https?:/);
    }
  });
});

/** Width and height of a PNG, from its IHDR chunk (bytes 16–23, big-endian), or null for another format. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The icon files a manifest names, checked: each a PNG of the size its key says. */
async function expectIcons(folder: string, icons: unknown): Promise<string[]> {
  expect(icons).toBeTypeOf('object');
  const entries = Object.entries(icons as Record<string, string>);
  for (const [size, file] of entries) {
    const bytes = await readFile(path.join(folder, file.replace(/^\//, '')));
    expect(pngSize(bytes), `${file}`).toEqual({ width: Number(size), height: Number(size) });
  }
  return entries.map(([size]) => size);
}

describe.each(Object.entries(BUILDS))('the %s build has its icons', (browserName, folder) => {
  it('at 16, 32, 48, 96 and 128 px, for the extensions page and the store', async () => {
    const built = await manifest(folder);
    expect(await expectIcons(folder, built.icons)).toEqual(['16', '32', '48', '96', '128']);
  });

  it('on the toolbar button, and (Firefox) on the sidebar', async () => {
    const built = await manifest(folder);
    const action = (browserName === 'chrome' ? built.action : built.browser_action) as Record<string, unknown>;
    expect(await expectIcons(folder, action.default_icon)).toEqual(['16', '32']);
    if (browserName === 'firefox') {
      const sidebar = built.sidebar_action as Record<string, unknown>;
      expect(await expectIcons(folder, sidebar.default_icon)).toEqual(['16', '32']);
    }
  });
});

describe.each(Object.entries(BUILDS))('the %s build offers the shortcut and the menu entry', (browserName, folder) => {
  it('binds Alt+Shift+S to the toolbar action under the name this manifest version uses', async () => {
    const built = await manifest(folder);
    const name = browserName === 'chrome' ? '_execute_action' : '_execute_browser_action';
    expect(built.commands).toEqual({ [name]: expect.objectContaining({ suggested_key: { default: 'Alt+Shift+S' } }) });
  });

  it('may add a context-menu entry', async () => {
    expect((await manifest(folder)).permissions).toContain('contextMenus');
  });
});
