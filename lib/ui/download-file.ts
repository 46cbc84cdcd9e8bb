/**
 * Saves text as a file through the browser's download, from the page itself: a Blob URL and an
 * `<a download>` need no `downloads` permission and work in the side panel, popup and sidebar.
 */
export function downloadFile(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download starts after click() returns; revoking at once could cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
