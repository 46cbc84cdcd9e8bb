import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const PAGES_DIR = path.resolve('tests/fixtures/pages');

/** Serves the saved pages on 127.0.0.1: `/<slug>/` answers `tests/fixtures/pages/<slug>/source.html`. */
export async function startPageServer(): Promise<{
  origin: string;
  urlOf(slug: string): string;
  close(): Promise<void>;
}> {
  const server = createServer(async (request, response) => {
    const slug = (request.url ?? '/').split('/').filter(Boolean)[0] ?? '';
    if (!/^[a-z0-9-]+$/.test(slug)) {
      response.writeHead(404).end('not found');
      return;
    }
    try {
      const html = await readFile(path.join(PAGES_DIR, slug, 'source.html'));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    urlOf: (slug) => `${origin}/${slug}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
