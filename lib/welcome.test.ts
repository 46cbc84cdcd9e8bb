import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '#imports';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isWelcome, registerWelcome } from '@/lib/welcome';

describe('registerWelcome', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens the options page with the welcome on a fresh install only', async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    registerWelcome();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(create).toHaveBeenCalledExactlyOnceWith({ url: expect.stringMatching(/\/options\.html\?welcome=1$/) });
  });
});

describe('isWelcome', () => {
  it('reads the query of the page', () => {
    expect(isWelcome('?welcome=1')).toBe(true);
    expect(isWelcome('')).toBe(false);
    expect(isWelcome('?tabId=3')).toBe(false);
  });
});
