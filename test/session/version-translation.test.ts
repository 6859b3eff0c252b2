// A 2.0.1 charger, a 2.0.1 primary and a 1.6 secondary (EVCC-like), all strict ocpp-rpc peers
// that check every frame they receive against their version's schemas: the secondary sees the
// charger in 1.6, and its commands reach the charger in 2.0.1.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { bootParams, cleanupAfter, iniFor, NO_VIEWS, startCsms, startProxy, strictCharger, tempDir, waitUntil, type RPCClientLike } from '../helpers/peers.ts';

const cleanups = cleanupAfter();
const now = () => new Date().toISOString();

/** Per action: how the Call is recorded, and the answer. */
type Recorded = Record<string, [label: (params: any) => string, answer: (params: any) => object]>;

/** A strict CSMS of `protocol` that answers these actions and records each Call in `seen`. */
async function recordingCsms(protocol: string, actions: Recorded, seen: string[] = []) {
  const csms = await startCsms({
    protocols: [protocol],
    onClient: (client: RPCClientLike) => {
      for (const [action, [label, answer]] of Object.entries(actions)) {
        client.handle(action, async ({ params }) => {
          seen.push(label(params));
          return answer(params);
        });
      }
    },
  });
  cleanups.push(() => csms.close());
  return csms;
}

/** A strict 2.0.1 charger that answers these upstream Calls, connected to the proxy. */
async function chargerAt(port: number, id: string, handlers: Record<string, (params: any) => object> = {}) {
  const charger = strictCharger(port, id, ['ocpp2.0.1']);
  for (const [action, handle] of Object.entries(handlers)) charger.handle(action, async ({ params }: { params?: any }) => handle(params));
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  return charger;
}

test('2.0.1 charger, 1.6 secondary: boot, status, authorize and a whole transaction in 1.6; its remote start and stop in 2.0.1', async () => {
  const primary = await startCsms({ protocols: ['ocpp2.0.1'] });
  cleanups.push(() => primary.close());
  const seen: string[] = [];
  let evccTx = 0;
  const evcc = await recordingCsms('ocpp1.6', {
    BootNotification: [(p) => `Boot ${p.chargePointVendor}`, () => ({ status: 'Accepted', currentTime: now(), interval: 300 })],
    StatusNotification: [(p) => `Status ${p.connectorId} ${p.status}`, () => ({})],
    Authorize: [(p) => `Authorize ${p.idTag}`, () => ({ idTagInfo: { status: 'Accepted' } })],
    StartTransaction: [(p) => `Start ${p.connectorId} ${p.idTag} ${p.meterStart}`, () => ({ transactionId: (evccTx = 4711), idTagInfo: { status: 'Accepted' } })],
    MeterValues: [(p) => `MeterValues ${p.transactionId} ${p.meterValue[0].sampledValue[0].value}`, () => ({})],
    StopTransaction: [(p) => `Stop ${p.transactionId} ${p.meterStop} ${p.reason}`, () => ({})],
  }, seen);
  const proxy = await startProxy(`${iniFor(primary.url, undefined, NO_VIEWS)}[upstream.evcc]\nurl = ${evcc.url}\nprotocol = ocpp1.6\n`);
  cleanups.push(() => proxy.close());

  const requests: string[] = [];
  const charger = await chargerAt(proxy.port, 'TR1', {
    RequestStartTransaction: (params) => {
      requests.push(`RequestStart ${params.idToken.idToken} evse ${params.evseId}`);
      return { status: 'Accepted' };
    },
    RequestStopTransaction: (params) => {
      requests.push(`RequestStop ${params.transactionId}`);
      return { status: 'Accepted' };
    },
  });
  await primary.nextClient();
  const atEvcc = await evcc.nextClient();

  await charger.call('BootNotification', bootParams('ocpp2.0.1'));
  await charger.call('StatusNotification', { timestamp: now(), connectorStatus: 'Available', evseId: 1, connectorId: 1 });
  await charger.call('Authorize', { idToken: { idToken: 'CARD1', type: 'ISO14443' } });
  await charger.call('StatusNotification', { timestamp: now(), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 });
  const energy = (kwh: number, context: string) => [{ timestamp: now(), sampledValue: [{ value: kwh, context, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'kWh' } }] }];
  const event = (eventType: string, seqNo: number, extra: object) => ({ eventType, timestamp: now(), triggerReason: 'Authorized', seqNo, ...extra });
  await charger.call('TransactionEvent', event('Started', 0, { transactionInfo: { transactionId: 'TX-A', chargingState: 'Charging' }, evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'CARD1', type: 'ISO14443' }, meterValue: energy(1.25, 'Transaction.Begin') }));
  await charger.call('TransactionEvent', event('Updated', 1, { transactionInfo: { transactionId: 'TX-A' }, meterValue: energy(2.5, 'Sample.Periodic') }));
  await waitUntil(() => seen.some((s) => s.startsWith('MeterValues')), 'the MeterValues at the 1.6 secondary');

  // The 1.6 side steers the 2.0.1 charger.
  assert.deepEqual(await atEvcc.call('RemoteStartTransaction', { connectorId: 1, idTag: 'CARD2' }), { status: 'Accepted' });
  assert.deepEqual(await atEvcc.call('RemoteStopTransaction', { transactionId: evccTx }), { status: 'Accepted' });
  assert.deepEqual(requests, ['RequestStart CARD2 evse 1', 'RequestStop TX-A']);

  await charger.call('TransactionEvent', event('Ended', 2, { transactionInfo: { transactionId: 'TX-A', stoppedReason: 'Remote' }, meterValue: energy(3.75, 'Transaction.End') }));
  await waitUntil(() => seen.length === 9, 'the StopTransaction and the Finishing status at the 1.6 secondary');
  assert.deepEqual(seen, [
    'Boot TestVendor',
    'Status 1 Available',
    'Authorize CARD1',
    'Status 1 Preparing',
    'Start 1 CARD1 1250',
    'Status 1 Charging',
    'MeterValues 4711 2.5',
    'Stop 4711 3750 Remote',
    'Status 1 Finishing',
  ]);

  // The message log has both sides: what the proxy had (2.0.1) and what went on the wire (1.6).
  const stop = proxy.entries.filter((e) => e.tags.includes('translated') && e.to === 'evcc' && e.action === 'StopTransaction');
  assert.equal(stop.length, 1);
  assert.equal(JSON.parse(stop[0]!.raw)[3].transactionId, 4711);
  assert.ok(proxy.entries.some((e) => e.from === 'charger' && e.to === 'proxy' && e.action === 'TransactionEvent' && e.tags.includes('translated')));
  assert.ok(proxy.entries.some((e) => e.from === 'evcc' && e.to === 'charger' && e.action === 'RequestStartTransaction'));
});

test('the 1.6 transaction id outlives a reconnect of the charger and a restart of the proxy', async () => {
  const primary = await startCsms({ protocols: ['ocpp2.0.1'] });
  cleanups.push(() => primary.close());
  const seen: string[] = [];
  const evcc = await recordingCsms('ocpp1.6', {
    StartTransaction: [(p) => `Start ${p.idTag}`, () => ({ transactionId: 99, idTagInfo: { status: 'Accepted' } })],
    MeterValues: [(p) => `MeterValues ${p.transactionId}`, () => ({})],
    StopTransaction: [(p) => `Stop ${p.transactionId} ${p.meterStop}`, () => ({})],
  }, seen);
  const state = join(tempDir(), 'state.db');
  const ini = `${iniFor(primary.url, undefined, NO_VIEWS)}[upstream.evcc]\nurl = ${evcc.url}\nprotocol = ocpp1.6\n`;
  let proxy = await startProxy(ini, { state });
  cleanups.push(() => proxy.close());
  const connect = () => chargerAt(proxy.port, 'TR2');
  const energy = (wh: number) => [{ timestamp: now(), sampledValue: [{ value: wh, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }] }];
  const event = (eventType: string, seqNo: number, extra: object = {}) => ({ eventType, timestamp: now(), triggerReason: 'Authorized', seqNo, transactionInfo: { transactionId: 'TX-B' }, ...extra });

  let cp = await connect();
  await cp.call('BootNotification', bootParams('ocpp2.0.1'));
  await cp.call('TransactionEvent', event('Started', 0, { evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'CARD1', type: 'ISO14443' }, meterValue: energy(100) }));
  await waitUntil(() => seen.includes('Start CARD1'), 'the start at the 1.6 secondary');
  await waitUntil(() => proxy.entries.some((e) => e.from === 'evcc' && e.tags.includes('translated') && e.type === 'CALLRESULT' && e.action === 'StartTransaction'), 'its answer at the proxy');

  // The charger reconnects (no boot): the next meter values carry the 1.6 id.
  await cp.close({ force: true });
  cp = await connect();
  await cp.call('TransactionEvent', event('Updated', 1, { meterValue: energy(500) }));
  await waitUntil(() => seen.includes('MeterValues 99'), 'the meter values with the 1.6 id after a reconnect');

  // The proxy restarts: the Stop still carries it.
  await cp.close({ force: true });
  await proxy.close();
  proxy = await startProxy(ini, { state });
  cleanups.push(() => proxy.close());
  cp = await connect();
  await cp.call('TransactionEvent', event('Ended', 2, { meterValue: energy(900) }));
  await waitUntil(() => seen.some((s) => s.startsWith('Stop')), 'the stop at the 1.6 secondary');
  assert.deepEqual(seen, ['Start CARD1', 'MeterValues 99', 'Stop 99 900']);
});

test('a 1.6 secondary\'s configuration and charging limit join the 2.0.1 charger\'s views and profile merge', async () => {
  const primary = await startCsms({ protocols: ['ocpp2.0.1'] });
  const evcc = await startCsms({ protocols: ['ocpp1.6'] });
  cleanups.push(() => primary.close(), () => evcc.close());
  const proxy = await startProxy(`${iniFor(primary.url)}[upstream.evcc]\nurl = ${evcc.url}\nprotocol = ocpp1.6\n`);
  cleanups.push(() => proxy.close());
  const variables = new Map<string, string>([['SampledDataCtrlr.TxUpdatedInterval', '60'], ['SampledDataCtrlr.TxUpdatedMeasurands', 'Energy.Active.Import.Register']]);
  const profiles: any[] = [];
  const charger = await chargerAt(proxy.port, 'TR3', {
    GetVariables: (params) => ({
      getVariableResult: params.getVariableData.map((d: any) => {
        const value = variables.get(`${d.component.name}.${d.variable.name}`);
        return value === undefined ? { attributeStatus: 'UnknownVariable', component: d.component, variable: d.variable } : { attributeStatus: 'Accepted', attributeValue: value, component: d.component, variable: d.variable };
      }),
    }),
    SetVariables: (params) => ({
      setVariableResult: params.setVariableData.map((d: any) => {
        variables.set(`${d.component.name}.${d.variable.name}`, d.attributeValue);
        return { attributeStatus: 'Accepted', component: d.component, variable: d.variable };
      }),
    }),
    SetChargingProfile: (params) => {
      profiles.push(params);
      return { status: 'Accepted' };
    },
    ClearChargingProfile: () => ({ status: 'Unknown' }),
  });
  await primary.nextClient();
  const atEvcc = await evcc.nextClient();
  await charger.call('BootNotification', bootParams('ocpp2.0.1'));
  await charger.call('StatusNotification', { timestamp: now(), connectorStatus: 'Available', evseId: 1, connectorId: 1 });

  // Its MeterValueSampleInterval is its view of SampledDataCtrlr.TxUpdatedInterval: the charger samples at the shortest.
  assert.deepEqual(await atEvcc.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '10' }), { status: 'Accepted' });
  await waitUntil(() => variables.get('SampledDataCtrlr.TxUpdatedInterval') === '10', 'the shortest interval at the charger');
  const read = (await atEvcc.call('GetConfiguration', { key: ['MeterValueSampleInterval', 'NoSuchKey'] })) as any;
  assert.deepEqual(read.configurationKey.map((k: any) => [k.key, k.value]), [['MeterValueSampleInterval', '10']]);
  assert.deepEqual(read.unknownKey, ['NoSuchKey']);

  // Its TxDefaultProfile in amps joins the merge: the charger gets the proxy's profile.
  const limit = { chargingProfileId: 7, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', chargingSchedule: { startSchedule: now(), chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 10 }] } };
  assert.deepEqual(await atEvcc.call('SetChargingProfile', { connectorId: 1, csChargingProfiles: limit }), { status: 'Accepted' });
  await waitUntil(() => profiles.length > 0, 'the merged profile at the charger');
  assert.equal(profiles.at(-1).chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit, 10);
  assert.notEqual(profiles.at(-1).chargingProfile.id, 7, 'under the proxy\'s own id');
});

test('what 1.6 cannot carry: dropped for that upstream alone and said; its Calls for a connector that does not exist are answered by the proxy', async () => {
  const primary = await recordingCsms('ocpp2.0.1', { NotifyEvent: [() => 'NotifyEvent', () => ({})] });
  const seen: string[] = [];
  const evcc = await recordingCsms('ocpp1.6', {
    Authorize: [(p) => `Authorize ${p.idTag}`, () => ({ idTagInfo: { status: 'Accepted' } })],
    Heartbeat: [() => 'Heartbeat', () => ({ currentTime: now() })],
  }, seen);
  const proxy = await startProxy(`${iniFor(primary.url, undefined, NO_VIEWS)}[upstream.evcc]\nurl = ${evcc.url}\nprotocol = ocpp1.6\nidtag_map = DE-ABC-C1234567890123456-X:EMAID1\n`);
  cleanups.push(() => proxy.close());
  const unlocks: unknown[] = [];
  const charger = await chargerAt(proxy.port, 'TR4', {
    UnlockConnector: (params) => {
      unlocks.push(params);
      return { status: 'Unlocked' };
    },
  });
  await primary.nextClient();
  const atEvcc = await evcc.nextClient();
  await charger.call('BootNotification', bootParams('ocpp2.0.1'));
  await charger.call('StatusNotification', { timestamp: now(), connectorStatus: 'Available', evseId: 1, connectorId: 1 });

  // No 1.6 counterpart: the primary gets it, the 1.6 side does not, the log says dropped.
  await charger.call('NotifyEvent', { generatedAt: now(), seqNo: 0, eventData: [{ eventId: 1, timestamp: now(), trigger: 'Alerting', actualValue: 'x', eventNotificationType: 'HardWiredNotification', component: { name: 'C' }, variable: { name: 'V' } }] });
  // An idToken longer than 1.6 allows: not cut, not sent, said (one in idtag_map goes under its mapped token).
  await charger.call('Authorize', { idToken: { idToken: 'DE-ABC-C12345678-9', type: 'eMAID' } });
  await charger.call('Authorize', { idToken: { idToken: 'DE-ABC-C1234567890123456-X', type: 'eMAID' } });
  await charger.call('Authorize', { idToken: { idToken: 'A'.repeat(30), type: 'eMAID' } });
  await charger.call('Heartbeat', {});
  await waitUntil(() => seen.includes('Heartbeat'), 'the heartbeat at the 1.6 side');
  assert.deepEqual(seen, ['Authorize DE-ABC-C12345678-9', 'Authorize EMAID1', 'Heartbeat']);
  assert.ok(proxy.entries.some((e) => e.action === 'NotifyEvent' && e.to === 'primary'));
  assert.ok(proxy.entries.some((e) => e.action === 'NotifyEvent' && e.from === 'charger' && e.to === 'proxy' && e.tags.includes('dropped')));
  assert.ok(proxy.console.some((l) => l.includes('not for evcc: NotifyEvent has no 1.6 counterpart')));
  assert.ok(proxy.console.some((l) => l.includes("not for evcc: idToken of 30 characters is longer than 1.6's 20; map it with [upstream.NAME] idtag_map")));

  // Its Calls: a connector the charger does not have is answered by the proxy; one it has reaches the charger in 2.0.1.
  assert.deepEqual(await atEvcc.call('UnlockConnector', { connectorId: 5 }), { status: 'NotSupported' });
  assert.deepEqual(await atEvcc.call('UnlockConnector', { connectorId: 1 }), { status: 'Unlocked' });
  assert.deepEqual(unlocks, [{ evseId: 1, connectorId: 1 }]);
  await assert.rejects(atEvcc.call('UpdateFirmware', { location: 'http://x', retrieveDate: now() }), { rpcErrorCode: 'NotSupported' });
  assert.ok(proxy.entries.some((e) => e.from === 'proxy' && e.to === 'evcc' && e.type === 'CALLERROR' && e.action === 'UpdateFirmware' && e.tags.includes('blocked')));
  assert.equal(charger.state, 1, 'the charger stays connected throughout');
});

test('a 1.6 primary (primary_protocol) for a 2.0.1 charger: its answers reach the charger in 2.0.1, and what it cannot take is answered honestly', async () => {
  const seen: string[] = [];
  const primary = await recordingCsms('ocpp1.6', {
    BootNotification: [(p) => `Boot ${p.chargePointModel}`, () => ({ status: 'Accepted', currentTime: now(), interval: 120 })],
    Authorize: [(p) => `Authorize ${p.idTag}`, () => ({ idTagInfo: { status: 'Blocked' } })],
    StartTransaction: [(p) => `Start ${p.idTag}`, () => ({ transactionId: 12, idTagInfo: { status: 'Accepted' } })],
    MeterValues: [(p) => `MeterValues ${p.transactionId}`, () => ({})],
    StopTransaction: [(p) => `Stop ${p.transactionId}`, () => ({ idTagInfo: { status: 'Accepted' } })],
  }, seen);
  const proxy = await startProxy(`[ext-server]\nserver = ${primary.url}\nprimary_protocol = ocpp1.6\n`);
  cleanups.push(() => proxy.close());
  const charger = await chargerAt(proxy.port, 'TR5');
  assert.equal(charger.protocol, 'ocpp2.0.1', 'the charger keeps its version');
  // Every answer is checked against the 2.0.1 schemas by the strict charger.
  const boot = (await charger.call('BootNotification', bootParams('ocpp2.0.1'))) as { status: string; interval: number };
  assert.deepEqual([boot.status, boot.interval], ['Accepted', 120]);
  assert.deepEqual(await charger.call('Authorize', { idToken: { idToken: 'CARD9', type: 'ISO14443' } }), { idTokenInfo: { status: 'Blocked' } });
  const energy = (wh: number) => [{ timestamp: now(), sampledValue: [{ value: wh, unitOfMeasure: { unit: 'Wh' } }] }];
  const event = (eventType: string, seqNo: number, extra: object = {}) => ({ eventType, timestamp: now(), triggerReason: 'Authorized', seqNo, transactionInfo: { transactionId: 'TX-P' }, ...extra });
  assert.deepEqual(await charger.call('TransactionEvent', event('Started', 0, { evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'CARD1', type: 'ISO14443' }, meterValue: energy(10) })), { idTokenInfo: { status: 'Accepted' } });
  assert.deepEqual(await charger.call('TransactionEvent', event('Updated', 1, { meterValue: energy(20) })), {});
  assert.deepEqual(await charger.call('TransactionEvent', event('Ended', 2, { meterValue: energy(30) })), { idTokenInfo: { status: 'Accepted' } });
  // No 1.6 counterpart: an empty answer where 2.0.1 allows one, else NotImplemented; never made-up content.
  assert.deepEqual(await charger.call('NotifyReport', { requestId: 1, generatedAt: now(), seqNo: 0 }), {});
  await assert.rejects(charger.call('SignCertificate', { csr: 'x' }), { rpcErrorCode: 'NotImplemented' });
  const model = (bootParams('ocpp2.0.1') as { chargingStation: { model: string } }).chargingStation.model;
  assert.deepEqual(seen, [`Boot ${model}`, 'Authorize CARD9', 'Start CARD1', 'MeterValues 12', 'Stop 12']);
});
