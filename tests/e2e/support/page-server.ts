import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const PAGES_DIR = path.resolve('tests/fixtures/pages');

/** Serves the saved pages on 127.0.0.1: `/<slug>/` answers `tests/fixtures/pages/<slug>/source.html`. */
export interface PageServer {
  origin: string;
  urlOf(slug: string): string;
  /** Headers of every request received: a test checks that no API key ever reaches a page's server. */
  requestHeaders: Array<Record<string, string | string[] | undefined>>;
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const requestHeaders: PageServer['requestHeaders'] = [];
  const server = createServer(async (request, response) => {
    requestHeaders.push(request.headers);
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
    requestHeaders,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
