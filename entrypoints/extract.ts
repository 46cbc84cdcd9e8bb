import { defineUnlistedScript } from '#imports';
import { extractArticle } from '@/lib/article/extract';
import { takeExtractionRequest } from '@/lib/article/extraction-request';

// Injected on demand by the background (`scripting.executeScript({ files: ['/extract.js'] })`),
// which first sets the request with `installExtractionRequest`; the return value comes back as
// `results[0].result`.
export default defineUnlistedScript(() => {
  const request = takeExtractionRequest();
  return extractArticle(document, { ...request, selectionText: request.selectionText ?? String(getSelection() ?? '') });
});
