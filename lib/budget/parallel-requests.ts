import { isLocalEndpoint } from '@/lib/llm/endpoint';

/**
 * How many requests Sourcelens sends to one endpoint at once, unless the user sets it. Six for a
 * remote API: Chrome opens at most six HTTP/1.1 connections per host anyway, and more streams
 * than that would only wait in the browser, unseen by the queue. Four for a local server: Ollama
 * serves up to four requests of a model at once by default (OLLAMA_NUM_PARALLEL, when memory
 * allows) and queues the rest itself; more from us would only wait there.
 */
export function defaultParallelRequests(baseUrl: string): number {
  return isLocalEndpoint(baseUrl) ? 4 : 6;
}
