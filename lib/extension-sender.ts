/** The little of `runtime.MessageSender` the check reads. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
}

/**
 * Whether a one-shot message comes from one of this extension's own pages (side panel, popup, options,
 * opened as a panel or as a tab), not from a script in a web page: a page can reach the background only
 * through a script of ours injected into it, and such a script's `url` is the page's.
 * `extensionBaseUrl` is `runtime.getURL('/')`, e.g. `chrome-extension://<id>/`.
 */
export function isExtensionPage(sender: MessageSenderLike, extensionId: string, extensionBaseUrl: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionBaseUrl);
}
