import { mkdir } from 'node:fs/promises';
import {
  type OpenAITestServer,
  type OpenAITestServerOptions,
  startOpenAITestServer,
} from '../../support/openai-test-server';
import { ARTIFACTS_DIR, type LaunchOptions, type LoadedExtension, loadExtension } from './extension';
import { type PageServer, startPageServer } from './page-server';

/** What every browser test starts with: Chromium with the extension, the test endpoint, the saved pages. */
export interface World {
  extension: LoadedExtension;
  endpoint: OpenAITestServer;
  pages: PageServer;
  close(): Promise<void>;
}

export async function startWorld(
  endpointOptions: OpenAITestServerOptions,
  launchOptions: LaunchOptions = {},
): Promise<World> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const [extension, endpoint, pages] = await Promise.all([
    loadExtension(launchOptions),
    startOpenAITestServer(endpointOptions),
    startPageServer(),
  ]);
  return {
    extension,
    endpoint,
    pages,
    close: async () => {
      await Promise.all([extension.close(), endpoint.close(), pages.close()]);
    },
  };
}
