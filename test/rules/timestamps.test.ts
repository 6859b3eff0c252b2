// Timestamp repair on fixtures written from real charger frames.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { repairTimestamp, rfc3339Instant } from '../../src/rules/timestamps.ts';
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

test('valid RFC 3339 in any form passes as sent; unusable values become the receive time; mis-formatted ones the same instant in RFC 3339', () => {
  const valid = [
    '2026-11-21T10:00:00Z',
    '2026-11-21T10:00:00.5+01:00',
    '2026-11-21T10:00:00.123Z',
    '2026-12-01T05:18:56.945074+00:00', // Python isoformat(): microseconds and a numeric offset
    '2026-11-21T10:00:00.1234567Z', // .NET: 7 digits
    '2026-11-21T10:00:00.123456789-05:30',
    '2026-11-21T10:00:00-00:00',
    '2026-11-21t10:00:00z', // RFC 3339 allows lower case
    '2026-11-21T10:00:00.000z',
    '2026-11-21T23:59:60Z', // a leap second is the last second of a UTC day
    '2026-11-22T00:59:60+01:00',
    '2028-02-29T12:00:00Z',
    '2010-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
  ];
  for (const value of valid) assert.equal(repairTimestamp(value, RECEIVED), null, value);

  const unusable: unknown[] = [
    '',
    '0000-00-00T00:00:00.000Z',
    '0000-00-00 00:00:00',
    '1970-01-01T00:00:00Z',
    '2000-01-01T00:00:07.000Z',
    '2009-12-31T23:59:59.999Z',
    '2010-01-01T00:30:00+01:00', // 2009 in UTC
    'garbage',
    '2026-11-21',
    '2026-11-21T10:00Z',
    '2026-11-21T10:00:00.Z',
    '2026-11-21T22:59:60Z', // not the last second of a UTC day
    '2026-02-29T10:00:00Z',
    '2026-11-31T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-11-21T24:00:00Z',
    '2026-11-21T10:60:00Z',
    '2026-11-21T10:00:00+24:00',
    '2026-11-21T10:00:00Zjunk',
    1700000000,
    null,
    {},
  ];
  for (const value of unusable) assert.equal(repairTimestamp(value, RECEIVED), RECEIVED, JSON.stringify(value));

  const misformatted: Array<[string, string]> = [
    ['2026-11-21T10:00:00', '2026-11-21T10:00:00Z'],
    ['2026-11-21 10:00:00', '2026-11-21T10:00:00Z'],
    ['2026-11-21T10:00:00+0000', '2026-11-21T10:00:00+00:00'],
    ['2026-11-21T12:00:00+0200', '2026-11-21T12:00:00+02:00'],
    ['2026-11-21T12:00:00-02', '2026-11-21T12:00:00-02:00'],
    ['2026-11-21 10:00:00.1234567', '2026-11-21T10:00:00.1234567Z'], // digits kept, not cut
    [' 2026-11-21T10:00:00Z ', '2026-11-21T10:00:00Z'],
  ];
  for (const [value, expected] of misformatted) assert.equal(repairTimestamp(value, RECEIVED), expected, value);
});

test('property: every valid RFC 3339 date-time from 2010 on passes as sent; its instant is read right', () => {
  const instant = fc.date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
  const fraction = fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined });
  const offset = fc.option(fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }), { nil: undefined }); // undefined: Z
  fc.assert(
    fc.property(instant, fraction, offset, fc.boolean(), fc.boolean(), (date, digits, minutes, lowerT, lowerZ) => {
      const shifted = new Date(date.getTime() + (minutes ?? 0) * 60_000);
      if (shifted.getUTCFullYear() > 9999) return;
      const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
      const zone = minutes === undefined ? (lowerZ ? 'z' : 'Z') : `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
      const text = `${shifted.toISOString().slice(0, 10)}${lowerT ? 't' : 'T'}${shifted.toISOString().slice(11, 19)}${digits === undefined ? '' : `.${digits}`}${zone}`;
      const expectedMs = Math.trunc(date.getTime() / 1000) * 1000 + (digits === undefined ? 0 : Number(digits.slice(0, 3).padEnd(3, '0')));
      assert.equal(rfc3339Instant(text), expectedMs, text);
      assert.equal(repairTimestamp(text, RECEIVED), null, text);
    }),
    { numRuns: 2000 },
  );
});

test('idempotent: a repaired value passes unchanged the second time', () => {
  for (const value of ['', '2026-11-21 10:00:00', '2026-11-21T10:00:00+0200', '2026-11-21 10:00:00.1234567', '1999-12-31T23:59:59Z', 'x']) {
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
    meter.replace('"timestamp":""', `"timestamp":"${RECEIVED}"`).replace('2026-11-21 20:01:00', '2026-11-21T20:01:00Z'),
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
  assert.equal(fixed.text, event.replace('2026-11-21 20:44:50"', '2026-11-21T20:44:50Z"').replace('2026-11-21T20:44:50+0000', '2026-11-21T20:44:50+00:00'));
  assert.ok(fixed.text.includes('"signedMeterData":"0000-00-00"'));
  assert.equal(fix('ocpp2.0.1', '[2,"s","StopTransaction",{"timestamp":""}]'), null, '1.6 actions are not 2.0.1 schema fields');
});
