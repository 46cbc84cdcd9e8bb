// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { JobView } from '@/components/panel/job-view';
import { applyJobEvent, createJob, type JobState } from '@/lib/job/job';
import { fakeActions } from '@/tests/support/components/fake-actions';
import { COSTLY_ESTIMATE, SEED_ANALYSIS, SEED_ARTICLE, seedJob } from '@/tests/support/components/seed-job';

afterEach(cleanup);

/** A new job on tab 7 that has just read the seed article. */
function seedArticleRead(id: string): JobState | null {
  const job = createJob({
    id,
    tabId: 7,
    model: 'gpt-4o-mini',
    host: 'api.openai.com',
    targetLanguage: 'English',
    now: 0,
  });
  return applyJobEvent(job, { type: 'article', article: SEED_ARTICLE });
}

/** The seed job half-way: the article read, the summary and one note streamed, some translation. */
function runningSeedJob(): JobState {
  let job = seedArticleRead('job-running');
  job = applyJobEvent(job, {
    type: 'analysis-partial',
    analysis: {
      summary: SEED_ANALYSIS.summary,
      notes: [{ claim: 'A significant deal', chain: [{ name: 'This page' }] }],
    },
  });
  job = applyJobEvent(job, { type: 'translation-delta', text: 'A supposedly significant agreement' });
  if (!job) throw new Error('The reducer lost the job');
  return job;
}

function region(name: string): HTMLElement {
  const section = document.body.querySelector<HTMLElement>(`section[aria-label="${name}"]`);
  if (!section) throw new Error(`No region "${name}"`);
  return section;
}

describe('JobView', () => {
  it('renders the finished seed job in three named regions, each with its heading', async () => {
    const mounted = render(<JobView job={seedJob()} synced actions={fakeActions()} />);
    const sections = [...mounted.container.querySelectorAll('section[aria-label]')];
    expect(sections.map((section) => section.getAttribute('aria-label'))).toEqual([
      'Summary',
      'Sources',
      'Translation',
    ]);
    for (const section of sections) {
      expect(section.querySelector('h2')?.textContent).toBe(section.getAttribute('aria-label'));
      expect(section.querySelector('.status')?.textContent).toBe('Done');
    }
    expect(region('Summary').querySelectorAll('li')).toHaveLength(SEED_ANALYSIS.summary.length);
    expect(region('Sources').querySelectorAll('article.note-card')).toHaveLength(SEED_ANALYSIS.notes.length);
    expect(region('Sources').querySelector('.outlet-block a')?.getAttribute('href')).toContain('nytimes.com');
    expect(region('Translation').querySelector('.translation')?.getAttribute('lang')).toBe('en');
    expect(region('Translation').textContent).toContain('A supposedly significant agreement');
    expect(mounted.container.querySelector('h1')?.textContent).toBe(SEED_ARTICLE.title);
    expect(mounted.container.querySelector('h1')?.getAttribute('lang')).toBe('de');
  });

  it('shows the article metadata: outlet, byline, language by name, length', async () => {
    const mounted = render(<JobView job={seedJob()} synced actions={fakeActions()} />);
    const header = mounted.container.querySelector('.article-header')?.textContent ?? '';
    expect(header).toContain('Nachrichten Beispiel');
    expect(header).toContain('Redaktion International');
    expect(header).toContain('German');
    expect(header).toContain('318 words');
    expect(header).not.toContain('From cache');
  });

  it('offers Regenerate (not Cancel) when done, and regenerates with force', async () => {
    const actions = fakeActions();
    render(<JobView job={seedJob()} synced actions={actions} />);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect(actions.start).toHaveBeenCalledWith('article', true);
  });

  it('offers Cancel (not Regenerate) while running, streaming what has arrived', async () => {
    const actions = fakeActions();
    render(<JobView job={runningSeedJob()} synced actions={actions} />);
    expect(screen.queryByRole('button', { name: 'Regenerate' })).toBeNull();
    expect(region('Summary').querySelector('.status')?.textContent).toBe('Done');
    expect(region('Sources').querySelector('.status')?.textContent).toBe('Writing…');
    expect(region('Translation').querySelector('.status')?.textContent).toBe('Writing…');
    expect(region('Sources').textContent).toContain('A significant deal');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(actions.cancel).toHaveBeenCalledTimes(1);
  });

  it('marks a cached result with its time, and still offers Regenerate', async () => {
    const mounted = render(<JobView job={seedJob({ fromCache: true })} synced actions={fakeActions()} />);
    expect(mounted.container.querySelector('.article-header')?.textContent).toContain('From cache');
    await screen.findByRole('button', { name: 'Regenerate' });
  });

  it('says so when the article is already in the target language', async () => {
    render(<JobView job={seedJob({ translation: '', translationStatus: 'skipped' })} synced actions={fakeActions()} />);
    expect(region('Translation').textContent).toContain('The article is already in English.');
  });

  it('shows a failed part with its error and Retry, keeping the other parts', async () => {
    const actions = fakeActions();
    const job = seedJob({
      status: 'done',
      translation: 'A supposedly',
      translationStatus: 'error',
      translationError: { code: 'stream-interrupted' },
    });
    render(<JobView job={job} synced actions={actions} />);
    expect(region('Translation').querySelector('[role="alert"]')?.textContent).toContain('Stream interrupted');
    expect(region('Summary').querySelectorAll('li')).toHaveLength(SEED_ANALYSIS.summary.length);
    const retry = region('Translation').querySelector('button.button--primary');
    expect(retry?.textContent).toBe('Retry');
    if (retry instanceof HTMLElement) fireEvent.click(retry);
    expect(actions.start).toHaveBeenCalledWith('article', true);
  });

  it('tells a failure shared by both requests once, above the regions', async () => {
    const rejected = { code: 'auth-failed', status: 401, host: 'api.openai.com' } as const;
    const job = seedJob({
      status: 'error',
      analysis: {},
      analysisStatus: 'error',
      analysisError: rejected,
      translation: '',
      translationStatus: 'error',
      translationError: rejected,
    });
    const mounted = render(<JobView job={job} synced actions={fakeActions()} />);
    expect(mounted.container.querySelectorAll('[data-error-code="auth-failed"]')).toHaveLength(1);
    for (const name of ['Summary', 'Sources', 'Translation']) {
      expect(region(name).querySelector('[data-error-code]')).toBeNull();
      expect(region(name).textContent).toContain('see the message above');
    }
  });

  it('keeps what arrived before a shared failure, and calls it incomplete', async () => {
    const interrupted = { code: 'stream-interrupted' } as const;
    const job = seedJob({
      status: 'error',
      analysis: {},
      analysisStatus: 'error',
      analysisError: interrupted,
      translation: '[p1] An allegedly significant agreement',
      translationStatus: 'error',
      translationError: interrupted,
    });
    render(<JobView job={job} synced actions={fakeActions()} />);
    expect(region('Translation').textContent).toContain('An allegedly significant agreement');
    expect(region('Translation').textContent).toContain('Incomplete: see the message above.');
    expect(region('Summary').textContent).toContain('Not available: see the message above.');
  });

  it('says when the tab has moved on, keeping the result and offering to analyse the new page', async () => {
    const actions = fakeActions();
    const mounted = render(<JobView job={seedJob({ pageChanged: true })} synced actions={actions} />);
    expect(mounted.container.textContent).toContain('This tab has moved on');
    expect(region('Summary').querySelectorAll('li')).toHaveLength(SEED_ANALYSIS.summary.length);
    fireEvent.click(screen.getByRole('button', { name: 'Analyse the page shown now' }));
    expect(actions.start).toHaveBeenCalledWith('article', false);
  });

  it('says when the result could not be kept in session storage, keeping it on screen', async () => {
    const mounted = render(<JobView job={seedJob({ notKept: true })} synced actions={fakeActions()} />);
    expect(mounted.container.querySelector('[data-testid="not-kept-notice"]')?.textContent).toContain(
      'This result is too large to keep if the browser stops Sourcelens in the background',
    );
    expect(region('Summary').querySelectorAll('li')).toHaveLength(SEED_ANALYSIS.summary.length);
  });

  it('shows one notice with Retry for a cancelled job, keeping what arrived', async () => {
    const actions = fakeActions();
    const job = applyJobEvent(runningSeedJob(), { type: 'cancelled' });
    const mounted = render(<JobView job={job} synced actions={actions} />);
    expect(mounted.container.querySelectorAll('[data-error-code="cancelled"]')).toHaveLength(1);
    expect(region('Summary').querySelectorAll('li')).toHaveLength(SEED_ANALYSIS.summary.length);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(actions.start).toHaveBeenCalledWith('article', true);
  });

  it('offers "Use selection" and "Use whole page" when the page is not an article', async () => {
    const actions = fakeActions();
    const job = seedJob({
      status: 'error',
      article: null,
      analysis: {},
      analysisStatus: 'pending',
      translation: '',
      translationStatus: 'pending',
      usage: { analysis: null, translation: null },
      error: { code: 'not-an-article', hasSelection: true },
    });
    const mounted = render(<JobView job={job} synced actions={actions} />);
    expect(mounted.container.querySelectorAll('section[aria-label]')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Use selection' }));
    expect(actions.start).toHaveBeenLastCalledWith('selection', true);
    fireEvent.click(screen.getByRole('button', { name: 'Use whole page' }));
    expect(actions.start).toHaveBeenLastCalledWith('page', true);
  });

  it('sends a missing API key to the options page', async () => {
    const actions = fakeActions();
    const job = seedJob({ status: 'error', error: { code: 'missing-api-key', host: 'api.openai.com' } });
    render(<JobView job={job} synced actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(actions.openOptions).toHaveBeenCalledTimes(1);
  });

  it('explains a restricted page without offering what cannot work', async () => {
    const job = seedJob({
      status: 'error',
      article: null,
      error: { code: 'restricted-page', url: 'chrome://newtab', reason: 'browser-internal' },
    });
    const mounted = render(<JobView job={job} synced actions={fakeActions()} />);
    expect(mounted.container.querySelector('[role="alert"]')?.textContent).toContain('cannot read this page');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('offers to analyse the page when the tab has no job', async () => {
    const actions = fakeActions();
    render(<JobView job={null} synced actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Analyse this page' }));
    expect(actions.start).toHaveBeenCalledWith('article', false);
  });

  it('waits for the first snapshot instead of flashing the empty state', async () => {
    const mounted = render(<JobView job={null} synced={false} actions={fakeActions()} />);
    expect(screen.queryByRole('button', { name: 'Analyse this page' })).toBeNull();
    expect(mounted.container.textContent).toContain('Connecting');
  });

  it('shows a message that could not reach the background', async () => {
    const actions = fakeActions();
    actions.start.mockRejectedValueOnce(new Error('Could not establish connection.'));
    const mounted = render(<JobView job={null} synced actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Analyse this page' }));
    await waitFor(() =>
      expect(mounted.container.querySelector('[role="alert"]')?.textContent).toContain(
        'Could not establish connection.',
      ),
    );
  });

  it('shows the tokens used when the endpoint reported them', async () => {
    const mounted = render(<JobView job={seedJob()} synced actions={fakeActions()} />);
    expect(mounted.container.querySelector('.toolbar')?.textContent).toContain('5,710 tokens');
  });
});

describe('JobView, a run above the cost limit', () => {
  function awaitingJob(): JobState {
    let job = seedArticleRead('job-costly');
    job = applyJobEvent(job, {
      type: 'estimate',
      estimate: COSTLY_ESTIMATE,
    });
    job = applyJobEvent(job, { type: 'awaiting-confirmation' });
    if (!job) throw new Error('The reducer lost the job');
    return job;
  }

  it('shows the estimate and waits: Run it starts the confirmed run, Cancel cancels, nothing else is offered', async () => {
    const actions = fakeActions();
    const mounted = render(<JobView job={awaitingJob()} synced actions={actions} />);
    const dialog = mounted.container.querySelector('[role="alertdialog"]');
    expect(dialog?.textContent).toContain('This run is estimated at ≈ $0.632');
    expect(dialog?.textContent).toContain('Nothing has been sent yet.');
    expect(mounted.container.querySelector('section[aria-label="Summary"]')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Regenerate' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Run it' }));
    await waitFor(() => expect(actions.start).toHaveBeenCalledWith('article', false, true));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(actions.cancel).toHaveBeenCalled());
    fireEvent.click(screen.getByRole('button', { name: 'Change the limit' }));
    await waitFor(() => expect(actions.openOptions).toHaveBeenCalled());
  });
});
