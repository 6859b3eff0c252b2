// 1.6 upstream Calls → 2.0.1 Calls and back: every 1.6 Call fed in passes the 1.6 request schema,
// every translated request the official 2.0.1 one, every charger answer the 2.0.1 response schema
// and every 1.6 answer the 1.6 response schema (ocpp-rpc's validators, the official JSON schemas).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { createValidator } from 'ocpp-rpc';
import type { Payload } from '../../src/ocpp/frame.ts';
import {
  CONFIGURATION_KEYS,
  upstreamCallTo201,
  type Answered,
  type Refusal,
  type Translated,
  type TranslationContext,
} from '../../src/translate/upstream-calls.ts';

const require = createRequire(import.meta.url);
const v16 = createValidator('ocpp1.6', require('ocpp-rpc/lib/schemas/ocpp1_6.json'));
const v201 = createValidator('ocpp2.0.1', require('ocpp-rpc/lib/schemas/ocpp2_0_1.json'));

/** A charger with EVSEs 1 and 2 (or `evses`); upstream transaction 42 is the charger's 'tx-abc'. */
function context(evses: number[] = [1, 2]): TranslationContext {
  let next = 100;
  return {
    evses: new Set(evses),
    transactionIdFor: (tx) => (tx === 42 ? 'tx-abc' : null),
    remoteStartId: () => next++,
  };
}

/** A valid 1.6 Call that must translate: the 2.0.1 request is checked against its schema. */
function call(action: string, payload: Payload, ctx = context()): Translated {
  v16.validate(`urn:${action}.req`, payload);
  const outcome = upstreamCallTo201(action, payload, ctx);
  assert.ok('action' in outcome, `${action} was not translated: ${JSON.stringify(outcome)}`);
  v201.validate(`urn:${outcome.action}.req`, outcome.payload);
  return outcome;
}

/** The charger's (valid) 2.0.1 answer → the 1.6 answer, checked against the 1.6 response schema. */
function back(translated: Translated, action16: string, reply: Payload): Payload {
  v201.validate(`urn:${translated.action}.conf`, reply);
  const answer = translated.answer(reply);
  v16.validate(`urn:${action16}.conf`, answer);
  return answer;
}

/** A valid 1.6 Call the proxy answers itself; the answer is checked against the 1.6 response schema. */
function selfAnswered(action: string, payload: Payload, ctx = context()): Payload {
  v16.validate(`urn:${action}.req`, payload);
  const outcome = upstreamCallTo201(action, payload, ctx);
  assert.ok('answered' in outcome, `${action} was not answered by the proxy: ${JSON.stringify(outcome)}`);
  v16.validate(`urn:${action}.conf`, (outcome as Answered).answered);
  return (outcome as Answered).answered;
}

function refused(action: string, payload: unknown, ctx = context()): Refusal {
  const outcome = upstreamCallTo201(action, payload as Payload, ctx);
  assert.ok('error' in outcome, `${action} was not refused: ${JSON.stringify(outcome)}`);
  return outcome as Refusal;
}

/** Each status pair: the charger's 2.0.1 status → the 1.6 one. */
function statuses(translated: Translated, action16: string, pairs: [string, string][]): void {
  for (const [from, to] of pairs) assert.deepEqual(back(translated, action16, { status: from }), { status: to }, `${from} → ${to}`);
}

const TX_PROFILE_16 = {
  chargingProfileId: 7, stackLevel: 1, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative',
  chargingSchedule: { duration: 3600, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }, { startPeriod: 600, limit: 6.5, numberPhases: 1 }], minChargingRate: 6 },
};
const TX_PROFILE_201 = {
  id: 7, stackLevel: 1, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative',
  chargingSchedule: [{ id: 7, duration: 3600, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }, { startPeriod: 600, limit: 6.5, numberPhases: 1 }], minChargingRate: 6 }],
};

test('RemoteStartTransaction → RequestStartTransaction, with a fresh remoteStartId and the TxProfile', () => {
  const ctx = context();
  const t = call('RemoteStartTransaction', { connectorId: 2, idTag: 'TAG-1', chargingProfile: { ...TX_PROFILE_16, transactionId: 9 } }, ctx);
  assert.equal(t.action, 'RequestStartTransaction');
  assert.deepEqual(t.payload, { remoteStartId: 100, idToken: { idToken: 'TAG-1', type: 'Central' }, evseId: 2, chargingProfile: TX_PROFILE_201 });
  statuses(t, 'RemoteStartTransaction', [['Accepted', 'Accepted'], ['Rejected', 'Rejected']]);
  assert.deepEqual(back(t, 'RemoteStartTransaction', { status: 'Accepted', transactionId: 'tx-new' }), { status: 'Accepted' });
  // No connector: the charger picks; each start gets its own remoteStartId.
  assert.deepEqual(call('RemoteStartTransaction', { idTag: 'TAG-1' }, ctx).payload, { remoteStartId: 101, idToken: { idToken: 'TAG-1', type: 'Central' } });
  assert.deepEqual(selfAnswered('RemoteStartTransaction', { connectorId: 3, idTag: 'TAG-1' }), { status: 'Rejected' });
  assert.equal(refused('RemoteStartTransaction', { connectorId: 0, idTag: 'TAG-1' }).error, 'PropertyConstraintViolation');
  const notTx = { connectorId: 1, idTag: 'TAG-1', chargingProfile: { ...TX_PROFILE_16, chargingProfilePurpose: 'TxDefaultProfile' } };
  v16.validate('urn:RemoteStartTransaction.req', notTx);
  assert.equal(refused('RemoteStartTransaction', notTx).error, 'PropertyConstraintViolation');
});

test('RemoteStopTransaction → RequestStopTransaction with the charger\'s transactionId; an unknown one is Rejected at once', () => {
  const t = call('RemoteStopTransaction', { transactionId: 42 });
  assert.deepEqual([t.action, t.payload], ['RequestStopTransaction', { transactionId: 'tx-abc' }]);
  statuses(t, 'RemoteStopTransaction', [['Accepted', 'Accepted'], ['Rejected', 'Rejected']]);
  assert.deepEqual(selfAnswered('RemoteStopTransaction', { transactionId: 43 }), { status: 'Rejected' });
});

test('Reset: Hard → Immediate, Soft → OnIdle; Scheduled is Accepted in 1.6', () => {
  const hard = call('Reset', { type: 'Hard' });
  assert.deepEqual([hard.action, hard.payload], ['Reset', { type: 'Immediate' }]);
  assert.deepEqual(call('Reset', { type: 'Soft' }).payload, { type: 'OnIdle' });
  statuses(hard, 'Reset', [['Accepted', 'Accepted'], ['Scheduled', 'Accepted'], ['Rejected', 'Rejected']]);
});

test('UnlockConnector: connector N is EVSE N connector 1; unknown connectors are NotSupported', () => {
  const t = call('UnlockConnector', { connectorId: 2 });
  assert.deepEqual([t.action, t.payload], ['UnlockConnector', { evseId: 2, connectorId: 1 }]);
  statuses(t, 'UnlockConnector', [
    ['Unlocked', 'Unlocked'], ['UnlockFailed', 'UnlockFailed'], ['OngoingAuthorizedTransaction', 'UnlockFailed'], ['UnknownConnector', 'NotSupported'],
  ]);
  assert.deepEqual(selfAnswered('UnlockConnector', { connectorId: 3 }), { status: 'NotSupported' });
  assert.deepEqual(selfAnswered('UnlockConnector', { connectorId: 0 }), { status: 'NotSupported' });
});

test('ChangeAvailability: connector 0 is the station (no evse), N is EVSE N', () => {
  const station = call('ChangeAvailability', { connectorId: 0, type: 'Inoperative' });
  assert.deepEqual([station.action, station.payload], ['ChangeAvailability', { operationalStatus: 'Inoperative' }]);
  assert.deepEqual(call('ChangeAvailability', { connectorId: 2, type: 'Operative' }).payload, { operationalStatus: 'Operative', evse: { id: 2 } });
  statuses(station, 'ChangeAvailability', [['Accepted', 'Accepted'], ['Rejected', 'Rejected'], ['Scheduled', 'Scheduled']]);
  assert.deepEqual(selfAnswered('ChangeAvailability', { connectorId: 5, type: 'Operative' }), { status: 'Rejected' });
});

test('TriggerMessage: messages mapped; a StatusNotification names EVSE and connector (F06.FR.12)', () => {
  const expected: [Payload, Payload][] = [
    [{ requestedMessage: 'BootNotification' }, { requestedMessage: 'BootNotification' }],
    [{ requestedMessage: 'Heartbeat', connectorId: 1 }, { requestedMessage: 'Heartbeat' }],
    [{ requestedMessage: 'DiagnosticsStatusNotification' }, { requestedMessage: 'LogStatusNotification' }],
    [{ requestedMessage: 'FirmwareStatusNotification' }, { requestedMessage: 'FirmwareStatusNotification' }],
    [{ requestedMessage: 'MeterValues' }, { requestedMessage: 'MeterValues' }],
    [{ requestedMessage: 'MeterValues', connectorId: 0 }, { requestedMessage: 'MeterValues' }],
    [{ requestedMessage: 'MeterValues', connectorId: 2 }, { requestedMessage: 'MeterValues', evse: { id: 2 } }],
    [{ requestedMessage: 'StatusNotification', connectorId: 1 }, { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } }],
  ];
  for (const [from, to] of expected) {
    const t = call('TriggerMessage', from);
    assert.deepEqual([t.action, t.payload], ['TriggerMessage', to]);
  }
  // Without a connectorId: fine for a single EVSE; with two, one Call cannot cover both.
  assert.deepEqual(call('TriggerMessage', { requestedMessage: 'StatusNotification' }, context([1])).payload, { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } });
  assert.deepEqual(selfAnswered('TriggerMessage', { requestedMessage: 'StatusNotification' }), { status: 'Rejected' });
  assert.deepEqual(selfAnswered('TriggerMessage', { requestedMessage: 'StatusNotification', connectorId: 0 }), { status: 'Rejected' });
  assert.deepEqual(selfAnswered('TriggerMessage', { requestedMessage: 'MeterValues', connectorId: 4 }), { status: 'Rejected' });
  statuses(call('TriggerMessage', { requestedMessage: 'Heartbeat' }), 'TriggerMessage', [['Accepted', 'Accepted'], ['Rejected', 'Rejected'], ['NotImplemented', 'NotImplemented']]);
});

test('ChangeConfiguration → SetVariables through the key table, values converted', () => {
  const t = call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: ' 060 ' });
  assert.deepEqual([t.action, t.payload], ['SetVariables', { setVariableData: [{ component: { name: 'SampledDataCtrlr' }, variable: { name: 'TxUpdatedInterval' }, attributeValue: '60' }] }]);
  assert.deepEqual(call('ChangeConfiguration', { key: 'authorizeRemoteTxRequests', value: 'TRUE' }).payload,
    { setVariableData: [{ component: { name: 'AuthCtrlr' }, variable: { name: 'AuthorizeRemoteStart' }, attributeValue: 'true' }] });
  assert.deepEqual(call('ChangeConfiguration', { key: 'MeterValuesSampledData', value: 'Energy.Active.Import.Register, Power.Active.Import,' }).payload,
    { setVariableData: [{ component: { name: 'SampledDataCtrlr' }, variable: { name: 'TxUpdatedMeasurands' }, attributeValue: 'Energy.Active.Import.Register,Power.Active.Import' }] });
  assert.deepEqual(call('ChangeConfiguration', { key: 'TransactionMessageAttempts', value: '5' }).payload,
    { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageAttempts', instance: 'TransactionEvent' }, attributeValue: '5' }] });
  const result = (attributeStatus: string): Payload => ({ setVariableResult: [{ attributeStatus, component: { name: 'SampledDataCtrlr' }, variable: { name: 'TxUpdatedInterval' } }] });
  const pairs = [['Accepted', 'Accepted'], ['RebootRequired', 'RebootRequired'], ['Rejected', 'Rejected'], ['UnknownComponent', 'NotSupported'], ['UnknownVariable', 'NotSupported'], ['NotSupportedAttributeType', 'NotSupported']];
  for (const [from, to] of pairs) assert.deepEqual(back(t, 'ChangeConfiguration', result(from!)), { status: to });
  assert.deepEqual(selfAnswered('ChangeConfiguration', { key: 'NoSuchKey', value: '1' }), { status: 'NotSupported' });
  assert.deepEqual(selfAnswered('ChangeConfiguration', { key: 'HeartbeatInterval', value: 'soon' }), { status: 'Rejected' });
  assert.deepEqual(selfAnswered('ChangeConfiguration', { key: 'LocalPreAuthorize', value: 'yes' }), { status: 'Rejected' });
});

test('GetConfiguration → GetVariables for the known keys; the rest are unknownKey', () => {
  const t = call('GetConfiguration', { key: ['HeartbeatInterval', 'NoSuchKey', 'LocalPreAuthorize', 'StopTxnAlignedData', 'ResetRetries', 'heartbeatinterval'] });
  assert.deepEqual([t.action, t.payload], ['GetVariables', { getVariableData: [
    { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } },
    { component: { name: 'AuthCtrlr' }, variable: { name: 'LocalPreAuthorize' } },
    { component: { name: 'AlignedDataCtrlr' }, variable: { name: 'TxEndedMeasurands' } },
    { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'ResetRetries' } },
  ] }]);
  const reply = { getVariableResult: [
    { attributeStatus: 'Accepted', component: { name: 'AuthCtrlr' }, variable: { name: 'LocalPreAuthorize' }, attributeValue: 'True' },
    { attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '300' },
    { attributeStatus: 'UnknownVariable', component: { name: 'AlignedDataCtrlr' }, variable: { name: 'TxEndedMeasurands' } },
  ] };
  assert.deepEqual(back(t, 'GetConfiguration', reply), {
    configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }, { key: 'LocalPreAuthorize', readonly: false, value: 'true' }],
    unknownKey: ['NoSuchKey', 'StopTxnAlignedData', 'ResetRetries'],
  });
  // A value too long for 1.6 is left out, not cut; one with no value has none.
  const one = call('GetConfiguration', { key: ['MeterValuesSampledData'] });
  const long = 'Energy.Active.Import.Register,'.repeat(20);
  const row = { attributeStatus: 'Accepted', component: { name: 'SampledDataCtrlr' }, variable: { name: 'TxUpdatedMeasurands' } };
  assert.deepEqual(back(one, 'GetConfiguration', { getVariableResult: [{ ...row, attributeValue: long }] }), { configurationKey: [{ key: 'MeterValuesSampledData', readonly: false }], unknownKey: [] });
  assert.deepEqual(back(one, 'GetConfiguration', { getVariableResult: [{ ...row, attributeValue: 'Voltage, Current.Import' }] }),
    { configurationKey: [{ key: 'MeterValuesSampledData', readonly: false, value: 'Voltage,Current.Import' }], unknownKey: [] });
  assert.deepEqual(selfAnswered('GetConfiguration', { key: ['Foo', 'Bar'] }), { configurationKey: [], unknownKey: ['Foo', 'Bar'] });
});

test('GetConfiguration without keys asks for every row of the table', () => {
  for (const payload of [{}, { key: [] }]) {
    const t = call('GetConfiguration', payload);
    assert.equal((t.payload.getVariableData as unknown[]).length, CONFIGURATION_KEYS.length);
    const reply = { getVariableResult: CONFIGURATION_KEYS.map((row) => ({
      attributeStatus: 'Accepted', component: { name: row.component },
      variable: row.instance === undefined ? { name: row.variable } : { name: row.variable, instance: row.instance },
      attributeValue: row.kind === 'bool' ? 'false' : '1',
    })) };
    const answer = back(t, 'GetConfiguration', reply);
    assert.deepEqual((answer.configurationKey as { key: string }[]).map((entry) => entry.key), CONFIGURATION_KEYS.map((row) => row.key));
    assert.deepEqual(answer.unknownKey, []);
  }
});

test('the key table: one row per key and per 2.0.1 variable, names the schemas allow', () => {
  assert.equal(new Set(CONFIGURATION_KEYS.map((row) => row.key.toLowerCase())).size, CONFIGURATION_KEYS.length);
  assert.equal(new Set(CONFIGURATION_KEYS.map((row) => `${row.component}.${row.variable}.${row.instance ?? ''}`)).size, CONFIGURATION_KEYS.length);
  for (const row of CONFIGURATION_KEYS) {
    for (const name of [row.key, row.component, row.variable, row.instance ?? '']) assert.ok(name.length <= 50, name);
  }
  for (const key of ['MeterValueSampleInterval', 'MeterValuesSampledData', 'MeterValuesAlignedData', 'ClockAlignedDataInterval', 'StopTxnSampledData', 'StopTxnAlignedData',
    'HeartbeatInterval', 'ConnectionTimeOut', 'LocalAuthorizeOffline', 'LocalPreAuthorize', 'AuthorizeRemoteTxRequests', 'WebSocketPingInterval', 'ResetRetries', 'TransactionMessageAttempts']) {
    assert.ok(CONFIGURATION_KEYS.some((row) => row.key === key), key);
  }
});

test('SetChargingProfile: purposes renamed, a TxProfile gets the charger\'s transactionId', () => {
  const max = {
    chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'ChargePointMaxProfile', chargingProfileKind: 'Recurring', recurrencyKind: 'Daily',
    validFrom: '2026-03-01T00:00:00Z', validTo: '2026-04-01T00:00:00Z',
    chargingSchedule: { startSchedule: '2026-03-01T00:00:00Z', duration: 86400, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }, { startPeriod: 28800, limit: 7400.5 }] },
  };
  const t = call('SetChargingProfile', { connectorId: 0, csChargingProfiles: max });
  assert.deepEqual([t.action, t.payload], ['SetChargingProfile', { evseId: 0, chargingProfile: {
    id: 1, stackLevel: 0, chargingProfilePurpose: 'ChargingStationMaxProfile', chargingProfileKind: 'Recurring', recurrencyKind: 'Daily',
    validFrom: '2026-03-01T00:00:00Z', validTo: '2026-04-01T00:00:00Z',
    chargingSchedule: [{ id: 1, startSchedule: '2026-03-01T00:00:00Z', duration: 86400, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }, { startPeriod: 28800, limit: 7400.5 }] }],
  } }]);
  statuses(t, 'SetChargingProfile', [['Accepted', 'Accepted'], ['Rejected', 'Rejected']]);
  const txDefault = call('SetChargingProfile', { connectorId: 1, csChargingProfiles: { ...TX_PROFILE_16, chargingProfilePurpose: 'TxDefaultProfile', transactionId: 42 } });
  assert.deepEqual(txDefault.payload, { evseId: 1, chargingProfile: { ...TX_PROFILE_201, chargingProfilePurpose: 'TxDefaultProfile' } });
  const tx = call('SetChargingProfile', { connectorId: 1, csChargingProfiles: { ...TX_PROFILE_16, transactionId: 42 } });
  assert.deepEqual(tx.payload, { evseId: 1, chargingProfile: { ...TX_PROFILE_201, transactionId: 'tx-abc' } });
  // 2.0.1 K01.FR.03: no TxProfile without a transaction the charger knows.
  assert.deepEqual(selfAnswered('SetChargingProfile', { connectorId: 1, csChargingProfiles: { ...TX_PROFILE_16, transactionId: 43 } }), { status: 'Rejected' });
  assert.deepEqual(selfAnswered('SetChargingProfile', { connectorId: 1, csChargingProfiles: TX_PROFILE_16 }), { status: 'Rejected' });
  assert.deepEqual(selfAnswered('SetChargingProfile', { connectorId: 3, csChargingProfiles: max }), { status: 'Rejected' });
  const noPeriods = { connectorId: 1, csChargingProfiles: { ...max, chargingSchedule: { ...max.chargingSchedule, chargingSchedulePeriod: [] } } };
  v16.validate('urn:SetChargingProfile.req', noPeriods);
  assert.equal(refused('SetChargingProfile', noPeriods).error, 'PropertyConstraintViolation');
});

test('ClearChargingProfile: id and criteria carried over, purposes renamed', () => {
  const all = call('ClearChargingProfile', {});
  assert.deepEqual([all.action, all.payload], ['ClearChargingProfile', {}]);
  assert.deepEqual(call('ClearChargingProfile', { id: 5 }).payload, { chargingProfileId: 5 });
  assert.deepEqual(call('ClearChargingProfile', { id: 5, connectorId: 0, chargingProfilePurpose: 'ChargePointMaxProfile', stackLevel: 2 }).payload,
    { chargingProfileId: 5, chargingProfileCriteria: { evseId: 0, chargingProfilePurpose: 'ChargingStationMaxProfile', stackLevel: 2 } });
  assert.deepEqual(call('ClearChargingProfile', { chargingProfilePurpose: 'TxDefaultProfile' }).payload, { chargingProfileCriteria: { chargingProfilePurpose: 'TxDefaultProfile' } });
  statuses(all, 'ClearChargingProfile', [['Accepted', 'Accepted'], ['Unknown', 'Unknown']]);
  assert.deepEqual(selfAnswered('ClearChargingProfile', { connectorId: 7 }), { status: 'Unknown' });
});

test('GetCompositeSchedule: the 2.0.1 schedule comes back as the 1.6 one', () => {
  const t = call('GetCompositeSchedule', { connectorId: 1, duration: 3600, chargingRateUnit: 'A' });
  assert.deepEqual([t.action, t.payload], ['GetCompositeSchedule', { duration: 3600, evseId: 1, chargingRateUnit: 'A' }]);
  assert.deepEqual(call('GetCompositeSchedule', { connectorId: 0, duration: 60 }).payload, { duration: 60, evseId: 0 });
  const schedule = {
    evseId: 1, duration: 3600, scheduleStart: '2026-03-06T12:00:00Z', chargingRateUnit: 'A',
    chargingSchedulePeriod: [{ startPeriod: 0, limit: 16, numberPhases: 1, phaseToUse: 2 }, { startPeriod: 900, limit: 6.04 }],
  };
  assert.deepEqual(back(t, 'GetCompositeSchedule', { status: 'Accepted', schedule }), {
    status: 'Accepted', connectorId: 1, scheduleStart: '2026-03-06T12:00:00Z',
    chargingSchedule: { duration: 3600, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16, numberPhases: 1 }, { startPeriod: 900, limit: 6 }] },
  });
  assert.deepEqual(back(t, 'GetCompositeSchedule', { status: 'Rejected' }), { status: 'Rejected' });
  assert.deepEqual(back(t, 'GetCompositeSchedule', { status: 'Accepted' }), { status: 'Accepted', connectorId: 1 });
  // A schedule that is not one (here: a wrong unit) gives nothing to rely on.
  assert.deepEqual(t.answer({ status: 'Accepted', schedule: { ...schedule, chargingRateUnit: 'kW' } }), { status: 'Rejected' });
  assert.deepEqual(selfAnswered('GetCompositeSchedule', { connectorId: 9, duration: 60 }), { status: 'Rejected' });
});

test('DataTransfer passes both ways; 2.0.1 data that is not a string travels as JSON text', () => {
  const t = call('DataTransfer', { vendorId: 'com.example', messageId: 'hello', data: '{"a":1}' });
  assert.deepEqual([t.action, t.payload], ['DataTransfer', { vendorId: 'com.example', messageId: 'hello', data: '{"a":1}' }]);
  assert.deepEqual(call('DataTransfer', { vendorId: 'com.example' }).payload, { vendorId: 'com.example' });
  statuses(t, 'DataTransfer', [['Accepted', 'Accepted'], ['Rejected', 'Rejected'], ['UnknownMessageId', 'UnknownMessageId'], ['UnknownVendorId', 'UnknownVendorId']]);
  assert.deepEqual(back(t, 'DataTransfer', { status: 'Accepted', data: 'text' }), { status: 'Accepted', data: 'text' });
  assert.deepEqual(back(t, 'DataTransfer', { status: 'Accepted', data: { a: [1, 2] } }), { status: 'Accepted', data: '{"a":[1,2]}' });
  assert.deepEqual(back(t, 'DataTransfer', { status: 'Accepted', data: 3 }), { status: 'Accepted', data: '3' });
});

test('Calls without a 2.0.1 counterpart here are NotSupported', () => {
  const calls: [string, Payload][] = [
    ['UpdateFirmware', { location: 'https://example.com/fw.bin', retrieveDate: '2026-03-06T12:00:00Z' }],
    ['GetDiagnostics', { location: 'ftp://example.com/' }],
    ['SendLocalList', { listVersion: 1, updateType: 'Full' }],
    ['GetLocalListVersion', {}],
    ['ReserveNow', { connectorId: 1, expiryDate: '2026-03-06T12:00:00Z', idTag: 'T', reservationId: 1 }],
    ['CancelReservation', { reservationId: 1 }],
    ['ClearCache', {}],
  ];
  for (const [action, payload] of calls) {
    v16.validate(`urn:${action}.req`, payload);
    assert.deepEqual(refused(action, payload), { error: 'NotSupported', description: `${action} has no 2.0.1 counterpart here` });
  }
  assert.equal(refused('constructor', {}).error, 'NotSupported');
});

test('malformed payloads are refused, never thrown', () => {
  const formation: [string, unknown][] = [
    ['Reset', null], ['Reset', []], ['Reset', 'Hard'], ['Reset', {}], ['Reset', { type: 1 }],
    ['RemoteStartTransaction', { connectorId: 1 }], ['RemoteStartTransaction', { idTag: 'T', connectorId: '1' }], ['RemoteStartTransaction', { idTag: 'x'.repeat(37) }],
    ['RemoteStartTransaction', { idTag: 'T', chargingProfile: { ...TX_PROFILE_16, chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0 }] } } }],
    ['RemoteStopTransaction', { transactionId: '42' }], ['RemoteStopTransaction', { transactionId: 4.2 }],
    ['UnlockConnector', {}], ['ChangeAvailability', { connectorId: 1 }], ['TriggerMessage', { requestedMessage: 'MeterValues', connectorId: 'one' }],
    ['ChangeConfiguration', { key: 'HeartbeatInterval', value: 60 }], ['GetConfiguration', { key: 'HeartbeatInterval' }], ['GetConfiguration', { key: [1] }],
    ['GetConfiguration', { key: ['x'.repeat(51)] }],
    ['SetChargingProfile', { connectorId: 1 }], ['SetChargingProfile', { connectorId: 1, csChargingProfiles: { ...TX_PROFILE_16, chargingSchedule: null } }],
    ['SetChargingProfile', { connectorId: 1, csChargingProfiles: { ...TX_PROFILE_16, validFrom: 'tomorrow' } }],
    ['SetChargingProfile', { connectorId: 1, csChargingProfiles: { ...TX_PROFILE_16, chargingSchedule: { ...TX_PROFILE_16.chargingSchedule, chargingSchedulePeriod: [null] } } }],
    ['ClearChargingProfile', { id: 'x' }], ['GetCompositeSchedule', { connectorId: 1 }], ['DataTransfer', { vendorId: 'v', data: { a: 1 } }],
    ['DataTransfer', { vendorId: 'v', messageId: 'm'.repeat(51) }],
  ];
  for (const [action, payload] of formation) assert.equal(refused(action, payload).error, 'FormationViolation', `${action} ${JSON.stringify(payload)}`);
  const constraint: [string, unknown][] = [
    ['Reset', { type: 'Warm' }], ['ChangeAvailability', { connectorId: -1, type: 'Operative' }], ['ChangeAvailability', { connectorId: 1, type: 'Off' }],
    ['TriggerMessage', { requestedMessage: 'TransactionEvent' }], ['TriggerMessage', { requestedMessage: 'Heartbeat', connectorId: -2 }],
    ['ClearChargingProfile', { chargingProfilePurpose: 'ChargingStationMaxProfile' }], ['GetCompositeSchedule', { connectorId: 1, duration: 60, chargingRateUnit: 'kW' }],
    ['SetChargingProfile', { connectorId: 1, csChargingProfiles: { ...TX_PROFILE_16, stackLevel: -1 } }],
    ['SetChargingProfile', { connectorId: 1, csChargingProfiles: { ...TX_PROFILE_16, chargingProfileKind: 'Sometimes' } }],
  ];
  for (const [action, payload] of constraint) assert.equal(refused(action, payload).error, 'PropertyConstraintViolation', `${action} ${JSON.stringify(payload)}`);
});

test('a failing context callback is a GenericError, not a throw', () => {
  const ctx = { ...context(), transactionIdFor: (): string | null => { throw new Error('store closed'); } };
  assert.deepEqual(refused('RemoteStopTransaction', { transactionId: 42 }, ctx), { error: 'GenericError', description: 'translating RemoteStopTransaction failed: store closed' });
});

test('malformed charger answers still give a valid 1.6 answer', () => {
  const cases: [string, Payload][] = [
    ['RemoteStartTransaction', { idTag: 'T' }], ['RemoteStopTransaction', { transactionId: 42 }], ['Reset', { type: 'Soft' }],
    ['UnlockConnector', { connectorId: 1 }], ['ChangeAvailability', { connectorId: 0, type: 'Operative' }], ['TriggerMessage', { requestedMessage: 'Heartbeat' }],
    ['ChangeConfiguration', { key: 'HeartbeatInterval', value: '60' }], ['GetConfiguration', {}], ['SetChargingProfile', { connectorId: 1, csChargingProfiles: { ...TX_PROFILE_16, chargingProfilePurpose: 'TxDefaultProfile' } }],
    ['ClearChargingProfile', {}], ['GetCompositeSchedule', { connectorId: 1, duration: 60 }], ['DataTransfer', { vendorId: 'v' }],
  ];
  const replies: unknown[] = [{}, null, [], 'Accepted', { status: 'Maybe' }, { status: 'constructor' }, { setVariableResult: 'x', getVariableResult: [null, 1] },
    { status: 'Accepted', schedule: null }, { getVariableResult: [{ attributeStatus: 'Accepted', component: null, variable: {} }] }];
  const ctx = { ...context(), transactionIdFor: (): string => 'tx-any' };
  for (const [action, payload] of cases) {
    const outcome = upstreamCallTo201(action, payload, ctx);
    assert.ok('answer' in outcome, action);
    for (const reply of replies) v16.validate(`urn:${action}.conf`, outcome.answer(reply as Payload));
  }
});

// Property: whatever the upstream sends, the outcome is a Refusal, an answer valid in 1.6, or a
// request valid in 2.0.1 whose answer function turns any reply into a valid 1.6 answer. The Calls
// are valid ones with a few fields removed or replaced, so all three outcomes come up.
const VALID_CALLS: [string, Payload][] = [
  ['RemoteStartTransaction', { connectorId: 1, idTag: 'TAG', chargingProfile: TX_PROFILE_16 }], ['RemoteStopTransaction', { transactionId: 42 }],
  ['Reset', { type: 'Hard' }], ['UnlockConnector', { connectorId: 1 }], ['ChangeAvailability', { connectorId: 2, type: 'Operative' }],
  ['TriggerMessage', { requestedMessage: 'StatusNotification', connectorId: 1 }], ['ChangeConfiguration', { key: 'HeartbeatInterval', value: '60' }],
  ['GetConfiguration', { key: ['HeartbeatInterval', 'Foo'] }], ['SetChargingProfile', { connectorId: 1, csChargingProfiles: { ...TX_PROFILE_16, transactionId: 42 } }],
  ['ClearChargingProfile', { id: 1, connectorId: 1, chargingProfilePurpose: 'TxProfile', stackLevel: 0 }],
  ['GetCompositeSchedule', { connectorId: 1, duration: 60, chargingRateUnit: 'W' }], ['DataTransfer', { vendorId: 'v', messageId: 'm', data: 'd' }],
  ['ReserveNow', { connectorId: 1, expiryDate: '2026-03-06T12:00:00Z', idTag: 'T', reservationId: 1 }],
];
const FIELDS = [...new Set(VALID_CALLS.flatMap(([, payload]) => Object.keys(payload)))];
const scalar = fc.oneof(
  fc.integer({ min: -3, max: 50 }),
  fc.constantFrom('Hard', 'Soft', 'Operative', 'StatusNotification', 'MeterValues', 'HeartbeatInterval', 'LocalPreAuthorize', 'MeterValuesSampledData', 'TxProfile', 'ChargePointMaxProfile', 'A', 'true', 'x,,y', '12', ''),
  fc.string({ maxLength: 60 }), fc.double(), fc.boolean(), fc.constant(null),
);
const profileArb = fc.record({
  ...Object.fromEntries(Object.keys(TX_PROFILE_16).map((name) => [name, fc.oneof(fc.constant((TX_PROFILE_16 as Payload)[name]), scalar)])),
  chargingProfilePurpose: fc.constantFrom('TxProfile', 'TxDefaultProfile', 'ChargePointMaxProfile', 'Other'),
  transactionId: fc.constantFrom(42, 43, '42', undefined),
});
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), profileArb, fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 3 }));
const change = fc.tuple(fc.constantFrom(...FIELDS), fc.option(value, { nil: undefined }));
const callArb = fc.tuple(fc.constantFrom(...VALID_CALLS), fc.array(change, { maxLength: 2 })).map(([[action, valid], changes]) => {
  const payload: Payload = { ...valid };
  for (const [field, replacement] of changes) {
    if (replacement === undefined) delete payload[field];
    else payload[field] = replacement;
  }
  return [action, payload] as const;
});

test('property: any payload gives a Refusal, a valid 1.6 answer or a valid 2.0.1 request', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(callArb, fc.jsonValue(), fc.boolean(), ([action, payload], reply, single) => {
      const outcome = upstreamCallTo201(action, payload, context(single ? [1] : [1, 2]));
      if ('error' in outcome) {
        seen.add('refused');
        return;
      }
      if ('answered' in outcome) {
        seen.add('answered');
        v16.validate(`urn:${action}.conf`, outcome.answered);
        return;
      }
      seen.add('translated');
      v201.validate(`urn:${outcome.action}.req`, outcome.payload);
      v16.validate(`urn:${action}.conf`, outcome.answer(reply as Payload));
    }),
    { numRuns: 2000 },
  );
  assert.deepEqual([...seen].sort(), ['answered', 'refused', 'translated']);
});
