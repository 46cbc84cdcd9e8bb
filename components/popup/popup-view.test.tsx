// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { buttonNames } from '@/tests/support/components/button-names';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeActions } from '@/tests/support/components/fake-actions';
import { COSTLY_ESTIMATE, SEED_ANALYSIS, seedJob } from '@/tests/support/components/seed-job';
import { PopupView } from '@/components/popup/popup-view';

afterEach(cleanup);

describe('PopupView', () => {
  it('asks before a run above the cost limit, and Run it starts the confirmed run', async () => {
    const actions = fakeActions();
    const job = seedJob({
      status: 'awaiting-confirmation',
      analysis: {},
      analysisStatus: 'pending',
      translation: '',
      translationStatus: 'pending',
      estimate: COSTLY_ESTIMATE,
    });
    const mounted = render(<PopupView job={job} synced actions={actions} onOpenPanel={() => Promise.resolve()} />);
    expect(mounted.container.querySelector('[role="alertdialog"]')?.textContent).toContain('≈ $0.632');
    expect(mounted.container.querySelector('section[aria-label="Summary"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Run it' }));
    expect(actions.start).toHaveBeenCalledWith('article', false, true);
  });

  it('starts a job once when the tab has none', async () => {
    const actions = fakeActions();
    const mounted = render(<PopupView job={null} synced actions={actions} onOpenPanel={() => Promise.resolve()} />);
    mounted.rerender(<PopupView job={null} synced actions={actions} onOpenPanel={() => Promise.resolve()} />);
    expect(actions.start).toHaveBeenCalledTimes(1);
    expect(actions.start).toHaveBeenCalledWith('article', false);
  });

  it('does not start one before the snapshot says there is none, nor when there is one', async () => {
    const actions = fakeActions();
    const mounted = render(
      <PopupView job={null} synced={false} actions={actions} onOpenPanel={() => Promise.resolve()} />,
    );
    mounted.rerender(<PopupView job={seedJob()} synced actions={actions} onOpenPanel={() => Promise.resolve()} />);
    expect(actions.start).not.toHaveBeenCalled();
  });

  it('shows the header and summary, and opens the side panel from the click itself', async () => {
    const openPanel = vi.fn(() => Promise.resolve());
    const mounted = render(<PopupView job={seedJob()} synced actions={fakeActions()} onOpenPanel={openPanel} />);
    expect(mounted.container.querySelector('section[aria-label="Summary"]')?.querySelectorAll('li')).toHaveLength(
      SEED_ANALYSIS.summary.length,
    );
    expect(mounted.container.textContent).toContain('5 source notes and the translation are in the side panel.');
    screen.getByRole('button', { name: 'Open side panel' }).click();
    // Synchronously: sidePanel.open() only works inside the user gesture.
    expect(openPanel).toHaveBeenCalledTimes(1);
  });

  it('offers Cancel while running and Retry after a failure', async () => {
    const actions = fakeActions();
    const mounted = render(
      <PopupView job={seedJob({ status: 'running' })} synced actions={actions} onOpenPanel={() => Promise.resolve()} />,
    );
    expect(buttonNames(mounted.container)).toContain('Cancel');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(actions.cancel).toHaveBeenCalledTimes(1);
    mounted.rerender(
      <PopupView
        job={seedJob({ status: 'error', error: { code: 'page-access-denied', url: 'https://example.com/' } })}
        synced
        actions={actions}
        onOpenPanel={() => Promise.resolve()}
      />,
    );
    expect(buttonNames(mounted.container)).not.toContain('Cancel');
    // The error notice's Retry, the first of the two (the toolbar has one too).
    fireEvent.click(screen.getAllByRole('button', { name: 'Retry' })[0] as HTMLElement);
    expect(actions.start).toHaveBeenCalledWith('article', true);
  });
});
