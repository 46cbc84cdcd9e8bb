/**
 * The `extraction-failed` detail of the whole-page source on a page without text. A marker, not the
 * words the reader sees: lib/ui/describe-error.ts says it in the interface's language. Kept apart
 * from extract.ts so the surfaces can recognise it without bundling the extractor.
 */
export const NO_VISIBLE_TEXT = 'The page has no visible text.';
