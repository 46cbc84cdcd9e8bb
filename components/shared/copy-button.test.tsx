// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyButton } from './copy-button';
import { click, findButton, getButton, type Mounted, mount, settle } from '../fixtures/mount';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

describe('CopyButton', () => {
  it('copies its text and says Copied for a moment', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    mounted = await mount(<CopyButton text="• A deal is near" label="Copy summary" />);
    await click(getButton(mounted.container, 'Copy summary'));
    await settle();
    expect(writeText).toHaveBeenCalledWith('• A deal is near');
    expect(findButton(mounted.container, 'Copied')).toBeDefined();
    expect(mounted.container.querySelector('[role="status"]')?.textContent).toBe('Copied to the clipboard');
  });

  it('says so when the clipboard refuses', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Document is not focused.'));
    mounted = await mount(<CopyButton text="x" label="Copy translation" />);
    await click(getButton(mounted.container, 'Copy translation'));
    await settle();
    expect(findButton(mounted.container, 'Copy failed')).toBeDefined();
  });

  it('is disabled while there is nothing to copy', async () => {
    mounted = await mount(<CopyButton text="" label="Copy sources" />);
    expect(getButton(mounted.container, 'Copy sources').disabled).toBe(true);
  });
});
