// The charging-profile keeper of one charger, with a charger stand-in that answers the keeper's
// Calls when the test says so: a burst ends in the latest state, a refused merge keeps the
// previous one, the cap alone goes on connector 0, and a merged profile is made again before it ends.

import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { ChargingProfiles, type StoredProfile } from '../../src/sharing/charging-profiles.ts';
import { PROXY_PROFILE_ID_FIRST } from '../../src/sharing/profile-ids.ts';
import { profileFrom16 } from '../../src/rules/charging-merge.ts';

const NOW = Date.parse('2026-12-01T12:00:00Z');

function txDefault(upstream: string, limit: number, id = 1): StoredProfile {
  const raw = {
    chargingProfileId: id,
    stackLevel: 0,
    chargingProfilePurpose: 'TxDefaultProfile',
    chargingProfileKind: 'Absolute',
    chargingSchedule: { startSchedule: new Date(NOW - 1000).toISOString(), chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit }] },
  };
  return { upstream, connector: 1, purpose: 'TxDefaultProfile', id, raw, input: profileFrom16(raw, NOW) };
}

/** A charger that answers each Call when `answer()` is called; it holds what it accepted. */
function standIn(status = 'Accepted') {
  const calls: Array<{ action: string; payload: any }> = [];
  const waiting: Array<(status: string | null) => void> = [];
  return {
    calls,
    sender: (action: string, payload: any) => {
      calls.push({ action, payload });
      return new Promise<string | null>((resolve) => waiting.push(resolve));
    },
    answer: async () => {
      waiting.shift()?.(status);
      await new Promise((resolve) => setImmediate(resolve));
    },
    get waiting() {
      return waiting.length;
    },
  };
}

const limitOf = (call: { payload: any }) => call.payload.csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit;

test('a burst of Clears and Sets: one Call at a time, each planned when it goes, ending in the latest state', async () => {
  const charger = standIn();
  const profiles = new ChargingProfiles('CP', 'ocpp1.6', ['primary', 'evcc'], null, { volts: 230, phases: 3, say: () => undefined, now: () => NOW });
  profiles.attach(charger.sender);
  profiles.set(txDefault('primary', 16))!.settle(true);
  const merged = profiles.set(txDefault('evcc', 10))!;
  assert.equal(limitOf(merged), 10);
  merged.settle(true);
  // 500 times: EVCC clears (answered by the proxy), and sets again; the charger is busy with the first Call meanwhile.
  for (let i = 0; i < 500; i++) {
    assert.equal(profiles.clear('evcc', {}), true);
    const again = profiles.set(txDefault('evcc', i === 499 ? 8 : 10));
    if (again !== null) again.settle(true);
  }
  assert.ok(charger.calls.length <= 2, `at most one Call out and nothing queued, not ${charger.calls.length}`);
  while (charger.waiting > 0) await charger.answer();
  assert.deepEqual(profiles.status()['1']!.TxDefaultProfile, { limit_now: 8, unit: 'A', from: 'evcc' });
});

test('a merged profile the charger refuses: the upstream\'s change is given back, the previous profile stays', () => {
  const profiles = new ChargingProfiles('CP', 'ocpp1.6', ['primary', 'evcc'], null, { volts: 230, phases: 3, say: () => undefined, now: () => NOW });
  profiles.set(txDefault('primary', 16))!.settle(true);
  const merged = profiles.set(txDefault('evcc', 10))!;
  merged.settle(false);
  assert.deepEqual(profiles.status()['1']!.TxDefaultProfile, { limit_now: 16, unit: 'A', from: 'primary' });
  assert.deepEqual(profiles.own('evcc', {}), [], 'EVCC\'s profile was not kept');
  assert.equal(profiles.set(txDefault('primary', 16)), null, 'the same profile again changes nothing at the charger');
});

test('the homeowner\'s cap: alone on connector 0 as the charger\'s maximum, in every merge, removed again', async () => {
  const charger = standIn();
  const profiles = new ChargingProfiles('CP', 'ocpp1.6', ['primary', 'evcc'], null, { volts: 230, phases: 3, say: () => undefined, now: () => NOW });
  profiles.attach(charger.sender);
  profiles.setCap({ limit: 6, unit: 'A' });
  await charger.answer();
  assert.equal(charger.calls[0]!.payload.connectorId, 0);
  assert.equal(charger.calls[0]!.payload.csChargingProfiles.chargingProfileId, PROXY_PROFILE_ID_FIRST);
  assert.equal(charger.calls[0]!.payload.csChargingProfiles.chargingProfilePurpose, 'ChargePointMaxProfile');
  const withCap = profiles.set(txDefault('primary', 16))!;
  assert.equal(limitOf(withCap), 6, 'the cap is lower than the backend\'s profile');
  withCap.settle(true);
  assert.equal(profiles.status()['1']!.TxDefaultProfile!.from, 'homeowner');
  profiles.setCap(null);
  while (charger.waiting > 0) await charger.answer();
  const actions = charger.calls.slice(1).map((c) => `${c.action} ${c.payload.connectorId ?? c.payload.id}`).sort();
  assert.deepEqual(actions, [`ClearChargingProfile ${PROXY_PROFILE_ID_FIRST}`, 'SetChargingProfile 1']);
});

test('a merged profile is made again an hour before its 24 hours end', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let now = NOW;
    const charger = standIn();
    const profiles = new ChargingProfiles('CP', 'ocpp1.6', ['primary', 'evcc'], null, { volts: 230, phases: 3, say: () => undefined, now: () => now });
    profiles.attach(charger.sender);
    profiles.set(txDefault('primary', 16))!.settle(true);
    profiles.set(txDefault('evcc', 10))!.settle(true);
    assert.equal(charger.calls.length, 0);
    now += 23 * 3_600_000;
    mock.timers.tick(23 * 3_600_000);
    assert.equal(charger.calls.length, 1, 'sent again before it runs out');
    assert.equal(Date.parse(charger.calls[0]!.payload.csChargingProfiles.chargingSchedule.startSchedule), Math.floor(now / 1000) * 1000, 'from now on');
  } finally {
    mock.timers.reset();
  }
});

test('after a restart of the proxy: running transactions and profiles come back, and the charger gets everything again', async () => {
  const { Store } = await import('../../src/store/store.ts');
  const { tempDir } = await import('../helpers/peers.ts');
  const { join } = await import('node:path');
  const store = Store.open(join(tempDir(), 'state.db'));
  try {
    store.startTransaction({ charger: 'CP', chargerTx: '42', owner: 'primary', connector: 1, evse: null, idTag: null, startedAt: new Date(NOW - 600_000).toISOString(), meterStart: 0, guessed: false });
    const before = new ChargingProfiles('CP', 'ocpp1.6', ['primary', 'evcc'], store, { volts: 230, phases: 3, say: () => undefined, now: () => NOW });
    before.set(txDefault('primary', 16))!.settle(true);
    before.set(txDefault('evcc', 10))!.settle(true);

    const charger = standIn();
    const after = new ChargingProfiles('CP', 'ocpp1.6', ['primary', 'evcc'], store, { volts: 230, phases: 3, say: () => undefined, now: () => NOW });
    assert.equal(after.hasTransaction(1), true, 'the running transaction is known again');
    after.attach(charger.sender);
    after.resume();
    while (charger.waiting > 0) await charger.answer();
    const sets = charger.calls.filter((c) => c.action === 'SetChargingProfile' && c.payload.connectorId === 1);
    assert.equal(sets.length, 1);
    assert.equal(limitOf(sets[0]!), 10, 'the merge, sent again: what the charger holds is not known after a restart');
  } finally {
    store.close();
  }
});

test('a Relative profile on connector 0 counts from the running transaction on another connector', () => {
  const profiles = new ChargingProfiles('CP', 'ocpp1.6', ['primary', 'evcc'], null, { volts: 230, phases: 3, say: () => undefined, now: () => NOW });
  profiles.transactionStarted(1, '7', NOW - 60_000);
  const relative = txDefault('evcc', 6);
  const raw = { ...relative.raw, chargingProfileKind: 'Relative', chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }] } };
  profiles.set({ ...relative, connector: 0, raw, input: profileFrom16(raw, NOW) })!.settle(true);
  const send = profiles.set({ ...txDefault('primary', 16), connector: 0 })!;
  assert.equal(limitOf(send), 6, 'the Relative 6 A is in force during the transaction');
});

test('a charger that refuses or cannot take the proxy\'s Calls is not asked again and again: once per hour, or when the wanted changes', async () => {
  let clock = NOW;
  const calls: string[] = [];
  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  const profiles = new ChargingProfiles('CP', 'ocpp1.6', ['primary', 'evcc'], null, { volts: 230, phases: 3, say: () => undefined, now: () => clock });
  // A CallError (NotImplemented) to everything, at once (after 100 Calls no answer: a loop ends, and fails the test).
  profiles.attach((action) => {
    calls.push(action);
    return calls.length > 100 ? new Promise(() => undefined) : Promise.resolve(null);
  });
  profiles.resume(); // after a restart: whatever the proxy may have installed is cleared, to be sure
  await turns(50);
  const first = calls.length;
  assert.ok(first >= 1 && first <= 2, `one Clear per kind of profile, not ${first}`);
  await turns(50);
  assert.equal(calls.length, first, 'not asked again at once');
  clock += 3_600_001;
  profiles.resume();
  await turns(50);
  assert.equal(calls.length, 2 * first, 'asked again an hour later, once');
  // A new wanted state goes at once (in place of the upstream's Call); refused, it is not asked again either.
  const send = profiles.set(txDefault('primary', 16));
  assert.equal(send?.action, 'SetChargingProfile');
  send!.settle(false);
  await turns(50);
  const settled = calls.length;
  await turns(50);
  assert.equal(calls.length, settled, 'quiet after the refusal');
  assert.ok(settled <= 2 * first + 1, `${settled} Calls`);
  profiles.attach(null);
});
