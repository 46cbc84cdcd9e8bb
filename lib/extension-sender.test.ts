import { describe, expect, it } from 'vitest';
import { isExtensionPage } from '@/lib/extension-sender';

const ID = 'abcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;

describe('isExtensionPage', () => {
  it.each([
    ['the side panel', { id: ID, url: `${BASE}sidepanel.html?tabId=3` }, true],
    ['the options page opened as a tab', { id: ID, url: `${BASE}options.html` }, true],
    ['a script of ours injected into a page', { id: ID, url: 'https://news.example/a' }, false],
    ['a page address that merely contains the extension URL', { id: ID, url: `https://evil.example/?${BASE}` }, false],
    ['another extension', { id: 'other', url: `chrome-extension://other/page.html` }, false],
    ['a sender without a URL', { id: ID }, false],
  ])('%s → %s', (_, sender, expected) => {
    expect(isExtensionPage(sender, ID, BASE)).toBe(expected);
  });
});
