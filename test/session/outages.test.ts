// Upstreams and chargers going away: what the charger, the primary and the secondary each see.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { WebSocket } from 'ws';
import { cleanupAfter, idOf, iniFor, NO_VIEWS, rawCharger, startCsms, startProxy, startRawCsms, strictCharger, waitUntil, within, type RawCharger } from '../helpers/peers.ts';
import { UpstreamLink, type OutboxFrame } from '../../src/upstream/upstream-link.ts';
import { createLoggers } from '../../src/log/console-log.ts';

const cleanups = cleanupAfter();

const BOOT = '[2,"b1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]';
const BOOT_OK = '[3,"b1",{"status":"Accepted","currentTime":"2026-11-21T00:00:00.000Z","interval":300}]';
const status = (id: string, connector: number, state: string) =>
  `[2,"${id}","StatusNotification",{"connectorId":${connector},"errorCode":"NoError","status":"${state}"}]`;

/** A raw CSMS answers every charger Call it gets with a minimal CallResult. */
function answerEverything(socket: WebSocket): void {
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame[0] === 2) socket.send(JSON.stringify([3, frame[1], frame[2] === 'BootNotification' ? { status: 'Accepted', currentTime: '2026-11-21T00:00:00.000Z', interval: 300 } : {}]));
  });
}

/** The charger sends `frame` and gets the primary's answer (which `answerEverything` produces). */
async function callThroughPrimary(charger: RawCharger, frame: string): Promise<string> {
  charger.ws.send(frame);
  const answer = await charger.nextFrame();
  assert.equal(idOf(answer), idOf(frame));
  return answer;
}

describe('a secondary that is down or drops', () => {
  test('down at start: the charger notices nothing; the secondary gets the backlog in order, one at a time', async () => {
    const primary = await startRawCsms(['ocpp1.6']);
    const placeholder = await startRawCsms(['ocpp1.6']);
    const secondaryPort = placeholder.port;
    await placeholder.close(); // nothing listens there yet
    const proxy = await startProxy(iniFor(primary.url, `ws://127.0.0.1:${secondaryPort}`, NO_VIEWS));
    cleanups.push(() => primary.close(), () => proxy.close());
    const charger = await rawCharger(proxy.port, '/OUT1');
    cleanups.push(() => charger.ws.terminate());
    answerEverything(await primary.nextSocket());
    assert.equal(await callThroughPrimary(charger, BOOT), BOOT_OK);
    await callThroughPrimary(charger, status('s1', 1, 'Available'));
    await callThroughPrimary(charger, '[2,"h1","Heartbeat",{}]');

    const secondary = await startRawCsms(['ocpp1.6'], secondaryPort);
    cleanups.push(() => secondary.close());
    const s = await secondary.nextSocket(); // the link retries with backoff (about 1 s)
    const got: string[] = [];
    for (let i = 0; i < 3; i++) {
      const frame = await secondary.nextFrame();
      got.push(frame);
      assert.equal(secondary.received.length, i + 1, 'the next frame only after the answer');
      s.send(JSON.stringify([3, idOf(frame), {}]));
    }
    assert.deepEqual(got, [BOOT, status('s1', 1, 'Available'), '[2,"h1","Heartbeat",{}]'], 'exact bytes, in order; the charger\'s own boot is not replayed twice');
    const queued = proxy.entries.filter((e) => e.to === 'secondary' && e.type === 'CALL');
    assert.ok(queued.every((e) => e.tags.includes('queued')));
    assert.equal(charger.ws.readyState, charger.ws.OPEN);
  });

  test('drops mid-session: on reconnect it gets the boot and the latest status per connector (replayed), then what it missed', async () => {
    const primary = await startRawCsms(['ocpp1.6']);
    let secondary = await startRawCsms(['ocpp1.6']);
    const secondaryPort = secondary.port;
    const proxy = await startProxy(iniFor(primary.url, secondary.url, NO_VIEWS));
    cleanups.push(() => primary.close(), () => proxy.close());
    const charger = await rawCharger(proxy.port, '/OUT2');
    cleanups.push(() => charger.ws.terminate());
    answerEverything(await primary.nextSocket());
    answerEverything(await secondary.nextSocket());
    await callThroughPrimary(charger, BOOT);
    await callThroughPrimary(charger, status('s1', 1, 'Available'));
    await callThroughPrimary(charger, status('s2', 2, 'Available'));
    await callThroughPrimary(charger, status('s3', 1, 'Charging'));
    await waitUntil(() => secondary.received.length === 4, 'the secondary to get all four');

    await secondary.close(); // the secondary goes away
    const link = proxy.daemon.server.sessions.get('OUT2')!.links[1]!;
    await waitUntil(() => link.state !== 'open', 'the proxy to notice the secondary is gone');
    const meter = '[2,"m1","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-11-21T00:00:00.000Z","sampledValue":[{"value":"10"}]}]}]';
    await callThroughPrimary(charger, meter); // the charger is still served by the primary

    secondary = await startRawCsms(['ocpp1.6'], secondaryPort);
    cleanups.push(() => secondary.close());
    const s = await secondary.nextSocket();
    const got: string[] = [];
    for (let i = 0; i < 4; i++) {
      const frame = await secondary.nextFrame();
      got.push(frame);
      s.send(JSON.stringify([3, idOf(frame), frame.includes('BootNotification') ? { status: 'Accepted', currentTime: '2026-11-21T00:00:00.000Z', interval: 300 } : {}]));
    }
    const withoutId = (frame: string) => frame.replace(/^\[2,"[^"]*"/, '[2,"X"');
    assert.deepEqual(got.map(withoutId), [BOOT, status('s3', 1, 'Charging'), status('s2', 2, 'Available'), meter].map(withoutId));
    for (const frame of got.slice(0, 3)) assert.match(idOf(frame), /^[0-9a-f-]{36}$/, 'replays carry fresh proxy ids');
    assert.equal(got[3], meter, 'the missed call goes as the charger sent it');
    const replayed = proxy.entries.filter((e) => e.tags.includes('replayed'));
    assert.deepEqual(replayed.map((e) => `${e.from}>${e.to} ${e.type} ${e.action}`), [
      'proxy>secondary CALL BootNotification', 'secondary>proxy CALLRESULT BootNotification',
      'proxy>secondary CALL StatusNotification', 'secondary>proxy CALLRESULT StatusNotification',
      'proxy>secondary CALL StatusNotification', 'secondary>proxy CALLRESULT StatusNotification',
    ], 'answers to replayed Calls carry their action');
    assert.ok(!proxy.entries.some((e) => e.to === 'charger' && e.from === 'secondary'), 'no answer from the secondary reached the charger');
    assert.equal(charger.ws.readyState, charger.ws.OPEN);
  });

  test('a full backlog drops the oldest MeterValues first, never boot or transaction messages; the byte limit is hard', () => {
    const link = (backlogBytes: number) =>
      new UpstreamLink(
        { name: 's', url: 'ws://127.0.0.1:1', role: 'secondary', rfid: [], allowActions: [], denyActions: [], auth: 'none', username: null, password: null, chargerId: null, ca: null, cert: null, key: null, insecure: false, local: false, idtagMap: [], idtag: null, protocol: null },
        'CP',
        { maxPayload: 1024, handshakeTimeoutMs: 1000, backlogLimit: 3, backlogBytes, reconnect: false },
        createLoggers({ proxy: 'ERROR', client: 'ERROR', server: 'ERROR' }, () => {}).client,
      );
    const frame = (id: string, action: string, size = 1): OutboxFrame => ({ data: id.padEnd(size), text: id.padEnd(size), type: 'CALL', id, action, tags: [] });
    const ids = (frames: OutboxFrame[]) => frames.map((f) => f.id);
    const counted = link(1_000_000);
    assert.deepEqual(counted.catchUp.push(frame('1', 'BootNotification')), []);
    assert.deepEqual(counted.catchUp.push(frame('2', 'MeterValues')), []);
    assert.deepEqual(counted.catchUp.push(frame('3', 'StartTransaction')), []);
    assert.deepEqual(ids(counted.catchUp.push(frame('4', 'MeterValues'))), ['2']);
    assert.deepEqual(ids(counted.catchUp.push(frame('5', 'Heartbeat'))), ['4']);
    assert.deepEqual(ids(counted.catchUp.push(frame('6', 'StopTransaction'))), ['5']);
    assert.deepEqual(counted.catchUp.push(frame('7', 'TransactionEvent')), [], 'all protected: kept over the count limit');
    assert.deepEqual(ids([...counted.catchUp.backlogFrames()]), ['1', '3', '6', '7']);

    // 100 bytes at most: a flood of transaction frames cannot grow memory without bound.
    const bounded = link(100);
    for (let i = 0; i < 1000; i++) bounded.catchUp.push(frame(String(i), 'TransactionEvent', 40));
    assert.ok(bounded.catchUp.backlogBytes <= 100, `${bounded.catchUp.backlogBytes} bytes`);
    assert.deepEqual(ids([...bounded.catchUp.backlogFrames()]), ['998', '999'], 'the newest are kept');
    assert.equal(bounded.catchUp.next()?.frame.id, '998');
    assert.equal(bounded.catchUp.backlogBytes, 40);
  });
});

describe('the primary going away', () => {
  test('default: the charger is closed with 1011 and its pending Call is never answered by the proxy', async () => {
    const primary = await startRawCsms(['ocpp1.6']);
    const secondary = await startCsms({ protocols: ['ocpp1.6'] });
    const proxy = await startProxy(iniFor(primary.url, secondary.url));
    cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
    const charger = await rawCharger(proxy.port, '/PRI1');
    const p = await primary.nextSocket();
    const atSecondary = await secondary.nextClient();
    charger.ws.send('[2,"h1","Heartbeat",{}]');
    await primary.nextFrame();
    const secondaryClosed = once(atSecondary, 'close');
    p.terminate(); // lost without a close frame
    const { code } = await within(charger.closed, 'the charger to be closed');
    assert.equal(code, 1011);
    await within(secondaryClosed, 'the secondary link to close');
    assert.ok(!proxy.entries.some((e) => e.to === 'charger' && e.type !== 'CALL'), 'nothing was made up for the charger');
  });

  test('primary_grace: the charger stays; its calls wait and reach the primary when it is back', async () => {
    let primary = await startRawCsms(['ocpp1.6']);
    const primaryPort = primary.port;
    const proxy = await startProxy(`${iniFor(primary.url)}[host]\nprimary_grace = 10\n`);
    cleanups.push(() => proxy.close());
    const charger = await rawCharger(proxy.port, '/PRI2');
    cleanups.push(() => charger.ws.terminate());
    answerEverything(await primary.nextSocket());
    await callThroughPrimary(charger, BOOT);
    await primary.close();
    const session = proxy.daemon.server.sessions.get('PRI2')!;
    await waitUntil(() => session.primary.state !== 'open', 'the proxy to notice the primary is gone');
    charger.ws.send('[2,"h-wait","Heartbeat",{}]');
    primary = await startRawCsms(['ocpp1.6'], primaryPort);
    cleanups.push(() => primary.close());
    const p = await primary.nextSocket();
    const replayedBoot = await primary.nextFrame();
    assert.match(replayedBoot, /"BootNotification"/);
    p.send(`[3,"${idOf(replayedBoot)}",{"status":"Accepted","currentTime":"2026-11-21T00:00:00.000Z","interval":300}]`);
    assert.equal(await primary.nextFrame(), '[2,"h-wait","Heartbeat",{}]');
    p.send('[3,"h-wait",{"currentTime":"2026-11-21T00:00:01.000Z"}]');
    assert.equal(await charger.nextFrame(), '[3,"h-wait",{"currentTime":"2026-11-21T00:00:01.000Z"}]', 'only the real answer reaches the charger');
    assert.equal(charger.ws.readyState, charger.ws.OPEN);
  });
});

describe('liveness', () => {
  test('a secondary that stops answering pings is dropped and reconnects; a silent charger is dropped and its links closed', async () => {
    const primary = await startCsms({ protocols: ['ocpp1.6'] });
    const secondary = await startRawCsms(['ocpp1.6']);
    const proxy = await startProxy(`${iniFor(primary.url, secondary.url)}[host]\nping_interval = 0.05\nping_timeout = 0.3\n`);
    cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
    const charger = await rawCharger(proxy.port, '/LIVE');
    const atPrimary = await primary.nextClient();
    const hung = await secondary.nextSocket();
    (hung as unknown as { _socket: import('node:net').Socket })._socket.pause(); // like kill -STOP
    await waitUntil(() => proxy.console.some((line) => line.includes('secondary') && line.includes('no pong')), 'the hung secondary to be dropped');
    await secondary.nextSocket(); // it reconnects (backoff about 1 s)
    assert.equal(charger.ws.readyState, charger.ws.OPEN, 'the charger noticed nothing');

    const primaryClosed = once(atPrimary, 'close');
    (charger.ws as unknown as { _socket: import('node:net').Socket })._socket.pause(); // the charger hangs
    await within(primaryClosed, 'the upstream links to close after the charger went silent');
    assert.equal(proxy.daemon.server.sessions.size, 0);
  });

  test('the watchdog closes a charger that sends nothing for watchdog_stale', async () => {
    const primary = await startCsms({ protocols: ['ocpp1.6'] });
    const proxy = await startProxy(`${iniFor(primary.url)}[host]\nping_interval = 0\nwatchdog_interval = 0.05\nwatchdog_stale = 0.2\n`);
    cleanups.push(() => primary.close(), () => proxy.close());
    const charger = await rawCharger(proxy.port, '/WD');
    const { code } = await within(charger.closed, 'the watchdog to close the charger');
    assert.equal(code, 1001);
  });
});

describe('reconnect storms', () => {
  test('100 reconnects of one charger leave no sessions, sockets or timers behind', async () => {
    const primary = await startCsms({ protocols: ['ocpp1.6'] });
    const secondary = await startCsms({ protocols: ['ocpp1.6'] });
    const proxy = await startProxy(iniFor(primary.url, secondary.url));
    cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
    const handles = () => (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().length;
    const warm = strictCharger(proxy.port, 'STORM', ['ocpp1.6']);
    await warm.connect();
    await warm.close({ code: 1000 });
    await waitUntil(() => proxy.daemon.server.sessions.size === 0, 'the warm-up session to end');
    const before = handles();
    for (let i = 0; i < 100; i++) {
      const charger = strictCharger(proxy.port, 'STORM', ['ocpp1.6']);
      await charger.connect();
      if (i % 2 === 0) await charger.call('Heartbeat', {});
      if (i % 3 === 0) charger.close({ code: 1000 }); // some leave cleanly, the rest are replaced
      else if (i === 99) await charger.close({ code: 1000 });
    }
    await waitUntil(() => proxy.daemon.server.sessions.size === 0, 'every session to end');
    await waitUntil(() => primary.clients.every((c) => (c as unknown as { state: number }).state === 3), 'every primary link to close');
    await waitUntil(() => handles() <= before + 2, `handles back near ${before} (now ${handles()})`);
  });
});
