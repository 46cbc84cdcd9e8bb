// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeActions } from '../fixtures/fake-actions';
import { buttonNames, click, getButton, type Mounted, mount } from '../fixtures/mount';
import { COSTLY_ESTIMATE, SEED_ANALYSIS, seedJob } from '../fixtures/seed-job';
import { PopupView } from './popup-view';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

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
    mounted = await mount(<PopupView job={job} synced actions={actions} onOpenPanel={() => Promise.resolve()} />);
    expect(mounted.container.querySelector('[role="alertdialog"]')?.textContent).toContain('≈ $0.632');
    expect(mounted.container.querySelector('section[aria-label="Summary"]')).toBeNull();
    await click(getButton(mounted.container, 'Run it'));
    expect(actions.start).toHaveBeenCalledWith('article', false, true);
  });

  it('starts a job once when the tab has none', async () => {
    const actions = fakeActions();
    mounted = await mount(<PopupView job={null} synced actions={actions} onOpenPanel={() => Promise.resolve()} />);
    await mounted.rerender(<PopupView job={null} synced actions={actions} onOpenPanel={() => Promise.resolve()} />);
    expect(actions.start).toHaveBeenCalledTimes(1);
    expect(actions.start).toHaveBeenCalledWith('article', false);
  });

  it('does not start one before the snapshot says there is none, nor when there is one', async () => {
    const actions = fakeActions();
    mounted = await mount(
      <PopupView job={null} synced={false} actions={actions} onOpenPanel={() => Promise.resolve()} />,
    );
    await mounted.rerender(
      <PopupView job={seedJob()} synced actions={actions} onOpenPanel={() => Promise.resolve()} />,
    );
    expect(actions.start).not.toHaveBeenCalled();
  });

  it('shows the header and summary, and opens the side panel from the click itself', async () => {
    const openPanel = vi.fn(() => Promise.resolve());
    mounted = await mount(<PopupView job={seedJob()} synced actions={fakeActions()} onOpenPanel={openPanel} />);
    expect(mounted.container.querySelector('section[aria-label="Summary"]')?.querySelectorAll('li')).toHaveLength(
      SEED_ANALYSIS.summary.length,
    );
    expect(mounted.container.textContent).toContain('5 source notes and the translation are in the side panel.');
    getButton(mounted.container, 'Open side panel').click();
    // Synchronously: sidePanel.open() only works inside the user gesture.
    expect(openPanel).toHaveBeenCalledTimes(1);
  });

  it('offers Cancel while running and Retry after a failure', async () => {
    const actions = fakeActions();
    mounted = await mount(
      <PopupView job={seedJob({ status: 'running' })} synced actions={actions} onOpenPanel={() => Promise.resolve()} />,
    );
    expect(buttonNames(mounted.container)).toContain('Cancel');
    await click(getButton(mounted.container, 'Cancel'));
    expect(actions.cancel).toHaveBeenCalledTimes(1);
    await mounted.rerender(
      <PopupView
        job={seedJob({ status: 'error', error: { code: 'page-access-denied', url: 'https://example.com/' } })}
        synced
        actions={actions}
        onOpenPanel={() => Promise.resolve()}
      />,
    );
    expect(buttonNames(mounted.container)).not.toContain('Cancel');
    await click(getButton(mounted.container, 'Retry'));
    expect(actions.start).toHaveBeenCalledWith('article', true);
  });
});
