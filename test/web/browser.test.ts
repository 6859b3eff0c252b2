// The pages in real headless Chromium (Debian's chromium, driven by playwright-core).
// `.ci/run` installs Chromium; without it these tests are skipped with that reason.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { bootParams, iniFor, rawCharger, startCsms, startProxy, strictCharger, type RawCharger, type TestProxy } from '../helpers/peers.ts';
import type { RPCClient } from 'ocpp-rpc';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : 'Chromium is not installed (.ci/run installs it with apt-get install chromium)';
/** Set to a folder to refresh the README screenshots. */
const SCREENSHOTS = process.env.OCPP_PROXY_SCREENSHOTS;

let browser: Browser;
let proxy: TestProxy;
let charger: RPCClient;
let quirky: RawCharger;
const resets: unknown[] = [];
const cleanups: Array<() => Promise<unknown> | unknown> = [];

before(async () => {
  if (skip) return;
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  proxy = await startProxy(`${iniFor(primary.url)}[web]\nshow_idtags = true\n`, {}, true);
  cleanups.push(() => primary.close(), () => proxy.close());
  charger = strictCharger(proxy.port, 'BROWSER1', ['ocpp1.6']);
  charger.handle('Reset', async ({ params }) => {
    resets.push(params);
    return { status: 'Accepted' };
  });
  await charger.connect();
  cleanups.push(() => charger.close({ force: true }));
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  quirky = await rawCharger(proxy.port, '/EVIL<b>1');
  cleanups.push(() => quirky.ws.terminate());
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  cleanups.push(() => browser.close());
});

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${proxy.daemon.webPort}${path}`);
  return page;
}

test('live view: a message the charger sends appears within a second', { skip }, async () => {
  const page = await open('/');
  await page.waitForSelector('#conn:has-text("live")', { timeout: 5000 });
  await charger.call('DataTransfer', { vendorId: 'probe', messageId: 'live-view-check' });
  await page.waitForSelector('tr.msg:has-text("DataTransfer")', { timeout: 1000 });
  await page.click('tr.msg:has-text("charger → primary"):has-text("DataTransfer")');
  assert.match(await page.textContent('tr.detail pre') ?? '', /"messageId": "live-view-check"/, 'expands to pretty JSON');
  const latency = await page.textContent('tr.msg:has-text("primary → charger"):has-text("DataTransfer") td:last-child');
  assert.match(latency ?? '', /^\d+$/, 'request and response paired with a latency');
  await page.fill('#f-action', 'Boot');
  assert.equal(await page.locator('tr.msg:has-text("DataTransfer")').count(), 0, 'filters apply');
  if (SCREENSHOTS) {
    await page.fill('#f-action', '');
    await page.screenshot({ path: join(SCREENSHOTS, 'monitor.png') });
  }
  await page.close();
});

test('dashboard: a MeterValues voltage shows, and a command button reaches the charger', { skip }, async () => {
  const page = await open('/status');
  await charger.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
  await charger.call('MeterValues', {
    connectorId: 1,
    meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [
      { value: '231.5', measurand: 'Voltage', phase: 'L1', unit: 'V' },
      { value: '16.02', measurand: 'Current.Import', phase: 'L1', unit: 'A' },
      { value: '3700', measurand: 'Power.Active.Import', phase: 'L1', unit: 'W' },
      { value: '3700', measurand: 'Power.Active.Import', unit: 'W' },
      { value: '12345', measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
    ] }],
  });
  const cell = page.locator('[data-charger="BROWSER1"] [data-measurand="Voltage.L1"]');
  await cell.filter({ hasText: '231.5 V' }).waitFor({ timeout: 2000 });
  await page.click('[data-charger="BROWSER1"] button[data-command="Reset"]');
  await page.locator('[data-charger="BROWSER1"] pre.result').filter({ hasText: '"status": "Accepted"' }).waitFor({ timeout: 3000 });
  assert.deepEqual(resets, [{ type: 'Soft' }]);
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
  await page.close();
});

test('charger strings are shown as text and run nothing', { skip }, async () => {
  const payload = '<img src=x onerror="window.__pwned=1">';
  const monitor = await open('/');
  const dashboard = await open('/status');
  await monitor.waitForSelector('#conn:has-text("live")', { timeout: 5000 });
  quirky.ws.send(JSON.stringify([2, 'x1', 'StartTransaction', { connectorId: 1, idTag: payload, meterStart: 0, timestamp: new Date().toISOString() }]));
  quirky.ws.send(JSON.stringify([2, 'x2', 'BootNotification', { chargePointVendor: '<script>window.__pwned=2</script>', chargePointModel: payload }]));
  await monitor.waitForSelector('tr.msg:has-text("BootNotification"):has-text("EVIL<b>1")', { timeout: 2000 });
  await dashboard.locator('[data-charger="EVIL<b>1"]').filter({ hasText: '<script>window.__pwned=2</script>' }).waitFor({ timeout: 2000 });
  assert.ok((await dashboard.textContent('[data-charger="EVIL<b>1"]'))!.includes(payload), 'the idTag is text');
  for (const page of [monitor, dashboard]) {
    assert.equal(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script').count(), 1, 'only the page\'s own script');
    await page.close();
  }
});
