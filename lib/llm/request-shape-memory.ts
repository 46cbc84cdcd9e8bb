import { z } from 'zod';
import { type RequestShape, STRUCTURED_MODES, sameShape } from '@/lib/llm/request-shape';

/**
 * What was learnt about each endpoint and model: the request shape that worked (request-shape.ts).
 * Kept in memory for the session, and written through to storage when one is given, so the next
 * job (after a service-worker restart too) sends the working shape first and no refused request.
 */
export interface ShapeMemory {
  get(origin: string, model: string): RequestShape | undefined;
  remember(origin: string, model: string, shape: RequestShape): void;
  /** Resolves once what is stored has been read (a no-op without storage). */
  ready(): Promise<void>;
}

/** Where the shapes are stored: `browser.storage.local` in the extension, nothing in tests by default. */
export interface ShapeStore {
  load(): Promise<unknown>;
  save(record: Record<string, RequestShape>): Promise<void>;
}

const ShapeSchema = z.object({
  structured: z.enum(STRUCTURED_MODES),
  streamUsage: z.boolean(),
  temperature: z.boolean(),
});
const RecordSchema = z.record(z.string(), z.unknown());

/** Enough for every model anyone switches between; the oldest learnt go first. */
const MAX_ENTRIES = 100;

export function createShapeMemory(store?: ShapeStore): ShapeMemory {
  const shapes = new Map<string, RequestShape>();
  const key = (origin: string, model: string) => `${origin} ${model.trim()}`;
  const loading = (async () => {
    if (!store) return;
    try {
      const parsed = RecordSchema.safeParse(await store.load());
      if (!parsed.success) return;
      for (const [entry, value] of Object.entries(parsed.data)) {
        const shape = ShapeSchema.safeParse(value);
        // What this session learnt already wins over what was stored.
        if (shape.success && !shapes.has(entry)) shapes.set(entry, shape.data);
      }
    } catch {
      // Unreadable storage: start from nothing, as on a first run.
    }
  })();

  return {
    get: (origin, model) => shapes.get(key(origin, model)),
    remember: (origin, model, shape) => {
      const entry = key(origin, model);
      const known = shapes.get(entry);
      if (known && sameShape(known, shape)) return;
      shapes.delete(entry);
      shapes.set(entry, shape);
      while (shapes.size > MAX_ENTRIES) {
        const oldest = shapes.keys().next().value;
        if (oldest === undefined) break;
        shapes.delete(oldest);
      }
      void store?.save(Object.fromEntries(shapes)).catch(() => undefined);
    },
    ready: () => loading,
  };
}
