import { browser } from '#imports';
import { parseEndpoint } from '@/lib/llm/endpoint';
import { messageOf } from '@/lib/message-of';

export type PermissionOutcome =
  | { granted: true; pattern: string }
  | { granted: false; pattern: string | null; reason: 'declined' | 'invalid-url' | 'unavailable'; detail?: string };

/**
 * Asks for host access to the endpoint's origin, so requests from the background skip CORS
 * preflights (which local servers often refuse). `permissions.request` needs the user gesture,
 * so this calls it synchronously: call it first thing in a click handler, before any await.
 * No `permissions.contains` first: that would need an await; Chrome resolves `request` at once
 * (without a prompt) when access is already granted.
 */
export function requestHostPermission(baseUrl: string): Promise<PermissionOutcome> {
  const pattern = parseEndpoint(baseUrl)?.permissionPattern;
  if (!pattern) return Promise.resolve({ granted: false, pattern: null, reason: 'invalid-url' });
  let request: Promise<boolean>;
  try {
    request = browser.permissions.request({ origins: [pattern] });
  } catch (error) {
    return Promise.resolve({ granted: false, pattern, reason: 'unavailable', detail: messageOf(error) });
  }
  return request.then(
    (granted): PermissionOutcome =>
      granted ? { granted: true, pattern } : { granted: false, pattern, reason: 'declined' },
    (error: unknown): PermissionOutcome => ({
      granted: false,
      pattern,
      reason: 'unavailable',
      detail: messageOf(error),
    }),
  );
}
