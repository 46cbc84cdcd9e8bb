import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { it } from 'vitest';
import { CHROMIUM, EXTENSION_DIR } from './support/extension';

it('probe', async () => {
  const profile = await mkdtemp(path.join(tmpdir(), 'probe-'));
  const logFile = path.join(profile, 'chrome.log');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--enable-logging', `--log-file=${logFile}`, '--v=0'],
  });
  const seen: string[] = [];
  context.on('console', (m) => seen.push(`ctx-console[${m.type()}] ${m.text()}`));
  context.on('weberror', (e) => seen.push(`ctx-weberror ${e.error().message}`));
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  sw.on('console', (m) => seen.push(`sw-console ${m.text()}`));
  const id = new URL(sw.url()).host;
  await sw.evaluate(() => { console.log('probe-sw-log'); console.error('probe-sw-error'); setTimeout(() => { Promise.reject(new Error('probe-sw-rejection')); }, 10); setTimeout(() => { throw new Error('probe-sw-throw'); }, 10); });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.evaluate(() => { console.warn('probe-options-warn'); setTimeout(() => { throw new Error('probe-options-throw'); }, 0); });
  await sw.evaluate(async () => { await chrome.action.setPopup({ popup: 'popup.html' }); await chrome.action.openPopup(); });
  await page.waitForTimeout(1000);
  await page.evaluate(() => { const views = chrome.extension.getViews(); for (const v of views) if (v.location.pathname.includes('popup')) (v as any).console.log('probe-popup-log'); return views.map((v) => v.location.href); }).then((v) => seen.push('views ' + v.join(',')));
  await page.waitForTimeout(1000);
  console.log(seen.join('\n'));
  const log = await readFile(logFile, 'utf8');
  console.log('--- log lines with probe:');
  console.log(log.split('\n').filter((l) => l.includes('probe')).join('\n'));
  await context.close();
});
