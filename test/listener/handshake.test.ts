// Upstream-first negotiation, mirrored refusals, charger ids in the path.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { request } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { cleanupAfter, iniFor, rawCharger, startCsms, startProxy, strictCharger, within } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

/** Opens a WebSocket to the proxy and resolves with the HTTP status it was refused with (or 101). */
async function handshakeStatus(port: number, path: string, protocols: string[] = ['ocpp1.6']): Promise<number> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, protocols);
  return within(
    new Promise<number>((resolve, reject) => {
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        res.destroy();
      });
      ws.on('open', () => {
        resolve(101);
        ws.terminate();
      });
      ws.on('error', (error) => {
        if (!/Unexpected server response/.test(error.message)) reject(error);
      });
    }),
    `the handshake of ${path}`,
  );
}

describe('negotiation', () => {
  test('charger offers 2.0.1 and 1.6, primary speaks only 1.6: everyone ends up on 1.6', async () => {
    const primary = await startCsms({ protocols: ['ocpp1.6'] });
    const secondary = await startCsms({ protocols: ['ocpp2.0.1', 'ocpp1.6'] });
    const proxy = await startProxy(iniFor(primary.url, secondary.url));
    cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
    const charger = strictCharger(proxy.port, 'NEG1', ['ocpp2.0.1', 'ocpp1.6']);
    cleanups.push(() => charger.close({ force: true }));
    await charger.connect();
    assert.equal(charger.protocol, 'ocpp1.6');
    const atPrimary = await primary.nextClient();
    assert.deepEqual([...atPrimary.handshake.protocols], ['ocpp2.0.1', 'ocpp1.6'], 'the primary is offered the charger list');
    const atSecondary = await secondary.nextClient();
    assert.deepEqual([...atSecondary.handshake.protocols], ['ocpp1.6'], 'others are offered only the chosen version');
    assert.equal(atSecondary.protocol, 'ocpp1.6');
  });

  test('charger offers 2.0.1 and 1.6, primary speaks only 2.0.1', async () => {
    const primary = await startCsms({ protocols: ['ocpp2.0.1'] });
    const proxy = await startProxy(iniFor(primary.url));
    cleanups.push(() => primary.close(), () => proxy.close());
    const charger = strictCharger(proxy.port, 'NEG2', ['ocpp1.6', 'ocpp2.0.1']);
    cleanups.push(() => charger.close({ force: true }));
    await charger.connect();
    assert.equal(charger.protocol, 'ocpp2.0.1');
  });

  test('primary accepts none of the offered versions: handshake without subprotocol, then close', async () => {
    const primary = await startCsms({ protocols: ['ocpp2.0.1'] });
    const proxy = await startProxy(iniFor(primary.url));
    cleanups.push(() => primary.close(), () => proxy.close());
    const ws = new WebSocket(`ws://127.0.0.1:${proxy.port}/NEG3`, ['ocpp1.6'], { perMessageDeflate: false });
    // ws as a client fails a handshake that omits the subprotocol it asked for; that is the signal.
    const [error] = await within(once(ws, 'error'), 'the handshake to complete without a subprotocol');
    assert.match((error as Error).message, /no subprotocol/i);
  });

  test('a charger offering no OCPP subprotocol is closed and opens no upstream link', async () => {
    const primary = await startCsms();
    const proxy = await startProxy(iniFor(primary.url));
    cleanups.push(() => primary.close(), () => proxy.close());
    const ws = new WebSocket(`ws://127.0.0.1:${proxy.port}/NEG4`, { perMessageDeflate: false });
    const [code] = await within(once(ws, 'close'), 'the close');
    assert.equal(code, 1002);
    assert.equal(ws.protocol, '');
    assert.equal(primary.clients.length, 0);
  });
});

describe('refusals', () => {
  test('401 from the primary reaches the charger; credentials go to the primary only', async () => {
    let seenAuth: string | undefined;
    const primary = await startCsms({
      auth: (accept, reject, handshake) => {
        seenAuth = handshake.headers.authorization;
        if (handshake.password?.toString() === 'right-password') accept();
        else reject(401, 'Unauthorized');
      },
    });
    const secondary = await startCsms();
    const proxy = await startProxy(iniFor(primary.url, secondary.url));
    cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());

    const wrong = strictCharger(proxy.port, 'AUTH1', ['ocpp1.6'], { password: 'wrong' });
    await assert.rejects(wrong.connect(), (error: Error & { code?: number }) => /401/.test(`${error.message} ${error.code}`));
    assert.equal(secondary.clients.length, 0, 'a refused charger opens no secondary link');

    const right = strictCharger(proxy.port, 'AUTH1', ['ocpp1.6'], { password: 'right-password', headers: { 'User-Agent': 'wallbox/1.0' } });
    cleanups.push(() => right.close({ force: true }));
    await right.connect();
    assert.equal(seenAuth, `Basic ${Buffer.from('AUTH1:right-password').toString('base64')}`);
    const atPrimary = await primary.nextClient();
    assert.equal(atPrimary.handshake.headers['user-agent'], 'wallbox/1.0');
    const atSecondary = await secondary.nextClient();
    assert.equal(atSecondary.handshake.headers.authorization, undefined, 'no credentials to a secondary');
    assert.notEqual(atSecondary.handshake.headers['user-agent'], 'wallbox/1.0');
    assert.ok(!proxy.console.join('').includes('right-password'), 'no secret in the console log');
    assert.ok(!proxy.console.join('').includes(Buffer.from('AUTH1:right-password').toString('base64')));
  });

  test('an unreachable primary gives 502 before the upgrade', async () => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const proxy = await startProxy(iniFor(`ws://127.0.0.1:${port}`));
    cleanups.push(() => proxy.close());
    assert.equal(await handshakeStatus(proxy.port, '/CP1'), 502);
  });

  test('plain HTTP on the charger port answers 426', async () => {
    const primary = await startCsms();
    const proxy = await startProxy(iniFor(primary.url));
    cleanups.push(() => primary.close(), () => proxy.close());
    const status = await within(
      new Promise<number>((resolve) => request({ host: '127.0.0.1', port: proxy.port, path: '/CP1' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).end()),
      'the HTTP answer',
    );
    assert.equal(status, 426);
  });
});

describe('charger ids', () => {
  test('ids from the path, re-encoded upstream under the base path', async () => {
    const primary = await startCsms();
    const proxy = await startProxy(iniFor(`${primary.url}/csms/`));
    cleanups.push(() => primary.close(), () => proxy.close());
    const cases: Array<[string, string, string]> = [
      ['/CP1', 'CP1', '/csms/CP1'],
      ['//AcTec001', 'AcTec001', '/csms/AcTec001'],
      ['/ocpp//CP_1.a-b', 'CP_1.a-b', '/csms/CP_1.a-b'],
      ['/ocpp/RDAM%20123', 'RDAM 123', '/csms/RDAM%20123'],
      ['/ocpp/a%2Fb?x=1', 'a/b', '/csms/a%2Fb'],
      ['/ocpp/CP9/', 'CP9', '/csms/CP9'],
      [`/${'x'.repeat(48)}`, 'x'.repeat(48), `/csms/${'x'.repeat(48)}`],
    ];
    for (const [path, identity, upstreamPath] of cases) {
      const charger = await rawCharger(proxy.port, path);
      const atPrimary = await primary.nextClient();
      assert.equal(atPrimary.identity, identity, path);
      assert.equal(atPrimary.handshake.request.url, upstreamPath, path);
      charger.ws.terminate();
    }
  });

  test('no id, a too-long id, a colon or bad encoding: 404 before the upgrade, no upstream link', async () => {
    const primary = await startCsms();
    const proxy = await startProxy(iniFor(primary.url));
    cleanups.push(() => primary.close(), () => proxy.close());
    for (const path of ['/', '//', `/${'x'.repeat(49)}`, '/CP:1', '/CP%3A1', '/CP%E0%A4%A']) {
      assert.equal(await handshakeStatus(proxy.port, path), 404, path);
    }
    assert.equal(primary.clients.length, 0);
  });

  test('[fixups] url = false refuses a path with an empty segment', async () => {
    const primary = await startCsms();
    const proxy = await startProxy(`${iniFor(primary.url)}[fixups]\nurl = false\n`);
    cleanups.push(() => primary.close(), () => proxy.close());
    assert.equal(await handshakeStatus(proxy.port, '//CP1'), 404);
    assert.equal(await handshakeStatus(proxy.port, '/ocpp//CP1'), 404);
    assert.equal(await handshakeStatus(proxy.port, '/ocpp/CP1'), 101);
  });
});


