import { defineUnlistedScript } from '#imports';
import { extractFromPage } from '@/lib/article/extract-page';
import { takeExtractionRequest } from '@/lib/article/extraction-request';
import { listPageFrames } from '@/lib/article/page-frames';

// Injected on demand by the background (`scripting.executeScript({ files: ['/extract.js'] })`),
// into the top frame only, which first sets the request with `installExtractionRequest`; the return
// value comes back as `results[0].result`. Same-origin frames are read from here when the top
// document has no article.
export default defineUnlistedScript(() => {
  const request = takeExtractionRequest();
  return extractFromPage(document, listPageFrames(document), {
    ...request,
    selectionText: request.selectionText ?? String(getSelection() ?? ''),
  });
});
