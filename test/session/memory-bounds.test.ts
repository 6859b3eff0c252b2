// Memory stays bounded whatever a peer does: a charger that sends without reading, commands
// piling up for one charger, ids and names of any length, connector numbers without end.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { WebSocket } from 'ws';
import { bootParams, cleanupAfter, iniFor, rawCharger, startCsms, startProxy, strictCharger, within } from '../helpers/peers.ts';
import { MAX_WAITING_PROXY_CALLS } from '../../src/session/charger-session.ts';
import { ChargerMemory, MAX_REMEMBERED_CONNECTORS } from '../../src/session/charger-memory.ts';
import { parseFrame } from '../../src/ocpp/frame.ts';

const cleanups = cleanupAfter();

test('a charger that floods bad frames and never reads: the replies stop at the high-water mark and it is closed', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  // charger_rate off: this is about the replies piling up, not about reading the charger slowly.
  const proxy = await startProxy(`${iniFor(primary.url)}[host]\ncall_timeout = 1\ncharger_rate = 0\n`);
  cleanups.push(() => primary.close(), () => proxy.close());
  const ws = new WebSocket(`ws://127.0.0.1:${proxy.port}/FLOOD`, ['ocpp1.6'], { perMessageDeflate: false });
  cleanups.push(() => ws.terminate());
  await within(once(ws, 'open'), 'the flooding charger to connect');
  const closed = new Promise((resolve) => ws.on('close', resolve));
  (ws as unknown as { _socket: { pause(): void } })._socket.pause(); // never reads a reply
  const id = 'x'.repeat(36);
  for (let i = 0; i < 200_000 && ws.readyState === WebSocket.OPEN; i++) {
    ws.send(`[2,"${id}","Heartbeat",`); // not JSON: each one is answered with a CallError
    ws.send('[3,"nobody-asked",{}]'); // a well-formed frame now and then keeps the bad-frame streak short
  }
  await within(closed, 'the proxy to close a charger that does not read', 15_000);
  const dropped = proxy.entries.filter((e) => e.type === 'CALLERROR' && e.tags.includes('dropped'));
  assert.ok(dropped.length > 0 || proxy.entries.filter((e) => e.type === 'CALLERROR').length < 200_000, 'replies were held back');
  assert.ok(proxy.console.some((line) => /the charger has not read its data/.test(line)), proxy.console.filter((l) => !l.includes('bad frame')).join(''));
});

test('commands for one charger: beyond the cap they are refused at once, not queued', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const proxy = await startProxy(iniFor(primary.url));
  cleanups.push(() => primary.close(), () => proxy.close());
  const charger = strictCharger(proxy.port, 'BUSY', ['ocpp1.6']);
  cleanups.push(() => charger.close({ force: true }));
  let release!: () => void;
  const hold = new Promise<void>((resolve) => (release = resolve));
  charger.handle('DataTransfer', async () => {
    await hold; // the charger sits on the first command
    return { status: 'Accepted' };
  });
  await charger.connect();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  const session = proxy.daemon.server!.sessions.get('BUSY')!;
  const waiting = Array.from({ length: MAX_WAITING_PROXY_CALLS + 1 }, () => session.proxyCall('DataTransfer', { vendorId: 'x' }));
  await assert.rejects(session.proxyCall('DataTransfer', { vendorId: 'x' }), /already has 20 commands waiting/);
  release();
  for (const call of waiting) assert.equal((await call).type, 'CALLRESULT');
});

test('message ids over 36 characters and action names that are not names are refused; connectors kept for replay are bounded', async () => {
  const types = new Set([2, 3, 4]);
  assert.deepEqual(parseFrame(JSON.stringify([2, 'a'.repeat(37), 'Heartbeat', {}]), types), {
    ok: false, problem: 'bad-envelope', id: null, detail: 'the message id is longer than 36 characters',
  });
  assert.equal(parseFrame(JSON.stringify([2, 'a'.repeat(36), 'Heartbeat', {}]), types).ok, true);
  assert.equal(parseFrame(JSON.stringify([2, '1', 'A'.repeat(100_000), {}]), types).ok, false);
  assert.equal(parseFrame(JSON.stringify([2, '1', 'Heart beat', {}]), types).ok, false);
  assert.equal(parseFrame(JSON.stringify([2, '1', 'VendorSpecific_Action.v2', {}]), types).ok, true);

  const memory = new ChargerMemory();
  memory.rememberCall('BootNotification', {}, '[2,"b","BootNotification",{}]');
  for (let connector = 0; connector < 2000; connector++) {
    const payload = { connectorId: connector, errorCode: 'NoError', status: 'Available' };
    memory.rememberCall('StatusNotification', payload, JSON.stringify([2, String(connector), 'StatusNotification', payload]));
  }
  memory.rememberCall('StatusNotification', { connectorId: 'x'.repeat(1000) }, 'junk');
  assert.equal(memory.replayFrames().length, 1 + MAX_REMEMBERED_CONNECTORS);

  // End to end: the long id gets a CallError with id -1 and never reaches the primary.
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const proxy = await startProxy(iniFor(primary.url));
  cleanups.push(() => primary.close(), () => proxy.close());
  const charger = await rawCharger(proxy.port, '/LONGID');
  cleanups.push(() => charger.ws.terminate());
  charger.ws.send(JSON.stringify([2, 'a'.repeat(1000), 'Heartbeat', {}]));
  assert.deepEqual(JSON.parse(await charger.nextFrame()).slice(0, 3), [4, '-1', 'ProtocolError']);
  assert.ok(!proxy.entries.some((e) => e.to === 'primary'), 'nothing reached the primary');
});

test('charger_rate: a charger streaming large frames is read more slowly; nothing is lost, and others go on', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const proxy = await startProxy(`${iniFor(primary.url)}[host]\ncharger_rate = 100000\nmax_message_size = 65536\n`);
  cleanups.push(() => primary.close(), () => proxy.close());
  const received: string[] = [];
  const big = strictCharger(proxy.port, 'BIG', ['ocpp1.6']);
  const small = strictCharger(proxy.port, 'SMALL', ['ocpp1.6']);
  cleanups.push(() => big.close({ force: true }), () => small.close({ force: true }));
  await big.connect();
  await small.connect();
  const atPrimary = await Promise.all([primary.nextClient(), primary.nextClient()]);
  for (const client of atPrimary) {
    client.handle('DataTransfer', ({ params }: { params: { messageId?: string } }) => {
      received.push(params.messageId ?? '');
      return { status: 'Accepted' };
    });
  }
  const data = 'x'.repeat(50_000);
  const sent = Array.from({ length: 6 }, (_, i) => big.call('DataTransfer', { vendorId: 'V', messageId: `m${i}`, data }));
  // While BIG is throttled, SMALL is answered.
  assert.ok(await small.call('Heartbeat', {}));
  await within(Promise.all(sent), 'every large frame to be answered', 15_000);
  assert.deepEqual(received, ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'], 'all of them, in order');
  assert.ok(proxy.console.some((line) => /BIG: sends faster than \[host\] charger_rate/.test(line)));
  assert.ok(!proxy.console.some((line) => /SMALL: sends faster/.test(line)));
});
