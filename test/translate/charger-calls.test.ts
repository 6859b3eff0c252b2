// A 2.0.1 charger's Calls for a 1.6 upstream, and its answers back, each checked against the
// official schemas of both versions (ocpp-rpc's strict validators): every input a valid 2.0.1
// Call, every output a valid 1.6 one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createValidator } from 'ocpp-rpc';
import { ChargerCallsTo16, answerTo201, type Call16, type ChargerCall16 } from '../../src/translate/charger-calls.ts';
import type { Payload } from '../../src/ocpp/frame.ts';

const require = createRequire(import.meta.url);
const v16 = createValidator('ocpp1.6', require('ocpp-rpc/lib/schemas/ocpp1_6.json'));
const v201 = createValidator('ocpp2.0.1', require('ocpp-rpc/lib/schemas/ocpp2_0_1.json'));
const T = '2026-12-02T10:00:00.000Z';

/** Translates a valid 2.0.1 Call; every 1.6 Call that comes out must be valid too. */
function through(translator: ChargerCallsTo16, action: string, payload: Payload): ChargerCall16 {
  v201.validate(`urn:${action}.req`, payload);
  const out = translator.translate(action, payload);
  if ('calls' in out) for (const call of out.calls) v16.validate(`urn:${call.action}.req`, translator.fill(call)?.payload ?? { ...call.payload, transactionId: 1 });
  return out;
}

const calls = (out: ChargerCall16): Call16[] => {
  assert.ok('calls' in out, `dropped: ${'dropped' in out ? out.dropped : ''}`);
  return out.calls;
};
const kwh = (value: number, context?: string, measurand = 'Energy.Active.Import.Register') => ({
  timestamp: T,
  sampledValue: [{ value, measurand, unitOfMeasure: { unit: 'kWh' }, ...(context === undefined ? {} : { context }) }],
});
const event = (eventType: string, seqNo: number, extra: Payload = {}, info: Payload = {}) => ({
  eventType,
  timestamp: T,
  triggerReason: 'Authorized',
  seqNo,
  transactionInfo: { transactionId: 'TX-1', ...info },
  ...extra,
});

test('boot, heartbeat, authorize, status, data transfer: fields mapped, lengths kept to 1.6', () => {
  const t = new ChargerCallsTo16();
  assert.deepEqual(calls(through(t, 'BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'A vendor with a long name', model: 'Box', serialNumber: 'S1', firmwareVersion: '1.2', modem: { iccid: '8949', imsi: '2620' } } })), [
    { action: 'BootNotification', payload: { chargePointVendor: 'A vendor with a long', chargePointModel: 'Box', chargePointSerialNumber: 'S1', firmwareVersion: '1.2', iccid: '8949', imsi: '2620' } },
  ]);
  assert.match((t.translate('BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'A vendor with a long name', model: 'Box' } }) as { note: string }).note, /vendorName cut to 1\.6's 20 characters/);
  assert.deepEqual(calls(through(t, 'Heartbeat', {})), [{ action: 'Heartbeat', payload: {} }]);
  assert.deepEqual(calls(through(t, 'Authorize', { idToken: { idToken: 'CARD1', type: 'ISO14443' } })), [{ action: 'Authorize', payload: { idTag: 'CARD1' } }]);
  assert.match((through(t, 'Authorize', { idToken: { idToken: 'X'.repeat(21), type: 'ISO14443' } }) as { dropped: string }).dropped, /21 characters is longer than 1\.6's 20; map it with \[upstream\.NAME\] idtag_map/);
  assert.deepEqual(calls(through(t, 'StatusNotification', { timestamp: T, connectorStatus: 'Faulted', evseId: 1, connectorId: 1 })), [
    { action: 'StatusNotification', payload: { connectorId: 1, errorCode: 'OtherError', status: 'Faulted', timestamp: T } },
  ]);
  assert.deepEqual(calls(through(t, 'StatusNotification', { timestamp: T, connectorStatus: 'Occupied', evseId: 1, connectorId: 1 }))[0]!.payload.status, 'Preparing', 'Occupied without a transaction');
  assert.deepEqual(calls(through(t, 'DataTransfer', { vendorId: 'com.example', messageId: 'm', data: { a: 1 } })), [{ action: 'DataTransfer', payload: { vendorId: 'com.example', messageId: 'm', data: '{"a":1}' } }]);
  assert.deepEqual(through(t, 'NotifyReport', { requestId: 1, generatedAt: T, seqNo: 0 }), { dropped: 'NotifyReport has no 1.6 counterpart' });
});

test('a whole transaction: Start with meterStart in Wh, MeterValues with the upstream\'s id, status from chargingState, Stop with reason', () => {
  const t = new ChargerCallsTo16();
  through(t, 'StatusNotification', { timestamp: T, connectorStatus: 'Occupied', evseId: 1, connectorId: 1 });
  const started = calls(through(t, 'TransactionEvent', event('Started', 0, { evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'CARD1', type: 'ISO14443' }, meterValue: [kwh(1.5, 'Transaction.Begin')] }, { chargingState: 'Charging' })));
  assert.deepEqual(started, [
    { action: 'StartTransaction', payload: { connectorId: 1, idTag: 'CARD1', meterStart: 1500, timestamp: T } },
    { action: 'StatusNotification', payload: { connectorId: 1, errorCode: 'NoError', status: 'Charging', timestamp: T } },
  ]);
  // Until the upstream answered the Start, what needs its id waits.
  const updated = through(t, 'TransactionEvent', event('Updated', 1, { meterValue: [{ timestamp: T, sampledValue: [{ value: 2.25, unitOfMeasure: { unit: 'kWh' } }, { value: 7.4, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W', multiplier: 3 } }, { value: 1, measurand: 'Energy.Apparent.Net' }] }] }));
  const meter = calls(updated)[0]!;
  assert.equal(t.fill(meter), null, 'no id yet');
  assert.match((updated as { note: string }).note, /left out for 1\.6: Energy\.Apparent\.Net \(no 1\.6 measurand\)/);
  t.started('TX-1', 77);
  assert.deepEqual(t.fill(meter), {
    action: 'MeterValues',
    payload: {
      connectorId: 1,
      meterValue: [{ timestamp: T, sampledValue: [{ value: '2.25', format: 'Raw', measurand: 'Energy.Active.Import.Register', unit: 'kWh' }, { value: '7400', format: 'Raw', measurand: 'Power.Active.Import', unit: 'W' }] }],
      transactionId: 77,
    },
  });
  assert.equal(t.chargerTxFor(77), 'TX-1');
  // A change of chargingState alone: a new 1.6 StatusNotification.
  assert.deepEqual(calls(through(t, 'TransactionEvent', event('Updated', 2, {}, { chargingState: 'SuspendedEV' }))).map((c) => [c.action, c.payload.status]), [['StatusNotification', 'SuspendedEV']]);
  assert.deepEqual(calls(through(t, 'TransactionEvent', event('Updated', 3, {}, { chargingState: 'SuspendedEV' }))), [], 'nothing new');
  const ended = calls(through(t, 'TransactionEvent', event('Ended', 4, { meterValue: [kwh(9.875, 'Transaction.End')] }, { stoppedReason: 'StoppedByEV' })));
  assert.deepEqual(t.fill(ended[0]!), { action: 'StopTransaction', payload: { meterStop: 9875, timestamp: T, reason: 'Other', idTag: 'CARD1', transactionId: 77 } });
  assert.deepEqual(ended[1], { action: 'StatusNotification', payload: { connectorId: 1, errorCode: 'NoError', status: 'Finishing', timestamp: T } });
});

test('a transaction without an idToken yet starts for 1.6 when one comes; one 1.6 cannot carry is not reported', () => {
  const t = new ChargerCallsTo16();
  assert.deepEqual(calls(through(t, 'TransactionEvent', event('Started', 0, { evse: { id: 2, connectorId: 1 }, meterValue: [kwh(3)] }))), []);
  const authorized = calls(through(t, 'TransactionEvent', event('Updated', 1, { idToken: { idToken: 'LATE', type: 'ISO14443' } })));
  assert.deepEqual(authorized, [{ action: 'StartTransaction', payload: { connectorId: 2, idTag: 'LATE', meterStart: 3000, timestamp: T } }]);

  const long = new ChargerCallsTo16();
  const start = event('Started', 0, { evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'E'.repeat(30), type: 'eMAID' } });
  assert.match((through(long, 'TransactionEvent', start) as { dropped: string }).dropped, /30 characters is longer than 1\.6's 20/);
  assert.match((through(long, 'TransactionEvent', event('Ended', 1, {}, { stoppedReason: 'Local' })) as { dropped: string }).dropped, /not reported to this 1\.6 upstream/);
  // Bad input: no throw, a reason.
  assert.ok('dropped' in long.translate('TransactionEvent', { eventType: 'Started' }));
  assert.ok('dropped' in long.translate('StatusNotification', { evseId: 'x' }));
  assert.ok('dropped' in long.translate('MeterValues', { evseId: 1, meterValue: 'no' }));
});

test('a 1.6 upstream\'s answers as the 2.0.1 charger expects them', () => {
  const cases: Array<[string, string, Payload, Payload]> = [
    ['BootNotification', 'BootNotification', { status: 'Accepted', currentTime: T, interval: 300 }, { status: 'Accepted', currentTime: T, interval: 300 }],
    ['Heartbeat', 'Heartbeat', { currentTime: T }, { currentTime: T }],
    ['Authorize', 'Authorize', { idTagInfo: { status: 'ConcurrentTx', expiryDate: T } }, { idTokenInfo: { status: 'ConcurrentTx', cacheExpiryDateTime: T } }],
    ['TransactionEvent', 'StartTransaction', { transactionId: 5, idTagInfo: { status: 'Blocked' } }, { idTokenInfo: { status: 'Blocked' } }],
    ['TransactionEvent', 'MeterValues', {}, {}],
    ['StatusNotification', 'StatusNotification', {}, {}],
    ['DataTransfer', 'DataTransfer', { status: 'Accepted', data: 'x' }, { status: 'Accepted', data: 'x' }],
  ];
  for (const [action201, action16, answer16, expected] of cases) {
    v16.validate(`urn:${action16}.conf`, answer16);
    const out = answerTo201(action201, answer16);
    v201.validate(`urn:${action201}.conf`, out);
    assert.deepEqual(out, expected, action201);
  }
});
