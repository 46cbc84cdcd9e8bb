import { parseEndpoint } from '@/lib/llm/endpoint';
import { requestOrigins } from '@/lib/ui/request-origins';

export type PermissionOutcome =
  | { granted: true; pattern: string }
  | { granted: false; pattern: string | null; reason: 'declined' | 'invalid-url' | 'unavailable'; detail?: string };

/**
 * Asks for host access to the endpoint's origin, so requests from the background skip CORS
 * preflights (which local servers often refuse). Asks synchronously (requestOrigins): call it
 * first thing in a click handler, before any await.
 */
export function requestHostPermission(baseUrl: string): Promise<PermissionOutcome> {
  const pattern = parseEndpoint(baseUrl)?.permissionPattern;
  if (!pattern) return Promise.resolve({ granted: false, pattern: null, reason: 'invalid-url' });
  return requestOrigins([pattern]).then((outcome): PermissionOutcome => ({ ...outcome, pattern }));
}
