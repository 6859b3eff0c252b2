// Attacks on the charger listener from anyone who can open a TCP connection: each reproduces a
// found hole against a real listener and passes only with the fix (issue: nobody on the network
// can kick, take over or exhaust the proxy).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { WebSocket } from 'ws';
import { hashPassword } from '../../src/auth/charger-auth.ts';
import { bootParams, cleanupAfter, iniFor, rawCharger, startCsms, startProxy, startRawCsms, strictCharger, waitUntil, within, type TestProxy } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

/** Sends `request` on a raw TCP socket; resolves with everything the proxy answered before closing. */
async function rawRequest(port: number, request: string): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  cleanups.push(() => socket.destroy());
  await once(socket, 'connect');
  socket.write(request);
  let answer = '';
  socket.on('data', (d) => (answer += d));
  await within(once(socket, 'close'), 'the proxy to close the socket');
  return answer;
}

function upgrade(path: string, headers: string[]): string {
  return [`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: Upgrade', 'Upgrade: websocket', ...headers, '', ''].join('\r\n');
}

/** The console, the message log file and its in-memory copy: where a secret must never be. */
function everything(proxy: TestProxy): string {
  return `${proxy.console.join('')}${readFileSync(proxy.logFile, 'utf8')}${JSON.stringify(proxy.entries)}`;
}

const KEY = 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==';

test('malformed upgrades get 400 before any side effect: the charger with that id stays, no upstream link, nothing leaks', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const proxy = await startProxy(iniFor(primary.url));
  cleanups.push(() => primary.close(), () => proxy.close());
  const charger = strictCharger(proxy.port, 'VICTIM', ['ocpp1.6']);
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  const victim = proxy.daemon.server!.sessions.get('VICTIM');
  let kicked = false;
  charger.on('close', () => (kicked = true));

  const attacks = [
    upgrade('/VICTIM', ['Sec-WebSocket-Version: 12', KEY, 'Sec-WebSocket-Protocol: ocpp1.6']),
    upgrade('/VICTIM', ['Sec-WebSocket-Version: 13', KEY, KEY, 'Sec-WebSocket-Protocol: ocpp1.6']),
    upgrade('/VICTIM', ['Sec-WebSocket-Version: 13', KEY, 'Sec-WebSocket-Protocol: ocpp1.6, ocpp1.6']),
    upgrade('/VICTIM', ['Sec-WebSocket-Version: 13', 'Sec-WebSocket-Protocol: ocpp1.6']),
    upgrade('/VICTIM', ['Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: short', 'Sec-WebSocket-Protocol: ocpp1.6']),
  ];
  for (let round = 0; round < 20; round++) {
    for (const attack of attacks) assert.match(await rawRequest(proxy.port, attack), /^HTTP\/1\.1 400 /);
  }
  assert.equal(kicked, false, 'the connected charger was never kicked');
  assert.equal(proxy.daemon.server!.sessions.get('VICTIM'), victim);
  assert.equal(proxy.daemon.server!.sessions.size, 1);
  assert.equal(primary.clients.length, 1, 'no upstream link was opened for an attack');
  assert.equal(proxy.console.filter((line) => /unexpected error|SyntaxError/.test(line)).length, 0);
  // The victim still talks to its primary.
  assert.ok(await charger.call('Heartbeat', {}));
});

test('no takeover by charger id: a connection the primary refuses (401) never disconnects the real charger', async () => {
  // A primary that checks the credentials the proxy forwards.
  const primary = await startCsms({
    protocols: ['ocpp1.6'],
    auth: (accept, reject, handshake) => (handshake.password?.toString() === 'right' ? accept() : reject(401, 'Unauthorized')),
  });
  const proxy = await startProxy(iniFor(primary.url));
  cleanups.push(() => primary.close(), () => proxy.close());
  const charger = strictCharger(proxy.port, 'OWNER', ['ocpp1.6'], { password: 'right' });
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  let kicked = false;
  charger.on('close', () => (kicked = true));
  for (let i = 0; i < 10; i++) {
    const intruder = strictCharger(proxy.port, 'OWNER', ['ocpp1.6'], { reconnect: false });
    await assert.rejects(intruder.connect(), /Unauthorized/);
  }
  assert.equal(kicked, false);
  assert.equal(proxy.daemon.server!.sessions.size, 1);
  assert.ok(await charger.call('Heartbeat', {}));
  // A connection the primary accepts still replaces the old one (rule 9).
  const successor = strictCharger(proxy.port, 'OWNER', ['ocpp1.6'], { password: 'right' });
  cleanups.push(() => successor.close({ force: true }));
  await successor.connect();
  await waitUntil(() => kicked, 'the old connection to be replaced');
});

test('handshake_timeout: idle TCP connections and slowloris upgrades are dropped', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const proxy = await startProxy(`${iniFor(primary.url)}[host]\nhandshake_timeout = 0.5\n`);
  cleanups.push(() => primary.close(), () => proxy.close());
  const idle: Socket = connect(proxy.port, '127.0.0.1');
  const slow: Socket = connect(proxy.port, '127.0.0.1');
  cleanups.push(() => idle.destroy(), () => slow.destroy());
  for (const socket of [idle, slow]) {
    socket.on('error', () => undefined); // EPIPE once dropped
    socket.resume(); // a paused socket would never see the FIN, so never 'close'
  }
  await Promise.all([once(idle, 'connect'), once(slow, 'connect')]);
  slow.write('GET /SLOW HTTP/1.1\r\nHost: x\r\n');
  const drip = setInterval(() => slow.writable && slow.write('X-Drip: 1\r\n'), 100);
  cleanups.push(() => clearInterval(drip));
  // Bounded well above the timeout plus Node's 1 s check interval; without it Node waits 60 s or more.
  const closed = (socket: Socket) => new Promise((resolve) => socket.on('close', resolve)); // events.once would reject on EPIPE
  await within(Promise.all([closed(idle), closed(slow)]), 'both sockets to be dropped', 5000);
  clearInterval(drip);
  assert.equal(primary.clients.length, 0);
});

test('a charger id or URL with control characters cannot forge a console line', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const proxy = await startProxy(iniFor(primary.url));
  cleanups.push(() => primary.close(), () => proxy.close());
  const forged = 'X%0A2026-12-01 INFO proxy forged%1B[2J';
  const charger = strictCharger(proxy.port, decodeURIComponent(forged), ['ocpp1.6']);
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  await rawRequest(proxy.port, upgrade(`/${forged.replaceAll(" ", "%20")}`, ['Sec-WebSocket-Version: 99', KEY]));
  await waitUntil(() => proxy.console.some((line) => line.includes('connected from')) && proxy.console.some((line) => line.includes('(400)')), 'both lines');
  for (const line of proxy.console) {
    assert.equal(line.indexOf('\n'), line.length - 1, `one line: ${JSON.stringify(line)}`);
    assert.ok(!line.includes('\u001b'), 'no escape sequences');
  }
  assert.ok(proxy.console.some((line) => line.includes('X\\u000a2026')), 'the newline is shown escaped');
});

test('secrets: an AuthorizationKey in the charger\'s GetConfiguration answer reaches the asking upstream but no log', async () => {
  const primary = await startRawCsms(['ocpp1.6']);
  const proxy = await startProxy(iniFor(primary.url));
  cleanups.push(() => primary.close(), () => proxy.close());
  const charger = await rawCharger(proxy.port, '/KEYED');
  cleanups.push(() => charger.ws.terminate());
  const upstream = await primary.nextSocket();
  upstream.send(JSON.stringify([2, 'get-1', 'GetConfiguration', { key: ['AuthorizationKey'] }]));
  const asked = JSON.parse(await charger.nextFrame()) as [number, string];
  charger.ws.send(JSON.stringify([3, asked[1], { configurationKey: [{ key: 'AuthorizationKey', readonly: false, value: 'CANARY-KEY-42' }] }]));
  await waitUntil(() => primary.received.some((frame) => frame.includes('CANARY-KEY-42')), 'the answer at the upstream');
  const answer = await proxy.entry((e) => e.type === 'CALLRESULT' && e.action === 'GetConfiguration', 'the logged answer');
  assert.match(answer.raw, /"value":"\*\*\*"/);
  assert.ok(!everything(proxy).includes('CANARY-KEY-42'));
});

test('secrets: user:password in an upstream URL is never printed nor returned by the status API', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const secondary = await startCsms({ protocols: ['ocpp1.6'] });
  const url = (csms: { port: number }) => `ws://bob:hunter2-secret@127.0.0.1:${csms.port}`;
  const proxy = await startProxy(iniFor(url(primary), url(secondary)));
  cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
  const charger = strictCharger(proxy.port, 'URLS', ['ocpp1.6']);
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  await secondary.nextClient();
  const status = JSON.stringify(proxy.daemon.server!.sessions.get('URLS')!.status());
  assert.match(status, /ws:\/\/\*\*\*@127\.0\.0\.1/);
  assert.ok(!status.includes('hunter2'));
  assert.ok(proxy.console.some((line) => line.includes('***@127.0.0.1')));
  assert.ok(!everything(proxy).includes('hunter2'));
});

test('login flood: wrong passwords beyond a few at once fail fast (429), and a charger from another address still logs in', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const hash = await hashPassword('right-pass');
  const proxy = await startProxy(`${iniFor(primary.url)}[host]\nrequire_auth = true\n[chargers]\nREAL = ${hash}\n`);
  cleanups.push(() => primary.close(), () => proxy.close());
  const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
  const statuses = await Promise.all(
    Array.from({ length: 200 }, () =>
      rawRequest(proxy.port, upgrade('/REAL', ['Sec-WebSocket-Version: 13', KEY, 'Sec-WebSocket-Protocol: ocpp1.6', `Authorization: ${basic('REAL:wrong')}`])).then(
        (answer) => Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1]),
      ),
    ),
  );
  const verified = statuses.filter((status) => status === 401).length;
  assert.equal(verified + statuses.filter((status) => status === 429).length, 200, `only 401 and 429: ${[...new Set(statuses)]}`);
  // Without the cap every one of them runs scrypt (200 × 401) and real chargers queue behind them.
  assert.ok(verified < 100, `${verified} verified`);
  const ws = new WebSocket(`ws://127.0.0.1:${proxy.port}/REAL`, ['ocpp1.6'], { localAddress: '127.0.0.2', headers: { Authorization: basic('REAL:right-pass') } });
  cleanups.push(() => ws.terminate());
  await within(once(ws, 'open'), 'the real charger to log in');
});
