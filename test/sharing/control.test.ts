// Control arbitration as pure decisions over time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ControlArbiter, controlRefusal, type HomeVerdict } from '../../src/sharing/control.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { writeIni } from '../helpers/peers.ts';

function arbiter(sharing: string, home: () => HomeVerdict | null = () => null) {
  const { config, problems } = loadConfig({
    config: writeIni(`[ext-server]\nserver = ws://p:1\nsecondary_server = ws://s:1\n[upstream.fleet]\nurl = ws://f:1\n[backend.evcc]\ntoken = t\n[sharing]\nenabled = true\n${sharing}`),
  });
  assert.deepEqual(problems, []);
  return new ControlArbiter(config!, home);
}

const T = 1_000_000;

test('one holder at a time; the lease frees control; the holder renews it', () => {
  const a = arbiter('lease = 60\n');
  assert.equal(a.decide('CP', 'secondary', 'Reset', T).allowed, true);
  const refused = a.decide('CP', 'fleet', 'Reset', T + 1000);
  assert.equal(refused.allowed, false);
  assert.match(refused.reason, /secondary holds control/);
  assert.equal(a.decide('CP', 'secondary', 'SetChargingProfile', T + 50_000).allowed, true, 'renewed');
  assert.equal(a.decide('CP', 'fleet', 'Reset', T + 100_000).allowed, false, 'lease counts from the last call');
  const taken = a.decide('CP', 'fleet', 'Reset', T + 111_000);
  assert.equal(taken.allowed, true);
  assert.match(taken.reason, /lease of secondary expired/);
  assert.equal(a.control('CP').holder, 'fleet');
  assert.equal(a.decide('OTHER', 'secondary', 'Reset', T + 111_000).allowed, true, 'per charger');
});

test('a holder keeps control for the session it started; preferred takes over', () => {
  const a = arbiter('lease = 10\npreferred = evcc\n');
  a.decide('CP', 'fleet', 'RemoteStartTransaction', T);
  a.sessionStarted('CP', 'fleet');
  assert.equal(a.decide('CP', 'secondary', 'Reset', T + 3_600_000).allowed, false, 'no lease expiry during its session');
  const preferred = a.decide('CP', 'evcc', 'SetChargingProfile', T + 3_600_000);
  assert.equal(preferred.allowed, true);
  assert.match(preferred.reason, /preferred backend takes control from fleet/);
  a.sessionEnded('CP');
  assert.equal(a.control('CP').holder, 'evcc');
});

test('rate limit, allowed and blocked lists, primary_always', () => {
  const a = arbiter('rate_limit_seconds = 30\nblocked = fleet\nprimary_always = true\nlease = 1000\n');
  assert.equal(a.decide('CP', 'secondary', 'Reset', T).allowed, true);
  assert.match(a.decide('CP', 'secondary', 'Reset', T + 5000).reason, /rate limit/);
  assert.equal(a.decide('CP', 'secondary', 'Reset', T + 31_000).allowed, true);
  assert.match(a.decide('CP', 'fleet', 'Reset', T + 40_000).reason, /blocked/);
  assert.match(a.decide('CP', 'primary', 'Reset', T + 40_000).reason, /primary always/);
  const b = arbiter('allowed = evcc\n');
  assert.match(b.decide('CP', 'secondary', 'Reset', T).reason, /not in \[sharing\] allowed/);
  assert.equal(b.decide('CP', 'evcc', 'Reset', T).allowed, true);
});

test('a fault revokes control until the connector recovers', () => {
  const a = arbiter('');
  a.decide('CP', 'secondary', 'Reset', T);
  a.connectorStatus('CP', '1', 'Faulted');
  assert.equal(a.control('CP').holder, null);
  assert.match(a.decide('CP', 'secondary', 'Reset', T + 1).reason, /faulted/);
  a.connectorStatus('CP', '1', 'Available');
  assert.equal(a.decide('CP', 'secondary', 'Reset', T + 2).allowed, true);
});

test('the homeowner always wins; Home Assistant blocks; decisions are kept with reasons', () => {
  let home: HomeVerdict | null = { blocked: true, reason: 'input_boolean.no_backends is on' };
  const a = arbiter('', () => home);
  assert.match(a.decide('CP', 'secondary', 'Reset', T).reason, /Home Assistant: input_boolean.no_backends is on/);
  a.setOverride({ mode: 'allow', since: 'x' });
  assert.equal(a.decide('CP', 'secondary', 'Reset', T).allowed, true, 'allow beats Home Assistant');
  a.setOverride({ mode: 'give', to: 'fleet', since: 'x' });
  assert.equal(a.decide('CP', 'secondary', 'Reset', T).allowed, false);
  assert.equal(a.decide('CP', 'fleet', 'Reset', T).allowed, true);
  a.setOverride({ mode: 'block', since: 'x' });
  assert.equal(a.decide('CP', 'fleet', 'Reset', T).allowed, false);
  a.setOverride(null);
  home = null;
  assert.equal(a.decide('CP', 'fleet', 'Reset', T).allowed, true);
  const described = a.describe('CP', T) as { decisions: Array<{ reason: string }>; holder: string };
  assert.equal(described.holder, 'fleet');
  assert.ok(described.decisions.length >= 5 && described.decisions.every((d) => d.reason.length > 0));
});

test('refusals in each control action\'s own answer shape', () => {
  assert.deepEqual(controlRefusal('ocpp1.6', 'RemoteStartTransaction'), { status: 'Rejected' });
  assert.deepEqual(controlRefusal('ocpp1.6', 'UnlockConnector'), { status: 'UnlockFailed' });
  assert.deepEqual(controlRefusal('ocpp1.6', 'ClearChargingProfile'), { status: 'Unknown' });
  assert.deepEqual(controlRefusal('ocpp2.0.1', 'RequestStopTransaction'), { status: 'Rejected' });
  assert.equal(controlRefusal('ocpp2.0.1', 'RemoteStartTransaction'), null);
  assert.equal(controlRefusal('ocpp1.6', 'GetConfiguration'), null);
});
