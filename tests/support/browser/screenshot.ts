import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from '@/tests/support/browser/extension';

/** Playwright's screenshot options, without the path (the name gives it). */
export type ScreenshotOptions = Omit<NonNullable<Parameters<Page['screenshot']>[0]>, 'path'>;

/** Where a screenshot called `name` lands: `tests/e2e/artifacts/<name>.png` (not committed). */
export function artifactPath(name: string): string {
  return path.join(ARTIFACTS_DIR, `${name}.png`);
}

/**
 * Saves `page` as `tests/e2e/artifacts/<name>.png`, the whole page unless told otherwise: the
 * screenshots a person looks at to check a surface.
 */
export async function saveScreenshot(page: Page, name: string, options: ScreenshotOptions = {}): Promise<void> {
  await page.screenshot({ fullPage: !options.clip, ...options, path: artifactPath(name) });
}
