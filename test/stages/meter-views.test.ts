// The meter-views stage alone: measurand filtering by context, whole samples only, empty
// elements removed, and the per-view rate per connector, on a clock the test moves.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viewKeys } from '../../src/rules/config-views.ts';
import { ConfigViews } from '../../src/sharing/config-views.ts';
import { MeterViews } from '../../src/stages/meter-views.ts';
import type { StageFrame } from '../../src/stages/stage.ts';
import { DEFAULTS } from '../../src/config/config.ts';

function views16(): ConfigViews {
  const views = new ConfigViews('CP', ['primary', 'ha'], null);
  views.useKeys(viewKeys('ocpp1.6', DEFAULTS.configuration.unionKeys, DEFAULTS.configuration.minKeys));
  views.chargerRead(new Map([['metervaluessampleddata', 'Energy.Active.Import.Register'], ['metervaluesampleinterval', '60'], ['stoptxnsampleddata', 'Energy.Active.Import.Register']]), new Map());
  views.write('primary', 'metervaluesampleinterval', '5').settle(true);
  views.write('ha', 'metervaluessampleddata', 'Power.Active.Import').settle(true);
  views.write('ha', 'metervaluesampleinterval', '10').settle(true);
  return views;
}

const frame = (action: string, payload: object, toAnswerer = false): StageFrame => {
  const text = JSON.stringify([2, 'm1', action, payload]);
  return { type: 'CALL', id: 'm1', action, payload: JSON.parse(text)[3], text, toAnswerer };
};

const SIGNED = { value: 'AbC==', format: 'SignedData', measurand: 'Energy.Active.Import.Register' };
const meter = (connectorId: number) => ({
  connectorId,
  meterValue: [
    { timestamp: '2025-01-01T00:00:00Z', sampledValue: [SIGNED, { value: '7000', measurand: 'Power.Active.Import' }] },
    { timestamp: '2025-01-01T00:00:01Z', sampledValue: [{ value: '1' }] },
  ],
});

test('measurands of the view only, whole samples, empty elements removed; the answerer gets all', () => {
  let now = 0;
  const stage = new MeterViews(views16(), 'ha', 'ocpp1.6', () => now);
  assert.equal(stage.toUpstream(frame('MeterValues', meter(1), true)).kind, 'forward');
  const decision = stage.toUpstream(frame('MeterValues', meter(1)));
  assert.equal(decision.kind, 'replace');
  const sent = JSON.parse((decision as { text: string }).text)[3];
  assert.deepEqual(sent.meterValue, [{ timestamp: '2025-01-01T00:00:00Z', sampledValue: [{ value: '7000', measurand: 'Power.Active.Import' }] }]);
  assert.equal((decision as { filtered?: boolean }).filtered, true);

  // 5 s later on the same connector: sooner than the view's 10 s, dropped; another connector goes.
  now = 5000;
  assert.equal(stage.toUpstream(frame('MeterValues', meter(1))).kind, 'drop');
  assert.equal(stage.toUpstream(frame('MeterValues', meter(2))).kind, 'replace');
  now = 10_000;
  assert.equal(stage.toUpstream(frame('MeterValues', meter(1))).kind, 'replace');

  // Only the energy register: nothing left for this view, not sent.
  assert.equal(stage.toUpstream(frame('MeterValues', { connectorId: 1, meterValue: [{ timestamp: 'x', sampledValue: [SIGNED] }] })).kind, 'drop');
});

test('StopTransaction transactionData: its own key; an emptied list leaves the frame', () => {
  const views = views16();
  views.write('ha', 'stoptxnsampleddata', 'Power.Active.Import').settle(true);
  const stage = new MeterViews(views, 'ha', 'ocpp1.6', () => 0);
  const stop = { transactionId: 1, meterStop: 10, timestamp: '2025-01-01T00:00:00Z', transactionData: [{ timestamp: 'x', sampledValue: [SIGNED] }] };
  const decision = stage.toUpstream(frame('StopTransaction', stop));
  assert.equal(decision.kind, 'replace');
  assert.deepEqual(JSON.parse((decision as { text: string }).text)[3], { transactionId: 1, meterStop: 10, timestamp: '2025-01-01T00:00:00Z' });
});

test('2.0.1 TransactionEvent: periodic Updated events keep the view\'s rate per transaction; state changes always go', () => {
  const views = new ConfigViews('CP', ['primary', 'ha'], null);
  views.useKeys(viewKeys('ocpp2.0.1', DEFAULTS.configuration.unionKeys, DEFAULTS.configuration.minKeys));
  views.chargerRead(new Map([['sampleddatactrlr.txupdatedmeasurands', 'Power.Active.Import'], ['sampleddatactrlr.txupdatedinterval', '10']]), new Map());
  views.write('primary', 'sampleddatactrlr.txupdatedinterval', '10').settle(true);
  views.write('ha', 'sampleddatactrlr.txupdatedinterval', '60').settle(true);
  views.write('ha', 'sampleddatactrlr.txupdatedmeasurands', 'Power.Active.Import').settle(true);
  let now = 0;
  const stage = new MeterViews(views, 'ha', 'ocpp2.0.1', () => now);
  const event = (seqNo: number, triggerReason: string, transactionId = 'T1') => ({
    eventType: 'Updated',
    timestamp: '2025-01-01T00:00:00Z',
    triggerReason,
    seqNo,
    transactionInfo: { transactionId },
    meterValue: [{ timestamp: '2025-01-01T00:00:00Z', sampledValue: [{ value: 7000, measurand: 'Power.Active.Import' }] }],
  });
  assert.equal(stage.toUpstream(frame('TransactionEvent', event(1, 'MeterValuePeriodic'))).kind, 'forward');
  now = 10_000;
  assert.equal(stage.toUpstream(frame('TransactionEvent', event(2, 'MeterValuePeriodic'))).kind, 'drop', 'sooner than the view\'s 60 s');
  assert.equal(stage.toUpstream(frame('TransactionEvent', event(3, 'MeterValuePeriodic'), true)).kind, 'forward', 'the answerer gets every event');
  assert.equal(stage.toUpstream(frame('TransactionEvent', event(4, 'ChargingStateChanged'))).kind, 'forward', 'a state change always goes');
  assert.equal(stage.toUpstream(frame('TransactionEvent', event(1, 'MeterValuePeriodic', 'T2'))).kind, 'forward', 'another transaction has its own clock');
  now = 60_000;
  assert.equal(stage.toUpstream(frame('TransactionEvent', event(5, 'MeterValuePeriodic'))).kind, 'forward');
});
