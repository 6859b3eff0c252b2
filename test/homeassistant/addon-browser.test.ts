// The add-on as the Supervisor starts it (run.sh, default options, SUPERVISOR_TOKEN set) serves
// both pages through an ingress-like prefix in headless Chromium, with a charger sending traffic,
// and a command sent from the dashboard reaches the charger. Skipped without Chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { chromiumSkip, launchChromium } from '../helpers/chromium.ts';
import type { RPCClient } from 'ocpp-rpc';
import { bootParams, strictCharger, waitUntil } from '../helpers/peers.ts';
import { startIngressProxy, type IngressProxy } from '../helpers/ingress-proxy.ts';
import { startAddon, type RunningAddon } from '../helpers/addon.ts';

const skip = chromiumSkip;
const cleanups: Array<() => Promise<unknown> | unknown> = [];
let browser: Browser;
let running: RunningAddon;
let ingress: IngressProxy;
let charger: RPCClient;
const resets: unknown[] = [];

before(async () => {
  if (skip) return;
  // The test's ingress proxy plays the Supervisor, from its own address: commands through it need
  // no password, while the monitor on 0.0.0.0 refuses them to everyone else.
  running = await startAddon(cleanups, {}, { OCPP_PROXY_SUPERVISOR_ADDRESS: '127.0.0.3' });
  ingress = await startIngressProxy(running.webPort, 'c0ffee0123456789', '127.0.0.3');
  cleanups.push(() => ingress.close());
  charger = strictCharger(running.port, 'ADDON1', ['ocpp1.6']);
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

test('the add-on\'s monitor and dashboard through the ingress prefix, with live traffic and a command', { skip }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(ingress.url(''));
  await page.waitForSelector('tr.msg:has-text("BootNotification"):has-text("ADDON1")', { timeout: 5000 });
  await charger.call('Heartbeat', {});
  await page.waitForSelector('tr.msg:has-text("Heartbeat")', { timeout: 5000 });
  await page.locator('#warnings').filter({ hasText: 'no backend configured' }).waitFor({ state: 'visible', timeout: 5000 });

  await page.goto(ingress.url('status'));
  await page.locator('[data-charger="ADDON1"]').waitFor({ timeout: 5000 });
  await page.locator('[data-charger="ADDON1"] button:has-text("Reset")').first().click();
  await waitUntil(() => resets.length === 1, 'the Reset from the page to reach the charger');
  assert.deepEqual(failures, []);
  assert.ok(ingress.forwarded.some((path) => path.startsWith('/api/chargers/ADDON1/')), ingress.forwarded.join(' '));
  await page.close();
  // The same command from anywhere but the Supervisor's address: refused (no password is set).
  const origin = `http://127.0.0.1:${running.webPort}`;
  const direct = await fetch(`${origin}/api/chargers/ADDON1/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ action: 'Reset', payload: { type: 'Soft' } }),
  });
  assert.equal(direct.status, 403);
  assert.equal(resets.length, 1);
});
