// The request checks as pure functions: URL parsing, Host names, origins, X-Ingress-Path.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import { decodeSegment, hostName, hostRefusal, ingressPath, ownOrigins, requestUrl, sameOrigin } from '../../src/web/request-guard.ts';

const withHeaders = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

test('requestUrl: origin-form paths, doubled slashes collapsed; anything else is null', () => {
  assert.equal(requestUrl('/api/messages?limit=3&charger=a[1]')?.searchParams.get('charger'), 'a[1]');
  assert.equal(requestUrl('//api//status')?.pathname, '/api/status');
  assert.equal(requestUrl('/api/chargers/CP%201/call')?.pathname, '/api/chargers/CP%201/call');
  for (const bad of [undefined, '', '*', 'http://x/y', '//[', '/a[b', '/%', '/%G0', '/a b', '/\u00e9']) assert.equal(requestUrl(bad), null, String(bad));
});

test('decodeSegment: once, and null for escapes that are not UTF-8', () => {
  assert.equal(decodeSegment('EVIL%3Cb%3E1'), 'EVIL<b>1');
  assert.equal(decodeSegment('%C3%28'), null);
});

test('hostName and hostRefusal', () => {
  assert.equal(hostName('Example.ORG.:8889'), 'example.org');
  assert.equal(hostName('[::1]:8889'), '::1');
  assert.equal(hostRefusal(undefined, '127.0.0.1', []), null);
  assert.equal(hostRefusal('10.1.2.3:8889', '127.0.0.1', []), null, 'an address literal cannot be rebound');
  assert.equal(hostRefusal('[fe80::1]', '127.0.0.1', []), null);
  assert.equal(hostRefusal(`${hostname()}:1`, '127.0.0.1', []), null);
  assert.equal(hostRefusal('monitor.lan', 'monitor.lan', []), null, 'the bind address as a name');
  assert.equal(hostRefusal('proxy.example.org', '0.0.0.0', ['proxy.example.org']), null);
  assert.match(hostRefusal('evil.example', '0.0.0.0', ['proxy.example.org']) ?? '', /evil\.example.*allowed_hosts/);
  assert.match(hostRefusal('localhost.evil.example', '127.0.0.1', []) ?? '', /not a name of this server/);
  assert.match(hostRefusal('', '127.0.0.1', []) ?? '', /empty/);
  assert.ok((hostRefusal(`${'a'.repeat(500)}.example`, '127.0.0.1', []) ?? '').length < 300, 'a long name is cut');
});

test('ownOrigins and sameOrigin: Host and X-Forwarded-Host, http and X-Forwarded-Proto, default ports dropped', () => {
  const request = withHeaders({ host: '127.0.0.1:8889', 'x-forwarded-host': 'Monitor.example.org:443, inner', 'x-forwarded-proto': 'https' });
  assert.deepEqual([...ownOrigins(request)].sort(), ['http://127.0.0.1:8889', 'http://monitor.example.org:443', 'https://127.0.0.1:8889', 'https://monitor.example.org'].sort());
  assert.equal(sameOrigin(withHeaders({ ...request.headers as Record<string, string>, origin: 'https://monitor.example.org' })), true);
  assert.equal(sameOrigin(withHeaders({ host: 'h:1', 'x-forwarded-proto': 'gopher', origin: 'gopher://h:1' })), false);
  assert.equal(sameOrigin(withHeaders({ host: 'h:1', origin: 'not a url' })), false);
  assert.equal(sameOrigin(withHeaders({ host: 'h:1' })), false);
});

test('ingressPath: a plain path without its trailing slash, or nothing', () => {
  assert.equal(ingressPath(withHeaders({ 'x-ingress-path': '/api/hassio_ingress/AbC-123_x/' })), '/api/hassio_ingress/AbC-123_x');
  assert.equal(ingressPath(withHeaders({})), '');
  for (const bad of ['api/x', '//evil.example/x', '/x"><script>', 'https://evil.example/', '/a b']) assert.equal(ingressPath(withHeaders({ 'x-ingress-path': bad })), '', bad);
});
