// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyButton } from '@/components/shared/copy-button';

afterEach(cleanup);

describe('CopyButton', () => {
  it('copies its text and says Copied for a moment', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const mounted = render(<CopyButton text="• A deal is near" label="Copy summary" />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('• A deal is near'));
    await screen.findByRole('button', { name: 'Copied' });
    expect(mounted.container.querySelector('[role="status"]')?.textContent).toBe('Copied to the clipboard');
  });

  it('says so when the clipboard refuses', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Document is not focused.'));
    render(<CopyButton text="x" label="Copy translation" />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy translation' }));
    await screen.findByRole('button', { name: 'Copy failed' });
  });

  it('is disabled while there is nothing to copy', async () => {
    render(<CopyButton text="" label="Copy sources" />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Copy sources' }).disabled).toBe(true);
  });
});
