import type { Locator, Page } from 'playwright-core';
import type { LoadedExtension } from '@/tests/support/browser/extension';
import { saveScreenshot, type ScreenshotOptions } from '@/tests/support/browser/screenshot';

/** An endpoint as the user types it in Options. */
export interface EndpointEntry {
  baseUrl: string;
  apiKey: string;
  model: string;
}

/** The options page, driven by the labels a user reads. */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  /** Opens `options.html` in a new tab. */
  static async open(extension: LoadedExtension): Promise<OptionsPage> {
    return new OptionsPage(await extension.openPage('options.html'));
  }

  /** The control labelled `label` (exactly, so “Model” is not “Model list”). */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** Types `value` into the field labelled `label`. */
  fill(label: string, value: string): Promise<void> {
    return this.field(label).fill(value);
  }

  /** Save, then waits for “Saved”. */
  async save(): Promise<void> {
    await this.button('Save').click();
    await this.page.getByText('Saved').waitFor();
  }

  /** Sets up a custom endpoint, as a user would: provider, URL, key and model, then Save. */
  async useEndpoint(endpoint: EndpointEntry): Promise<void> {
    await this.field('Provider').selectOption('custom');
    await this.fill('Base URL', endpoint.baseUrl);
    await this.fill('API key', endpoint.apiKey);
    await this.fill('Model', endpoint.model);
    await this.save();
  }

  /** Fills each labelled field, then Save. */
  async set(fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) await this.fill(label, value);
    await this.save();
  }

  /** Saves `tests/e2e/artifacts/<name>.png`. */
  screenshot(name: string, options?: ScreenshotOptions): Promise<void> {
    return saveScreenshot(this.page, name, options);
  }
}
