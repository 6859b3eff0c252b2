import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CallPolicy, controlWarnings } from '../../src/config/policy.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { writeIni } from '../helpers/peers.ts';

const configOf = (ini: string) => {
  const { config, problems } = loadConfig({ config: writeIni(ini) });
  assert.deepEqual(problems, []);
  return config!;
};

test('observers may send nothing; allow and deny lists narrow the others', () => {
  const config = configOf('[ext-server]\nserver = ws://p:1\nsecondary_server = ws://s:1\nsecondary_deny_actions = Reset\n[upstream.o]\nurl = ws://o:1\nrole = observer\n[upstream.a]\nurl = ws://a:1\nallow_actions = GetConfiguration, Reset\ndeny_actions = Reset\n');
  const [primary, secondary, observer, allowed] = config.upstreams.map((u) => new CallPolicy(u));
  assert.equal(primary!.refusal('Reset'), null);
  assert.match(secondary!.refusal('Reset')!, /deny_actions/);
  assert.equal(secondary!.refusal('GetConfiguration'), null);
  assert.match(observer!.refusal('GetConfiguration')!, /observers/);
  assert.equal(allowed!.refusal('GetConfiguration'), null);
  assert.match(allowed!.refusal('Reset')!, /deny_actions/);
  assert.match(allowed!.refusal('ClearCache')!, /allow_actions/);
});

test('check warns when two upstreams may steer charging, unless narrowed or sharing is set', () => {
  const twoWay = '[ext-server]\nserver = ws://p:1\nsecondary_server = ws://s:1\n';
  assert.equal(controlWarnings(configOf(twoWay)).length, 1);
  assert.match(controlWarnings(configOf(twoWay))[0]!, /primary, secondary may all send charging-control calls.*secondary_deny_actions/);
  assert.deepEqual(controlWarnings(configOf('[ext-server]\nserver = ws://p:1\n')), []);
  assert.deepEqual(controlWarnings(configOf(`${twoWay}[sharing]\nenabled = true\n`)), []);
  assert.deepEqual(controlWarnings(configOf(`${twoWay}[sharing]\nshared_control = true\n`)), []);
  const allButUnlock = `${twoWay}secondary_deny_actions = RemoteStartTransaction, RemoteStopTransaction, RequestStartTransaction, RequestStopTransaction, SetChargingProfile, ClearChargingProfile, ChangeAvailability, Reset`;
  // One list of control actions for the warning and the sharing arbiter: UnlockConnector is one.
  assert.equal(controlWarnings(configOf(`${allButUnlock}\n`)).length, 1);
  assert.deepEqual(controlWarnings(configOf(`${allButUnlock}, UnlockConnector\n`)), []);
  assert.deepEqual(controlWarnings(configOf(`[ext-server]\nserver = ws://p:1\n[upstream.o]\nurl = ws://o:1\nrole = observer\n`)), []);
  // Charging profiles are merged by default: they are not named, and a secondary that may send only them is no controller.
  assert.match(controlWarnings(configOf(twoWay))[0]!, /calls \(RemoteStartTransaction, .*UnlockConnector; charging profiles are merged, the lowest limit wins\)/);
  const onlyProfiles = `${twoWay}secondary_deny_actions = RemoteStartTransaction, RemoteStopTransaction, RequestStartTransaction, RequestStopTransaction, ChangeAvailability, Reset, UnlockConnector\n`;
  assert.deepEqual(controlWarnings(configOf(onlyProfiles)), []);
  assert.equal(controlWarnings(configOf(`${onlyProfiles}[charging]\nmerge = false\n`)).length, 1);
});
