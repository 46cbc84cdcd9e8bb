import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestSourcePermission } from '@/lib/ui/request-source-permission';

const request = vi.fn<(permissions: { origins?: string[] }) => Promise<boolean>>();

beforeEach(() => {
  fakeBrowser.reset();
  request.mockReset();
  // fakeBrowser does not implement permissions.
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(
    request as unknown as typeof fakeBrowser.permissions.request,
  );
});

describe('requestSourcePermission', () => {
  it('asks once for every site of the sources, each host once, whatever the path or port', async () => {
    request.mockResolvedValue(true);
    const outcome = await requestSourcePermission([
      'https://www.nytimes.com/2025/02/14/world/europe/belarus.html',
      'https://www.nytimes.com/2025/02/15/world/europe/other.html',
      'http://127.0.0.1:8123/source/',
    ]);
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ origins: ['https://www.nytimes.com/*', 'http://127.0.0.1/*'] });
    expect(outcome).toEqual({
      granted: true,
      origins: ['https://www.nytimes.com', 'http://127.0.0.1:8123'],
      patterns: ['https://www.nytimes.com/*', 'http://127.0.0.1/*'],
    });
  });

  it('calls the browser before returning, so the click’s user gesture still holds', () => {
    request.mockResolvedValue(false);
    void requestSourcePermission(['https://www.nytimes.com/a']);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('reports a declined prompt', async () => {
    request.mockResolvedValue(false);
    expect(await requestSourcePermission(['https://www.nytimes.com/a'])).toMatchObject({
      granted: false,
      reason: 'declined',
    });
  });

  it('asks nothing for a link that is not a web address', async () => {
    expect(await requestSourcePermission(['mailto:desk@example.org'])).toMatchObject({
      granted: false,
      reason: 'invalid-url',
    });
    expect(request).not.toHaveBeenCalled();
  });

  it('reports a browser that would not ask (outside a user gesture), with its words', async () => {
    request.mockImplementation(() => {
      throw new Error('This function must be called during a user gesture');
    });
    expect(await requestSourcePermission(['https://www.nytimes.com/a'])).toMatchObject({
      granted: false,
      reason: 'unavailable',
      detail: 'This function must be called during a user gesture',
    });
  });
});
