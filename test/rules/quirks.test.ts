import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FixupPipeline, configuredRules } from '../../src/rules/fixups.ts';
import { DEFAULTS } from '../../src/config/config.ts';
import type { OcppVersion } from '../../src/ocpp/versions.ts';

const charger = { vendor: 'V', model: 'M' };
const quirks = { ...DEFAULTS.fixups, timestamps: false, idTagMaxLength: 20, powerScale: 10 };

function apply(version: OcppVersion, action: string, text: string) {
  const payload = JSON.parse(text)[3];
  return new FixupPipeline(configuredRules(quirks), version, 'CP').apply(action, payload, text, charger, Date.now());
}

test('idtag_max_length cuts long 1.6 idTags and nothing else', () => {
  const text = '[2,"1","Authorize",{"idTag":"0123456789ABCDEF0123456789"}]';
  assert.equal(apply('ocpp1.6', 'Authorize', text)!.text, '[2,"1","Authorize",{"idTag":"0123456789ABCDEF0123"}]');
  assert.equal(apply('ocpp1.6', 'Authorize', '[2,"1","Authorize",{"idTag":"SHORT"}]'), null);
  assert.equal(apply('ocpp2.0.1', 'Authorize', '[2,"1","Authorize",{"idToken":{"idToken":"0123456789ABCDEF0123456789","type":"ISO14443"}}]'), null);
});

test('power_scale scales Power.Active.Import, keeps the sender\'s type, never touches signed values', () => {
  const v16 = '[2,"1","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-11-21T00:00:00Z","sampledValue":[{"value":"123.4","measurand":"Power.Active.Import"},{"value":"5","measurand":"Energy.Active.Import.Register"},{"value":"77","measurand":"Power.Active.Import","format":"SignedData"}]}]}]';
  assert.equal(apply('ocpp1.6', 'MeterValues', v16)!.text, v16.replace('"123.4"', '"1234"'));
  const v201 = '[2,"1","MeterValues",{"evseId":1,"meterValue":[{"timestamp":"2026-11-21T00:00:00Z","sampledValue":[{"value":123.4,"measurand":"Power.Active.Import"},{"value":9,"measurand":"Power.Active.Import","signedMeterValue":{"signedMeterData":"x","signingMethod":"","encodingMethod":"","publicKey":""}}]}]}]';
  assert.equal(apply('ocpp2.0.1', 'MeterValues', v201)!.text, v201.replace('123.4', '1234'));
});

test('rules limited to a vendor or to charger ids apply only there', () => {
  const rule = { name: 'only-x', actions: () => ['Heartbeat'], only: { vendor: 'x' }, fix: () => [{ path: ['a'], value: 1, was: 0 }] };
  const text = '[2,"1","Heartbeat",{"a":0}]';
  assert.equal(new FixupPipeline([rule], 'ocpp1.6', 'CP').apply('Heartbeat', { a: 0 }, text, charger, 0), null);
  assert.equal(new FixupPipeline([rule], 'ocpp1.6', 'CP').apply('Heartbeat', { a: 0 }, text, { ...charger, vendor: 'X' }, 0)!.text, '[2,"1","Heartbeat",{"a":1}]');
  const byId = { ...rule, only: { chargerIds: ['OTHER'] } };
  assert.equal(new FixupPipeline([byId], 'ocpp1.6', 'CP').apply('Heartbeat', { a: 0 }, text, charger, 0), null);
});

test('FixupPipeline.for: one pipeline per version shared by all chargers, unless a rule names charger ids', () => {
  const rule = { name: 'every', actions: () => ['Heartbeat'], fix: () => [{ path: ['a'], value: 1, was: 0 }] };
  const rules = [rule];
  assert.equal(FixupPipeline.for(rules, 'ocpp1.6', 'A'), FixupPipeline.for(rules, 'ocpp1.6', 'B'));
  assert.notEqual(FixupPipeline.for(rules, 'ocpp1.6', 'A'), FixupPipeline.for(rules, 'ocpp2.0.1', 'A'));
  const byId = [{ ...rule, only: { chargerIds: ['A'] } }];
  const text = '[2,"1","Heartbeat",{"a":0}]';
  assert.notEqual(FixupPipeline.for(byId, 'ocpp1.6', 'A'), FixupPipeline.for(byId, 'ocpp1.6', 'B'));
  assert.equal(FixupPipeline.for(byId, 'ocpp1.6', 'A').apply('Heartbeat', { a: 0 }, text, charger, 0)!.text, '[2,"1","Heartbeat",{"a":1}]');
  assert.equal(FixupPipeline.for(byId, 'ocpp1.6', 'B').apply('Heartbeat', { a: 0 }, text, charger, 0), null);
});
