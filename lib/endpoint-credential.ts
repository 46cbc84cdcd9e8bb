import { z } from 'zod';
import { storage } from '#imports';
import { isLocalEndpoint, parseEndpoint } from '@/lib/llm/endpoint';
import type { CustomHeaders } from '@/lib/custom-headers';

/**
 * The API key and custom headers, bound to the one endpoint origin they were saved for. The base URL
 * lives in synced settings, which another device (or anything else that writes sync storage) can change;
 * the key lives here, in `storage.local`, and is handed out only for a base URL of that same origin.
 */
export const EndpointCredentialSchema = z.object({
  version: z.literal(1),
  /** `https://api.openai.com`, `http://localhost:11434`: scheme, host and port, as `URL.origin` gives it. */
  origin: z.string(),
  apiKey: z.string(),
  headers: z.record(z.string(), z.string()),
});

export type EndpointCredential = z.infer<typeof EndpointCredentialSchema>;

/** What a request to an endpoint may carry: nothing at all for any origin but the credential's. */
export interface RequestCredential {
  apiKey: string;
  headers: CustomHeaders;
  /**
   * Set when a key or headers are saved for another origin and were withheld from this one: the origin
   * they belong to, so the user can be told why none was sent.
   */
  withheldFor: string | null;
}

const NONE: RequestCredential = { apiKey: '', headers: {}, withheldFor: null };

/** The origin of an http(s) base URL, or null (the one parse is endpoint.ts's). */
export function endpointOrigin(baseUrl: string): string | null {
  return parseEndpoint(baseUrl)?.origin ?? null;
}

/**
 * Plain http:// to a host outside this machine and the local network: anyone on the way reads the key
 * and the articles. Such an endpoint is refused in Options and never gets a key.
 */
export function isInsecureRemote(baseUrl: string): boolean {
  return endpointOrigin(baseUrl)?.startsWith('http:') === true && !isLocalEndpoint(baseUrl);
}

/**
 * The key and headers to send to `baseUrl`: the stored ones when their origin is the base URL's, none
 * otherwise. Never hands a key to a plain-http remote host.
 */
export function credentialFor(stored: EndpointCredential | null, baseUrl: string): RequestCredential {
  if (!stored || (!stored.apiKey && Object.keys(stored.headers).length === 0)) return NONE;
  const origin = endpointOrigin(baseUrl);
  if (origin === null || origin !== stored.origin || isInsecureRemote(baseUrl)) {
    return { ...NONE, withheldFor: stored.origin };
  }
  return { apiKey: stored.apiKey, headers: stored.headers, withheldFor: null };
}

/**
 * Brings what is stored to the current shape. Before version 1 the key was a bare string (`local:apiKey`)
 * with no origin: it is bound to the base URL in the settings, the one the options page last saved with
 * it. Anything unreadable is dropped (the user enters the key again). Pure.
 */
export function migrateCredential(stored: unknown, legacyKey: unknown, baseUrl: string): EndpointCredential | null {
  const parsed = EndpointCredentialSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const apiKey = typeof legacyKey === 'string' ? legacyKey.trim() : '';
  const origin = endpointOrigin(baseUrl);
  if (!apiKey || origin === null) return null;
  return { version: 1, origin, apiKey, headers: {} };
}

const credentialItem = storage.defineItem<unknown>('local:endpointCredential');
/** Where versions before the binding kept the key; emptied by the migration. */
const legacyKeyItem = storage.defineItem<unknown>('local:apiKey');

/** The stored credential, migrated (once) from the bare key of earlier versions. */
export async function loadCredential(baseUrl: string): Promise<EndpointCredential | null> {
  const [stored, legacy] = await Promise.all([credentialItem.getValue(), legacyKeyItem.getValue()]);
  const credential = migrateCredential(stored, legacy, baseUrl);
  if (legacy !== null && legacy !== undefined) {
    if (credential) await credentialItem.setValue(credential);
    await legacyKeyItem.removeValue();
  }
  return credential;
}

/** Saves the key and headers for the origin of `baseUrl`, replacing whatever was saved for any origin. */
export async function saveCredential(baseUrl: string, apiKey: string, headers: CustomHeaders): Promise<void> {
  const origin = endpointOrigin(baseUrl);
  if (origin === null) throw new Error(`Not an http(s) base URL: ${baseUrl}`);
  const credential: EndpointCredential = { version: 1, origin, apiKey: apiKey.trim(), headers };
  await credentialItem.setValue(credential);
}

/** The key and headers for a request to `baseUrl` (see `credentialFor`). */
export async function loadCredentialFor(baseUrl: string): Promise<RequestCredential> {
  return credentialFor(await loadCredential(baseUrl), baseUrl);
}

/** Calls `onChange` whenever the stored key or headers change (here or on another surface); returns the unwatch. */
export function watchCredential(onChange: () => void): () => void {
  return credentialItem.watch(() => onChange());
}
