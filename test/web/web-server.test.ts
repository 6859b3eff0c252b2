// The web API, push stream, metrics, commands and their security, over real sockets.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { cleanupAfter, bootParams, iniFor, startCsms, startProxy, strictCharger, waitUntil, within, type TestProxy } from '../helpers/peers.ts';
import { http } from './http-client.ts';

const cleanups = cleanupAfter();

async function setup(extraIni = '') {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const proxy = await startProxy(iniFor(primary.url) + extraIni, {}, true);
  cleanups.push(() => primary.close(), () => proxy.close());
  const charger = strictCharger(proxy.port, 'WEB1', ['ocpp1.6']);
  cleanups.push(() => charger.close({ force: true }));
  charger.handle('Reset', async () => ({ status: 'Accepted' }));
  await charger.connect();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  return { primary, proxy, charger, web: proxy.daemon.webPort };
}

const post = (proxy: TestProxy, body: unknown, headers: Record<string, string> = {}) =>
  http(proxy.daemon.webPort, '/api/chargers/WEB1/call', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${proxy.daemon.webPort}`, Host: `127.0.0.1:${proxy.daemon.webPort}`, ...headers },
    body: JSON.stringify(body),
  });

describe('read API', () => {
  test('/api/status, /api/messages, /healthz, /metrics, /api/sessions and /sessions.csv', async () => {
    const { charger, web } = await setup();
    await charger.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
    await charger.call('MeterValues', { connectorId: 1, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '231.5', measurand: 'Voltage', phase: 'L1-N', unit: 'V' }, { value: '7.2', measurand: 'Power.Active.Import', unit: 'kW' }] }] });

    const status = JSON.parse((await http(web, '/api/status')).body);
    assert.equal(status.chargers.length, 1);
    const [cp] = status.chargers;
    assert.equal(cp.id, 'WEB1');
    assert.equal(cp.protocol, 'ocpp1.6');
    assert.ok(Date.parse(cp.connected_since) > 0);
    assert.deepEqual(cp.upstreams.map((u: { name: string; role: string; state: string }) => [u.name, u.role, u.state]), [['primary', 'primary', 'open']]);
    assert.match(cp.upstreams[0].url, /\/WEB1$/);
    assert.equal(cp.vendor, 'TestVendor');
    assert.equal(cp.connectors['1'].status, 'Charging');
    assert.equal(cp.readings['Voltage.L1-N'], 231.5);
    assert.equal(cp.readings['Power.Active.Import'], 7200);

    const messages = JSON.parse((await http(web, '/api/messages?limit=3&charger=WEB1')).body);
    assert.equal(messages.length, 3);
    assert.deepEqual(Object.keys(messages[0]), ['ts', 'charger', 'from', 'to', 'type', 'id', 'action', 'tags', 'raw']);
    assert.equal(messages.at(-1).action, 'MeterValues', 'oldest first, newest last');
    assert.deepEqual(JSON.parse((await http(web, '/api/messages?charger=OTHER')).body), []);

    const health = await http(web, '/healthz');
    assert.equal(health.status, 200);
    assert.equal(JSON.parse(health.body).status, 'ok');

    const metrics = await http(web, '/metrics');
    assert.match(String(metrics.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    assert.match(metrics.body, /^ocpp_proxy_chargers_connected 1$/m);
    assert.match(metrics.body, /^ocpp_proxy_upstream_link_up\{charger="WEB1",upstream="primary",role="primary"\} 1$/m);
    assert.match(metrics.body, /^ocpp_proxy_frames_total\{from="charger",to="primary",type="CALL",action="MeterValues"\} 1$/m);
    assert.match(metrics.body, /^ocpp_proxy_call_rtt_seconds_count\{upstream="primary"\} [1-9]\d*$/m);
    assert.match(metrics.body, /^ocpp_proxy_process_resident_memory_bytes \d+$/m);
    assert.match(metrics.body, /^ocpp_proxy_process_active_resources\{type="TCPSocketWrap"\} [1-9]\d*$/m);
    for (const line of metrics.body.trim().split('\n')) assert.match(line, /^(# (HELP|TYPE) ocpp_proxy_\w+ .+|ocpp_proxy_\w+(\{[^}]*\})? [\d.e+-]+)$/, line);

    await charger.call('StartTransaction', { connectorId: 1, idTag: 'SECRETTAG123', meterStart: 0, timestamp: new Date().toISOString() }).catch(() => undefined);
    const sessions = JSON.parse((await http(web, '/api/sessions?charger=WEB1')).body);
    assert.ok(Array.isArray(sessions.sessions));
    const csv = await http(web, '/sessions.csv');
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.ok(!csv.body.includes('SECRETTAG123'), 'idTags are masked unless show_idtags');
    assert.equal((await http(web, '/api/sessions?since=not-a-date')).status, 400);
  });

  test('/healthz answers 503 with a reason while a charger\'s primary link is down (primary_grace)', async () => {
    const primary = await startCsms({ protocols: ['ocpp1.6'] });
    const proxy = await startProxy(`${iniFor(primary.url)}[host]\nprimary_grace = 30\n`, {}, true);
    cleanups.push(() => proxy.close());
    const charger = strictCharger(proxy.port, 'WEB2', ['ocpp1.6']);
    cleanups.push(() => charger.close({ force: true }));
    await charger.connect();
    await primary.close();
    await waitUntil(() => !proxy.daemon.server.sessions.get('WEB2')!.primary.isOpen, 'the primary link to drop');
    const health = await http(proxy.daemon.webPort, '/healthz');
    assert.equal(health.status, 503);
    assert.match(JSON.parse(health.body).reason, /WEB2/);
  });

  test('Server-Sent Events push each message as it passes', async () => {
    const { proxy, charger, web } = await setup();
    const events: string[] = [];
    const got = new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port: web, path: '/api/live' }, (res) => {
        assert.match(String(res.headers['content-type']), /^text\/event-stream/);
        res.on('data', (chunk: Buffer) => {
          events.push(chunk.toString());
          if (events.join('').includes('"action":"Heartbeat"')) resolve();
        });
      });
      req.end();
      cleanups.push(() => req.destroy());
    });
    await waitUntil(() => events.length > 0, 'the stream to open');
    await charger.call('Heartbeat', {});
    await within(got, 'the Heartbeat on the stream', 1000);
    assert.match(events.join(''), /^event: status\ndata: \{"chargers":/);
    assert.match(events.join(''), /event: message\ndata: \{"ts":"[^"]+","charger":"WEB1","from":"charger","to":"primary","type":"CALL"/);
    void proxy;
  });
});

describe('commands', () => {
  test('a command goes through the queue as the proxy\'s own call; the answer comes back and reaches no upstream', async () => {
    const { proxy } = await setup();
    const reply = await post(proxy, { action: 'Reset', payload: { type: 'Soft' } });
    assert.equal(reply.status, 200);
    const answer = JSON.parse(reply.body);
    assert.deepEqual([answer.result, answer.payload], ['CALLRESULT', { status: 'Accepted' }]);
    assert.match(answer.frames.sent, /^\[2,"[0-9a-f-]{36}","Reset",\{"type":"Soft"\}\]$/, 'the raw frames, for the page');
    assert.match(answer.frames.answer, /^\[3,"[0-9a-f-]{36}",\{"status":"Accepted"\}\]$/);
    const injected = proxy.entries.filter((e) => e.action === 'Reset');
    assert.deepEqual(injected.map((e) => `${e.from}>${e.to} ${e.tags}`), ['proxy>charger injected', 'charger>proxy injected']);
  });

  test('POSTs need JSON, a same-origin Origin, a connected charger and a valid body', async () => {
    const { proxy } = await setup();
    assert.equal((await post(proxy, { action: 'Reset', payload: {} }, { 'Content-Type': 'text/plain' })).status, 415);
    assert.equal((await post(proxy, { action: 'Reset', payload: {} }, { Origin: 'http://evil.example' })).status, 403);
    const noOrigin = await http(proxy.daemon.webPort, '/api/chargers/WEB1/call', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(noOrigin.status, 403);
    assert.equal((await post(proxy, { action: 'Re set', payload: {} })).status, 400);
    assert.equal((await post(proxy, { action: 'Reset', payload: [] })).status, 400);
    const unknown = await http(proxy.daemon.webPort, '/api/chargers/NOPE/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${proxy.daemon.webPort}`, Host: `127.0.0.1:${proxy.daemon.webPort}` },
      body: JSON.stringify({ action: 'Reset', payload: { type: 'Soft' } }),
    });
    assert.equal(unknown.status, 404);
    assert.equal((await http(proxy.daemon.webPort, '/api/chargers/WEB1/call')).status, 405);
    assert.ok(!proxy.entries.some((e) => e.action === 'Reset'), 'nothing reached the charger');
  });
});

describe('authentication', () => {
  test('on a non-loopback address without a password: pages are read-only, commands 403, a warning at start', async () => {
    const { proxy, web } = await setup('[web]\nhost = 0.0.0.0\n');
    assert.equal((await http(web, '/api/status')).status, 200);
    assert.equal((await post(proxy, { action: 'Reset', payload: { type: 'Soft' } })).status, 403);
    assert.ok(proxy.console.some((line) => line.includes('WARNING') && line.includes('read-only')));
  });

  test('[web] username/password: Basic Auth on every path but /healthz', async () => {
    const { proxy, web } = await setup('[web]\nusername = admin\npassword = s3cret\n');
    for (const path of ['/', '/status', '/api/status', '/api/messages', '/metrics', '/sessions.csv', '/api/sessions']) {
      const reply = await http(web, path);
      assert.equal(reply.status, 401, path);
      assert.match(String(reply.headers['www-authenticate']), /^Basic /);
    }
    assert.equal((await http(web, '/healthz')).status, 200);
    const auth = `Basic ${Buffer.from('admin:s3cret').toString('base64')}`;
    assert.equal((await http(web, '/api/status', { headers: { Authorization: auth } })).status, 200);
    assert.equal((await http(web, '/api/status', { headers: { Authorization: `Basic ${Buffer.from('admin:wrong').toString('base64')}` } })).status, 401);
    const page = await http(web, '/', { headers: { Authorization: auth } });
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(page.headers['access-control-allow-origin'], undefined, 'no CORS');
    assert.ok(!proxy.console.join('').includes('s3cret'));
  });
});
