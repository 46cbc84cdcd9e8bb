import type { Page } from 'playwright-core';
import type { LoadedExtension } from '@/tests/support/browser/extension';
import { saveScreenshot, type ScreenshotOptions } from '@/tests/support/browser/screenshot';
import { SidePanel } from '@/tests/support/browser/pages/side-panel';

/** A web page in a tab, as the reader has it open: what the side panel and the popup are about. */
export class ArticlePage {
  private constructor(
    readonly page: Page,
    private readonly extension: LoadedExtension,
  ) {}

  /** Opens `url` in a new tab and waits for its load event. */
  static async open(extension: LoadedExtension, url: string): Promise<ArticlePage> {
    const page = await extension.context.newPage();
    await page.goto(url);
    return new ArticlePage(page, extension);
  }

  /** The browser's id for this tab (what the side panel and the popup are bound to). */
  tabId(): Promise<number> {
    return this.extension.tabIdOf(this.page);
  }

  /** Opens the side panel for this tab, as the toolbar icon would. */
  async openSidePanel(): Promise<SidePanel> {
    return SidePanel.open(this.extension, await this.tabId());
  }

  /** Opens the popup for this tab at the popup's size. */
  async openPopup(): Promise<Page> {
    const popup = await this.extension.openPage(`popup.html?tabId=${await this.tabId()}`);
    await popup.setViewportSize({ width: 400, height: 700 });
    return popup;
  }

  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }

  /** Saves `tests/e2e/artifacts/<name>.png`. */
  screenshot(name: string, options?: ScreenshotOptions): Promise<void> {
    return saveScreenshot(this.page, name, options);
  }
}
