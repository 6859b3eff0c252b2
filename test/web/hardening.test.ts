// Attacks on the web listener, reproduced against a real one: DNS rebinding (a foreign Host),
// malformed request URLs, and more live streams than the cap.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { hostname } from 'node:os';
import { bootParams, cleanupAfter, iniFor, startCsms, startProxy, strictCharger, waitUntil, within, type TestProxy } from '../helpers/peers.ts';
import { http, postCommand, rawRequest } from './http-client.ts';

const cleanups = cleanupAfter();

async function setup(webIni = '') {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  cleanups.push(() => primary.close());
  const proxy = await startProxy(`${iniFor(primary.url)}[web]\n${webIni}`, {}, true);
  cleanups.push(() => proxy.close());
  const charger = strictCharger(proxy.port, 'WEB1', ['ocpp1.6']);
  cleanups.push(() => charger.close({ force: true }));
  const resets: unknown[] = [];
  charger.handle('Reset', async ({ params }) => {
    resets.push(params);
    return { status: 'Accepted' };
  });
  await charger.connect();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  return { proxy, resets, web: proxy.daemon.webPort };
}

const RESET = { action: 'Reset', payload: { type: 'Soft' } };

describe('DNS rebinding: only names of this server are answered', () => {
  test('a page on a rebinding name can neither read messages nor send commands nor set the override', async () => {
    const { proxy, resets, web } = await setup();
    // The attacker's page is same-origin with itself: Host and Origin both name its domain.
    const evil = { Host: `rebind.attacker.example:${web}`, Origin: `http://rebind.attacker.example:${web}` };
    const messages = await http(web, '/api/messages', { headers: evil });
    assert.equal(messages.status, 403);
    assert.match(JSON.parse(messages.body).error, /rebind\.attacker\.example.*allowed_hosts/);
    assert.ok(!messages.body.includes('BootNotification'), 'no message leaks');
    for (const path of ['/', '/status', '/api/status', '/api/live', '/metrics', '/api/sessions', '/sessions.csv']) {
      assert.equal((await http(web, path, { headers: evil })).status, 403, path);
    }
    assert.equal((await postCommand(web, 'WEB1', RESET, evil)).status, 403);
    assert.deepEqual(resets, [], 'the Reset never reached the charger');
    const override = await http(web, '/api/override', { method: 'POST', headers: { ...evil, 'Content-Type': 'application/json' }, body: JSON.stringify({ mode: 'block' }) });
    assert.equal(override.status, 403);
    assert.equal(proxy.daemon.server.control.override, null, 'the override is untouched');
    assert.equal((await http(web, '/healthz', { headers: evil })).status, 200, '/healthz stays open');
    assert.ok(proxy.console.some((line) => line.includes('WARNING') && line.includes("request refused: host 'rebind.attacker.example'")), 'the console says why');
  });

  test('localhost, the bind address, IP addresses and the machine\'s name are answered', async () => {
    const { web, resets } = await setup();
    for (const host of [`localhost:${web}`, `LOCALHOST:${web}`, `127.0.0.1:${web}`, `[::1]:${web}`, `${hostname()}:${web}`, hostname(), `app.localhost:${web}`]) {
      assert.equal((await http(web, '/api/status', { headers: { Host: host } })).status, 200, host);
    }
    const fromLocalhost = await postCommand(web, 'WEB1', RESET, { Host: `localhost:${web}`, Origin: `http://localhost:${web}` });
    assert.equal(fromLocalhost.status, 200, fromLocalhost.body);
    assert.equal(resets.length, 1);
  });

  test('[web] allowed_hosts adds names (a reverse proxy that passes its own Host)', async () => {
    const headers = { Host: 'monitor.example.org' };
    assert.equal((await http((await setup()).web, '/api/status', { headers })).status, 403);
    const { web } = await setup('allowed_hosts = Monitor.Example.org\n');
    assert.equal((await http(web, '/api/status', { headers })).status, 200);
    assert.equal((await http(web, '/api/status', { headers: { Host: 'other.example.org' } })).status, 403);
  });

  test('requests from ingress_from pass with the Host the Supervisor sends; others do not', async () => {
    const { web, resets } = await setup('ingress_from = 127.0.0.1\n');
    const haHost = { Host: 'homeassistant.example:8123', Origin: 'http://homeassistant.example:8123' };
    assert.equal((await http(web, '/api/status', { headers: haHost, from: '127.0.0.1' })).status, 200);
    assert.equal((await postCommand(web, 'WEB1', RESET, haHost, '127.0.0.1')).status, 200);
    assert.equal((await http(web, '/api/status', { headers: haHost, from: '127.0.0.2' })).status, 403);
    assert.equal((await postCommand(web, 'WEB1', RESET, haHost, '127.0.0.2')).status, 403);
    assert.equal(resets.length, 1);
  });
});

describe('malformed request URLs', () => {
  test('answer 400 before auth, keep the server up and print no stack trace', async () => {
    const { proxy, web } = await setup('username = admin\npassword = s3cret\n');
    for (const target of ['//[', '//[::1', '/a[b]', 'http://x/y', '*', '/%', '/%zz']) {
      const reply = await rawRequest(web, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1`);
      assert.match(reply.statusLine, /^HTTP\/1\.1 400 /, target);
      assert.match(reply.text, /malformed request URL/, target);
    }
    const command = (path: string, extra = '') =>
      rawRequest(web, `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${web}\r\nOrigin: http://127.0.0.1:${web}\r\nContent-Type: application/json\r\nContent-Length: 2${extra}`);
    assert.match((await command('/api/chargers/%ZZ/call')).statusLine, /^HTTP\/1\.1 400 /, 'before auth');
    // Valid escapes that are not UTF-8 pass the URL check and fail only when the id is decoded, after auth.
    const auth = `Basic ${Buffer.from('admin:s3cret').toString('base64')}`;
    const notUtf8 = await command('/api/chargers/%C3%28/call', `\r\nAuthorization: ${auth}`);
    assert.match(notUtf8.statusLine, /^HTTP\/1\.1 400 /);
    assert.match(notUtf8.text, /percent-encoding/);
    assert.match((await command('/api/chargers/%C3%28/call')).statusLine, /^HTTP\/1\.1 401 /, 'without the password: auth first');
    assert.equal((await http(web, '/api/status?charger=a[1]|b', { headers: { Authorization: auth } })).status, 200, 'a query a browser sends raw is fine');
    assert.equal((await http(web, '/healthz')).status, 200, 'the server still answers');
    assert.ok(!proxy.console.some((line) => /\n\s+at |URIError|Invalid URL/.test(line)), proxy.console.join('\n'));
  });

  test('on an open monitor too (no password): %ZZ in a command URL is 400, not a crash', async () => {
    const { web, resets } = await setup();
    const reply = await postCommand(web, '%ZZ', RESET);
    assert.equal(reply.status, 400);
    assert.equal(resets.length, 0);
  });
});

describe('live stream cap', () => {
  /** Opens /api/live; resolves with the status once the headers are in, the request kept open. */
  function openLive(web: number, streams: Array<{ destroy(): void }>): Promise<{ status: number; body: Promise<string> }> {
    return within(
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: web, path: '/api/live', agent: false }, (res) => {
          const body = new Promise<string>((done) => {
            let text = '';
            res.on('data', (d) => (text += d));
            res.on('end', () => done(text));
          });
          resolve({ status: res.statusCode ?? 0, body });
        });
        req.on('error', reject);
        req.end();
        streams.push(req);
      }),
      'a live stream',
    );
  }

  const liveClients = (proxy: TestProxy) => (proxy.daemon.web as unknown as { clients: Set<unknown> }).clients.size;

  test('beyond 50 open streams the next one gets 503 with a clear error; a closed one frees a place', async () => {
    const { proxy, web } = await setup();
    const streams: Array<{ destroy(): void }> = [];
    cleanups.push(() => streams.forEach((s) => s.destroy()));
    for (let i = 0; i < 50; i++) assert.equal((await openLive(web, streams)).status, 200, `stream ${i + 1}`);
    const refused = await openLive(web, streams);
    assert.equal(refused.status, 503);
    assert.match(JSON.parse(await refused.body).error, /too many live views open \(50\).*live_clients/);
    assert.equal(liveClients(proxy), 50);
    streams[0]!.destroy();
    await waitUntil(() => liveClients(proxy) === 49, 'the server to notice the closed stream');
    assert.equal((await openLive(web, streams)).status, 200);
  });

  test('[web] live_clients sets the cap', async () => {
    const { web } = await setup('live_clients = 2\n');
    const streams: Array<{ destroy(): void }> = [];
    cleanups.push(() => streams.forEach((s) => s.destroy()));
    assert.equal((await openLive(web, streams)).status, 200);
    assert.equal((await openLive(web, streams)).status, 200);
    assert.equal((await openLive(web, streams)).status, 503);
  });
});
