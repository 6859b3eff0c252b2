// The pages and commands behind a path prefix (Home Assistant ingress, reverse proxies), over
// real sockets: relative URLs only, `[web] ingress_from` instead of a second password, the
// same-origin check with X-Forwarded-Host/-Proto, and the configuration warnings.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bootParams, cleanupAfter, iniFor, startCsms, startProxy, strictCharger } from '../helpers/peers.ts';
import { startIngressProxy } from '../helpers/ingress-proxy.ts';
import { NO_BACKEND_WARNING } from '../../src/config/warnings.ts';
import { http, postCommand } from './http-client.ts';

const cleanups = cleanupAfter();

/** A daemon (primary CSMS unless `ini` brings its own upstreams), its web monitor on, and charger WEB1 that answers Reset. */
async function setup(webIni: string, ini?: string) {
  let base = ini;
  if (base === undefined) {
    const primary = await startCsms({ protocols: ['ocpp1.6'] });
    cleanups.push(() => primary.close());
    base = iniFor(primary.url);
  }
  const proxy = await startProxy(`${base}[web]\n${webIni}`, {}, true);
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
  return { proxy, charger, resets, web: proxy.daemon.webPort };
}

const RESET = { action: 'Reset', payload: { type: 'Soft' } };

describe('pages under a path prefix', () => {
  test('the served pages use relative URLs only (links, fetch, EventSource, POSTs)', async () => {
    const { web } = await setup('');
    for (const path of ['/', '/status', '/sessions']) {
      const page = await http(web, path);
      assert.equal(page.status, 200, path);
      assert.match(page.body, /(fetch|getJson)\('api\/|EventSource\('api\/live'\)/, `${path} talks to the API`);
      for (const absolute of [/"\/api/, /'\/api/, /`\/api/, /(href|src|action)=["']\//, /fetch\(\s*["'`]\//, /EventSource\(\s*["'`]\//, /["'`]\/(status|metrics|sessions)/]) {
        assert.doesNotMatch(page.body, absolute, `${path} has an absolute URL (${absolute})`);
      }
    }
  });

  test('through a prefix-stripping proxy, the pages and what their relative URLs name are all found', async () => {
    const { web } = await setup('');
    const ingress = await startIngressProxy(web);
    cleanups.push(() => ingress.close());
    const get = (url: string) => http(ingress.port, new URL(url).pathname + new URL(url).search);
    for (const [page, base] of [['', ingress.url('')], ['status', ingress.url('status')], ['sessions', ingress.url('sessions')]] as const) {
      const html = await get(base);
      assert.equal(html.status, 200, page);
      // Every relative URL in the page, resolved the way the browser does from that page's address.
      const relative = [...html.body.matchAll(/(?:href=|src=|fetch\(|getJson\(|send\('[A-Z]+', |EventSource\()["']([^"']+)["']/g)]
        .map((m) => m[1]!)
        .filter((ref) => !ref.startsWith('data:')); // the favicon is inline
      assert.ok(relative.length >= 2, `${page}: found ${relative.join(', ')}`);
      for (const ref of relative) {
        const target = new URL(ref, base);
        assert.ok(target.pathname.startsWith(`${ingress.prefix}/`), `${ref} from ${base} stays under the prefix (${target.pathname})`);
        if (ref === 'api/chargers/' || ref === 'api/override') continue; // commands: sent in the browser test
        if (ref === 'api/live') continue; // a stream: opened in the browser test
        if (ref.startsWith('api/') && ref.endsWith('/')) {
          // The start of a URL the page completes (api/sessions/ID/series): a route, not 'not found'.
          const reply = await get(new URL(`${ref}1/series`, base).href);
          assert.notEqual(JSON.parse(reply.body).error, 'not found', `${ref}1/series from ${base}`);
          continue;
        }
        assert.equal((await get(target.href)).status, 200, `${ref} from ${base}`);
      }
    }
    assert.equal((await get(ingress.url('api/messages'))).headers['content-type'], 'application/json; charset=utf-8');
  });

  test('/status/ redirects to the dashboard: under X-Ingress-Path absolutely, else relatively', async () => {
    const { web } = await setup('');
    const direct = await http(web, '/status/');
    assert.equal(direct.status, 308);
    assert.equal(direct.headers.location, '../status');
    assert.equal(new URL(String(direct.headers.location), 'http://h/x/abc/status/').pathname, '/x/abc/status');
    const ingress = await startIngressProxy(web, 'tok42');
    cleanups.push(() => ingress.close());
    const through = await http(ingress.port, `${ingress.prefix}/status/`);
    assert.equal(through.status, 308);
    assert.equal(through.headers.location, '/api/hassio_ingress/tok42/status');
    assert.equal((await http(web, '/status/', { headers: { 'X-Ingress-Path': '/x"><script>' } })).headers.location, '../status', 'a header that is no path is ignored');
  });

  test('a doubled slash (a proxy joining its prefix with "/") reaches the same route', async () => {
    const { web } = await setup('');
    // Read as a URL, '//api/status' would name host 'api' and path '/status'.
    const status = await http(web, '//api/status');
    assert.equal(status.status, 200);
    assert.equal(JSON.parse(status.body).chargers[0].id, 'WEB1');
    assert.match((await http(web, '//status')).body, /<title>Overview · ocpp-proxy<\/title>/);
    assert.match((await http(web, '//sessions')).body, /<title>Sessions · ocpp-proxy<\/title>/);
    assert.match((await http(web, '/api//status')).body, /"chargers":/);
  });
});

describe('ingress_from: the Supervisor needs no second password', () => {
  test('with a password: the ingress address reads and commands without it, another address needs it', async () => {
    const { web, resets } = await setup('username = admin\npassword = s3cret\ningress_from = 127.0.0.1\n');
    const auth = { Authorization: `Basic ${Buffer.from('admin:s3cret').toString('base64')}` };
    // 127.0.0.2 plays another host on the LAN.
    assert.equal((await http(web, '/api/status', { from: '127.0.0.2' })).status, 401);
    assert.equal((await postCommand(web, 'WEB1', RESET, {}, '127.0.0.2')).status, 401);
    assert.equal(resets.length, 0, 'nothing reached the charger');
    assert.equal((await http(web, '/api/status', { from: '127.0.0.2', headers: auth })).status, 200, 'the password still works');
    // 127.0.0.1 plays the Supervisor.
    assert.equal((await http(web, '/status', { from: '127.0.0.1' })).status, 200);
    const command = await postCommand(web, 'WEB1', RESET, { 'X-Ingress-Path': '/api/hassio_ingress/abc' }, '127.0.0.1');
    assert.equal(command.status, 200, command.body);
    const answer = JSON.parse(command.body);
    assert.deepEqual([answer.result, answer.payload], ['CALLRESULT', { status: 'Accepted' }]);
    assert.deepEqual(resets, [{ type: 'Soft' }]);
  });

  test('ingress requests still need a same-origin Origin and JSON', async () => {
    const { web, resets } = await setup('username = admin\npassword = s3cret\ningress_from = 127.0.0.1\n');
    assert.equal((await postCommand(web, 'WEB1', RESET, { Origin: 'http://evil.example' })).status, 403);
    assert.equal((await postCommand(web, 'WEB1', RESET, { 'Content-Type': 'text/plain' })).status, 415);
    const override = await http(web, '/api/override', { method: 'DELETE', headers: { Host: `127.0.0.1:${web}` } });
    assert.equal(override.status, 403, 'no Origin: refused');
    assert.equal(resets.length, 0);
  });

  test('on a non-loopback address without a password: read-only for others, commands through ingress', async () => {
    const { web, resets, proxy } = await setup('host = 0.0.0.0\ningress_from = 127.0.0.1\n');
    assert.equal((await postCommand(web, 'WEB1', RESET, {}, '127.0.0.2')).status, 403);
    assert.equal(resets.length, 0);
    assert.equal((await postCommand(web, 'WEB1', RESET, {}, '127.0.0.1')).status, 200);
    assert.deepEqual(resets, [{ type: 'Soft' }]);
    const override = await http(web, '/api/override', {
      method: 'POST',
      from: '127.0.0.1',
      headers: { 'Content-Type': 'application/json', Host: `127.0.0.1:${web}`, Origin: `http://127.0.0.1:${web}` },
      body: JSON.stringify({ mode: 'block' }),
    });
    assert.equal(override.status, 200, override.body);
    assert.equal(proxy.daemon.server.control.override?.mode, 'block');
  });

  test('an IPv4-mapped IPv6 address in ingress_from matches', async () => {
    const { web, resets } = await setup('username = admin\npassword = s3cret\ningress_from = 172.30.32.2, ::ffff:127.0.0.1\n');
    assert.equal((await postCommand(web, 'WEB1', RESET, {}, '127.0.0.1')).status, 200);
    assert.equal((await postCommand(web, 'WEB1', RESET, {}, '127.0.0.2')).status, 401);
    assert.equal(resets.length, 1);
  });
});

describe('same origin behind a reverse proxy', () => {
  test('X-Forwarded-Host and -Proto name the origin the browser saw; another origin is refused', async () => {
    const { web, resets } = await setup('');
    const behindTls = { Origin: 'https://monitor.example.org', 'X-Forwarded-Host': 'monitor.example.org', 'X-Forwarded-Proto': 'https' };
    const accepted = await postCommand(web, 'WEB1', RESET, behindTls);
    assert.equal(accepted.status, 200, accepted.body);
    assert.equal(resets.length, 1);
    assert.equal((await postCommand(web, 'WEB1', RESET, { Origin: 'https://monitor.example.org' })).status, 403, 'without X-Forwarded-Host');
    assert.equal((await postCommand(web, 'WEB1', RESET, { ...behindTls, Origin: 'https://evil.example' })).status, 403, 'another site');
    assert.equal((await postCommand(web, 'WEB1', RESET, { ...behindTls, Origin: 'https://monitor.example.org.evil.example' })).status, 403, 'a longer name');
    assert.equal((await postCommand(web, 'WEB1', RESET, { ...behindTls, 'X-Forwarded-Proto': 'http' })).status, 403, 'the scheme counts');
    assert.equal((await postCommand(web, 'WEB1', RESET, { ...behindTls, 'X-Forwarded-Host': 'monitor.example.org, proxy.internal' })).status, 200, 'the first of a list');
    assert.equal((await postCommand(web, 'WEB1', RESET, { Origin: 'null' })).status, 403);
    assert.equal(resets.length, 2);
  });
});

describe('configuration warnings', () => {
  test('/api/status carries configWarnings: the local CSMS warning without a backend, none with one', async () => {
    const local = await setup('', '[upstream.local]\nrole = local\n');
    const status = JSON.parse((await http(local.web, '/api/status')).body);
    assert.ok(Array.isArray(status.warnings));
    assert.ok(status.warnings.some((w: string) => w.startsWith(NO_BACKEND_WARNING)), JSON.stringify(status.warnings));
    const backed = await setup('');
    assert.deepEqual(JSON.parse((await http(backed.web, '/api/status')).body).warnings, []);
  });

  test('every page carries the warning banner', async () => {
    const { web } = await setup('');
    for (const path of ['/', '/status', '/sessions']) {
      const html = (await http(web, path)).body;
      assert.match(html, /<div id="warnings" class="warnings" role="alert" hidden><\/div>/, path);
      assert.match(html, /showWarnings\([^)]*warnings\)/, `${path} fills it from the status event`);
    }
  });
});
