import { browser } from '#imports';
import { isExtensionPage } from '@/lib/extension-sender';
import { onMessage } from '@/lib/messaging';
import { readSourcePage } from '@/lib/sources/read-source-page';

/**
 * The offscreen document's one job: read a source page for the background, which has no DOM
 * (https://developer.chrome.com/docs/extensions/reference/api/offscreen, reason DOM_PARSER). The
 * page is parsed with DOMParser, which runs none of its scripts and loads none of its images.
 */
export function registerOffscreenSourceReader(): void {
  onMessage('readSourceInOffscreen', ({ data, sender }) => {
    if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
      throw new Error('Sourcelens reads sources only for its own background.');
    }
    return readSourcePage(data.url, { parse: parseHtml });
  });
}

function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
