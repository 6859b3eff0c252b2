// The deployment files docs/scale-out.md gives (docs/scale-out/): the proxy configuration passes
// `check`, and the compose file, HAProxy and Prometheus name the same instances and ports.
// (HAProxy's file itself is what the failover test runs, on loopback ports.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, root } from '../helpers/daemon-process.ts';

const dir = join(root, 'docs/scale-out');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

test('the example proxy.ini passes check and uses PostgreSQL; its listen and web ports are the ones HAProxy and Prometheus use', () => {
  const result = spawnSync(process.execPath, [bundle, 'check', '-c', join(dir, 'proxy.ini')], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.doesNotMatch(result.stdout + result.stderr, /change-me/, 'check never prints the database password');
  const ini = read('proxy.ini');
  assert.match(ini, /^\[store\]\nurl = postgres:\/\/ocpp:change-me@postgres\/ocpp$/m);
  assert.match(ini, /^port = 8888$/m);
  assert.match(read('haproxy.cfg'), /check port 8889/);
  assert.match(ini, /^\[web\]\nhost = 0\.0\.0\.0\nport = 8889$/m);
});

test('compose, HAProxy and Prometheus name the same two instances; the files compose mounts exist', () => {
  const compose = read('compose.yaml');
  const services = compose.slice(0, compose.indexOf('\nvolumes:'));
  const instances = [...services.matchAll(/^ {2}(proxy-\w+):/gm)].map((m) => m[1]);
  assert.deepEqual(instances, ['proxy-a', 'proxy-b']);
  for (const name of instances) assert.match(compose, new RegExp(`hostname: ${name}\\b`), `${name} is its own [store] instance (the host name)`);
  assert.deepEqual([...read('haproxy.cfg').matchAll(/^\s*server (\S+) (\S+):8888 /gm)].map((m) => [m[1], m[2]]), instances.map((n) => [n, n]));
  assert.match(read('prometheus.yml'), new RegExp(`targets: \\[${instances.map((n) => `'${n}:8889'`).join(', ')}\\]`));
  for (const [, file] of compose.matchAll(/- \.\/([\w.]+):/g)) assert.ok(existsSync(join(dir, file!)), `${file} exists`);
  assert.match(compose, /POSTGRES_PASSWORD: change-me/);
});
