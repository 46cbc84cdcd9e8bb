// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { downloadFile } from '@/lib/ui/download-file';

describe('downloadFile', () => {
  it('clicks a temporary <a download> on a Blob URL of the content, then revokes the URL', async () => {
    vi.useFakeTimers();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) created.push(blob);
      return 'blob:report';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    downloadFile('report.json', '{"a":1}', 'application/json');

    expect(clicked.map((link) => [link.download, link.getAttribute('href')])).toEqual([['report.json', 'blob:report']]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(await created[0]?.text()).toBe('{"a":1}');
    expect(created[0]?.type).toBe('application/json');
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:report');
    vi.useRealTimers();
  });
});
