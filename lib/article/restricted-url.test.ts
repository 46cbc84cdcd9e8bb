import { describe, expect, it } from 'vitest';
import type { RestrictedReason } from '@/lib/errors';
import { classifyRestrictedUrl } from '@/lib/article/restricted-url';

const cases: [string, RestrictedReason | null][] = [
  ['', 'browser-internal'],
  ['   ', 'browser-internal'],
  ['not a url', 'browser-internal'],
  ['chrome://settings', 'browser-internal'],
  ['chrome://newtab/', 'browser-internal'],
  ['chrome-untrusted://print/', 'browser-internal'],
  ['edge://extensions', 'browser-internal'],
  ['brave://rewards', 'browser-internal'],
  ['about:blank', 'browser-internal'],
  ['about:addons', 'browser-internal'],
  ['view-source:https://news.example/', 'browser-internal'],
  ['devtools://devtools/bundled/inspector.html', 'browser-internal'],
  ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/sidepanel.html', 'browser-internal'],
  ['moz-extension://0b1c2d3e-1111-2222-3333-444455556666/popup.html', 'browser-internal'],
  ['resource://pdf.js/web/viewer.html', 'browser-internal'],
  ['data:text/html,<p>hi</p>', 'browser-internal'],
  ['blob:https://news.example/550e8400-e29b-41d4-a716-446655440000', 'browser-internal'],
  ['https://chromewebstore.google.com/detail/some-extension/abc', 'web-store'],
  ['https://chrome.google.com/webstore/detail/abc', 'web-store'],
  ['https://chrome.google.com/search?q=x', null],
  ['https://addons.mozilla.org/de/firefox/addon/some-addon/', 'web-store'],
  ['https://microsoftedge.microsoft.com/addons/detail/abc', 'web-store'],
  ['https://microsoftedge.microsoft.com/insider', null],
  ['https://news.example/report.pdf', 'pdf-viewer'],
  ['https://news.example/report.PDF?download=1#page=2', 'pdf-viewer'],
  ['https://news.example/pdf-report.html', null],
  ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'pdf-viewer'],
  ['file:///home/me/article.html', 'file-access'],
  ['https://weltblick.example/international/minsk-washington-abkommen', null],
  ['http://127.0.0.1:4173/seed-de/', null],
];

describe('classifyRestrictedUrl', () => {
  it.each(cases)('%s → %s', (url, reason) => {
    expect(classifyRestrictedUrl(url, { fileAccessAllowed: false })).toBe(reason);
  });

  it('allows local files once file access is granted, but not a local PDF', () => {
    expect(classifyRestrictedUrl('file:///home/me/article.html', { fileAccessAllowed: true })).toBeNull();
    expect(classifyRestrictedUrl('file:///home/me/paper.pdf', { fileAccessAllowed: true })).toBe('pdf-viewer');
  });
});
