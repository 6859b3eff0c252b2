// Sharing a charger end to end: strict OCPP peers racing for control, the homeowner's override
// across a restart, a fake Home Assistant (node:http on loopback), the event API, revenue.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startFakeHomeAssistant } from '../helpers/fake-home-assistant.ts';
import { cleanupAfter, bootParams, iniFor, startCsms, startProxy, strictCharger, tempDir, waitUntil, within, type TestProxy } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

function web(proxy: TestProxy, method: string, path: string, body?: unknown): Promise<{ status: number; json: any; text: string }> {
  const port = proxy.daemon.webPort;
  return within(
    new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, method, headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}`, Host: `127.0.0.1:${port}` } },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => {
            let json: unknown = null;
            try {
              json = JSON.parse(text);
            } catch {}
            resolve({ status: res.statusCode ?? 0, json, text });
          });
        },
      );
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    }),
    `${method} ${path}`,
  );
}

async function setup(extraIni: string, state = join(tempDir(), 'state.db')) {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const secondary = await startCsms({ protocols: ['ocpp1.6'] });
  const proxy = await startProxy(`${iniFor(primary.url, secondary.url)}${extraIni}`, { state }, true);
  cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
  const charger = strictCharger(proxy.port, 'SHARE', ['ocpp1.6']);
  cleanups.push(() => charger.close({ force: true }));
  const resets: unknown[] = [];
  charger.handle('Reset', async ({ params }) => {
    resets.push(params);
    return { status: 'Accepted' };
  });
  charger.handle('SetChargingProfile', async () => ({ status: 'Accepted' }));
  await charger.connect();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  return { primary, secondary, proxy, charger, resets, atPrimary: primary.clients[0]!, atSecondary: secondary.clients[0]!, state };
}

test('two backends race for control: the second gets a schema-valid Rejected; the decision is visible', async () => {
  const { proxy, atPrimary, atSecondary, resets } = await setup('[sharing]\nenabled = true\nlease = 60\n');
  assert.deepEqual(await atSecondary.call('Reset', { type: 'Soft' }), { status: 'Accepted' });
  assert.deepEqual(await atPrimary.call('Reset', { type: 'Hard' }), { status: 'Rejected' }, 'a strict CSMS accepts the refusal');
  assert.deepEqual(resets, [{ type: 'Soft' }]);
  assert.ok(proxy.entries.some((e) => e.from === 'proxy' && e.to === 'primary' && e.tags.includes('blocked') && e.raw.includes('Rejected')));
  const status = (await web(proxy, 'GET', '/api/status')).json;
  const control = status.chargers[0].control;
  assert.equal(control.holder, 'secondary');
  assert.match(control.decisions.at(-1).reason, /secondary holds control/);
  assert.ok(proxy.console.some((line) => line.includes("primary's Reset refused: secondary holds control")));
});

test('the homeowner\'s override beats everyone and survives a restart', async () => {
  const first = await setup('[sharing]\nenabled = true\n');
  assert.equal((await web(first.proxy, 'POST', '/api/override', { mode: 'block' })).status, 200);
  assert.deepEqual(await first.atSecondary.call('Reset', { type: 'Soft' }), { status: 'Rejected' });
  assert.equal((await web(first.proxy, 'POST', '/api/override', { mode: 'give' })).status, 400, 'give needs a name');
  await first.charger.close({ code: 1000 });
  await first.proxy.close();

  const again = await setup('[sharing]\nenabled = true\n', first.state);
  assert.equal((await web(again.proxy, 'GET', '/api/status')).json.override.mode, 'block');
  assert.deepEqual(await again.atPrimary.call('Reset', { type: 'Soft' }), { status: 'Rejected' });
  assert.equal((await web(again.proxy, 'POST', '/api/override', { mode: 'give', to: 'primary' })).status, 200);
  assert.deepEqual(await again.atPrimary.call('Reset', { type: 'Soft' }), { status: 'Accepted' });
  assert.deepEqual(await again.atSecondary.call('Reset', { type: 'Soft' }), { status: 'Rejected' });
  assert.equal((await web(again.proxy, 'DELETE', '/api/override')).status, 200);
  assert.equal((await web(again.proxy, 'GET', '/api/status')).json.override, null);
});

test('Home Assistant: the override switch blocks; unreachable for stale_after fails closed; faults and session ends are notified', async () => {
  const ha = await startFakeHomeAssistant('ha-token');
  ha.states.set('input_boolean.block_backends', 'off');
  const { notifications, url: haUrl } = ha;
  const { proxy, atSecondary, charger } = await setup(
    `primary_price_per_kwh = 0.25\n[sharing]\nenabled = true\nlease = 0\n[homeassistant]\nurl = ${haUrl}\ntoken = ha-token\noverride_entity = input_boolean.block_backends\nstale_after = 0.5\npoll_interval = 0.05\n`,
  );
  cleanups.push(() => ha.close());
  const homeReason = async () => (await web(proxy, 'GET', '/api/status')).json.chargers[0].control.home_assistant;

  assert.deepEqual(await atSecondary.call('Reset', { type: 'Soft' }), { status: 'Accepted' });
  ha.states.set('input_boolean.block_backends', 'on');
  await waitUntil(() => proxy.daemon.homeAssistant!.verdict().blocked, 'the switch to be seen');
  assert.deepEqual(await atSecondary.call('Reset', { type: 'Soft' }), { status: 'Rejected' });
  assert.match((await homeReason()).reason, /input_boolean.block_backends is on/);
  ha.states.set('input_boolean.block_backends', 'off');
  await waitUntil(() => !proxy.daemon.homeAssistant!.verdict().blocked, 'the switch off again');
  assert.deepEqual(await atSecondary.call('Reset', { type: 'Soft' }), { status: 'Accepted' });

  // A fault revokes control and is notified.
  await charger.call('StatusNotification', { connectorId: 1, errorCode: 'GroundFailure', status: 'Faulted' });
  assert.equal((await web(proxy, 'GET', '/api/status')).json.chargers[0].control.holder, null);
  assert.deepEqual(await atSecondary.call('Reset', { type: 'Soft' }), { status: 'Rejected' });
  await charger.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
  await waitUntil(() => notifications.some((n) => /faulted/.test(n.title)), 'the fault notification');

  // A finished session is notified with its energy, owner and revenue.
  const { transactionId } = (await charger.call('StartTransaction', { connectorId: 1, idTag: 'T', meterStart: 1000, timestamp: new Date().toISOString() })) as { transactionId: number };
  await charger.call('StopTransaction', { transactionId, meterStop: 9000, timestamp: new Date().toISOString() });
  await waitUntil(() => notifications.some((n) => /session ended/.test(n.title)), 'the session notification');
  assert.match(notifications.find((n) => /session ended/.test(n.title))!.message, /8 kWh, owner primary, revenue 2/);
  const csv = (await web(proxy, 'GET', '/sessions.csv')).text;
  assert.match(csv, /,1000,9000,8,2,Local/, 'revenue = energy × the owner\'s price');

  // Home Assistant goes away: the last known state holds for stale_after, then control is blocked.
  await ha.close();
  await waitUntil(() => proxy.daemon.homeAssistant!.verdict().blocked, 'fail closed after stale_after', 3000);
  assert.deepEqual(await atSecondary.call('Reset', { type: 'Soft' }), { status: 'Rejected' });
  assert.match((await homeReason()).reason, /unreachable since/);
});

test('event API: a backend with its token gets events and sends control requests under the same arbitration', async () => {
  const { proxy, charger, atPrimary } = await setup('[sharing]\nenabled = true\nlease = 60\n[backend.evcc]\ntoken = evcc-secret\n');
  const url = `ws://127.0.0.1:${proxy.daemon.webPort}/api/events?id=evcc`;
  const refused = new WebSocket(url, { headers: { Authorization: 'Bearer wrong' } });
  const [, response] = await within(once(refused, 'unexpected-response'), 'the refusal');
  assert.equal((response as IncomingMessage).statusCode, 401);

  const ws = new WebSocket(`${url}&token=evcc-secret`);
  cleanups.push(() => ws.terminate());
  const inbox: any[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    inbox.push(JSON.parse(data.toString()));
    waiters.splice(0).forEach((w) => w());
  });
  const next = (predicate: (m: any) => boolean, what: string) =>
    within(new Promise<any>((resolve) => {
      const check = () => {
        const found = inbox.find(predicate);
        if (found) resolve(found);
        else waiters.push(check);
      };
      check();
    }), what);
  await within(once(ws, 'open'), 'the event API connection');
  await charger.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
  assert.deepEqual((await next((m) => m.event === 'status', 'a status event')).status, 'Preparing');

  ws.send('not json');
  assert.match((await next((m) => typeof m.error === 'string', 'the error object')).error, /bad request/);
  ws.send(JSON.stringify({ id: 'r1', action: 'set_limit', limit: 16, unit: 'A' }));
  const accepted = await next((m) => m.id === 'r1', 'the answer to r1');
  assert.equal(accepted.result, 'accepted');
  assert.deepEqual(await atPrimary.call('Reset', { type: 'Soft' }), { status: 'Rejected' }, 'evcc now holds control');
  ws.send(JSON.stringify({ id: 'r2', action: 'start' }));
  assert.deepEqual(await next((m) => m.id === 'r2', 'the answer to r2'), { id: 'r2', result: 'error', reason: '"start" needs an idTag' });
  assert.ok(proxy.entries.some((e) => e.action === 'SetChargingProfile' && e.to === 'charger' && e.tags.includes('injected')));
  assert.equal(ws.readyState, ws.OPEN, 'bad requests never drop the connection');
});
