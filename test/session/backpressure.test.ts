// A reader that stops reading never makes the proxy buffer without bound.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { cleanupAfter, iniFor, rawCharger, startProxy, startRawCsms, waitUntil, within } from '../helpers/peers.ts';
import { HIGH_WATER_MARK } from '../../src/session/charger-session.ts';

const cleanups = cleanupAfter();

const socketOf = (ws: unknown) => (ws as { _socket: Socket })._socket;
const bigCall = (i: number) => `[2,"d${i}","DataTransfer",{"vendorId":"v","data":"${'x'.repeat(64 * 1024)}"}]`;

test('a primary that stops reading: the proxy stops reading the charger, then delivers everything in order', async () => {
  const primary = await startRawCsms(['ocpp1.6']);
  // charger_rate off: this is about the primary's backpressure, with a charger sending at full speed.
  const proxy = await startProxy(`${iniFor(primary.url)}[host]\ncharger_rate = 0\n`);
  cleanups.push(() => primary.close(), () => proxy.close());
  const charger = await rawCharger(proxy.port, '/BP1');
  cleanups.push(() => charger.ws.terminate());
  const p = await primary.nextSocket();
  socketOf(p).pause();

  const count = 300; // ~20 MB, far more than socket buffers hold
  for (let i = 0; i < count; i++) charger.ws.send(bigCall(i));
  const link = proxy.daemon.server.sessions.get('BP1')!.primary;
  // The charger's own send buffer fills up: the proxy has stopped reading from it.
  await waitUntil(() => charger.ws.bufferedAmount > 8 * 1024 * 1024, 'the proxy to stop reading the charger', 10_000);
  assert.ok(link.bufferedAmount < 2 * HIGH_WATER_MARK, `the proxy holds ${link.bufferedAmount} bytes for the primary`);

  socketOf(p).resume();
  await waitUntil(() => primary.received.length === count, 'every frame to reach the primary', 20_000);
  assert.deepEqual(primary.received.map((f) => JSON.parse(f)[1]), Array.from({ length: count }, (_, i) => `d${i}`));
});

test('a primary stuck above the mark for call_timeout is closed, and so is the charger (1011)', async () => {
  const primary = await startRawCsms(['ocpp1.6']);
  const proxy = await startProxy(`${iniFor(primary.url)}[host]\ncall_timeout = 0.5\ncharger_rate = 0\n`);
  cleanups.push(() => primary.close(), () => proxy.close());
  const charger = await rawCharger(proxy.port, '/BP2');
  const p = await primary.nextSocket();
  socketOf(p).pause();
  for (let i = 0; i < 300; i++) charger.ws.send(bigCall(i));
  const { code } = await within(charger.closed, 'the charger to be closed', 10_000);
  assert.equal(code, 1011);
  assert.ok(proxy.console.some((line) => line.includes('has not read its data')));
});
