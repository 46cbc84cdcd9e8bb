import { queryAllByRole } from '@testing-library/preact';

/**
 * The names of the buttons in `container`, in document order, as a screen reader lists them
 * (aria-label, else the text): for a test that checks which actions an error offers, and no others.
 */
export function buttonNames(container: Element): string[] {
  return queryAllByRole(container as HTMLElement, 'button').map((button) =>
    (button.getAttribute('aria-label') ?? button.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}
