// [charging] merge with strict ocpp-rpc peers: two backends set TxDefaultProfiles with the same id
// and stack level; the charger holds one profile at the lower limit, and each backend changes and
// clears only its own.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ChargingProfiles } from '../../src/sharing/charging-profiles.ts';
import { ChargingProfilesStage } from '../../src/stages/charging-profiles.ts';
import type { StageFrame } from '../../src/stages/stage.ts';
import { bootParams, cleanupAfter, iniFor, startCsms, startProxy, startRawCsms, strictCharger, tempDir, waitUntil, type RPCClientLike } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

type Profiles = Map<number, { connector: number; profile: any }>;

/** A 1.6 charger that keeps profiles as a charger does: by id, a new one replacing the same purpose and stack level. */
function charger16(port: number, id: string, held: Profiles, log: string[]) {
  const charger = strictCharger(port, id, ['ocpp1.6']);
  charger.handle('SetChargingProfile', async ({ params }: { params?: any }) => {
    const profile = params.csChargingProfiles;
    log.push(`set ${profile.chargingProfileId} ${JSON.stringify(profile.chargingSchedule.chargingSchedulePeriod.map((p: any) => [p.startPeriod, p.limit]))}`);
    for (const [key, other] of held) {
      if (other.connector === params.connectorId && other.profile.chargingProfilePurpose === profile.chargingProfilePurpose && other.profile.stackLevel === profile.stackLevel) held.delete(key);
    }
    held.set(profile.chargingProfileId, { connector: params.connectorId, profile });
    return { status: 'Accepted' };
  });
  charger.handle('ClearChargingProfile', async ({ params }: { params?: any }) => {
    log.push(`clear ${params.id}`);
    return { status: held.delete(params.id) ? 'Accepted' : 'Unknown' };
  });
  cleanups.push(() => charger.close({ force: true }));
  return charger;
}

const txDefault = (limit: number | Array<[number, number]>, extra: Record<string, unknown> = {}) => ({
  connectorId: 1,
  csChargingProfiles: {
    chargingProfileId: 1,
    stackLevel: 0,
    chargingProfilePurpose: 'TxDefaultProfile',
    chargingProfileKind: 'Absolute',
    chargingSchedule: {
      startSchedule: new Date(Date.now() - 1000).toISOString(),
      chargingRateUnit: 'A',
      chargingSchedulePeriod: typeof limit === 'number' ? [{ startPeriod: 0, limit }] : limit.map(([startPeriod, l]) => ({ startPeriod, limit: l })),
    },
    ...extra,
  },
});

/** The limits of the one profile the charger holds, as [startPeriod, limit] pairs. */
function only(held: Profiles): Array<[number, number]> {
  assert.equal(held.size, 1, `one profile at the charger, not ${JSON.stringify([...held.keys()])}`);
  const { profile } = [...held.values()][0]!;
  assert.ok(profile.chargingProfileId >= 900000 && profile.chargingProfileId <= 999999, 'under the proxy\'s id');
  return profile.chargingSchedule.chargingSchedulePeriod.map((p: any) => [p.startPeriod, p.limit]);
}

test('1.6: the lowest limit wins; each backend clears only its own; bad profiles never reach the charger; across a restart', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const secondary = await startCsms({ protocols: ['ocpp1.6'] });
  cleanups.push(() => primary.close(), () => secondary.close());
  const state = join(tempDir(), 'state.db');
  let proxy = await startProxy(iniFor(primary.url, secondary.url), { state });
  cleanups.push(() => proxy.close());
  const held: Profiles = new Map();
  const log: string[] = [];
  let charger = charger16(proxy.port, 'CM16', held, log);
  await charger.connect();
  let atPrimary: RPCClientLike = await primary.nextClient();
  let atSecondary: RPCClientLike = await secondary.nextClient();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  await charger.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });

  // Same id, same stack level: 16 A from the primary, 10 A from the secondary → one profile at 10 A.
  assert.deepEqual(await atPrimary.call('SetChargingProfile', txDefault(16)), { status: 'Accepted' });
  assert.deepEqual(only(held), [[0, 16]], 'one upstream: its profile, under the proxy\'s id');
  assert.deepEqual(await atSecondary.call('SetChargingProfile', txDefault(10)), { status: 'Accepted' });
  assert.deepEqual(only(held), [[0, 10]]);
  const status = () => proxy.daemon.server.sessions.get('CM16')!.status().charging;
  assert.deepEqual(status()['1']!.TxDefaultProfile, { limit_now: 10, unit: 'A', from: 'secondary' });

  // The 10 A backend clears its own: the primary's 16 A is in force again.
  assert.deepEqual(await atSecondary.call('ClearChargingProfile', { id: 1 }), { status: 'Accepted' });
  await waitUntil(() => only(held)[0]![1] === 16, 'back to the primary\'s 16 A');
  assert.deepEqual(await atSecondary.call('ClearChargingProfile', { id: 1 }), { status: 'Unknown' }, 'nothing of its own left');

  // Time-varying: 16 A for an hour, then 32 A, against a flat 20 A → 16 A, then 20 A.
  assert.deepEqual(await atPrimary.call('SetChargingProfile', txDefault([[0, 16], [3600, 32]])), { status: 'Accepted' });
  assert.deepEqual(await atSecondary.call('SetChargingProfile', txDefault(20)), { status: 'Accepted' });
  const periods = only(held);
  assert.equal(periods[0]![1], 16);
  assert.equal(periods[1]![1], 20);
  assert.ok(Math.abs(periods[1]![0] - 3600) <= 2, `the change after an hour, at ${periods[1]![0]} s`);

  // Bad input: a period list not starting at 0, a negative limit → CallError, the charger untouched.
  const before = log.length;
  await assert.rejects(atSecondary.call('SetChargingProfile', txDefault([[10, 16]])), /charging profile refused: periods do not start at 0/);
  await assert.rejects(atSecondary.call('SetChargingProfile', txDefault(-1)), /charging profile refused: negative limit/);
  assert.equal(log.length, before, 'the charger saw none of them');
  // A connector the charger does not have; a TxProfile with no transaction running.
  assert.deepEqual(await atSecondary.call('SetChargingProfile', { ...txDefault(8), connectorId: 7 }), { status: 'Rejected' });
  const txProfile = txDefault(8, { chargingProfilePurpose: 'TxProfile', transactionId: 5 });
  assert.deepEqual(await atSecondary.call('SetChargingProfile', txProfile), { status: 'Rejected' });
  assert.equal(log.length, before, 'the charger saw none of them');

  // A restart: the profiles are kept; a ClearChargingProfile without arguments from one backend leaves the other's.
  await charger.close({ force: true });
  await proxy.close();
  proxy = await startProxy(iniFor(primary.url, secondary.url), { state });
  charger = charger16(proxy.port, 'CM16', held, log);
  await charger.connect();
  atPrimary = await primary.nextClient();
  atSecondary = await secondary.nextClient();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  await waitUntil(() => log.length > before, 'the merged profile sent again after the boot');
  assert.deepEqual(await atPrimary.call('ClearChargingProfile', {}), { status: 'Accepted' });
  await waitUntil(() => held.size === 1 && only(held).length === 1 && only(held)[0]![1] === 20, 'the secondary\'s 20 A alone');
  assert.deepEqual(await atSecondary.call('ClearChargingProfile', {}), { status: 'Accepted' });
  await waitUntil(() => held.size === 0, 'nothing of the proxy\'s left at the charger');
  assert.ok(proxy.entries.some((e) => e.from === 'proxy' && e.to === 'charger' && e.action === 'ClearChargingProfile' && e.tags.includes('injected')));
});

test('2.0.1: the lowest limit wins; GetChargingProfiles shows a backend its own profiles only', async () => {
  const reports: any[] = [];
  const toPrimary: any[] = [];
  const recordReports = (into: any[]) => (client: RPCClientLike) =>
    client.handle('ReportChargingProfiles', async ({ params }: { params?: any }) => {
      into.push(params);
      return {};
    });
  const primary = await startCsms({ protocols: ['ocpp2.0.1'], onClient: recordReports(toPrimary) });
  const secondary = await startCsms({ protocols: ['ocpp2.0.1'], onClient: recordReports(reports) });
  cleanups.push(() => primary.close(), () => secondary.close());
  const proxy = await startProxy(iniFor(primary.url, secondary.url));
  cleanups.push(() => proxy.close());
  const held = new Map<number, any>();
  const charger = strictCharger(proxy.port, 'CM201', ['ocpp2.0.1']);
  charger.handle('SetChargingProfile', async ({ params }: { params?: any }) => {
    held.set(params.chargingProfile.id, params.chargingProfile);
    return { status: 'Accepted' };
  });
  charger.handle('ClearChargingProfile', async ({ params }: { params?: any }) => ({ status: held.delete(params.chargingProfileId) ? 'Accepted' : 'Unknown' }));
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  const atPrimary = await primary.nextClient();
  const atSecondary = await secondary.nextClient();
  await charger.call('BootNotification', bootParams('ocpp2.0.1'));

  const profile = (limit: number) => ({
    evseId: 1,
    chargingProfile: {
      id: 1,
      stackLevel: 0,
      chargingProfilePurpose: 'TxDefaultProfile',
      chargingProfileKind: 'Absolute',
      chargingSchedule: [{ id: 1, startSchedule: new Date(Date.now() - 1000).toISOString(), chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit }] }],
    },
  });
  assert.deepEqual(await atPrimary.call('SetChargingProfile', profile(16)), { status: 'Accepted' });
  assert.deepEqual(await atSecondary.call('SetChargingProfile', profile(10)), { status: 'Accepted' });
  assert.equal(held.size, 1, 'one profile at the charger (K01.FR.06: no two of one purpose and stack level)');
  const [atCharger] = [...held.values()];
  assert.equal(atCharger.chargingSchedule[0].chargingSchedulePeriod[0].limit, 10);

  assert.deepEqual(await atPrimary.call('GetChargingProfiles', { requestId: 5, chargingProfile: { chargingProfilePurpose: 'TxDefaultProfile' } }), { status: 'Accepted' });
  await waitUntil(() => toPrimary.length === 1, 'the report at the primary (schema-valid: its strict peer took it)');
  const report = proxy.entries.find((e) => e.to === 'primary' && e.action === 'ReportChargingProfiles' && e.type === 'CALL')!;
  assert.ok(report.tags.includes('injected'));
  const reported = JSON.parse(report.raw)[3];
  assert.deepEqual([reported.requestId, reported.evseId, reported.chargingProfile.map((p: any) => p.chargingSchedule[0].chargingSchedulePeriod[0].limit)], [5, 1, [16]], 'its own 16 A');
  assert.deepEqual(await atSecondary.call('GetChargingProfiles', { requestId: 6, chargingProfile: { chargingProfilePurpose: 'TxProfile' } }), { status: 'NoProfiles' });

  assert.deepEqual(await atSecondary.call('ClearChargingProfile', {}), { status: 'Accepted' });
  await waitUntil(() => [...held.values()][0]?.chargingSchedule[0].chargingSchedulePeriod[0].limit === 16, 'the primary\'s 16 A again');
  assert.equal(reports.length, 0, 'the secondary never got the primary\'s report');
});

test('1.6: a RemoteStartTransaction profile reaches the charger only through the merge, for the transaction that starts', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const secondary = await startCsms({ protocols: ['ocpp1.6'] });
  cleanups.push(() => primary.close(), () => secondary.close());
  const proxy = await startProxy(iniFor(primary.url, secondary.url));
  cleanups.push(() => proxy.close());
  const held: Profiles = new Map();
  const log: string[] = [];
  const charger = charger16(proxy.port, 'CMRS', held, log);
  const remoteStarts: any[] = [];
  charger.handle('RemoteStartTransaction', async ({ params }: { params?: any }) => {
    remoteStarts.push(params);
    return { status: 'Accepted' };
  });
  await charger.connect();
  await primary.nextClient();
  const atSecondary = await secondary.nextClient();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  await charger.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
  const txProfile = { chargingProfileId: 3, stackLevel: 0, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }] } };
  assert.deepEqual(await atSecondary.call('RemoteStartTransaction', { connectorId: 1, idTag: 'TAG1', chargingProfile: txProfile }), { status: 'Accepted' });
  assert.deepEqual(remoteStarts, [{ connectorId: 1, idTag: 'TAG1' }], 'forwarded without the profile');
  const { transactionId } = (await charger.call('StartTransaction', { connectorId: 1, idTag: 'TAG1', meterStart: 0, timestamp: new Date().toISOString() })) as { transactionId: number };
  await waitUntil(() => held.size === 1, 'the TxProfile for the transaction');
  const { profile } = [...held.values()][0]!;
  assert.deepEqual([profile.chargingProfilePurpose, profile.transactionId, profile.chargingSchedule.chargingSchedulePeriod[0].limit], ['TxProfile', transactionId, 6]);
  assert.ok(profile.chargingProfileId >= 900000);
});

test('1.6, the README\'s example: billing 16 A, EVCC 10 A, Home Assistant a 13 A maximum; the charger\'s composite schedule is the minimum', async () => {
  const billing = await startCsms({ protocols: ['ocpp1.6'] });
  const evcc = await startCsms({ protocols: ['ocpp1.6'] });
  const ha = await startCsms({ protocols: ['ocpp1.6'] });
  cleanups.push(() => billing.close(), () => evcc.close(), () => ha.close());
  const proxy = await startProxy(`${iniFor(billing.url)}[upstream.evcc]\nurl = ${evcc.url}\nrole = secondary\n[upstream.ha]\nurl = ${ha.url}\nrole = secondary\n`);
  cleanups.push(() => proxy.close());
  const held: Profiles = new Map();
  const charger = charger16(proxy.port, 'CM3', held, []);
  // What a charger applies: the lowest first-period limit of the profiles for the connector and the whole charger.
  charger.handle('GetCompositeSchedule', async ({ params }: { params?: any }) => {
    const limits = [...held.values()].filter((h) => h.connector === 0 || h.connector === params.connectorId).map((h) => h.profile.chargingSchedule.chargingSchedulePeriod[0].limit);
    return { status: 'Accepted', connectorId: params.connectorId, chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: Math.min(...limits) }] } };
  });
  await charger.connect();
  const atBilling = await billing.nextClient();
  const atEvcc = await evcc.nextClient();
  const atHa = await ha.nextClient();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  await charger.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });

  assert.deepEqual(await atBilling.call('SetChargingProfile', txDefault(16)), { status: 'Accepted' });
  assert.deepEqual(await atEvcc.call('SetChargingProfile', txDefault(10)), { status: 'Accepted' });
  const max = { connectorId: 0, csChargingProfiles: { ...txDefault(13).csChargingProfiles, chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'ChargePointMaxProfile' } };
  assert.deepEqual(await atHa.call('SetChargingProfile', max), { status: 'Accepted' });
  const composite = async () => (await atBilling.call('GetCompositeSchedule', { connectorId: 1, duration: 3600 })).chargingSchedule.chargingSchedulePeriod[0].limit;
  assert.equal(await composite(), 10);
  const charging = () => proxy.daemon.server.sessions.get('CM3')!.status().charging;
  assert.deepEqual(charging()['1']!.TxDefaultProfile, { limit_now: 10, unit: 'A', from: 'evcc' });
  assert.deepEqual(charging()['0']!.ChargePointMaxProfile, { limit_now: 13, unit: 'A', from: 'ha' });

  assert.deepEqual(await atEvcc.call('ClearChargingProfile', {}), { status: 'Accepted' });
  await waitUntil(() => charging()['1']?.TxDefaultProfile?.limit_now === 16, 'the billing backend\'s 16 A at the charger');
  assert.equal(await composite(), 13, 'Home Assistant\'s maximum is lower');
  assert.equal(held.size, 2, 'one profile per connector and purpose, none of the backends\' own');
});

test('1.6: a burst of 1,000 SetChargingProfile: the queue stays bounded, the charger gets the first and then only the latest merge', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const secondary = await startRawCsms(['ocpp1.6']);
  cleanups.push(() => primary.close(), () => secondary.close());
  const proxy = await startProxy(iniFor(primary.url, secondary.url));
  cleanups.push(() => proxy.close());
  const limits: number[] = [];
  let release: () => void = () => undefined;
  const charger = strictCharger(proxy.port, 'CMB', ['ocpp1.6']);
  charger.handle('SetChargingProfile', async ({ params }: { params?: any }) => {
    limits.push(params.csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit);
    // The burst's first profile is held until every refusal is out: everything else waits in the queue meanwhile.
    if (limits.length === 2) await new Promise<void>((resolve) => (release = resolve));
    return { status: 'Accepted' };
  });
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  const atPrimary = await primary.nextClient();
  const s = await secondary.nextSocket();
  s.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame[0] === 2) s.send(JSON.stringify([3, frame[1], frame[2] === 'BootNotification' ? { status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 } : {}]));
  });
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  assert.deepEqual(await atPrimary.call('SetChargingProfile', txDefault(16)), { status: 'Accepted' });
  assert.deepEqual(limits, [16]);

  const answers = new Map<string, any[]>();
  s.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame[0] !== 2) answers.set(frame[1], frame);
  });
  const limitOf = (i: number) => 6 + (i % 9);
  for (let i = 0; i < 1000; i++) s.send(JSON.stringify([2, `b${i}`, 'SetChargingProfile', txDefault(limitOf(i))]));
  const queueLimit = proxy.daemon.server.sessions.get('CMB')!.context.config.queueLimit;
  await waitUntil(() => answers.size === 1000 - queueLimit - 1, 'every Call beyond the queue refused at once');
  assert.ok([...answers.values()].every((a) => a[0] === 4 && a[3] === 'proxy queue full'));
  release();
  await waitUntil(() => answers.size === 1000, 'every Call answered');
  const accepted = [...answers.values()].filter((a) => a[0] === 3 && a[2].status === 'Accepted').map((a) => Number(String(a[1]).slice(1)));
  assert.equal(accepted.length, queueLimit + 1);
  const last = Math.max(...accepted);
  assert.deepEqual(limits, [16, limitOf(0), Math.min(16, limitOf(last))], 'the first, then the latest merge; the 49 between answered by the proxy');
  assert.equal(proxy.daemon.server.sessions.get('CMB')!.queuedCalls, 0);
});

test('odd shapes from an upstream: a clear whose id is no integer, a profile without an integer id or a known purpose, a report for other sources', () => {
  const keeper = new ChargingProfiles('CP', 'ocpp2.0.1', ['primary', 'ha'], null, { volts: 230, phases: 3, say: () => undefined });
  const stage = new ChargingProfilesStage(keeper, 'ha', 'ocpp2.0.1', () => new Set([1]));
  const call = (action: string, payload: object): StageFrame => {
    const text = JSON.stringify([2, 'x1', action, payload]);
    return { type: 'CALL', id: 'x1', action, payload: JSON.parse(text)[3], text };
  };
  const profile = (extra: object) => ({
    evseId: 1,
    chargingProfile: { id: 4, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', chargingSchedule: [{ id: 1, startSchedule: new Date().toISOString(), chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 10 }] }], ...extra },
  });
  assert.equal(stage.fromUpstream(call('SetChargingProfile', profile({ id: 'x' }))).kind, 'error');
  assert.equal(stage.fromUpstream(call('SetChargingProfile', profile({ chargingProfilePurpose: { a: 1 } }))).kind, 'error');
  assert.equal(stage.fromUpstream(call('SetChargingProfile', profile({ chargingSchedule: 'none' }))).kind, 'error', 'no periods');
  assert.equal(stage.fromUpstream(call('SetChargingProfile', profile({}))).kind, 'replace', 'a good one joins the merge');
  assert.deepEqual(stage.fromUpstream(call('ClearChargingProfile', { chargingProfileId: 'x' })).kind, 'error', 'not "clear everything of mine"');
  assert.deepEqual((stage.fromUpstream(call('GetChargingProfiles', { requestId: 1, chargingProfile: { chargingLimitSource: ['EMS'] } })) as { payload: object }).payload, { status: 'NoProfiles' });
  assert.equal(keeper.own('ha', {}).length, 1);
});
