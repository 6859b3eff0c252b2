// The session meter series as message log entries pass: what a sample is made of (units, phases,
// 1.6 and 2.0.1), which session it belongs to, batched writes, and bounds.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeterSeriesRecorder, pointOf } from '../../src/web/meter-series.ts';
import { Store } from '../../src/store/store.ts';
import type { Logger } from '../../src/log/console-log.ts';
import type { MessageLogEntry } from '../../src/log/message-log.ts';

const errors: string[] = [];
const logger = { error: (line: string) => errors.push(line), warn: () => {}, info: () => {}, debug: () => {} } as unknown as Logger;

function entry(charger: string, id: string, action: string, payload: unknown, fields: Partial<MessageLogEntry> = {}): MessageLogEntry {
  return { ts: '2026-12-01T10:00:00.000Z', charger, from: 'charger', to: 'primary', type: 'CALL', id, action, tags: [], raw: JSON.stringify([2, id, action, payload]), ...fields };
}

function recorder(currentTx: string | null = null) {
  const store = Store.open(join(mkdtempSync(join(tmpdir(), 'ocpp-proxy-test-')), 's.db'));
  return { store, series: new MeterSeriesRecorder(store, () => currentTx, logger) };
}

test('a sample: total power and energy, currents per phase; kW/kWh, 2.0.1 multipliers, phase sums, the car\'s own values left out', () => {
  assert.deepEqual(pointOf({ sampledValue: [
    { value: '7.2', measurand: 'Power.Active.Import', unit: 'kW' },
    { value: '12.5', unit: 'kWh' }, // no measurand: the energy register
    { value: '10.1', measurand: 'Current.Import', phase: 'L1', unit: 'A' },
    { value: '10.2', measurand: 'Current.Import', phase: 'L2-N', unit: 'A' },
    { value: '99', measurand: 'Current.Import', phase: 'L3', unit: 'A', location: 'EV' },
  ] }), { powerW: 7200, energyWh: 12500, currentL1: 10.1, currentL2: 10.2, currentL3: null });
  assert.deepEqual(pointOf({ sampledValue: [
    { value: 2300, measurand: 'Power.Active.Import', phase: 'L1-N', unitOfMeasure: { unit: 'W' } },
    { value: 2400, measurand: 'Power.Active.Import', phase: 'L2-N', unitOfMeasure: { unit: 'W' } },
    { value: 42, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'kWh', multiplier: 1 } },
  ] }), { powerW: 4700, energyWh: 420_000, currentL1: null, currentL2: null, currentL3: null });
  assert.equal(pointOf({ sampledValue: [{ value: '230', measurand: 'Voltage', phase: 'L1' }] }), null, 'nothing charted');
  assert.equal(pointOf({ sampledValue: [{ value: 'NaN' }, { value: {} }, null] as unknown as [] }), null);
  assert.equal(pointOf(null), null);
});

test('1.6: the start (meterStart, once the primary gave the id), meter values of the transaction, the stop', async () => {
  const { store, series } = recorder();
  const start = entry('CP1', 's1', 'StartTransaction', { connectorId: 1, idTag: 'T', meterStart: 1000, timestamp: '2026-12-01T09:00:00.000Z' });
  series.observe(start);
  series.observe({ ...start, to: 'secondary' }); // the same Call to another upstream: read once
  series.observe({ ...entry('CP1', 's1', 'StartTransaction', [3, 's1', { transactionId: 42 }]), from: 'primary', to: 'charger', type: 'CALLRESULT', raw: JSON.stringify([3, 's1', { transactionId: 42, idTagInfo: { status: 'Accepted' } }]) });
  series.observe(entry('CP1', 'm1', 'MeterValues', { connectorId: 1, transactionId: 42, meterValue: [{ timestamp: '2026-12-01T09:05:00.000Z', sampledValue: [{ value: '11000', measurand: 'Power.Active.Import', unit: 'W' }, { value: '1900', unit: 'Wh' }] }] }));
  series.observe(entry('CP1', 'e1', 'StopTransaction', { transactionId: 42, meterStop: 2500, timestamp: '2026-12-01T09:10:00.000Z', transactionData: [{ timestamp: '2026-12-01T09:09:00.000Z', sampledValue: [{ value: '2400', unit: 'Wh' }] }] }));
  const expected = [
    [Date.parse('2026-12-01T09:00:00.000Z'), null, 1000],
    [Date.parse('2026-12-01T09:05:00.000Z'), 11000, 1900],
    [Date.parse('2026-12-01T09:09:00.000Z'), null, 2400],
    [Date.parse('2026-12-01T09:10:00.000Z'), null, 2500],
  ];
  assert.deepEqual(series.series('CP1', '42').map((s) => [s.at, s.powerW, s.energyWh]), expected, 'readable before it is written');
  assert.deepEqual(store.history.meterSamples('CP1', '42'), [], 'nothing written while the frame passes');
  // The stop asks for a write once the frame has gone on.
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(store.history.meterSamples('CP1', '42').map((s) => [s.at, s.powerW, s.energyWh]), expected);
  assert.deepEqual(series.series('CP1', '42').map((s) => s.at), expected.map((e) => e[0]), 'no duplicates once written');
  series.close();
  store.close();
});

test('1.6 MeterValues without a transactionId count for the running transaction; none running: not kept', () => {
  const running = recorder('77');
  running.series.observe(entry('CP1', 'm1', 'MeterValues', { connectorId: 1, meterValue: [{ timestamp: '2026-12-01T09:05:00.000Z', sampledValue: [{ value: '5', unit: 'kWh' }] }] }));
  running.series.flush();
  assert.deepEqual(running.store.history.meterSamples('CP1', '77').map((s) => s.energyWh), [5000]);
  const idle = recorder(null);
  idle.series.observe(entry('CP1', 'm1', 'MeterValues', { connectorId: 1, meterValue: [{ timestamp: '2026-12-01T09:05:00.000Z', sampledValue: [{ value: '5', unit: 'kWh' }] }] }));
  idle.series.flush();
  assert.deepEqual(idle.store.history.meterSamples('CP1', 'null'), []);
  running.series.close();
  idle.series.close();
});

test('2.0.1 TransactionEvent: meter values by transactionId, an invalid timestamp falls back to the log time', () => {
  const { store, series } = recorder();
  series.observe(entry('CS1', 't1', 'TransactionEvent', {
    eventType: 'Updated', timestamp: '2026-12-01T09:00:00.000Z', triggerReason: 'MeterValuePeriodic', seqNo: 1, transactionInfo: { transactionId: 'abc' },
    meterValue: [{ timestamp: 'garbage', sampledValue: [{ value: 3.7, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'kW' } }] }],
  }));
  series.flush();
  assert.deepEqual(store.history.meterSamples('CS1', 'abc').map((s) => [s.at, s.powerW]), [[Date.parse('2026-12-01T10:00:00.000Z'), 3700]]);
  series.close();
  store.close();
});

test('a long session is thinned when written; a database that fails keeps the points for the next try', () => {
  const { store, series } = recorder();
  for (let i = 0; i < 2100; i++) {
    series.observe(entry('CP1', `m${i}`, 'MeterValues', { connectorId: 1, transactionId: 1, meterValue: [{ timestamp: new Date(Date.UTC(2026, 11, 1) + i * 10_000).toISOString(), sampledValue: [{ value: String(i), unit: 'Wh' }] }] }));
  }
  series.flush();
  const kept = store.history.meterSamples('CP1', '1');
  assert.ok(kept.length <= 1000, `${kept.length} points kept`);
  assert.equal(kept.at(-1)!.energyWh, 2099);
  store.close(); // writes fail from now on
  series.observe(entry('CP1', 'late', 'MeterValues', { connectorId: 1, transactionId: 1, meterValue: [{ timestamp: '2026-12-02T00:00:00.000Z', sampledValue: [{ value: '1', unit: 'Wh' }] }] }));
  series.flush();
  assert.equal(errors.filter((line) => line.includes('meter series not written')).length, 1, 'said once');
  series.flush();
  assert.equal(errors.filter((line) => line.includes('meter series not written')).length, 1, 'not again while it keeps failing');
  series.close();
});
