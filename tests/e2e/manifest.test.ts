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
