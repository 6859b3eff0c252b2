// Refused connections are kept for people (the web pages): per charger and the latest ones,
// with what to try; bounded whatever ids are made up.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionRefusals } from '../../src/listener/refusals.ts';
import { hashPassword } from '../../src/auth/charger-auth.ts';
import { WebSocket } from 'ws';
import { cleanupAfter, iniFor, startCsms, startProxy, strictCharger, waitUntil } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

test('unknown id, wrong password and an unreachable primary are recorded with the fix to try', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const hash = await hashPassword('right');
  const proxy = await startProxy(`${iniFor(primary.url)}[host]\nrequire_auth = true\n[chargers]\nKNOWN = ${hash}\n`);
  cleanups.push(() => primary.close(), () => proxy.close());
  const attempt = async (id: string, password: string) => {
    const client = strictCharger(proxy.port, id, ['ocpp1.6'], { password, reconnect: false });
    await assert.rejects(client.connect());
  };
  await attempt('STRANGER', 'x');
  await attempt('KNOWN', 'wrong');
  await attempt('KNOWN', 'wrong');
  await primary.close();
  await attempt('KNOWN', 'right');
  const refusals = proxy.daemon.server!.refusals;
  assert.equal(refusals.forCharger('STRANGER')!.last.kind, 'unknown-id');
  const known = refusals.forCharger('KNOWN')!;
  assert.equal(known.refused, 3);
  assert.deepEqual([known.last.status, known.last.kind], [502, 'primary-unreachable']);
  assert.match(known.last.fix, /\[ext-server\] server/);
  assert.deepEqual(refusals.recent().map((r) => r.kind), ['unknown-id', 'credentials', 'credentials', 'primary-unreachable']);
  assert.equal(refusals.recent()[0]!.address, '127.0.0.1');
});

test('bounded: made-up ids and floods keep at most 10,000 chargers and the latest 200', () => {
  const refusals = new ConnectionRefusals();
  for (let i = 0; i < 12_000; i++) refusals.record(`ID${i}`, '127.0.0.1', 404, 'unknown-id', 'unknown');
  assert.equal([...refusals.chargers()].length, 10_000);
  assert.equal(refusals.recent().length, 200);
  assert.equal(refusals.forCharger('ID0'), undefined);
  assert.ok(refusals.forCharger('ID11999'));
});

test('a charger that offers no OCPP version: the console says what it sent and what to set', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const proxy = await startProxy(iniFor(primary.url));
  cleanups.push(() => primary.close(), () => proxy.close());
  const none = new WebSocket(`ws://127.0.0.1:${proxy.port}/NOPROTO`, { perMessageDeflate: false });
  const other = new WebSocket(`ws://127.0.0.1:${proxy.port}/OTHERPROTO`, ['mqtt'], { perMessageDeflate: false });
  cleanups.push(() => none.terminate(), () => other.terminate());
  for (const ws of [none, other]) ws.on('error', () => undefined); // the answer carries no subprotocol, which ws reports
  await waitUntil(() => proxy.daemon.server!.refusals.recent().length === 2, 'both refusals');
  const lines = proxy.console.join('');
  assert.match(lines, /NOPROTO: sent no Sec-WebSocket-Protocol header, no OCPP version \(ocpp1\.6, ocpp2\.0\.1, ocpp2\.1\); closing\. If the charger cannot be set to offer one, set \[host\] version_detection = lenient/);
  assert.match(lines, /OTHERPROTO: offered only "mqtt", no OCPP version/);
  assert.doesNotMatch(lines, /\(\(none\)\)/);
  assert.equal(proxy.daemon.server!.refusals.forCharger('NOPROTO')!.last.kind, 'subprotocol');
});
