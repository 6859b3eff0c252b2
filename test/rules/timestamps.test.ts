// Timestamp repair on fixtures written from real charger frames.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairTimestamp } from '../../src/rules/timestamps.ts';
import { FixupPipeline, configuredRules } from '../../src/rules/fixups.ts';
import { DEFAULTS } from '../../src/config/config.ts';
import { parseFrame } from '../../src/ocpp/frame.ts';
import { versionRules, type OcppVersion } from '../../src/ocpp/versions.ts';

const NOW = Date.parse('2026-11-21T20:44:54.123Z');
const RECEIVED = '2026-11-21T20:44:54.123Z';
const charger = { vendor: null, model: null };

function fix(version: OcppVersion, text: string, fixups = DEFAULTS.fixups) {
  const parsed = parseFrame(text, versionRules(version).messageTypes);
  assert.ok(parsed.ok && parsed.frame.type === 2);
  const frame = parsed.frame as { action: string; payload: Record<string, unknown> };
  return new FixupPipeline(configuredRules(fixups), version, 'AcTec001').apply(frame.action, frame.payload, text, charger, NOW);
}

test('unusable values become the receive time; usable mis-formatted ones the same instant', () => {
  const cases: Array<[unknown, string | null]> = [
    ['2026-11-21T10:00:00Z', null],
    ['2026-11-21T10:00:00.5+01:00', null],
    ['2026-11-21T10:00:00.123Z', null],
    ['', RECEIVED],
    ['0000-00-00T00:00:00.000Z', RECEIVED],
    ['0000-00-00 00:00:00', RECEIVED],
    ['1970-01-01T00:00:00Z', RECEIVED],
    ['2000-01-01T00:00:07.000Z', RECEIVED],
    ['garbage', RECEIVED],
    [1700000000, RECEIVED],
    [null, RECEIVED],
    ['2026-11-21T23:59:60Z', RECEIVED],
    ['2026-11-21T10:00:00', '2026-11-21T10:00:00.000Z'],
    ['2026-11-21 10:00:00', '2026-11-21T10:00:00.000Z'],
    ['2026-11-21T10:00:00+0000', '2026-11-21T10:00:00.000Z'],
    ['2026-11-21T12:00:00+0200', '2026-11-21T10:00:00.000Z'],
    ['2026-11-21T10:00:00.1234567Z', '2026-11-21T10:00:00.123Z'],
    ['2026-11-21t10:00:00z', '2026-11-21T10:00:00.000Z'],
  ];
  for (const [value, expected] of cases) assert.equal(repairTimestamp(value, RECEIVED), expected, String(value));
});

test('idempotent: a repaired value passes unchanged the second time', () => {
  for (const value of ['', '2026-11-21 10:00:00', '2026-11-21T10:00:00.1234567Z', '1999-12-31T23:59:59Z', 'x']) {
    const once = repairTimestamp(value, RECEIVED)!;
    assert.equal(repairTimestamp(once, RECEIVED), null);
  }
});

test('AcTec 1.6 frames: only the bad timestamps change, every other byte stays', () => {
  const status = '[2,"100","StatusNotification",{"connectorId":1,"errorCode":"NoError","info":"","status":"Available","timestamp":"0000-00-00T00:00:00.000Z","vendorErrorCode":""}]';
  const fixed = fix('ocpp1.6', status)!;
  assert.equal(fixed.text, status.replace('0000-00-00T00:00:00.000Z', RECEIVED));
  assert.deepEqual(fixed.fixes, [{ rule: 'timestamps', field: 'timestamp', was: '0000-00-00T00:00:00.000Z', now: RECEIVED }]);

  const meter = '[2,"101","MeterValues",{"connectorId":1,"transactionId":9007199254740993,"meterValue":[{"timestamp":"","sampledValue":[{"value":"1.10","measurand":"Energy.Active.Import.Register"}]},{"timestamp":"2026-11-21T20:00:00.000Z","sampledValue":[{"value":"2"}]},{"timestamp":"2026-11-21 20:01:00","sampledValue":[{"value":"3"}]}]}]';
  const fixedMeter = fix('ocpp1.6', meter)!;
  assert.equal(
    fixedMeter.text,
    meter.replace('"timestamp":""', `"timestamp":"${RECEIVED}"`).replace('2026-11-21 20:01:00', '2026-11-21T20:01:00.000Z'),
  );
  assert.ok(fixedMeter.text.includes('9007199254740993') && fixedMeter.text.includes('"1.10"'), 'numbers kept as written');

  const stop = '[2,"102","StopTransaction",{"idTag":"","meterStop":100,"timestamp":"2000-01-01T00:00:05Z","transactionId":1,"transactionData":[{"timestamp":"0000-00-00T00:00:00.000Z","sampledValue":[]}]}]';
  assert.equal(fix('ocpp1.6', stop)!.text, stop.replace('2000-01-01T00:00:05Z', RECEIVED).replace('0000-00-00T00:00:00.000Z', RECEIVED));
});

test('valid frames, fields that are not timestamps, and other actions pass untouched', () => {
  for (const text of [
    '[2,"1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"2026-11-21T20:00:00Z"}]',
    '[2,"2","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available"}]',
    '[2,"3","BootNotification",{"chargePointVendor":"","chargePointModel":"0000-00-00T00:00:00.000Z"}]',
    '[2,"4","DataTransfer",{"vendorId":"x","data":"0000-00-00T00:00:00.000Z","timestamp":""}]',
    '[2,"5","Authorize",{"idTag":""}]',
  ]) {
    assert.equal(fix('ocpp1.6', text), null, text);
  }
  assert.equal(fix('ocpp1.6', '[2,"6","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":""}]', { ...DEFAULTS.fixups, timestamps: false }), null);
});

test('2.0.1 TransactionEvent (Alfen/ABB style): event and meter timestamps; signed values untouched', () => {
  const event = '[2,"te1","TransactionEvent",{"eventType":"Updated","timestamp":"2026-11-21 20:44:50","triggerReason":"MeterValuePeriodic","seqNo":3,"transactionInfo":{"transactionId":"abc"},"meterValue":[{"timestamp":"2026-11-21T20:44:50+0000","sampledValue":[{"value":1234.5,"measurand":"Energy.Active.Import.Register","signedMeterValue":{"signedMeterData":"0000-00-00","signingMethod":"","encodingMethod":"OCMF","publicKey":""}}]}]}]';
  const fixed = fix('ocpp2.0.1', event)!;
  assert.equal(fixed.text, event.replace('2026-11-21 20:44:50"', '2026-11-21T20:44:50.000Z"').replace('2026-11-21T20:44:50+0000', '2026-11-21T20:44:50.000Z'));
  assert.ok(fixed.text.includes('"signedMeterData":"0000-00-00"'));
  assert.equal(fix('ocpp2.0.1', '[2,"s","StopTransaction",{"timestamp":""}]'), null, '1.6 actions are not 2.0.1 schema fields');
});
