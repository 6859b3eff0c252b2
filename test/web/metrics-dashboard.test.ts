// Metrics and the dashboard state, fed message log entries as the proxy writes them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Metrics } from '../../src/web/metrics.ts';
import { DashboardState } from '../../src/web/dashboard-state.ts';
import type { MessageLogEntry } from '../../src/log/message-log.ts';

function entry(ts: string, from: string, to: string, type: MessageLogEntry['type'], id: string, action: string | null, raw: string, tags: MessageLogEntry['tags'] = []): MessageLogEntry {
  return { ts, charger: 'CP1', from, to, type, id, action, tags, raw };
}

test('metrics: frames per hop and action, tags, and the round trip of a charger Call to each upstream', () => {
  const metrics = new Metrics();
  metrics.observe(entry('2026-12-01T10:00:00.000Z', 'charger', 'primary', 'CALL', 'h1', 'Heartbeat', '[2,"h1","Heartbeat",{}]'));
  metrics.observe(entry('2026-12-01T10:00:00.000Z', 'charger', 'secondary', 'CALL', 'h1', 'Heartbeat', '[2,"h1","Heartbeat",{}]'));
  metrics.observe(entry('2026-12-01T10:00:00.020Z', 'primary', 'charger', 'CALLRESULT', 'h1', 'Heartbeat', '[3,"h1",{}]'));
  metrics.observe(entry('2026-12-01T10:00:00.700Z', 'secondary', 'proxy', 'CALLRESULT', 'h1', 'Heartbeat', '[3,"h1",{}]', ['dropped']));
  const text = metrics.render([]);
  assert.match(text, /ocpp_proxy_frames_total\{from="charger",to="primary",type="CALL",action="Heartbeat"\} 1/);
  assert.match(text, /ocpp_proxy_dropped_total 1/);
  assert.match(text, /ocpp_proxy_call_rtt_seconds_bucket\{upstream="primary",le="0.025"\} 1/);
  assert.match(text, /ocpp_proxy_call_rtt_seconds_bucket\{upstream="secondary",le="0.5"\} 0/);
  assert.match(text, /ocpp_proxy_call_rtt_seconds_bucket\{upstream="secondary",le="1"\} 1/);
  assert.match(text, /ocpp_proxy_call_rtt_seconds_count\{upstream="primary"\} 1/);
  // An answer without its Call, or a second answer, is not timed twice.
  metrics.observe(entry('2026-12-01T10:00:01.000Z', 'primary', 'charger', 'CALLRESULT', 'h1', 'Heartbeat', '[3,"h1",{}]'));
  assert.match(metrics.render([]), /ocpp_proxy_call_rtt_seconds_count\{upstream="primary"\} 1/);
});

test('dashboard state: boot, statuses, a 1.6 session with its readings, and the limit a backend set', () => {
  const state = new DashboardState();
  const boot = '[2,"b","BootNotification",{"chargePointVendor":"Alfen","chargePointModel":"Eve","firmwareVersion":"6.4"}]';
  assert.equal(state.apply(entry('2026-12-01T10:00:00.000Z', 'charger', 'primary', 'CALL', 'b', 'BootNotification', boot)), true);
  assert.equal(state.apply(entry('2026-12-01T10:00:00.000Z', 'charger', 'secondary', 'CALL', 'b', 'BootNotification', boot)), false, 'the same Call on the next hop is read once');
  state.apply(entry('2026-12-01T10:00:01.000Z', 'charger', 'primary', 'CALL', 's', 'StatusNotification', '[2,"s","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Charging"}]'));
  state.apply(entry('2026-12-01T10:00:02.000Z', 'charger', 'primary', 'CALL', 't', 'StartTransaction', '[2,"t","StartTransaction",{"connectorId":1,"idTag":"TAG1","meterStart":1000,"timestamp":"2026-12-01T10:00:02Z"}]'));
  state.apply(entry('2026-12-01T10:00:02.010Z', 'primary', 'charger', 'CALLRESULT', 't', 'StartTransaction', '[3,"t",{"transactionId":42,"idTagInfo":{"status":"Accepted"}}]'));
  state.apply(entry('2026-12-01T10:01:00.000Z', 'charger', 'primary', 'CALL', 'm', 'MeterValues', '[2,"m","MeterValues",{"connectorId":1,"transactionId":42,"meterValue":[{"timestamp":"2026-12-01T10:01:00Z","sampledValue":[{"value":"7.2","measurand":"Power.Active.Import","unit":"kW"},{"value":"16","measurand":"Current.Import","phase":"L1","unit":"A"}]}]}]'));
  state.apply(entry('2026-12-01T10:01:05.000Z', 'secondary', 'charger', 'CALL', 'p', 'SetChargingProfile', '[2,"p","SetChargingProfile",{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":10}]}}}]'));
  const view = state.chargers.get('CP1')!;
  assert.deepEqual([view.vendor, view.model, view.firmware], ['Alfen', 'Eve', '6.4']);
  assert.equal(view.connectors['1']!.status, 'Charging');
  assert.deepEqual(view.transaction, { id: '42', idTag: 'TAG1', connector: '1', startedAt: '2026-12-01T10:00:02Z', meterStartWh: 1000 });
  assert.equal(view.readings['Power.Active.Import'], 7200, 'kW read as W');
  assert.equal(view.readings['Current.Import.L1'], 16);
  assert.equal(view.limit?.value, 10);
  assert.equal(view.limit?.by, 'secondary');
  state.apply(entry('2026-12-01T11:00:00.000Z', 'charger', 'primary', 'CALL', 'x', 'StopTransaction', '[2,"x","StopTransaction",{"transactionId":42,"meterStop":9000,"timestamp":"2026-12-01T11:00:00Z"}]'));
  assert.equal(state.chargers.get('CP1')!.transaction, null);
});
