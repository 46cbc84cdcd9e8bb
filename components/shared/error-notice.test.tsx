// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { buttonNames } from '@/tests/support/components/button-names';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppError, AppErrorCode } from '@/lib/errors';
import { ErrorNotice } from '@/components/shared/error-notice';

/** One sample per code; the mapped type makes a new code without a sample a compile error. */
const SAMPLES: { [Code in AppErrorCode]: Extract<AppError, { code: Code }> } = {
  'missing-api-key': { code: 'missing-api-key', host: 'api.openai.com' },
  'missing-model': { code: 'missing-model' },
  'invalid-settings': { code: 'invalid-settings', detail: 'baseUrl: Base URL must be an http:// or https:// URL' },
  'auth-failed': { code: 'auth-failed', status: 401, host: 'api.openai.com', detail: 'Incorrect API key provided' },
  'origin-rejected': { code: 'origin-rejected', host: 'localhost:11434', origin: 'chrome-extension://abc' },
  'model-not-found': { code: 'model-not-found', model: 'gpt-9', host: 'api.openai.com' },
  'rate-limited': { code: 'rate-limited', retryAfterSeconds: 20 },
  'context-too-long': { code: 'context-too-long' },
  'endpoint-unreachable': { code: 'endpoint-unreachable', host: 'localhost:1234', detail: 'Connection error.' },
  'server-error': { code: 'server-error', status: 502, host: 'openrouter.ai' },
  'bad-request': { code: 'bad-request', status: 400, detail: 'response_format is not supported' },
  'answer-not-understood': { code: 'answer-not-understood', detail: 'notes[2].kind: invalid value' },
  'stream-interrupted': { code: 'stream-interrupted', detail: 'network error' },
  'endpoint-error-mid-answer': {
    code: 'endpoint-error-mid-answer',
    host: 'openrouter.ai',
    detail: 'Provider returned error',
  },
  'answer-cut': { code: 'answer-cut' },
  'model-refused': { code: 'model-refused', detail: 'I cannot help with that.' },
  'not-an-article': { code: 'not-an-article', hasSelection: true },
  'restricted-page': { code: 'restricted-page', url: 'chrome://settings', reason: 'browser-internal' },
  'page-access-denied': { code: 'page-access-denied', url: 'https://example.com/' },
  'extraction-failed': { code: 'extraction-failed', detail: 'document.body is null' },
  cancelled: { code: 'cancelled' },
  unknown: { code: 'unknown', detail: 'Could not establish connection. Receiving end does not exist.' },
  'request-blocked': {
    code: 'request-blocked',
    status: 403,
    host: 'llm-gateway.example.test',
    by: 'Cloudflare',
    detail: 'Access denied (Cloudflare error 1010)',
    reference: '8f1a2b3c4d5e6f70',
  },
  'out-of-credit': {
    code: 'out-of-credit',
    status: 402,
    host: 'api.deepseek.com',
    detail: 'Insufficient Balance',
  },
  'gateway-error': {
    code: 'gateway-error',
    status: 522,
    host: 'llm-gateway.example.test',
    by: 'Cloudflare',
    detail: 'Connection timed out (Cloudflare)',
  },
};

const ALL_HANDLERS = {
  retry: () => {},
  'open-options': () => {},
  'use-selection': () => {},
  'use-page': () => {},
};

afterEach(cleanup);

function part(selector: string): string {
  return document.body.querySelector(selector)?.textContent?.trim() ?? '';
}

describe('ErrorNotice', () => {
  it('offers "Use selection" and "Use whole page" for a page that is not an article, and calls back', async () => {
    const useSelection = vi.fn();
    const usePage = vi.fn();
    const mounted = render(
      <ErrorNotice
        error={SAMPLES['not-an-article']}
        handlers={{ 'use-selection': useSelection, 'use-page': usePage }}
      />,
    );
    expect(mounted.container.querySelector('[role="alert"]')).not.toBeNull();
    expect(part('.error-notice__title')).toBe('This page is not an article');
    expect(buttonNames(mounted.container)).toEqual(['Use selection', 'Use whole page']);
    screen.getByRole('button', { name: 'Use whole page' }).click();
    expect(usePage).toHaveBeenCalledTimes(1);
    expect(useSelection).not.toHaveBeenCalled();
  });

  it('offers only "Use whole page" when nothing is selected', async () => {
    const mounted = render(
      <ErrorNotice error={{ code: 'not-an-article', hasSelection: false }} handlers={ALL_HANDLERS} />,
    );
    expect(buttonNames(mounted.container)).toEqual(['Use whole page']);
  });

  it('names the other site’s frame a page’s text is in, and how to open it', async () => {
    const mounted = render(
      <ErrorNotice
        error={{ code: 'not-an-article', hasSelection: false, frameUrl: 'https://reader.other.example/story/9' }}
        handlers={ALL_HANDLERS}
      />,
    );
    expect(part('.error-notice__title')).toBe('The article is in a frame from another site');
    expect(part('.error-notice__message')).toContain('reader.other.example');
    expect(part('.error-notice__next')).toBe(
      'Open https://reader.other.example/story/9 in its own tab and analyse it there.',
    );
    // The whole page's text would be the frame's surroundings, not the article.
    expect(buttonNames(mounted.container)).toEqual([]);
    const link = mounted.container.querySelector<HTMLAnchorElement>('a.error-notice__link');
    expect(link?.textContent).toBe('Open the frame in a new tab');
    expect(link?.getAttribute('href')).toBe('https://reader.other.example/story/9');
    expect(link?.target).toBe('_blank');
    expect(link?.rel).toBe('noopener noreferrer');
  });

  it('offers no link to a frame address that is not http(s)', async () => {
    const mounted = render(
      <ErrorNotice error={{ code: 'not-an-article', hasSelection: false, frameUrl: 'javascript:alert(1)' }} />,
    );
    expect(mounted.container.querySelector('a')).toBeNull();
  });

  it('sends a missing key to the options page', async () => {
    const openOptions = vi.fn();
    render(<ErrorNotice error={SAMPLES['missing-api-key']} handlers={{ 'open-options': openOptions }} />);
    expect(part('.error-notice__title')).toBe('No API key set');
    expect(part('.error-notice__next')).toContain('Open Options');
    screen.getByRole('button', { name: 'Open options' }).click();
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it('offers Retry and Open options for an unreachable endpoint, and says when to retry a rate limit', async () => {
    const mounted = render(<ErrorNotice error={SAMPLES['endpoint-unreachable']} handlers={ALL_HANDLERS} />);
    expect(buttonNames(mounted.container)).toEqual(['Retry', 'Open options']);
    mounted.unmount();
    const rateLimited = render(<ErrorNotice error={SAMPLES['rate-limited']} handlers={ALL_HANDLERS} />);
    expect(buttonNames(rateLimited.container)).toEqual(['Retry']);
    expect(part('.error-notice__next')).toBe("Retry in 20 s, or check your plan's limits.");
  });

  it('shows no button for an action this surface cannot carry out', async () => {
    const mounted = render(<ErrorNotice error={SAMPLES['auth-failed']} handlers={{ retry: () => {} }} />);
    expect(buttonNames(mounted.container)).toEqual([]);
    expect(part('.error-notice__message')).toContain('HTTP 401');
  });

  it('can leave the announcing to another notice', async () => {
    const mounted = render(<ErrorNotice error={SAMPLES['server-error']} announce={false} />);
    expect(mounted.container.querySelector('[role="alert"]')).toBeNull();
  });

  it.each(Object.values(SAMPLES))('renders a title, a message and a next step for $code', async (error) => {
    const mounted = render(<ErrorNotice error={error} handlers={ALL_HANDLERS} />);
    expect(part('.error-notice__title')).not.toBe('');
    expect(part('.error-notice__message')).not.toBe('');
    expect(part('.error-notice__next')).not.toBe('');
    expect(mounted.container.querySelector('[data-error-code]')?.getAttribute('data-error-code')).toBe(error.code);
  });
});
