/** Moved to endpoint.ts, which parses a Base URL once for every module; kept for existing imports. */
export { endpointHost } from '@/lib/llm/endpoint';
