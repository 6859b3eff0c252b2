// What the proxy remembers of a charger for upstreams that (re)connect: the boot and who made it,
// the latest status per connector, whether the boot is still accepted, and the bounds on all of it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOOT_ACCEPTANCE_TTL_MS, ChargerMemory, MAX_REMEMBERED_CONNECTORS, connectorKey } from '../../src/session/charger-memory.ts';

let nextId = 0;

/** Remembers a Call as the session does: its action, parsed payload and text (each under its own id). */
function remember(memory: ChargerMemory, action: string, payload: Record<string, unknown>): string {
  const text = JSON.stringify([2, `id-${nextId++}`, action, payload]);
  memory.rememberCall(action, payload, text);
  return text;
}

const status16 = (connectorId: unknown, status: string) => ({ connectorId, status, errorCode: 'NoError' });
const status201 = (evseId: unknown, connectorId: unknown, connectorStatus: string) => ({ timestamp: '2026-01-05T10:00:00Z', evseId, connectorId, connectorStatus });

test('the boot is remembered with vendor and model: 1.6 and 2.0.1 shapes; a later boot replaces it', () => {
  const memory = new ChargerMemory();
  assert.deepEqual([memory.boot, memory.vendor, memory.model], [null, null, null]);
  const boot16 = remember(memory, 'BootNotification', { chargePointVendor: 'Alfen', chargePointModel: 'Eve Single' });
  assert.deepEqual([memory.boot, memory.vendor, memory.model], [boot16, 'Alfen', 'Eve Single']);

  const boot201 = remember(memory, 'BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'Zaptec', model: 'Go' } });
  assert.deepEqual([memory.boot, memory.vendor, memory.model], [boot201, 'Zaptec', 'Go']);

  remember(memory, 'BootNotification', { chargePointVendor: 42, chargingStation: 'not an object' });
  assert.deepEqual([memory.vendor, memory.model], [null, null], 'what is not a string is not kept');

  const before = memory.boot;
  remember(memory, 'Heartbeat', {});
  remember(memory, 'Authorize', { idTag: 'X' });
  assert.equal(memory.boot, before, 'other Calls change nothing');
  assert.equal(memory.statuses.size, 0);
});

test('statuses: the newest per connector, in the order connectors were first seen', () => {
  const memory = new ChargerMemory();
  const first1 = remember(memory, 'StatusNotification', status16(1, 'Preparing'));
  const only0 = remember(memory, 'StatusNotification', status16(0, 'Available'));
  const only2 = remember(memory, 'StatusNotification', status16(2, 'Available'));
  const newest1 = remember(memory, 'StatusNotification', status16(1, 'Charging'));
  assert.notEqual(first1, newest1);
  assert.deepEqual([...memory.statuses.values()], [newest1, only0, only2]);

  const evse = new ChargerMemory();
  remember(evse, 'StatusNotification', status201(1, 1, 'Occupied'));
  const b = remember(evse, 'StatusNotification', status201(1, 2, 'Available'));
  const c = remember(evse, 'StatusNotification', status201(2, 1, 'Available'));
  const a2 = remember(evse, 'StatusNotification', status201(1, 1, 'Available'));
  assert.deepEqual([...evse.statuses.values()], [a2, b, c], '2.0.1: EVSE and connector together name the connector');
  assert.deepEqual([connectorKey(status201(1, 2, 'x')), connectorKey(status16(2, 'x'))], ['1:2', ':2']);
});

test('replayFrames: nothing before a boot; then the boot and each connector\'s latest status, in order', () => {
  const memory = new ChargerMemory();
  remember(memory, 'StatusNotification', status16(1, 'Available'));
  assert.deepEqual(memory.replayFrames(), [], 'statuses without a boot are not replayed');
  const boot = remember(memory, 'BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
  const s2 = remember(memory, 'StatusNotification', status16(2, 'Available'));
  const s1 = remember(memory, 'StatusNotification', status16(1, 'Charging'));
  assert.deepEqual(memory.replayFrames(), [
    { action: 'BootNotification', text: boot },
    { action: 'StatusNotification', text: s1 },
    { action: 'StatusNotification', text: s2 },
  ]);
});

test('boot acceptance lasts BOOT_ACCEPTANCE_TTL_MS; a rejected boot ends it', () => {
  const memory = new ChargerMemory();
  const t0 = 1_700_000_000_000;
  assert.equal(memory.bootAccepted(t0), false);
  memory.bootAnswered(true, t0);
  assert.equal(memory.bootAcceptedAt, t0);
  assert.equal(memory.bootAccepted(t0), true);
  assert.equal(memory.bootAccepted(t0 + BOOT_ACCEPTANCE_TTL_MS - 1), true);
  assert.equal(memory.bootAccepted(t0 + BOOT_ACCEPTANCE_TTL_MS), false, 'too old to let held calls through');
  memory.bootAnswered(true, t0 + BOOT_ACCEPTANCE_TTL_MS);
  assert.equal(memory.bootAccepted(t0 + BOOT_ACCEPTANCE_TTL_MS + 1), true, 'a new acceptance starts it again');
  memory.bootAnswered(false, t0 + BOOT_ACCEPTANCE_TTL_MS + 2);
  assert.equal(memory.bootAcceptedAt, null);
  assert.equal(memory.bootAccepted(t0 + BOOT_ACCEPTANCE_TTL_MS + 3), false);
  memory.bootAnswered(true);
  assert.equal(memory.bootAccepted(), true, 'now by default');
});

test(`at most ${MAX_REMEMBERED_CONNECTORS} connectors are kept; a known one is still updated when full`, () => {
  const memory = new ChargerMemory();
  for (let connector = 0; connector < MAX_REMEMBERED_CONNECTORS; connector++) remember(memory, 'StatusNotification', status16(connector, 'Available'));
  assert.equal(memory.statuses.size, MAX_REMEMBERED_CONNECTORS);
  remember(memory, 'StatusNotification', status16(MAX_REMEMBERED_CONNECTORS, 'Available'));
  assert.equal(memory.statuses.size, MAX_REMEMBERED_CONNECTORS);
  assert.equal(memory.statuses.has(connectorKey(status16(MAX_REMEMBERED_CONNECTORS, ''))), false, 'a new connector past the bound is not kept');
  const updated = remember(memory, 'StatusNotification', status16(5, 'Faulted'));
  assert.equal(memory.statuses.get(':5'), updated);
  assert.equal([...memory.statuses.keys()][5], ':5', 'in its first-seen place');
});

test('connector ids that are not connector numbers are not kept', () => {
  const memory = new ChargerMemory();
  for (const bad of [-1, 1.5, '1', null, undefined, 1001, Number.NaN, Number.POSITIVE_INFINITY]) {
    remember(memory, 'StatusNotification', status16(bad, 'Available'));
  }
  for (const badEvse of [-1, 'x', 2.5, 5000]) remember(memory, 'StatusNotification', status201(badEvse, 1, 'Available'));
  remember(memory, 'StatusNotification', status201(1, -3, 'Available'));
  assert.deepEqual([...memory.statuses.keys()], []);
  remember(memory, 'StatusNotification', status16(1000, 'Available'));
  remember(memory, 'StatusNotification', status201(0, 0, 'Available'));
  assert.deepEqual([...memory.statuses.keys()], [':1000', '0:0'], 'the bounds themselves are valid');
});
