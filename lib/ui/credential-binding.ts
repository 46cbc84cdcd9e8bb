import { type EndpointCredential, endpointOrigin } from '@/lib/endpoint-credential';
import { formatCustomHeaders } from '@/lib/custom-headers';
import type { SettingsDraft } from '@/lib/ui/settings-draft';

/**
 * A key and headers that the options form took out of its fields because the base URL moved to
 * another origin: kept to give back if the URL returns to `origin`, or if the user says in so many
 * words that the new host may have them too.
 */
export interface SetAsideCredential {
  origin: string;
  apiKey: string;
  customHeaders: string;
}

export interface BoundDraft {
  draft: SettingsDraft;
  setAside: SetAsideCredential | null;
}

const hasCredential = (draft: Pick<SettingsDraft, 'apiKey' | 'customHeaders'>) =>
  draft.apiKey.trim() !== '' || draft.customHeaders.trim() !== '';

/**
 * The form's starting point: the stored key and headers fill their fields only when they were saved for
 * the base URL's own origin. Saved for another (the base URL changed on another device and came by sync),
 * they are set aside, and the fields start empty.
 */
export function initialBinding(draft: SettingsDraft, stored: EndpointCredential | null): BoundDraft {
  if (!stored) return { draft, setAside: null };
  const credential = { apiKey: stored.apiKey, customHeaders: formatCustomHeaders(stored.headers) };
  if (stored.origin === endpointOrigin(draft.baseUrl)) return { draft: { ...draft, ...credential }, setAside: null };
  return {
    draft: { ...draft, apiKey: '', customHeaders: '' },
    setAside: hasCredential(credential) ? { origin: stored.origin, ...credential } : null,
  };
}

/**
 * A new base URL (typed, or a provider's preset). Within one origin nothing else changes. Leaving it, the
 * key and headers leave the fields (the first ones set aside are kept: those the user saved); coming back
 * to the origin they were set aside from, they return.
 */
export function withBaseUrl(bound: BoundDraft, baseUrl: string): BoundDraft {
  const { draft, setAside } = bound;
  const previous = endpointOrigin(draft.baseUrl);
  const next = endpointOrigin(baseUrl);
  if (next === previous) return { draft: { ...draft, baseUrl }, setAside };
  if (setAside && next === setAside.origin) {
    const { apiKey, customHeaders } = setAside;
    return { draft: { ...draft, baseUrl, apiKey, customHeaders }, setAside: null };
  }
  const kept =
    setAside ??
    (previous !== null && hasCredential(draft)
      ? { origin: previous, apiKey: draft.apiKey, customHeaders: draft.customHeaders }
      : null);
  return { draft: { ...draft, baseUrl, apiKey: '', customHeaders: '' }, setAside: kept };
}

/** The user confirmed that the base URL's host may have the set-aside key and headers: they return to the fields. */
export function confirmSetAside(bound: BoundDraft): BoundDraft {
  if (!bound.setAside) return bound;
  const { apiKey, customHeaders } = bound.setAside;
  return { draft: { ...bound.draft, apiKey, customHeaders }, setAside: null };
}
