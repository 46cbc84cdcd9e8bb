/**
 * Which CDN, firewall, load balancer or web server in front of an endpoint wrote a response, from
 * its headers (`server`, Cloudflare's `cf-ray`, CloudFront's `x-amz-cf-id`, Azure Front Door's
 * `x-azure-ref`) or, for an HTML page, the name it prints (nginx's `<center>nginx</center>` footer,
 * Cloudflare's "Performance & security by Cloudflare").
 */

/** The fronts this module recognises, each with the name messages give it. */
export const ANSWERING_SERVERS = {
  cloudflare: 'Cloudflare',
  nginx: 'nginx',
  cloudfront: 'Amazon CloudFront',
  'aws-elb': 'an AWS load balancer',
  akamai: 'Akamai',
  fastly: 'Fastly',
  varnish: 'Varnish',
  envoy: 'Envoy',
  'azure-front-door': 'Azure Front Door',
  'azure-application-gateway': 'Azure Application Gateway',
  'google-frontend': 'Google Front End',
  vercel: 'Vercel',
  caddy: 'Caddy',
  apache: 'Apache',
} as const;

export type AnsweringServer = keyof typeof ANSWERING_SERVERS;

/** From `server` header values (lower case) to who they name. */
const SERVER_HEADER_PATTERNS: [RegExp, AnsweringServer][] = [
  [/cloudflare/, 'cloudflare'],
  [/^(nginx|openresty|tengine)\b/, 'nginx'],
  [/cloudfront/, 'cloudfront'],
  [/^awselb|^elb\b/, 'aws-elb'],
  [/akamai/, 'akamai'],
  [/envoy/, 'envoy'],
  [/microsoft-azure-application-gateway/, 'azure-application-gateway'],
  [/^(google frontend|gfe|esf)\b/, 'google-frontend'],
  [/varnish/, 'varnish'],
  [/^vercel/, 'vercel'],
  [/^caddy/, 'caddy'],
  [/^apache\b/, 'apache'],
];

/** From an error page's visible text to who served it. */
const PAGE_PATTERNS: [RegExp, AnsweringServer][] = [
  [/\bcloudflare\b/i, 'cloudflare'],
  [/\b(nginx|openresty)\b/i, 'nginx'],
  [/\bcloudfront\b/i, 'cloudfront'],
  [/\bMicrosoft-Azure-Application-Gateway\b/i, 'azure-application-gateway'],
  [/\bAzure Front Door\b/i, 'azure-front-door'],
  [/\b(akamai|Reference #\d+\.[0-9a-f]+)/i, 'akamai'],
  [/\bVarnish cache server\b/i, 'varnish'],
  [/\bupstream connect error or disconnect\/reset before headers\b/i, 'envoy'],
  [/\bawselb\b/i, 'aws-elb'],
];

/**
 * Who answered; null when nothing names a known front (then it is taken to be the endpoint itself).
 * `pageText` is the visible text of an HTML or plain-text body, when there is one.
 */
export function answeringServer(headers: Headers | undefined, pageText = ''): AnsweringServer | null {
  const server = headers?.get('server')?.trim().toLowerCase() ?? '';
  for (const [pattern, id] of SERVER_HEADER_PATTERNS) if (pattern.test(server)) return id;
  if (headers?.has('cf-ray') || headers?.has('cf-mitigated')) return 'cloudflare';
  if (headers?.has('x-amz-cf-id')) return 'cloudfront';
  if (headers?.has('x-azure-ref')) return 'azure-front-door';
  if (headers?.has('x-fastly-request-id')) return 'fastly';
  if (/\bvarnish\b/i.test(headers?.get('via') ?? '') || headers?.has('x-varnish')) return 'varnish';
  for (const [pattern, id] of PAGE_PATTERNS) if (pattern.test(pageText)) return id;
  return null;
}

/** Network fronts that block requests by rule (bot protection, IP or region bans), as opposed to web servers. */
export function isFirewallFront(server: AnsweringServer | null): boolean {
  return (
    server === 'cloudflare' ||
    server === 'akamai' ||
    server === 'cloudfront' ||
    server === 'fastly' ||
    server === 'azure-front-door' ||
    server === 'azure-application-gateway' ||
    server === 'vercel'
  );
}
