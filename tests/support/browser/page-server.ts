import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readSavedPage } from '@/tests/support/saved-page';

/**
 * Serves the saved pages on 127.0.0.1: `/<slug>/` (and anything below it) answers
 * the saved page `tests/fixtures/pages/<slug>/` (see ../saved-page.ts), or a page a test added with `addPage`.
 */
export interface PageServer {
  origin: string;
  /**
   * The same server under `localhost`: another origin (another site) for the browser, and one the
   * e2e build has no host access to, as an embedded third-party page would be.
   */
  otherOrigin: string;
  urlOf(slug: string, origin?: string): string;
  /**
   * Serves `html` at `/<slug>/`, before the saved pages: pages a test builds around the server's own
   * address. A function answers each request from its headers: a site that refuses (HTTP 403) a
   * request without its sign-in cookie, for instance.
   */
  addPage(slug: string, page: string | AddedPage): void;
  /** Headers of every request received: a test checks that no API key ever reaches a page's server. */
  requestHeaders: Array<Record<string, string | string[] | undefined>>;
  close(): Promise<void>;
}

/** A page a test serves, answered per request: its status and HTML. */
export type AddedPage = (
  headers: IncomingHttpHeaders,
) => { status: number; html: string } | Promise<{ status: number; html: string }>;

export async function startPageServer(): Promise<PageServer> {
  const requestHeaders: PageServer['requestHeaders'] = [];
  const added = new Map<string, AddedPage>();
  const server = createServer(async (request, response) => {
    requestHeaders.push(request.headers);
    const slug = (request.url ?? '/').split(/[/?#]/).filter(Boolean)[0] ?? '';
    if (!/^[a-z0-9-]+$/.test(slug)) {
      response.writeHead(404).end('not found');
      return;
    }
    try {
      const { status, html } = (await added.get(slug)?.(request.headers)) ?? { status: 200, html: readSavedPage(slug) };
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    otherOrigin: `http://localhost:${port}`,
    urlOf: (slug, pageOrigin = origin) => `${pageOrigin}/${slug}/`,
    addPage: (slug, page) =>
      void added.set(slug, typeof page === 'string' ? () => ({ status: 200, html: page }) : page),
    requestHeaders,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // The browser may still be open (fixtures close in reverse order) with a preconnected socket
        // that never sent a request: close() alone would wait for its 60 s headers timeout.
        server.closeAllConnections();
      }),
  };
}
