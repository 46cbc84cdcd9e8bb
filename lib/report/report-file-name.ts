const MAX_SLUG = 60;

/**
 * `sourcelens-abkommen-zwischen-washington-und-minsk-2025-02-15.json`: the title's words (in any
 * script) and the retrieval date, so reports of one article sort together and by date.
 */
export function reportFileName(title: string, retrievedAt: string, extension: 'md' | 'json'): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  // Whole words up to about 60 characters: a name cut mid-word reads as a typo.
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG && slug) break;
    slug = next.slice(0, MAX_SLUG);
  }
  const date = /^\d{4}-\d{2}-\d{2}/.exec(retrievedAt)?.[0];
  return `${['sourcelens', slug || 'article', date].filter(Boolean).join('-')}.${extension}`;
}
