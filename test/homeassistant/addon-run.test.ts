// The Home Assistant add-on as the Supervisor starts it: its real run.sh, an options.json with
// config.yaml's defaults, SUPERVISOR_TOKEN set; and the add-on folder as a self-contained build
// context.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { bootParams, cleanupAfter, strictCharger, tempDir, waitUntil } from '../helpers/peers.ts';
import { addonDefaults, startAddon as startAddonWith } from '../helpers/addon.ts';

const root = resolve(import.meta.dirname, '../..');
const addon = join(root, 'homeassistant/ocpp-proxy');
const cleanups = cleanupAfter();
const startAddon = (overrides: Record<string, unknown> = {}, env: Record<string, string> = {}) => startAddonWith(cleanups, overrides, env);

function getJson(port: number, path: string): Promise<{ status: number; body: unknown }> {
  return new Promise((ok, fail) =>
    get({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: JSON.parse(body) }));
    }).on('error', fail),
  );
}

test('run.sh with the default options and SUPERVISOR_TOKEN set: the add-on starts, answers a charger locally and says no backend is configured', async () => {
  const running = await startAddon();
  const ini = readFileSync(join(running.data, 'ocpp-2w-proxy.ini'), 'utf8');
  assert.doesNotMatch(ini, /\[homeassistant\]/, 'the token alone does not turn the bridge on');
  assert.match(ini, /ingress_from = 172\.30\.32\.2/);
  await waitUntil(() => /no backend configured: the built-in local CSMS answers and accepts every tag/.test(running.output()), 'the no-backend warning');
  const charger = strictCharger(running.port, 'HA-CP1', ['ocpp1.6']);
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  const boot = (await charger.call('BootNotification', bootParams('ocpp1.6'))) as { status: string };
  assert.equal(boot.status, 'Accepted');
  const status = await getJson(running.webPort, '/api/status');
  assert.equal(status.status, 200);
  assert.ok(existsSync(join(running.data, 'ocpp-proxy.db')), 'state beside options.json, in /data');
  assert.ok(existsSync(join(running.data, 'ocpp_messages.log')));
  assert.equal(await running.stop(), 0);
});

test('run.sh with a Home Assistant override entity: the bridge asks the Supervisor with SUPERVISOR_TOKEN', async () => {
  // A stand-in for the Supervisor's Core API on loopback.
  const asked: Array<{ url: string; auth: string }> = [];
  const supervisor = createServer((req, res) => {
    asked.push({ url: req.url ?? '', auth: req.headers.authorization ?? '' });
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ state: 'off' }));
  });
  await new Promise<void>((ok) => supervisor.listen(0, '127.0.0.1', ok));
  cleanups.push(() => supervisor.close());
  const url = `http://127.0.0.1:${(supervisor.address() as AddressInfo).port}/core`;
  const running = await startAddon({ sharing_enabled: true, ha_override_entity: 'input_boolean.ev_block_backends' }, { OCPP_PROXY_SUPERVISOR_URL: url });
  const ini = readFileSync(join(running.data, 'ocpp-2w-proxy.ini'), 'utf8');
  assert.match(ini, /\[homeassistant\][\s\S]*override_entity = input_boolean\.ev_block_backends/);
  assert.doesNotMatch(ini, /supervisor-token-abc/, 'the token is not written to the INI');
  assert.deepEqual(asked[0], { url: '/core/api/states/input_boolean.ev_block_backends', auth: 'Bearer supervisor-token-abc' });
  assert.doesNotMatch(running.output(), /supervisor-token-abc/, 'the token is never printed');
  assert.equal(await running.stop(), 0);
});

test('a bad autoconfig option stops run.sh with one clear line', () => {
  const data = tempDir();
  const bin = tempDir();
  writeFileSync(join(bin, 'ocpp-proxy'), `#!/bin/sh\nexec "${process.execPath}" "${join(addon, 'ocpp-proxy.mjs')}" "$@"\n`);
  chmodSync(join(bin, 'ocpp-proxy'), 0o755);
  writeFileSync(join(data, 'options.json'), JSON.stringify({ ...addonDefaults(), autoconfig: ['no equals sign'] }));
  const run = spawnSync('bash', [join(addon, 'run.sh')], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, OCPP_PROXY_DATA: data }, encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /autoconfig entry 'no equals sign' is not Key=value/);
});

test('the add-on folder is a self-contained build context: every COPY source is in it, one base image per architecture', () => {
  const dockerfile = readFileSync(join(addon, 'Dockerfile'), 'utf8');
  const sources = [...dockerfile.matchAll(/^COPY\s+(?!--from)(\S+)\s+\S+$/gm)].map((m) => m[1]!);
  assert.ok(sources.length >= 3, dockerfile);
  for (const source of sources) {
    assert.ok(!source.includes('..') && !source.startsWith('/'), `${source} stays inside the add-on folder`);
    assert.ok(existsSync(join(addon, source)), `${source} exists in homeassistant/ocpp-proxy`);
  }
  assert.match(dockerfile, /^FROM \$\{BUILD_FROM\}$/m);
  assert.ok(readFileSync(join(addon, 'ocpp-proxy.mjs')).equals(readFileSync(join(root, 'dist/ocpp-proxy.mjs'))), 'the add-on bundle is the current build');
  const arches = ['amd64', 'aarch64', 'armv7', 'armhf', 'i386'];
  const buildYaml = readFileSync(join(addon, 'build.yaml'), 'utf8');
  const configYaml = readFileSync(join(addon, 'config.yaml'), 'utf8');
  for (const arch of arches) {
    assert.match(buildYaml, new RegExp(`^  ${arch}: ghcr\\.io/home-assistant/${arch}-base:3\\.\\d+$`, 'm'), arch);
    assert.match(configYaml, new RegExp(`^  - ${arch}$`, 'm'), arch);
  }
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  assert.match(configYaml, new RegExp(`^version: "${version.replace(/\./g, '\\.')}"$`, 'm'), 'add-on version = package version');
  assert.equal(spawnSync('bash', ['-n', join(addon, 'run.sh')]).status, 0);
});
