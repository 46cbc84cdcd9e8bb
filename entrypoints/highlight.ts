import { defineUnlistedScript } from '#imports';
import { takeHighlightRequest } from '@/lib/highlight/highlight-request';
import { highlightInPage } from '@/lib/highlight/page-highlight';
import { sendMessage } from '@/lib/messaging';

// Injected on demand by the background (`scripting.executeScript({ files: ['/highlight.js'] })`),
// which first sets the request with `installHighlightRequest`; the per-passage results come back
// as `results[0].result`.
export default defineUnlistedScript(() => {
  const { passages } = takeHighlightRequest();
  return highlightInPage(document, passages, () => {
    // The panel may be closed: then nobody listens, and that is fine.
    sendMessage('highlightCleared', undefined).catch(() => undefined);
  });
});
