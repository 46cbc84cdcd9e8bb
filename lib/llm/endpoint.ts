/**
 * The endpoint a Base URL names, parsed once: every module that needs its origin, its host, whether
 * it runs on this machine or network, or the host-permission pattern asks here. Kept free of the
 * `openai` SDK so every page can import it.
 */

/** `local`: this machine or the local network (Ollama, LM Studio, llama.cpp, vLLM); `remote`: anything else. */
export type Locality = 'local' | 'remote';

export interface Endpoint {
  /** Trimmed, without trailing slashes: `https://api.openai.com/v1`. */
  baseUrl: string;
  /** `https://api.openai.com`, `http://localhost:11434`. */
  origin: string;
  /** Host with port, as messages name the endpoint: `api.openai.com`, `localhost:11434`. */
  host: string;
  /** Host without port, lower case; IPv6 in brackets (`[::1]`). */
  hostname: string;
  locality: Locality;
  /**
   * The match pattern for host access to this endpoint's origin: `http://127.0.0.1/*`. Match
   * patterns carry no port (Chrome's and Firefox's host permissions ignore it), so the port is dropped.
   */
  permissionPattern: string;
}

/** The endpoint of an http(s) Base URL; null for anything else (another scheme, not a URL). */
export function parseEndpoint(baseUrl: string): Endpoint | null {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const hostname = url.hostname.toLowerCase();
  return {
    baseUrl: trimmed,
    origin: url.origin,
    host: url.host,
    hostname,
    locality: hostnameLocality(hostname),
    permissionPattern: `${url.protocol}//${hostname}/*`,
  };
}

/**
 * How messages name an endpoint: its host with port, or the text itself when it is no URL
 * (`'the endpoint'` when empty), so a message never fails for want of a valid setting.
 */
export function endpointHost(baseUrl: string): string {
  return parseEndpoint(baseUrl)?.host || baseUrl.trim() || 'the endpoint';
}

/** The origin requests to this Base URL go to; the trimmed text itself when it is no http(s) URL. */
export function endpointOrigin(baseUrl: string): string {
  return parseEndpoint(baseUrl)?.origin ?? baseUrl.trim();
}

/** Ollama, LM Studio, llama.cpp or vLLM on this machine or the local network: no price, small defaults. */
export function isLocalEndpoint(baseUrl: string): boolean {
  return parseEndpoint(baseUrl)?.locality === 'local';
}

/**
 * The locality of a host as messages name it (`localhost:11434`, `[::1]:8080`, `api.openai.com`):
 * for callers that hold only the host, such as the error mapping.
 */
export function hostLocality(host: string): Locality {
  return parseEndpoint(`http://${host.trim()}`)?.locality ?? 'remote';
}

/**
 * Loopback (`localhost`, `127.0.0.0/8`, `::1`, `0.0.0.0` as servers print it), mDNS names
 * (`*.local`) and the private ranges of RFC 1918 (10/8, 172.16/12, 192.168/16), RFC 4193 (fc00::/7)
 * and link-local addresses: where people run their own model servers.
 */
function hostnameLocality(hostname: string): Locality {
  const local =
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname.endsWith('.local') ||
    hostname === '0.0.0.0' ||
    hostname === '[::1]' ||
    /^\[f[cd][0-9a-f]{2}:/.test(hostname) ||
    /^\[fe[89ab][0-9a-f]:/.test(hostname) ||
    /^127\./.test(hostname) ||
    /^10\./.test(hostname) ||
    /^192\.168\./.test(hostname) ||
    /^169\.254\./.test(hostname) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(hostname);
  return local ? 'local' : 'remote';
}
