// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings } from '@/lib/settings';
import { OptionsForm } from '@/components/options/options-form';

const messaging = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('@/lib/messaging', () => messaging);

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(
    (async () => true) as unknown as typeof fakeBrowser.permissions.request,
  );
});

afterEach(cleanup);

/** The field labelled `label`, once the form has loaded the stored settings into it. */
function field(label: string): HTMLInputElement {
  return screen.getByLabelText<HTMLInputElement>(label);
}

/** Types `value` over what the field held, and waits until the field shows it. */
async function type(label: string, value: string): Promise<void> {
  fireEvent.input(field(label), { target: { value } });
  await waitFor(() => expect(field(label).value).toBe(value));
}

/** Renders the form and waits until it shows the stored settings (the model's cost section). */
async function renderOptions(): Promise<void> {
  render(<OptionsForm />);
  await screen.findByText(/Cost and limits for gpt-4o-mini/);
}

describe('Cost and limits', () => {
  it('shows the built-in price and limits of the model, and saves what the user sets instead', async () => {
    await renderOptions();
    expect(field('Input price ($ per 1M tokens)').placeholder).toBe('0.15');
    expect(field('Context window (tokens)').placeholder).toBe('128000');
    expect(field('Parallel requests').placeholder).toBe('6');

    await type('Input price ($ per 1M tokens)', '0.1');
    await type('Output price ($ per 1M tokens)', '0.4');
    await type('Parallel requests', '3');
    expect(field('Ask before runs above ($)').value).toBe('0.1');
    await type('Ask before runs above ($)', '0.5');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved');
    const saved = await loadSettings();
    expect(saved.modelOverrides).toEqual({
      'gpt-4o-mini': {
        inputPricePerMillion: 0.1,
        outputPricePerMillion: 0.4,
        contextTokens: null,
        maxOutputTokens: null,
      },
    });
    expect(saved.parallelRequests).toBe(3);
    expect(saved.askAboveDollars).toBe(0.5);
  });

  it('never asks when the cost limit is left empty', async () => {
    await renderOptions();
    await type('Ask before runs above ($)', '');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved');
    expect((await loadSettings()).askAboveDollars).toBeNull();
  });

  it('refuses a context window too small to hold the instructions', async () => {
    await renderOptions();
    await type('Context window (tokens)', '100');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const [alert] = await screen.findAllByRole('alert');
    expect(alert?.textContent).toMatch(/1024|1,024/);
    expect((await loadSettings()).modelOverrides).toEqual({});
  });
});
