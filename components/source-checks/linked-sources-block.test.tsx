// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type CheckSources,
  LinkedSourcesBlock,
  type SetAsideSources,
} from '@/components/source-checks/linked-sources-block';
import type { Article } from '@/lib/article/article';
import type { Analysis } from '@/lib/attribution/analysis';
import type { SourceCheckState } from '@/lib/sources/source-check-state';
import { SEED_ANALYSIS, SEED_ARTICLE } from '@/tests/support/components/seed-job';
import { nytState, seedNytResult, seedNytSource } from '@/tests/support/components/source-check-states';

const requestPermission = vi.fn<(permissions: { origins?: string[] }) => Promise<boolean>>();

beforeEach(() => {
  fakeBrowser.reset();
  requestPermission.mockReset();
  requestPermission.mockResolvedValue(true);
  // fakeBrowser does not implement permissions; Chrome resolves true when access is (or becomes) granted.
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(
    requestPermission as unknown as typeof fakeBrowser.permissions.request,
  );
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const NYT = 'https://www.nytimes.com/2025/02/14/world/europe/belarus-us-deal-lukashenko.html';

function block(
  checks: Record<string, SourceCheckState> = {},
  options: { article?: Article; notes?: Analysis['notes']; onCheck?: CheckSources } = {},
) {
  const onCheck = options.onCheck ?? vi.fn<CheckSources>(() => Promise.resolve());
  const onSetAside = vi.fn<SetAsideSources>(() => Promise.resolve());
  const onOpenOptions = vi.fn();
  const view = render(
    <LinkedSourcesBlock
      article={options.article ?? SEED_ARTICLE}
      notes={options.notes ?? SEED_ANALYSIS.notes}
      checks={checks}
      onCheck={onCheck}
      onSetAside={onSetAside}
      onOpenOptions={onOpenOptions}
    />,
  );
  return { ...view, onCheck, onSetAside, onOpenOptions };
}

function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('LinkedSourcesBlock', () => {
  it('lists the linked source the notes attribute claims to, with its site and Check against it', () => {
    const { container } = block();
    const item = container.querySelector(`[data-source-url="${NYT}"]`);
    expect(text(item)).toContain('The New York Times');
    expect(text(item)).toContain('nytimes.com');
    expect(text(item)).toContain(`${seedNytSource().claims.length} claims attributed to it`);
    expect(screen.getByRole('button', { name: 'Check against The New York Times' })).toBeTruthy();
    // One source: no Check all.
    expect(screen.queryByRole('button', { name: 'Check all linked sources' })).toBeNull();
  });

  it('offers Check all linked sources when two or more are linked, and checks all of them at once', async () => {
    const reuters = 'https://www.reuters.com/world/europe/belarus-frees-prisoners-2025-02-12/';
    const article: Article = {
      ...SEED_ARTICLE,
      links: [...SEED_ARTICLE.links, { text: 'Reuters', url: reuters, paragraphId: 'p7' }],
    };
    const notes: Analysis['notes'] = [
      ...SEED_ANALYSIS.notes,
      {
        claim: 'Lukashenko was re-elected with 86.82 percent.',
        source: { name: 'Reuters', role: null, type: 'media-outlet' },
        chain: [{ name: 'Reuters', cue: null }],
        kind: 'reported-speech',
        hedges: [],
        quote:
          'Bei den Präsidentschaftswahlen in Weißrussland im Januar 2025 wurde Lukaschenko laut der Zentralen Wahlkommission mit 86,82 Prozent der Stimmen erneut ins Amt gewählt.',
        paragraphId: 'p7',
      },
    ];
    const { onCheck } = block({}, { article, notes });
    fireEvent.click(screen.getByRole('button', { name: 'Check all linked sources' }));
    // One prompt for both sites, asked in the click itself.
    expect(requestPermission).toHaveBeenCalledWith({
      origins: ['https://www.nytimes.com/*', 'https://www.reuters.com/*'],
    });
    await waitFor(() => expect(onCheck).toHaveBeenCalledTimes(1));
    const request = vi.mocked(onCheck).mock.calls[0]?.[0];
    expect(request?.sources.map((source) => source.url)).toEqual([NYT, reuters]);
    expect(request).toMatchObject({ via: 'fetch', confirmed: false });
  });

  it('asks access to the source’s site in the click, then sends the check', async () => {
    const { onCheck } = block();
    fireEvent.click(screen.getByRole('button', { name: 'Check against The New York Times' }));
    // Synchronously, within the user gesture: no await came before the request.
    expect(requestPermission).toHaveBeenCalledWith({ origins: ['https://www.nytimes.com/*'] });
    expect(onCheck).not.toHaveBeenCalled();
    await waitFor(() =>
      expect(onCheck).toHaveBeenCalledWith({ sources: [seedNytSource()], via: 'fetch', confirmed: false }),
    );
  });

  it('says a declined permission sent nothing, naming the site and how to allow it', async () => {
    requestPermission.mockResolvedValue(false);
    const { onCheck } = block();
    fireEvent.click(screen.getByRole('button', { name: 'Check against The New York Times' }));
    const alert = await screen.findByRole('alert');
    expect(text(alert)).toBe(
      'Sourcelens did not get access to www.nytimes.com, so nothing was read from it and nothing was sent to your endpoint. To check The New York Times, choose the button again and pick Allow when the browser asks for access to www.nytimes.com.',
    );
    expect(onCheck).not.toHaveBeenCalled();
  });

  it('says when the browser could not ask at all', async () => {
    requestPermission.mockRejectedValue(new Error('This function must be called during a user gesture'));
    const { onCheck } = block();
    fireEvent.click(screen.getByRole('button', { name: 'Check against The New York Times' }));
    expect(text(await screen.findByRole('alert'))).toContain(
      'The browser did not ask for access to www.nytimes.com (This function must be called during a user gesture)',
    );
    expect(onCheck).not.toHaveBeenCalled();
  });

  it('shows reading and checking with a spinner, and no button while they run', () => {
    const { container, rerender } = block({ [NYT]: nytState({ status: 'reading' }) });
    expect(text(screen.getByRole('status'))).toBe('Reading the source…');
    expect(container.querySelector('.source-check .spinner')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Check/ })).toBeNull();
    rerender(
      <LinkedSourcesBlock
        article={SEED_ARTICLE}
        notes={SEED_ANALYSIS.notes}
        checks={{ [NYT]: nytState({ status: 'reading' }, 'tab') }}
        onCheck={() => Promise.resolve()}
        onSetAside={() => Promise.resolve()}
        onOpenOptions={() => {}}
      />,
    );
    expect(text(screen.getByRole('status'))).toBe('Reading the source in a background tab…');
    rerender(
      <LinkedSourcesBlock
        article={SEED_ARTICLE}
        notes={SEED_ANALYSIS.notes}
        checks={{ [NYT]: nytState({ status: 'checking' }) }}
        onCheck={() => Promise.resolve()}
        onSetAside={() => Promise.resolve()}
        onOpenOptions={() => {}}
      />,
    );
    expect(text(screen.getByRole('status'))).toBe('Checking the claims against the source…');
  });

  it('asks before a costly batch, in the words of the cost confirmation; Check confirms it, Not now puts it off', async () => {
    const { container, onCheck, onSetAside } = block({ [NYT]: nytState({ status: 'awaiting-confirmation' }) });
    const dialog = screen.getByRole('alertdialog');
    expect(text(dialog)).toContain('This run is estimated at ≈ $0.19');
    expect(text(dialog)).toContain('≈ 61,000 tokens in and ≈ 4,000 out, in 2 requests');
    expect(text(dialog)).toContain('Sources waiting: The New York Times.');
    expect(text(dialog)).toContain('Nothing has been sent yet.');
    expect(text(container.querySelector('.source-check'))).toContain('Waiting for your go-ahead above.');
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() =>
      expect(onCheck).toHaveBeenCalledWith({ sources: [seedNytSource()], via: 'fetch', confirmed: true }),
    );

    // Not now goes to the background, which drops the waiting checks: the job then offers the source afresh.
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(onSetAside).toHaveBeenCalledWith([NYT]));
  });

  it('offers one step further: the page a checked source links and attributes a claim to, checked with its parent', async () => {
    const READOUT = 'https://www.state.gov/readout-belarus';
    const base = seedNytResult();
    const result = {
      ...base,
      links: [{ name: 'State Department readout', url: READOUT }],
      claims: base.claims.map((claim) =>
        claim.verdict === 'supported' ? { ...claim, attributedTo: 'a State Department readout' } : claim,
      ),
    };
    const { container, onCheck } = block({ [NYT]: nytState({ status: 'checked', result }) });
    const further = container.querySelector('.linked-sources__further');
    expect(text(further?.querySelector('.linked-sources__further-title'))).toBe(
      'One step further: pages The New York Times links and attributes these claims to',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check against a State Department readout' }));
    await waitFor(() => expect(onCheck).toHaveBeenCalledTimes(1));
    const request = vi.mocked(onCheck).mock.calls[0]?.[0];
    expect(request?.parentUrl).toBe(NYT);
    expect(request?.sources.map((source) => source.url)).toEqual([READOUT]);
    expect(requestPermission).toHaveBeenCalledWith({ origins: ['https://www.state.gov/*'] });
  });

  it('gives the tally of a checked source, its date beside the article’s, and marks a source newer than the article', () => {
    const { container } = block({ [NYT]: nytState({ status: 'checked' }) });
    expect(text(container.querySelector('[data-testid="source-check-tally"]'))).toBe(
      "2 of 4 claims attributed to The New York Times found in its article; 1 partly: the article says the US 'would ease' the sanctions; the source says only that it 'could consider easing some'; 1 not found: “The claim of note 4”; 1 check unverified (the model’s passage is not in the source)",
    );
    const dates = text(container.querySelector('.source-check__dates'));
    expect(dates).toMatch(/^The New York Times published .*2025 · the article .*2025 newer than the article$/);
  });

  it('does not mark a source published before the article', () => {
    const result = seedNytResult({ publishedTime: '2025-02-13T10:00:00Z' });
    const { container } = block({ [NYT]: nytState({ status: 'checked', result }) });
    expect(text(container.querySelector('.source-check__dates'))).not.toContain('newer than the article');
  });

  it('offers a paywalled source to a subscriber’s session in a background tab, and any check again', async () => {
    const result = seedNytResult({ partial: 'paywall' });
    const { onCheck } = block({ [NYT]: nytState({ status: 'checked', result }) });
    fireEvent.click(screen.getByRole('button', { name: 'Open and read it in a background tab' }));
    await waitFor(() =>
      expect(onCheck).toHaveBeenCalledWith({ sources: [seedNytSource()], via: 'tab', confirmed: false }),
    );
    // The keyboard stays with the source whose button went away.
    expect(document.activeElement?.getAttribute('data-source-url')).toBe(NYT);
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(onCheck).toHaveBeenCalledTimes(2));
  });

  it('puts the keyboard on Check when a costly batch waits, and offers to change the limit', () => {
    const { onOpenOptions } = block({ [NYT]: nytState({ status: 'awaiting-confirmation' }) });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Check' }));
    fireEvent.click(screen.getByRole('button', { name: 'Change the limit' }));
    expect(onOpenOptions).toHaveBeenCalled();
  });

  it('says a paywalled source was checked on its visible part only', () => {
    const result = seedNytResult({ partial: 'paywall' });
    const { container } = block({ [NYT]: nytState({ status: 'checked', result }) });
    expect(text(container.querySelector('[data-testid="source-check-tally"]'))).toMatch(
      /\. Only its part before the paywall was read: a claim not found there may be in the rest\.$/,
    );
  });

  it('offers the background tab where fetching found no article, and reads it there', async () => {
    const { onCheck } = block({
      [NYT]: nytState({ status: 'unreadable', problem: { kind: 'not-an-article', url: NYT } }),
    });
    expect(text(screen.getByRole('status'))).toContain('Sourcelens found no article at the link to The New York Times');
    fireEvent.click(screen.getByRole('button', { name: 'Open and read it in a background tab' }));
    expect(requestPermission).toHaveBeenCalledWith({ origins: ['https://www.nytimes.com/*'] });
    await waitFor(() =>
      expect(onCheck).toHaveBeenCalledWith({ sources: [seedNytSource()], via: 'tab', confirmed: false }),
    );
  });

  it('offers the background tab when the site refused, and not when it did not answer', () => {
    const { rerender } = block({
      [NYT]: nytState({ status: 'unreadable', problem: { kind: 'refused', host: 'www.nytimes.com', status: 403 } }),
    });
    expect(screen.getByRole('button', { name: 'Open and read it in a background tab' })).toBeTruthy();
    rerender(
      <LinkedSourcesBlock
        article={SEED_ARTICLE}
        notes={SEED_ANALYSIS.notes}
        checks={{
          [NYT]: nytState({
            status: 'unreadable',
            problem: { kind: 'unreachable', host: 'www.nytimes.com', detail: 'connection refused' },
          }),
        }}
        onCheck={() => Promise.resolve()}
        onSetAside={() => Promise.resolve()}
        onOpenOptions={() => {}}
      />,
    );
    expect(text(document.querySelector('.source-check__problem'))).toBe(
      'www.nytimes.com did not answer (connection refused). Check your connection, or open the link to see whether the site is up.',
    );
    expect(screen.queryByRole('button', { name: 'Open and read it in a background tab' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
  });

  it('shows a failed check as the panel shows failures, with Check again', async () => {
    const { container, onCheck } = block({
      [NYT]: nytState({ status: 'failed', error: { code: 'rate-limited', retryAfterSeconds: 20 } }),
    });
    expect(container.querySelector('.error-notice[data-error-code="rate-limited"]')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() =>
      expect(onCheck).toHaveBeenCalledWith({ sources: [seedNytSource()], via: 'fetch', confirmed: false }),
    );
  });

  it('shows nothing when no linked source has claims attributed to it', () => {
    const { container } = block({}, { article: { ...SEED_ARTICLE, links: [] } });
    expect(container.querySelector('.linked-sources')).toBeNull();
  });
});
