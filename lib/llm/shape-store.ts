import type { RequestShape } from '@/lib/llm/request-shape';
import type { ShapeStore } from '@/lib/llm/request-shape-memory';

/** Local (never synced) extension storage: what one browser learnt about the endpoints it uses. */
const STORAGE_KEY = 'requestShapes';

/** The ShapeStore of the extension, over `storage.local`. */
export const browserShapeStore: ShapeStore = {
  load: async () => (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY],
  save: (record: Record<string, RequestShape>) => browser.storage.local.set({ [STORAGE_KEY]: record }),
};
