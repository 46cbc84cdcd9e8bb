import { describe, expect, it } from 'vitest';
import { NO_VISIBLE_TEXT } from '@/lib/article/no-visible-text';
import { describeError } from '@/lib/ui/describe-error';

describe('describeError for blocked requests and gateway pages', () => {
  it('a firewall’s 403 names who blocked it and what to try, never the Ollama advice or the key', () => {
    const text = describeError({
      code: 'request-blocked',
      status: 403,
      host: 'llm-gateway.example.test',
      by: 'Cloudflare',
      detail: 'Access denied (Cloudflare error 1010)',
      reference: '8f1a2b3c4d5e6f70',
    });
    expect(text.message).toBe(
      'llm-gateway.example.test refused the request with HTTP 403 from Cloudflare: “Access denied (Cloudflare error 1010)”. This is the provider’s or your network’s firewall or bot protection, not your API key.',
    );
    expect(text.nextStep).toMatch(/another network.*VPN or proxy.*contact the provider.*8f1a2b3c4d5e6f70/);
    expect(JSON.stringify(text)).not.toMatch(/OLLAMA_ORIGINS|Ollama|API key\b(?!\.)/);
  });

  it('an empty remote 403 says so, without claiming a firewall it cannot see', () => {
    const text = describeError({ code: 'request-blocked', status: 403, host: 'api.example.test' });
    expect(text.message).toBe(
      'api.example.test refused the request with HTTP 403 and gave no reason. A firewall or proxy on the way, or the provider’s own access rules (your network, region or key), stopped it.',
    );
    expect(text.nextStep).toContain('check that your key may use this endpoint');
  });

  it('a gateway’s 5xx page says the provider behind it is unreachable or overloaded', () => {
    const text = describeError({
      code: 'gateway-error',
      status: 522,
      host: 'llm-gateway.example.test',
      by: 'Cloudflare',
      detail: 'Connection timed out (Cloudflare)',
    });
    expect(text.title).toBe('The provider is unreachable or overloaded');
    expect(text.message).toContain('HTTP 522 from Cloudflare: “Connection timed out (Cloudflare)”.');
    expect(text.actions).toEqual(['retry']);
  });
});

describe('describeError for an unreachable endpoint', () => {
  it('gives the CORS / OLLAMA_ORIGINS advice for a server on this machine only', () => {
    expect(describeError({ code: 'endpoint-unreachable', host: 'localhost:11434' }).nextStep).toContain(
      'OLLAMA_ORIGINS',
    );
    const remote = describeError({
      code: 'endpoint-unreachable',
      host: 'api.mistral.ai',
      detail: 'HTTP 404: Not Found',
    });
    expect(remote.nextStep).not.toMatch(/OLLAMA|CORS/);
    expect(remote.nextStep).toContain('/v1');
  });
});

describe('describeError for an account without credit', () => {
  it('points to billing, not to waiting or to the key', () => {
    const text = describeError({
      code: 'out-of-credit',
      status: 402,
      host: 'api.deepseek.com',
      detail: 'Insufficient Balance',
    });
    expect(text.title).toBe('Out of credit');
    expect(text.message).toBe(
      'api.deepseek.com refused the request because the account has no credit or quota left (HTTP 402): “Insufficient Balance”.',
    );
    expect(text.nextStep).toMatch(/billing/);
    expect(text.nextStep).toMatch(/Waiting does not help/);
  });
});

describe('describeError for what nothing more specific explains', () => {
  it("gives the thrower's words, or says there were none", () => {
    expect(describeError({ code: 'unknown', detail: 'boom' }).message).toBe('boom');
    expect(describeError({ code: 'unknown', detail: '' }).message).toBe('The error came without a description.');
  });
});

describe('describeError for a page without text', () => {
  it('says so in the interface’s words, not as the extractor’s detail', () => {
    const text = describeError({ code: 'extraction-failed', detail: NO_VISIBLE_TEXT });
    expect(text.message).toBe('The page has no visible text.');
    expect(describeError({ code: 'extraction-failed', detail: 'boom' }).message).toBe(
      'Extracting the article failed: boom',
    );
  });
});
