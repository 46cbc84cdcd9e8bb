import type { Locator, Page } from 'playwright-core';
import type { LoadedExtension } from '@/tests/support/browser/extension';
import { saveScreenshot, type ScreenshotOptions } from '@/tests/support/browser/screenshot';

/** The panel's three result regions, by their accessible names. */
export type PanelRegion = 'Summary' | 'Sources' | 'Translation';

/** The side panel bound to one tab, driven by the names a user reads. */
export class SidePanel {
  private constructor(readonly page: Page) {}

  /** Opens `sidepanel.html?tabId=…` for the tab `tabId`, at a side panel's width. */
  static async open(extension: LoadedExtension, tabId: number): Promise<SidePanel> {
    const page = await extension.openPage(`sidepanel.html?tabId=${tabId}`);
    await page.setViewportSize({ width: 420, height: 1400 });
    return new SidePanel(page);
  }

  region(name: PanelRegion): Locator {
    return this.page.getByRole('region', { name });
  }

  /** The region's text, '' while it is empty: for `expect.poll`. */
  async textOf(name: PanelRegion): Promise<string> {
    return (await this.region(name).textContent()) ?? '';
  }

  /** The whole panel's text. */
  async text(): Promise<string> {
    return (await this.page.textContent('body')) ?? '';
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** The note cards in Sources. */
  notes(): Locator {
    return this.page.locator('.note-card');
  }

  /** Clicks “Analyse this page”. */
  analyse(): Promise<void> {
    return this.button('Analyse this page').click();
  }

  /**
   * Starts a fresh analysis, as a user would: Analyse, and if the stored result came back (the
   * same article was analysed before in this browser), Regenerate.
   */
  async analyseAfresh(): Promise<void> {
    await this.analyse();
    // The header (with the word count) appears once the page is read: fresh, or with the stored result.
    await this.page
      .getByText(/\d+ words/)
      .first()
      .waitFor({ timeout: 10_000 });
    const fromCache = this.page.getByText(/from cache/i);
    if (!(await fromCache.count())) return;
    await this.button('Regenerate').click();
    // Until the fresh job's first snapshot arrives, the panel still shows the stored result: a check
    // made in that moment would read the old translation as the new one.
    await fromCache.waitFor({ state: 'detached', timeout: 10_000 });
  }

  /** Waits until the job has finished (Regenerate is offered again), up to `timeout` ms. */
  async waitUntilDone(timeout = 20_000): Promise<void> {
    await this.button('Regenerate').waitFor({ timeout });
  }

  /** Waits until `text` is shown (the first match), up to `timeout` ms. */
  async waitForText(text: string | RegExp, timeout = 10_000): Promise<void> {
    await this.page.getByText(text).first().waitFor({ timeout });
  }

  /** Saves `tests/e2e/artifacts/<name>.png`. */
  screenshot(name: string, options?: ScreenshotOptions): Promise<void> {
    return saveScreenshot(this.page, name, options);
  }
}
