// Nothing a peer sends grows what the proxy keeps for the web without bound: action labels in
// /metrics, charger views, connectors, readings and limit senders on the dashboard, session ends.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Metrics } from '../../src/web/metrics.ts';
import { DashboardState } from '../../src/web/dashboard-state.ts';
import { actionLabel } from '../../src/ocpp/actions.ts';
import { DeliveryTracker } from '../../src/web/delivery.ts';
import type { MessageLogEntry } from '../../src/log/message-log.ts';

function call(charger: string, id: string, action: string, payload: unknown, to = 'primary'): MessageLogEntry {
  return { ts: '2026-12-01T00:00:00.000Z', charger, from: 'charger', to, type: 'CALL', id, action, tags: [], raw: JSON.stringify([2, id, action, payload]) };
}

test('/metrics: 1,000 made-up action names share one label; the scrape stays small', () => {
  const metrics = new Metrics();
  for (let i = 0; i < 1000; i++) metrics.observe(call('CP1', String(i), `Made_Up_Action_${i}_${'x'.repeat(40)}`, {}));
  metrics.observe(call('CP1', 'h', 'Heartbeat', {}));
  const text = metrics.render([]);
  assert.match(text, /ocpp_proxy_frames_total\{from="charger",to="primary",type="CALL",action="other"\} 1000/);
  assert.match(text, /action="Heartbeat"\} 1/);
  assert.ok(text.length < 10_000, `${text.length} bytes`);
  assert.equal(actionLabel('TransactionEvent'), 'TransactionEvent');
  assert.equal(actionLabel('NotifyPriorityCharging'), 'NotifyPriorityCharging');
});

test('dashboard: connectors, readings and charger views are bounded', () => {
  const state = new DashboardState();
  for (let connector = 0; connector < 2000; connector++) {
    state.apply(call('CP1', `s${connector}`, 'StatusNotification', { connectorId: connector, status: 'Available', errorCode: 'NoError' }));
  }
  assert.equal(Object.keys(state.chargers.get('CP1')!.connectors).length, 64);
  const samples = Array.from({ length: 1000 }, (_, i) => ({ value: '1', measurand: `Made.Up.${i}` }));
  state.apply(call('CP1', 'm1', 'MeterValues', { connectorId: 1, meterValue: [{ timestamp: '2026-12-01T00:00:00Z', sampledValue: samples }] }));
  assert.equal(Object.keys(state.chargers.get('CP1')!.readings).length, 100);
  for (let i = 0; i < 10_100; i++) state.apply(call(`ID${i}`, 'b', 'BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }));
  assert.equal(state.chargers.size, 10_000);
  assert.ok(state.chargers.has('ID10099') && !state.chargers.has('CP1'), 'the oldest first seen went first');
});

test('dashboard limits: at most 20 senders per charger; a ClearChargingProfile removes the sender\'s', () => {
  const state = new DashboardState();
  const profile = (limit: number) => ({ connectorId: 1, csChargingProfiles: { chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit }] } } });
  for (let i = 0; i < 50; i++) state.apply({ ...call('CP1', `p${i}`, 'SetChargingProfile', profile(i)), from: `up${i}`, to: 'charger' });
  assert.equal(Object.keys(state.chargers.get('CP1')!.limits).length, 20);
  assert.deepEqual(state.chargers.get('CP1')!.limits.up3, { value: 3, unit: 'A', purpose: 'TxDefaultProfile', at: '2026-12-01T00:00:00.000Z' });
  state.apply({ ...call('CP1', 'c', 'ClearChargingProfile', { id: 1 }), from: 'up3', to: 'charger' });
  assert.equal(state.chargers.get('CP1')!.limits.up3, undefined);
});

test('session ends: kept for at most 10,000 chargers', () => {
  const delivery = new DeliveryTracker();
  for (let i = 0; i < 10_100; i++) delivery.observe(call(`ID${i}`, 's', 'StopTransaction', { transactionId: i, meterStop: 0, timestamp: '2026-12-01T00:00:00.000Z' }));
  assert.equal(delivery.describe('ID0', null), null, 'the oldest went');
  assert.equal(delivery.describe('ID10099', null)!.transaction, '10099');
});

test('dashboard: meter values that are not objects (null, numbers) are skipped, not thrown on', () => {
  const state = new DashboardState();
  state.apply(call('CP1', 'm1', 'MeterValues', { connectorId: 1, meterValue: [null, 7, { timestamp: '2026-12-01T00:00:00Z', sampledValue: [null, 'x', { value: '5', measurand: 'Power.Active.Import' }] }] }));
  assert.equal(state.chargers.get('CP1')!.readings['Power.Active.Import'], 5);
});
