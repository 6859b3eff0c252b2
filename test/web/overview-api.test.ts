// What the overview and the sessions page read, over real sockets: every charger known with its
// last refusal and the fix (`/api/chargers`), refusals pushed on the live stream, link latency,
// whether every backend got the last session, limits by sender, session series, the homeowner's
// cap, and a command's raw frames.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { join } from 'node:path';
import type { RPCClient } from 'ocpp-rpc';
import { hashPassword } from '../../src/auth/charger-auth.ts';
import { bootParams, cleanupAfter, freePort, iniFor, rawCharger, startCsms, startProxy, strictCharger, tempDir, waitUntil, within, type TestProxy, eventually } from '../helpers/peers.ts';
import { http, postCommand } from './http-client.ts';
import { meterValue } from './ui-scenario.ts';

const cleanups = cleanupAfter();

const getJson = async (proxy: TestProxy, path: string) => {
  const reply = await http(proxy.daemon.webPort, path);
  assert.equal(reply.status, 200, `${path}: ${reply.body}`);
  return JSON.parse(reply.body);
};

const postOverride = (proxy: TestProxy, body: unknown) =>
  http(proxy.daemon.webPort, '/api/override', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Host: `127.0.0.1:${proxy.daemon.webPort}`, Origin: `http://127.0.0.1:${proxy.daemon.webPort}` },
    body: JSON.stringify(body),
  });

async function connected(proxy: TestProxy, id: string, extra: Record<string, unknown> = {}): Promise<RPCClient> {
  const charger = strictCharger(proxy.port, id, ['ocpp1.6'], extra);
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  return charger;
}

test('/api/chargers: online, offline with when it was last seen, refused with the fix to try; served chargers survive a restart', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  cleanups.push(() => primary.close());
  const hash = await hashPassword('right');
  const ini = `${iniFor(primary.url)}[host]\nrequire_auth = true\n[chargers]\nHOME = ${hash}\nGARAGE = ${hash}\n`;
  const state = join(tempDir(), 'state.db');
  const proxy = await startProxy(ini, { state }, true);
  const home = await connected(proxy, 'HOME', { password: 'right' });
  await home.call('BootNotification', { chargePointVendor: 'Alfen', chargePointModel: 'Eve', firmwareVersion: '6.4.0' });
  const garage = await connected(proxy, 'GARAGE', { password: 'right' });
  await garage.call('BootNotification', bootParams('ocpp1.6'));
  await garage.close();
  await waitUntil(() => proxy.daemon.server.sessions.get('GARAGE') === undefined, 'GARAGE to be gone');
  const gone = Date.now();
  await assert.rejects(strictCharger(proxy.port, 'GARAGE', ['ocpp1.6'], { password: 'wrong', reconnect: false }).connect());
  await assert.rejects(strictCharger(proxy.port, 'STRANGER', ['ocpp1.6'], { password: 'x', reconnect: false }).connect());

  const { chargers, refusals } = await getJson(proxy, '/api/chargers');
  assert.deepEqual(chargers.map((c: { id: string }) => c.id), ['HOME', 'GARAGE', 'STRANGER'], 'online, then offline, then never let in');
  const [online, offline, stranger] = chargers;
  assert.deepEqual([online.online, online.vendor, online.model, online.firmware, online.protocol, online.last_refusal], [true, 'Alfen', 'Eve', '6.4.0', 'ocpp1.6', null]);
  assert.ok(Date.now() - Date.parse(online.last_seen) < 5000);
  assert.equal(offline.online, false);
  assert.ok(Date.parse(offline.last_seen) <= gone, 'last seen when it went');
  assert.deepEqual([offline.last_refusal.status, offline.last_refusal.kind, offline.refused_attempts], [401, 'credentials', 1]);
  assert.match(offline.last_refusal.fix, /password/);
  assert.deepEqual([stranger.last_seen, stranger.last_refusal.status, stranger.last_refusal.kind], [null, 404, 'unknown-id']);
  assert.match(stranger.last_refusal.fix, /\[chargers\]/);
  assert.deepEqual(refusals.map((r: { charger: string }) => r.charger), ['GARAGE', 'STRANGER'], 'oldest first');
  assert.equal(refusals[0].address, '127.0.0.1');

  const status = await getJson(proxy, '/api/status');
  assert.deepEqual(status.chargers.map((c: { id: string }) => c.id), ['HOME']);
  assert.deepEqual(status.offline.map((c: { id: string }) => c.id), ['GARAGE'], 'the overview lists it while offline');
  assert.deepEqual(status.refusals.map((r: { charger: string }) => r.charger), ['STRANGER', 'GARAGE'], 'newest first');

  await home.close();
  await proxy.close();
  const again = await startProxy(ini, { state }, true);
  cleanups.push(() => again.close());
  const after = (await getJson(again, '/api/chargers')).chargers;
  assert.deepEqual(after.map((c: { id: string; online: boolean }) => [c.id, c.online]), [['HOME', false], ['GARAGE', false]], 'from the state store');
  assert.deepEqual([after[0].vendor, after[0].firmware], ['Alfen', '6.4.0']);
  assert.ok(after.every((c: { last_seen: string | null }) => c.last_seen !== null));
});

test('a charger without subprotocol and one whose primary is down are refused; both are pushed on the live stream', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const proxy = await startProxy(iniFor(primary.url), {}, true);
  cleanups.push(() => primary.close(), () => proxy.close());
  const events: string[] = [];
  const stream = request({ host: '127.0.0.1', port: proxy.daemon.webPort, path: '/api/live' }, (res) => res.on('data', (chunk: Buffer) => events.push(chunk.toString())));
  stream.end();
  cleanups.push(() => stream.destroy());
  await waitUntil(() => events.length > 0, 'the stream to open');
  const silent = await rawCharger(proxy.port, '/NOPROTO', []);
  await within(silent.closed, 'the charger without subprotocol to be closed');
  await primary.close();
  await assert.rejects(strictCharger(proxy.port, 'ORPHAN', ['ocpp1.6'], { reconnect: false }).connect());
  await waitUntil(() => (events.join('').match(/event: refusal\n/g) ?? []).length === 2, 'two refusal events');
  const pushed = events.join('').split('\n\n').filter((e) => e.startsWith('event: refusal')).map((e) => JSON.parse(e.slice(e.indexOf('data: ') + 6)));
  assert.deepEqual(pushed.map((r) => [r.charger, r.status, r.kind]), [['NOPROTO', 101, 'subprotocol'], ['ORPHAN', 502, 'primary-unreachable']]);
  assert.match(pushed[1].fix, /\[ext-server\] server/);
  const chargers = (await getJson(proxy, '/api/chargers')).chargers;
  assert.equal(chargers.find((c: { id: string }) => c.id === 'ORPHAN').last_refusal.status, 502);
});

test('status: link latency, the last session received by primary and evcc and waiting for a backend that is down, limits by sender', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const evcc = await startCsms({ protocols: ['ocpp1.6'] });
  const down = await freePort();
  const proxy = await startProxy(`${iniFor(primary.url)}[upstream.evcc]\nurl = ${evcc.url}\nrole = secondary\n[upstream.ha]\nurl = ws://127.0.0.1:${down}\nrole = secondary\n`, {}, true);
  cleanups.push(() => proxy.close(), () => evcc.close(), () => primary.close());
  const charger = await connected(proxy, 'CP1');
  charger.handle('SetChargingProfile', async () => ({ status: 'Accepted' }));
  charger.handle('ChangeConfiguration', async () => ({ status: 'Accepted' }));
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  const start = Date.now() - 3_600_000;
  const { transactionId } = (await charger.call('StartTransaction', { connectorId: 1, idTag: 'CARD1234', meterStart: 1000, timestamp: new Date(start).toISOString() })) as { transactionId: number };
  for (let i = 0; i < 4; i++) await charger.call('MeterValues', { connectorId: 1, transactionId, meterValue: [meterValue(start + i * 600_000, 11_000, 1000 + i * 1833)] });
  const running = await getJson(proxy, '/api/chargers/CP1/series');
  assert.deepEqual([running.transaction, running.points.length], [String(transactionId), 4], 'the running session, before it is written');
  assert.deepEqual(running.columns, ['t', 'power_w', 'energy_wh', 'current_l1', 'current_l2', 'current_l3']);
  await charger.call('StopTransaction', { transactionId, meterStop: 8500, timestamp: new Date(start + 2_700_000).toISOString(), reason: 'Local' });
  await waitUntil(() => evcc.clients.some((c) => c.identity === 'CP1'), 'CP1 at evcc');
  await evcc.clients.find((c) => c.identity === 'CP1')!.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '10' });
  await evcc.clients.find((c) => c.identity === 'CP1')!.call('SetChargingProfile', {
    connectorId: 1,
    csChargingProfiles: { chargingProfileId: 3, stackLevel: 1, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] } },
  });

  // The answers to the stop and the profile are on their way: read the status once they are in.
  const cp = await eventually(async () => {
    const charger = (await getJson(proxy, '/api/status')).chargers[0];
    return charger.last_session?.upstreams.every((u: { state: string }) => u.state !== 'sent') && charger.limits.evcc !== undefined ? charger : null;
  }, 'the last session answered and the limit in the status');
  const links = Object.fromEntries(cp.upstreams.map((u: { name: string }) => [u.name, u]));
  assert.ok(Number.isInteger(links.primary.latency_ms) && links.primary.latency_ms >= 0, JSON.stringify(links.primary));
  assert.ok(Number.isInteger(links.evcc.latency_ms));
  assert.notEqual(links.ha.state, 'open');
  assert.equal(links.ha.latency_ms, null);
  const last = cp.last_session;
  assert.equal(last.transaction, String(transactionId));
  assert.equal(last.ended_at, new Date(start + 2_700_000).toISOString(), 'when the charger says it ended');
  assert.equal(last.energy_kwh, 7.5);
  assert.deepEqual(last.upstreams.map((u: { upstream: string; state: string }) => [u.upstream, u.state]), [['primary', 'received'], ['evcc', 'received'], ['ha', 'waiting']]);
  assert.match(last.upstreams[2].detail, /^kept in ha's outbox: ha is not connected$/);
  assert.deepEqual([cp.limits.evcc.value, cp.limits.evcc.unit, cp.limits.evcc.purpose], [16, 'A', 'TxDefaultProfile']);
  assert.deepEqual(cp.configuration.MeterValueSampleInterval, { effective: '10', charger: '10', views: { primary: null, evcc: '10', ha: null } }, 'each backend\'s configuration view');

  // The finished session, for the sessions page.
  const { sessions } = await getJson(proxy, '/api/sessions?charger=CP1');
  assert.equal(sessions.length, 1);
  assert.equal(sessions[0].id_tag, '****1234', 'masked unless show_idtags');
  const chart = await getJson(proxy, `/api/sessions/${sessions[0].id}/series`);
  assert.equal(chart.session.id_tag, '****1234');
  assert.deepEqual(chart.points.map((p: number[]) => p[2]), [1000, 2833, 4666, 6499, 8500], 'start (with the first meter values), meter values, stop');
  assert.equal(chart.points[0][1], 11000);
  assert.ok(chart.points[0][3] > 15 && chart.points[0][3] < 17, 'current L1');
  assert.equal((await http(proxy.daemon.webPort, '/api/sessions/999/series')).status, 404);
  const until = (iso: string) => getJson(proxy, `/api/sessions?until=${encodeURIComponent(iso)}`);
  assert.equal((await until(new Date(start + 1000).toISOString())).sessions.length, 1);
  assert.equal((await until(new Date(start - 1000).toISOString())).sessions.length, 0);
  assert.equal((await http(proxy.daemon.webPort, '/api/sessions?until=soon')).status, 400);
  const csv = await http(proxy.daemon.webPort, `/sessions.csv?until=${encodeURIComponent(new Date(start - 1000).toISOString())}`);
  assert.equal(csv.body.trim().split('\n').length, 1, 'the CSV takes the same filter: the header only');
});

test('the homeowner\'s cap: checked, sent as the charger\'s max profile, kept across a restart and sent again at boot, then removed', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  cleanups.push(() => primary.close());
  const state = join(tempDir(), 'state.db');
  const ini = `${iniFor(primary.url)}[sharing]\nenabled = true\n`;
  const proxy = await startProxy(ini, {}, true);
  const profiles: Array<Record<string, any>> = [];
  const clears: unknown[] = [];
  const charge = async (p: TestProxy) => {
    const charger = await connected(p, 'CAP1');
    charger.handle('SetChargingProfile', async ({ params }) => {
      profiles.push(params as Record<string, any>);
      return { status: 'Accepted' };
    });
    charger.handle('ClearChargingProfile', async ({ params }) => {
      clears.push(params);
      return { status: 'Accepted' };
    });
    await charger.call('BootNotification', bootParams('ocpp1.6'));
    return charger;
  };
  await proxy.close();
  const first = await startProxy(ini, { state }, true);
  const charger = await charge(first);
  for (const bad of [{ mode: 'limit' }, { mode: 'limit', amps: -1 }, { mode: 'limit', amps: 10, watts: 2300 }, { mode: 'limit', amps: '10' }]) {
    assert.equal((await postOverride(first, bad)).status, 400, JSON.stringify(bad));
  }
  const set = await postOverride(first, { mode: 'limit', amps: 10 });
  assert.equal(set.status, 200, set.body);
  await waitUntil(() => profiles.length === 1, 'the cap at the charger');
  assert.equal(profiles[0]!.connectorId, 0);
  assert.deepEqual(
    [profiles[0]!.csChargingProfiles.chargingProfileId, profiles[0]!.csChargingProfiles.chargingProfilePurpose, profiles[0]!.csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit],
    [900000, 'ChargePointMaxProfile', 10],
  );
  const status = await getJson(first, '/api/status');
  assert.deepEqual([status.homeowner_cap.limit, status.homeowner_cap.unit, status.override, status.sharing], [10, 'A', null, true], 'the control override is untouched');
  await waitUntil(() => first.console.some((line) => line.includes('homeowner cap 10 A: Accepted')), 'the charger\'s answer logged');
  await charger.close();
  await first.close();

  const second = await startProxy(ini, { state }, true);
  cleanups.push(() => second.close());
  assert.deepEqual((await getJson(second, '/api/status')).homeowner_cap.limit, 10, 'kept across a restart');
  await charge(second);
  await waitUntil(() => profiles.length === 2, 'the cap again after the accepted boot');
  assert.equal(profiles[1]!.csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit, 10);
  assert.equal((await postOverride(second, { mode: 'none' })).status, 200);
  await waitUntil(() => clears.length === 1, 'the cap removed at the charger');
  assert.deepEqual(clears, [{ id: 900000 }]);
  assert.equal((await getJson(second, '/api/status')).homeowner_cap, null);
});

test('a command the charger answers with a CallError: its code and the raw frames come back', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const proxy = await startProxy(iniFor(primary.url), {}, true);
  cleanups.push(() => primary.close(), () => proxy.close());
  const charger = await connected(proxy, 'ERR1');
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  const reply = await postCommand(proxy.daemon.webPort, 'ERR1', { action: 'GetLocalListVersion', payload: {} });
  assert.equal(reply.status, 200, reply.body);
  const answer = JSON.parse(reply.body);
  assert.deepEqual([answer.result, answer.payload, answer.error_code], ['CALLERROR', null, 'NotImplemented']);
  assert.match(answer.frames.sent, /"GetLocalListVersion",\{\}\]$/);
  assert.match(answer.frames.answer, /^\[4,"[^"]+","NotImplemented"/);
});

test('2.0.1: a TransactionEvent session gets its series and its row; the cap is a ChargingStationMaxProfile on EVSE 0', async () => {
  const primary = await startCsms({ protocols: ['ocpp2.0.1'] });
  const proxy = await startProxy(iniFor(primary.url), {}, true);
  cleanups.push(() => primary.close(), () => proxy.close());
  const charger = strictCharger(proxy.port, 'CS1', ['ocpp2.0.1']);
  cleanups.push(() => charger.close({ force: true }));
  const profiles: Array<Record<string, any>> = [];
  charger.handle('SetChargingProfile', async ({ params }) => {
    profiles.push(params as Record<string, any>);
    return { status: 'Accepted' };
  });
  await charger.connect();
  await charger.call('BootNotification', bootParams('ocpp2.0.1'));
  const start = Date.now() - 1_800_000;
  const sample = (at: number, kw: number, kwh: number) => ({
    timestamp: new Date(at).toISOString(),
    sampledValue: [
      { value: kw, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'kW' } },
      { value: kwh, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'kWh' } },
      { value: 16, measurand: 'Current.Import', phase: 'L1' },
    ],
  });
  const event = (eventType: string, seqNo: number, at: number, kw: number, kwh: number) =>
    charger.call('TransactionEvent', {
      eventType, timestamp: new Date(at).toISOString(), triggerReason: eventType === 'Ended' ? 'EVCommunicationLost' : 'MeterValuePeriodic', seqNo,
      transactionInfo: { transactionId: 'T-42', ...(eventType === 'Ended' ? { stoppedReason: 'EVDisconnected' } : {}) },
      evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'CARD5678', type: 'ISO14443' }, meterValue: [sample(at, kw, kwh)],
    });
  await event('Started', 0, start, 0, 10);
  await event('Updated', 1, start + 600_000, 7.4, 11.2);
  const running = await getJson(proxy, '/api/chargers/CS1/series');
  assert.deepEqual(running.points.map((p: number[]) => [p[1], p[2], p[3]]), [[0, 10_000, 16], [7400, 11_200, 16]]);
  await event('Ended', 2, start + 1_200_000, 0, 12.4);
  const { sessions } = await getJson(proxy, '/api/sessions?charger=CS1');
  assert.equal(sessions.length, 1);
  const chart = await getJson(proxy, `/api/sessions/${sessions[0].id}/series`);
  assert.deepEqual(chart.points.map((p: number[]) => p[2]), [10_000, 11_200, 12_400]);

  assert.equal((await postOverride(proxy, { mode: 'limit', watts: 7400 })).status, 200);
  await waitUntil(() => profiles.length === 1, 'the cap at the charger');
  assert.equal(profiles[0]!.evseId, 0);
  assert.deepEqual(
    [profiles[0]!.chargingProfile.id, profiles[0]!.chargingProfile.chargingProfilePurpose, profiles[0]!.chargingProfile.chargingSchedule[0].chargingRateUnit, profiles[0]!.chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit],
    [900000, 'ChargingStationMaxProfile', 'W', 7400],
  );
});
