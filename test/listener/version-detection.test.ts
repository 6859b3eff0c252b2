// Chargers that offer no subprotocol: version from header, query, path or default (lenient),
// the OCPP-J behaviour when off, and chargers that do negotiate are never affected.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { WebSocket } from 'ws';
import { cleanupAfter, bootParams, iniFor, startCsms, startProxy, strictCharger, within, type TestProxy } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

async function setup(host: string) {
  const csms = await startCsms({ protocols: ['ocpp2.0.1', 'ocpp1.6'] });
  const proxy = await startProxy(`${iniFor(csms.url)}[host]\n${host}`);
  cleanups.push(() => csms.close(), () => proxy.close());
  return { csms, proxy };
}

/** A charger that offers no subprotocol; resolves once open, with the subprotocol it got (''). */
async function bareCharger(proxy: TestProxy, path: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${proxy.port}${path}`, { headers, perMessageDeflate: false });
  cleanups.push(() => ws.terminate());
  await within(once(ws, 'open'), `the handshake of ${path}`);
  return ws;
}

test('lenient: header, then query, then path, then the default; the CSMS sees a normal negotiated connection', async () => {
  const { csms, proxy } = await setup('version_detection = lenient\ndefault_protocol = ocpp1.6\n');
  const cases: Array<[string, Record<string, string>, string, string]> = [
    ['/H1?version=1.6', { 'X-OCPP-Version': 'ocpp2.0.1' }, 'ocpp2.0.1', 'header'],
    ['/v1.6/Q1?version=2.0.1', {}, 'ocpp2.0.1', 'query'],
    ['/ocpp/v2.0.1/P1', {}, 'ocpp2.0.1', 'path'],
    ['/ocpp/2.0.1/P2', {}, 'ocpp2.0.1', 'path'],
    ['/D1', {}, 'ocpp1.6', 'default'],
  ];
  for (const [path, headers, version, source] of cases) {
    const ws = await bareCharger(proxy, path, headers);
    assert.equal(ws.protocol, '', 'the charger asked for no subprotocol and gets none');
    const atCsms = await csms.nextClient();
    assert.equal(atCsms.protocol, version, path);
    assert.deepEqual([...atCsms.handshake.protocols], [version], 'offered only the detected version');
    const id = path.split('?')[0]!.split('/').at(-1)!;
    assert.equal(atCsms.identity, id, 'a version segment is not part of the id');
    const status = proxy.daemon.server.sessions.get(id)!.status();
    assert.deepEqual([status.protocol, status.protocol_source], [version, source]);
    ws.send(JSON.stringify([2, 'b1', 'BootNotification', bootParams(version)]));
    const [reply] = await within(once(ws, 'message'), 'the boot answer');
    assert.equal(JSON.parse(String(reply))[0], 3, 'a strict CSMS accepts the frames in the detected version');
    const first = proxy.entries.find((e) => e.charger === id)!;
    assert.deepEqual([first.protocol, first.protocol_source], [version, source], 'the first log line says how');
  }
  assert.ok(proxy.console.some((line) => line.includes('ocpp2.0.1 taken from the header')));
});

test('lenient with nothing to go on, and off: handshake without a subprotocol, then close (OCPP-J)', async () => {
  const cases: Array<[string, string, Record<string, string>]> = [
    ['version_detection = lenient\n', '/X1', {}],
    ['version_detection = off\ndefault_protocol = ocpp1.6\n', '/ocpp/v1.6/X2?version=1.6', { 'X-OCPP-Version': '1.6' }],
  ];
  for (const [host, path, headers] of cases) {
    const { csms, proxy } = await setup(host);
    const ws = new WebSocket(`ws://127.0.0.1:${proxy.port}${path}`, { headers, perMessageDeflate: false });
    cleanups.push(() => ws.terminate());
    const [code] = await within(once(ws, 'close'), 'the close');
    assert.equal(code, 1002, host);
    assert.equal(ws.protocol, '');
    assert.equal(csms.clients.length, 0, 'no upstream link');
  }
});

test('a charger that offers a known subprotocol is never affected by detection', async () => {
  const { csms, proxy } = await setup('version_detection = lenient\ndefault_protocol = ocpp2.0.1\n');
  const charger = strictCharger(proxy.port, 'NEG', ['ocpp1.6'], { headers: { 'X-OCPP-Version': '2.0.1' }, query: 'version=2.0.1' });
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  assert.equal(charger.protocol, 'ocpp1.6');
  assert.equal((await csms.nextClient()).protocol, 'ocpp1.6');
  assert.equal(proxy.daemon.server.sessions.get('NEG')!.status().protocol_source, 'subprotocol');
});
