/**
 * How a message names the site of `url`: its host with port (`www.nytimes.com`,
 * `127.0.0.1:9`), or the text itself when it is no URL, so a message never fails for want of one.
 */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
