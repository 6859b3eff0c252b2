// The pages in real headless Chromium (Debian's chromium, driven by playwright-core), looking at
// the household of ui-scenario.ts: a charger online and charging, one offline and refused, one
// never let in. `.ci/run` installs Chromium; without it these tests are skipped with that reason.
// With OCPP_PROXY_SCREENSHOTS=docs the screenshots in docs/ are refreshed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Dialog, Page } from 'playwright-core';
import { chromiumSkip, launchChromium } from '../helpers/chromium.ts';
import { iniFor, rawCharger, startCsms, startProxy, strictCharger, waitUntil, type TestProxy } from '../helpers/peers.ts';
import { http } from './http-client.ts';
import { startHousehold, type Household } from './ui-scenario.ts';

const skip = chromiumSkip;
/** Set to a folder to refresh the README screenshots. */
const SCREENSHOTS = process.env.OCPP_PROXY_SCREENSHOTS;
/** Every page is looked at in this zone and language: the times on it are local ones. */
const LOCAL: BrowserContextOptions = { timezoneId: 'Europe/Berlin', locale: 'en-GB' };

let browser: Browser;
let household: Household;
const cleanups: Array<() => Promise<unknown> | unknown> = [];

before(async () => {
  if (skip) return;
  household = await startHousehold();
  cleanups.push(() => household.close());
  browser = await launchChromium();
  cleanups.push(() => browser.close());
});

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function open(path: string, options: BrowserContextOptions = {}, port = household.web): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, ...LOCAL, ...options });
  page.on('pageerror', (error) => assert.fail(`${path}: ${error.message}`));
  await page.goto(`http://127.0.0.1:${port}/${path}`);
  return page;
}

async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, name), fullPage });
}

test('overview: online and charging, offline and refused, never let in; who limits it; did every backend get the last session', { skip }, async () => {
  const page = await open('status');
  const home = page.locator('[data-charger="HOME1"]');
  await home.locator('[data-state="Charging"]').waitFor({ timeout: 3000 });
  assert.match(await home.locator('.hero .power').textContent() ?? '', /^\d+\.\d kW$/, 'the power now');
  assert.match(await home.locator('[data-session-energy]').textContent() ?? '', /^\d+\.\d\d kWh$/, 'the session\'s energy');
  assert.match(await home.locator('.card-head').textContent() ?? '', /Alfen · Eve Single Pro-line · firmware 6\.4\.0 · OCPP 1\.6/);
  assert.match(await home.locator('[data-limit="evcc"]').textContent() ?? '', /Limit 16 A set by evcc/, 'who limits it');
  assert.match(await home.locator('.panels').textContent() ?? '', /In control: evcc/);
  for (const [upstream, state] of [['primary', 'received'], ['evcc', 'received'], ['ha', 'waiting']]) {
    await home.locator(`[data-delivery="${upstream}"][data-state="${state}"]`).waitFor({ timeout: 2000 });
  }
  assert.match(await home.locator('[data-delivery="ha"]').textContent() ?? '', /kept in ha's outbox: ha is not connected/);
  assert.match(await home.locator('[data-upstream="primary"]').textContent() ?? '', /connected\s*\d+ ms/, 'latency of each link');
  await home.locator('.chart[data-chart="power"] svg path[data-series="Power"]').waitFor({ timeout: 3000 });
  await home.locator('.chart[data-chart="phases"] svg path[data-series="Current L3"]').waitFor({ timeout: 3000 });
  assert.match(await home.locator('[data-measurand="Current.Import.L1"]').textContent() ?? '', /^\d+\.\d A$/, 'current per phase');
  assert.match(await home.locator('[data-measurand="Voltage.L1"]').textContent() ?? '', /^230\.5 V$/, 'voltage per phase (L1-N)');
  assert.equal(
    await home.locator('[data-config-key="MeterValueSampleInterval"]').textContent(),
    'MeterValueSampleInterval: primary sees 60 s, evcc sees 10 s, ha sees nothing set, charger runs at 10 s',
    'each backend\'s configuration view',
  );

  const garage = page.locator('[data-charger="GARAGE2"]');
  assert.match(await garage.locator('.hero').textContent() ?? '', /Offline\s*last seen/);
  assert.match(await garage.locator('.fix').textContent() ?? '', /Why it cannot connect: bad or missing credentials \(HTTP 401.*Try: the charger's password/);
  const stranger = page.locator('[data-charger="NEW-CHARGER"]');
  assert.match(await stranger.locator('.hero').textContent() ?? '', /Not let in/);
  assert.match(await stranger.locator('.fix').textContent() ?? '', /HTTP 404.*\[chargers\]/);
  assert.equal(await page.locator('#refusals tbody tr').count(), 2, 'connection attempts');
  assert.match(await page.locator('#override').textContent() ?? '', /^Normal/, 'sharing is on: the homeowner\'s buttons show');
  assert.match(await page.locator('#zone').textContent() ?? '', /Europe\/Berlin/);
  await screenshot(page, 'overview.png');
  await page.close();
});

test('a Reset needs the confirmation; it goes once, and its answer reads as a sentence with the raw frames one click away', { skip }, async () => {
  const page = await open('status');
  const dialogs: string[] = [];
  let accept = false;
  page.on('dialog', (dialog: Dialog) => {
    dialogs.push(dialog.message());
    void (accept ? dialog.accept() : dialog.dismiss());
  });
  const card = page.locator('[data-charger="HOME1"]');
  await card.locator('button[data-command="Reset"]').click();
  await card.locator('.result .sentence').filter({ hasText: 'Not sent.' }).waitFor({ timeout: 2000 });
  assert.deepEqual(dialogs, ['Reset charger HOME1 (Soft)? It restarts; a running session may stop.']);
  assert.equal(household.received.get('Reset'), undefined, 'dismissed: nothing reached the charger');

  accept = true;
  // Two submissions at once (a double click, an impatient tap): one confirmation, one Reset.
  await card.locator('form.cmd:has(button[data-command="Reset"])').evaluate((form) => {
    const submit = form as unknown as { requestSubmit(): void };
    submit.requestSubmit();
    submit.requestSubmit();
  });
  await card.locator('.result .sentence').filter({ hasText: 'The charger accepted the reset.' }).waitFor({ timeout: 3000 });
  assert.equal(dialogs.length, 2);
  assert.deepEqual(household.received.get('Reset'), [{ type: 'Soft' }]);
  await card.locator('.result summary').filter({ hasText: 'raw frames' }).click();
  assert.match(await card.locator('.result pre.raw').textContent() ?? '', /"Reset",\s*\{\s*"type": "Soft"\s*\}[\s\S]*"status": "Accepted"/);

  // A command that reads needs no confirmation; one that changes asks again.
  await card.locator('button[data-command="Get configuration"]').click();
  await card.locator('.result .sentence').filter({ hasText: 'The charger sent 1 setting.' }).waitFor({ timeout: 3000 });
  await card.locator('form.cmd:has(button[data-command="Unlock"]) input[name="connector"]').fill('1');
  await card.locator('button[data-command="Unlock"]').click();
  await card.locator('.result .sentence').filter({ hasText: 'The charger unlocked the connector.' }).waitFor({ timeout: 3000 });
  assert.equal(dialogs.length, 3);
  assert.match(dialogs[2]!, /^Unlock connector 1 of HOME1\?/);
  await page.close();
});

test('the homeowner pauses the backends and caps the charger from the overview', { skip }, async () => {
  const page = await open('status');
  await page.locator('[data-charger="HOME1"] [data-state="Charging"]').waitFor({ timeout: 3000 });
  await page.click('button[data-override="block"]');
  await page.locator('#override[data-mode="block"]').filter({ hasText: 'Paused: no backend may steer charging' }).waitFor({ timeout: 3000 });
  assert.equal(household.proxy.daemon.server.control.override?.mode, 'block');
  const profiles = () => (household.received.get('SetChargingProfile') ?? []) as Array<{ connectorId: number }>;
  const before = profiles().length;
  await page.fill('#cap-amps', '10');
  await page.click('button[data-override="limit"]');
  await page.locator('#cap-state').filter({ hasText: 'Cap: 10 A' }).waitFor({ timeout: 3000 });
  // Several backends: the cap joins EVCC's merged profile and is the whole charger's maximum (connector 0).
  await waitUntil(() => profiles().slice(before).some((p) => p.connectorId === 0), 'the cap at the charger as its maximum');
  await page.locator('[data-charger="HOME1"] [data-limit="you (cap)"]').filter({ hasText: 'Limit 10 A set by you (cap)' }).waitFor({ timeout: 3000 });
  await page.click('#cap-clear');
  await page.locator('#cap-state').filter({ hasText: 'No cap' }).waitFor({ timeout: 3000 });
  await waitUntil(() => (household.received.get('ClearChargingProfile') ?? []).length === 1, 'the cap removed at the charger');
  await page.click('button[data-override="clear"]');
  await page.locator('#override[data-mode="none"]').waitFor({ timeout: 3000 });
  await page.close();
});

test('sessions page: the finished session with its chart, totals per month, the CSV link follows the filter', { skip }, async () => {
  const page = await open('sessions');
  const finished = page.locator(`tr.row:has-text("EVDisconnected")`);
  await finished.waitFor({ timeout: 3000 });
  assert.equal(await page.locator('tr.row').count(), 2, 'the finished and the running session');
  assert.match(await finished.textContent() ?? '', /HOME1.*\*{8}D5E6.*\d+\.\d\d kWh.*primary/, 'tag masked, energy, owner');
  assert.match(await page.locator('tr.row').first().textContent() ?? '', /running/);
  await finished.click();
  const chart = page.locator('tr.chart-row .chart[data-chart="power"]');
  await chart.locator('svg path[data-series="Energy"]').waitFor({ timeout: 3000 });
  await page.locator('tr.chart-row .chart[data-chart="phases"] svg path[data-series="Current L1"]').waitFor({ timeout: 3000 });
  assert.match(await page.locator('tr.chart-row .session-facts').textContent() ?? '', /\d+ meter samples kept/);
  // The pointer over the chart reads the values at that time.
  const box = (await chart.locator('svg').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  assert.match(await chart.locator('.chart-tip').textContent() ?? '', /Power \d+\.\d\d kW · Energy \d+\.\d\d kWh/);
  assert.equal(await page.locator('.totals tbody tr').count(), 1);
  assert.match(await page.locator('.totals tbody tr').textContent() ?? '', /2\s*\d+\.\d\d kWh/);
  await screenshot(page, 'sessions.png');

  await page.selectOption('#charger', 'HOME1');
  const month = await page.locator('.totals tbody tr').getAttribute('data-month');
  await page.selectOption('#month', month!);
  const href = await page.getAttribute('#csv', 'href');
  assert.match(href ?? '', /^sessions\.csv\?charger=HOME1&since=[^&]+&until=[^&]+$/);
  const csv = await http(household.web, `/${href}`);
  assert.equal(csv.status, 200);
  assert.equal(csv.body.trim().split('\n').length, 3, 'the header and both sessions of that month');
  assert.match(page.url(), /sessions\?charger=HOME1&month=\d{4}-\d\d$/, 'the choice is in the address');
  await page.close();
});

test('live view: messages and refused connections, local time with its zone, dropped answers as normal, latency both ways', { skip }, async () => {
  const page = await open('');
  await page.waitForSelector('.conn:has-text("live")', { timeout: 5000 });
  assert.equal(await page.locator('tr.refusal').count(), 2, 'the refusals since start, among the messages');
  assert.match(await page.locator('#time-head').textContent() ?? '', /^time \((CET|CEST|GMT\+[12])\)$/);
  await household.home.call('DataTransfer', { vendorId: 'probe', messageId: 'live-view-check' });
  await page.waitForSelector('tr.msg:has-text("DataTransfer")', { timeout: 1000 });
  assert.match(await page.locator('tr.msg:has-text("DataTransfer")').first().locator('td').first().textContent() ?? '', /^\d\d:\d\d:\d\d\.\d{3}$/);
  const answer = page.locator('tr.msg:has-text("primary → charger"):has-text("DataTransfer")');
  assert.match(await answer.locator('td:last-child').textContent() ?? '', /^\d+$/, 'the primary\'s answer, timed');
  const dropped = page.locator('tr.msg:has-text("evcc → proxy"):has-text("DataTransfer")');
  assert.equal(await dropped.getAttribute('class'), 'msg down', 'a secondary\'s answer is not an error');
  assert.equal(await dropped.getAttribute('data-tags'), 'dropped');
  assert.match(await dropped.locator('td:last-child').textContent() ?? '', /^\d+$/);
  // A backend's call: the charger's answer to it is timed too (it went to the charger under another id).
  const evcc = household.evcc.clients.find((c) => c.identity === 'HOME1')!;
  await evcc.call('TriggerMessage', { requestedMessage: 'Heartbeat' });
  const chargerAnswer = page.locator('tr.msg:has-text("charger → evcc"):has-text("TriggerMessage")');
  await chargerAnswer.waitFor({ timeout: 2000 });
  assert.match(await chargerAnswer.locator('td:last-child').textContent() ?? '', /^\d+$/, 'the charger\'s answer, timed');
  // A refusal while the page is open.
  await assert.rejects(strictCharger(household.proxy.port, 'GARAGE2', ['ocpp1.6'], { password: 'still wrong', reconnect: false }).connect());
  await page.locator('tr.refusal').nth(2).waitFor({ timeout: 2000 });
  await page.locator('tr.refusal').first().click();
  assert.match(await page.locator('tr.detail pre').textContent() ?? '', /bad or missing credentials[\s\S]*What to try: the charger's password/);
  await page.fill('#f-action', 'Trigger');
  assert.equal(await page.locator('tr.msg:has-text("DataTransfer")').count(), 0, 'filters apply');
  await page.fill('#f-action', '');
  await page.locator('#f-action').blur();
  await screenshot(page, 'monitor.png', false);
  await page.close();
});

test('every page at 375 px wide, light and dark: no sideways scrolling, and dark follows the system', { skip }, async () => {
  const backgrounds = new Map<string, string>();
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [path, ready] of [['status', '[data-charger="HOME1"] .chart svg'], ['sessions', 'tr.row'], ['', 'tr.msg']] as const) {
      const page = await open(path, { viewport: { width: 375, height: 800 }, colorScheme });
      await page.locator(ready).first().waitFor({ timeout: 3000 });
      if (path === 'sessions') {
        await page.locator('tr.row').nth(1).click();
        await page.locator('tr.chart-row svg').first().waitFor({ timeout: 3000 });
      }
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(width <= 375, `${path || 'monitor'} (${colorScheme}) is ${width} px wide`);
      backgrounds.set(`${path}|${colorScheme}`, await page.evaluate<string>('getComputedStyle(document.body).backgroundColor'));
      if (colorScheme === 'dark' && path === 'status') await screenshot(page, 'overview-phone.png', false);
      await page.close();
    }
  }
  for (const path of ['status', 'sessions', '']) assert.notEqual(backgrounds.get(`${path}|light`), backgrounds.get(`${path}|dark`), `${path}: dark mode`);
});

test('charger strings and refused ids are shown as text and run nothing; each page runs only its own script', { skip }, async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const proxy: TestProxy = await startProxy(`${iniFor(primary.url)}[web]\nshow_idtags = true\n`, {}, true);
  cleanups.push(() => primary.close(), () => proxy.close());
  const payload = '<img src=x onerror="window.__pwned=1">';
  const tag = '<svg onload=x=1>'; // 1.6 idTags have 20 characters at most
  const quirky = await rawCharger(proxy.port, '/EVIL<b>1');
  cleanups.push(() => quirky.ws.terminate());
  const refused = await rawCharger(proxy.port, `/${encodeURIComponent('<img src=x onerror=window.__pwned=3>')}`, []);
  await refused.closed;
  const monitor = await open('', {}, proxy.daemon.webPort);
  const overview = await open('status', {}, proxy.daemon.webPort);
  await monitor.waitForSelector('.conn:has-text("live")', { timeout: 5000 });
  quirky.ws.send(JSON.stringify([2, 'x1', 'StartTransaction', { connectorId: 1, idTag: tag, meterStart: 0, timestamp: new Date().toISOString() }]));
  quirky.ws.send(JSON.stringify([2, 'x2', 'BootNotification', { chargePointVendor: '<script>window.__pwned=2</script>', chargePointModel: payload }]));
  await monitor.waitForSelector('tr.msg:has-text("BootNotification"):has-text("EVIL<b>1")', { timeout: 2000 });
  await overview.locator('[data-charger="EVIL<b>1"]').filter({ hasText: '<script>window.__pwned=2</script>' }).waitFor({ timeout: 2000 });
  await overview.locator('[data-charger="<img src=x onerror=window.__pwned=3>"]').waitFor({ timeout: 2000 });
  await waitUntil(() => proxy.entries.some((e) => e.action === 'StartTransaction' && e.type === 'CALLRESULT'), 'the start answered');
  await http(proxy.daemon.webPort, '/api/status'); // the session row is written: the sessions page lists it
  const sessions = await open('sessions', {}, proxy.daemon.webPort);
  await sessions.locator('tr.row').filter({ hasText: tag }).waitFor({ timeout: 3000 });
  await overview.locator('[data-charger="EVIL<b>1"]').filter({ hasText: tag }).waitFor({ timeout: 2000 });
  assert.ok((await overview.textContent('[data-charger="EVIL<b>1"]'))!.includes(payload), 'the model is text');
  for (const page of [monitor, overview, sessions]) {
    assert.equal(await page.evaluate(() => (globalThis as { __pwned?: number; x?: number }).__pwned ?? (globalThis as { x?: number }).x), undefined);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script').count(), 1, 'only the page\'s own script');
    assert.match(await page.getAttribute('link[rel="icon"]', 'href') ?? '', /^data:image\/svg\+xml,/, 'a favicon, inline');
    await page.close();
  }
  for (const path of ['/', '/status', '/sessions']) {
    const csp = String((await http(proxy.daemon.webPort, path)).headers['content-security-policy']);
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/]+=*';/, `${path}: its script by hash`);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/, path);
    assert.match(csp, /frame-ancestors 'self'/, `${path}: Home Assistant may frame it, no other site`);
  }
});
