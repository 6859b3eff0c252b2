// The pages in real headless Chromium through a Home-Assistant-ingress-like proxy that strips
// /api/hassio_ingress/TOKEN and adds X-Ingress-Path: the live view fills, the overview lists the
// charger, the sessions page loads, the warning banner shows, and a command sent from the page
// (after its confirmation) and the homeowner's override reach the proxy. The
// daemon has a web password; the proxy's address is `[web] ingress_from`, so the browser is
// never asked for it. Skipped without Chromium, like browser.test.ts.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkip, launchChromium } from '../helpers/chromium.ts';
import type { RPCClient } from 'ocpp-rpc';
import { bootParams, startProxy, strictCharger, type TestProxy } from '../helpers/peers.ts';
import { startIngressProxy, type IngressProxy } from '../helpers/ingress-proxy.ts';
import { NO_BACKEND_WARNING } from '../../src/config/warnings.ts';
import { http } from './http-client.ts';

const skip = chromiumSkip;

let browser: Browser;
let proxy: TestProxy;
let ingress: IngressProxy;
let charger: RPCClient;
const resets: unknown[] = [];
const cleanups: Array<() => Promise<unknown> | unknown> = [];

before(async () => {
  if (skip) return;
  // No backend: the built-in local CSMS answers, and the pages must say so.
  proxy = await startProxy('[upstream.local]\nrole = local\n[sharing]\nenabled = true\n[web]\nusername = admin\npassword = s3cret\ningress_from = 127.0.0.1\n', {}, true);
  cleanups.push(() => proxy.close());
  ingress = await startIngressProxy(proxy.daemon.webPort);
  cleanups.push(() => ingress.close());
  charger = strictCharger(proxy.port, 'INGRESS1', ['ocpp1.6']);
  charger.handle('Reset', async ({ params }) => {
    resets.push(params);
    return { status: 'Accepted' };
  });
  await charger.connect();
  cleanups.push(() => charger.close({ force: true }));
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  browser = await launchChromium();
  cleanups.push(() => browser.close());
});

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A page that records every failed response (a 404 from a URL that escaped the prefix, a 401 asking for the password). */
async function open(url: string): Promise<{ page: Page; failures: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('dialog', (dialog) => void dialog.accept()); // the confirmation of a command
  await page.goto(url);
  return { page, failures };
}

test('monitor through the ingress prefix: history and live messages, the warning banner, the links to the other pages', { skip }, async () => {
  const { page, failures } = await open(ingress.url(''));
  await page.waitForSelector('#conn:has-text("live")', { timeout: 5000 });
  await page.waitForSelector('tr.msg:has-text("BootNotification"):has-text("INGRESS1")', { timeout: 2000 }); // from api/messages
  await charger.call('Heartbeat', {});
  await page.waitForSelector('tr.msg:has-text("Heartbeat"):has-text("charger → local")', { timeout: 2000 }); // pushed on api/live
  await page.locator('#warnings').filter({ hasText: NO_BACKEND_WARNING }).waitFor({ state: 'visible', timeout: 2000 });
  assert.ok(ingress.forwarded.includes('/api/messages') && ingress.forwarded.includes('/api/live'), ingress.forwarded.join(' '));
  await page.click('header a:has-text("Overview")');
  await page.waitForURL(ingress.url('status'), { timeout: 2000 });
  await page.locator('[data-charger="INGRESS1"]').waitFor({ timeout: 2000 });
  await page.click('header a:has-text("Sessions")');
  await page.waitForURL(ingress.url('sessions'), { timeout: 2000 });
  await page.locator('#list').filter({ hasText: 'No sessions for this choice.' }).waitFor({ timeout: 2000 });
  assert.match(await page.getAttribute('#csv', 'href') ?? '', /^sessions\.csv/);
  assert.ok(ingress.forwarded.includes('/api/sessions') && ingress.forwarded.includes('/api/chargers'), ingress.forwarded.join(' '));
  assert.deepEqual(failures, []);
  await page.close();
});

test('overview through the ingress prefix: lists the charger, shows the banner; a confirmed command and the override work without a password', { skip }, async () => {
  const { page, failures } = await open(ingress.url('status'));
  await page.locator('[data-charger="INGRESS1"]').filter({ hasText: 'TestVendor' }).waitFor({ timeout: 3000 });
  await page.locator('#warnings').filter({ hasText: NO_BACKEND_WARNING }).waitFor({ state: 'visible', timeout: 2000 });
  await page.click('[data-charger="INGRESS1"] button[data-command="Reset"]');
  await page.locator('[data-charger="INGRESS1"] .result .sentence').filter({ hasText: 'The charger accepted the reset.' }).waitFor({ timeout: 3000 });
  assert.deepEqual(resets, [{ type: 'Soft' }]);
  assert.ok(ingress.forwarded.includes('/api/chargers/INGRESS1/call'), ingress.forwarded.join(' '));
  await page.click('button[data-override="block"]');
  await page.locator('#override[data-mode="block"]').waitFor({ timeout: 3000 });
  await page.click('button[data-override="clear"]');
  await page.locator('#override[data-mode="none"]').filter({ hasText: 'Normal' }).waitFor({ timeout: 3000 });
  await page.click('header a:has-text("Live messages")');
  await page.waitForURL(ingress.url(''), { timeout: 2000 });
  assert.deepEqual(failures, []);
  // The password still guards the web port for everyone but the ingress address.
  assert.equal((await http(proxy.daemon.webPort, '/status', { from: '127.0.0.2' })).status, 401);
  await page.close();
});

test('the prefix without its trailing slash still loads a working monitor', { skip }, async () => {
  const { page, failures } = await open(ingress.url('').replace(/\/$/, ''));
  await page.waitForSelector('tr.msg:has-text("BootNotification"):has-text("INGRESS1")', { timeout: 2000 });
  await page.waitForSelector('#conn:has-text("live")', { timeout: 5000 });
  assert.equal(new URL(page.url()).pathname, `${ingress.prefix}/`);
  assert.deepEqual(failures, []);
  await page.close();
});
