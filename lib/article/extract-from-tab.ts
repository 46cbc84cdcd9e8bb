import { browser } from '#imports';
import type { AppError } from '@/lib/errors';
import type { ExtractionSource } from '@/lib/article/article';
import { installExtractionRequest } from '@/lib/article/extraction-request';
import { parseExtraction, type TabExtraction } from '@/lib/article/parse-extraction';
import { classifyRestrictedUrl } from '@/lib/article/restricted-url';
import { messageOf } from '@/lib/message-of';

/**
 * Injects the extraction script into a tab, only now that the user has acted (no content script
 * runs on any page before that), and validates what comes back: the page is untrusted.
 */
export async function extractFromTab(tabId: number, source: ExtractionSource): Promise<TabExtraction> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url ?? '';
  if (url) {
    const fileAccessAllowed = await browser.extension.isAllowedFileSchemeAccess().catch(() => false);
    const reason = classifyRestrictedUrl(url, { fileAccessAllowed });
    if (reason) return { ok: false, error: { code: 'restricted-page', url, reason } };
  }
  try {
    await browser.scripting.executeScript({
      target: { tabId },
      func: installExtractionRequest,
      args: [{ source }],
    });
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/extract.js'] });
    return await parseExtraction(injection?.result, (text) => browser.i18n.detectLanguage(text));
  } catch (error) {
    return { ok: false, error: injectionError(error, url) };
  }
}

/** Chrome's messages for pages that cannot be scripted, turned into the user's words. */
function injectionError(error: unknown, url: string): AppError {
  const message = messageOf(error);
  if (/extensions gallery cannot be scripted/i.test(message))
    return { code: 'restricted-page', url, reason: 'web-store' };
  if (/chrome:\/\/|chrome-extension:\/\/|edge:\/\/|about:|moz-extension:|resource:/i.test(message)) {
    return { code: 'restricted-page', url, reason: 'browser-internal' };
  }
  if (/file:\/\//i.test(message)) return { code: 'restricted-page', url, reason: 'file-access' };
  if (/permission|Cannot access|Missing host/i.test(message)) return { code: 'page-access-denied', url };
  if (/No tab with id|tab was closed/i.test(message))
    return { code: 'extraction-failed', detail: 'the tab was closed' };
  return { code: 'extraction-failed', detail: message };
}
