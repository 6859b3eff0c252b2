// The Home Assistant add-on: options.json → INI (the original add-on's options and ours), and
// the demo command showing traffic.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join, resolve } from 'node:path';
import { addonIni } from '../../src/cli/ha-addon.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { cleanupAfter, tempDir, waitUntil, writeIni } from '../helpers/peers.ts';

const root = resolve(import.meta.dirname, '../..');
const cleanups = cleanupAfter();

test('the original add-on\'s options map onto the same settings', () => {
  const { config, problems } = loadConfig({
    config: writeIni(addonIni({
      log_level: 'DEBUG', log_level_websockets_client: 'WARNING', log_level_websockets_server: 'ERROR', host_addr: '0.0.0.0', host_port: 8321,
      watchdog_stale: 300, watchdog_interval: 60, ping_timeout: 20, primary_server: 'ws://ocpp.provider.com:80', secondary_server: 'ws://192.168.1.100:8888',
    })),
  }, {});
  assert.deepEqual(problems, []);
  assert.deepEqual(config!.logLevels, { proxy: 'DEBUG', client: 'WARNING', server: 'ERROR' });
  assert.deepEqual([config!.listen.host, config!.listen.port], ['0.0.0.0', 8321]);
  assert.deepEqual([config!.timeouts.watchdogStale, config!.timeouts.watchdogInterval, config!.timeouts.pingTimeout], [300, 60, 20]);
  assert.deepEqual(config!.upstreams.map((u) => [u.name, u.url]), [['primary', 'ws://ocpp.provider.com:80'], ['secondary', 'ws://192.168.1.100:8888']]);
  assert.equal(config!.messageLogFile, '/data/ocpp_messages.log');
  assert.equal(config!.statePath, '/data/ocpp-proxy.db');
});

test('our options: RFID split, autoconfig with lock, web password with special characters; no backend → local CSMS', () => {
  const { config, problems } = loadConfig({
    config: writeIni(addonIni({ secondary_rfid: 'ABC, def', autoconfig: ['LocalPreAuthorize=true', 'OCPPCommCtrlr.HeartbeatInterval = 60'], autoconfig_lock: true, web_username: 'me', web_password: 'p;a#ss=w"d', fix_timestamps: false })),
  }, {});
  assert.deepEqual(problems, []);
  assert.deepEqual(config!.upstreams.map((u) => [u.name, u.local]), [['local', true]]);
  assert.deepEqual(config!.autoconfig, [['LocalPreAuthorize', 'true'], ['OCPPCommCtrlr.HeartbeatInterval', '60']]);
  assert.equal(config!.autoconfigLock, true);
  assert.equal(config!.web.password, 'p;a#ss=w"d');
  assert.equal(config!.web.host, '0.0.0.0');
  assert.equal(config!.fixups.timestamps, false);
  assert.throws(() => addonIni({ autoconfig: ['no equals sign'] }), /not Key=value/);
});

test('SUPERVISOR_TOKEN alone never makes a configuration invalid; with an entity set it supplies URL and token', () => {
  const supervisor = { SUPERVISOR_TOKEN: 'abc' };
  const plain = loadConfig({ config: writeIni(addonIni({})) }, supervisor);
  assert.deepEqual(plain.problems, []);
  assert.equal(plain.config!.homeAssistant.url, null, 'the bridge stays off');
  const bridged = loadConfig({ config: writeIni(addonIni({ ha_presence_sensor: 'person.me', ha_block_when_home: true, sharing_enabled: true })) }, supervisor);
  assert.deepEqual(bridged.problems, []);
  assert.deepEqual([bridged.config!.homeAssistant.url, bridged.config!.homeAssistant.token], ['http://supervisor/core', 'abc']);
  assert.equal(bridged.config!.homeAssistant.blockWhenHome, true);
  assert.equal(bridged.config!.sharing.enabled, true);
  assert.deepEqual(bridged.config!.web.ingressFrom, ['172.30.32.2']);
  // Outside the add-on an entity without a URL is a clear problem, not a silent no-op.
  const outside = loadConfig({ config: writeIni('[upstream.local]\nrole = local\n[homeassistant]\noverride_entity = input_boolean.x\n') }, {});
  assert.match(outside.problems.map((p) => `[${p.section}] ${p.key}: ${p.message}`).join('\n'), /\[homeassistant\] url: the Home Assistant URL is needed/);
});

test('the add-on files agree: options in config.yaml, the run script, the repository', () => {
  const configYaml = readFileSync(join(root, 'homeassistant/ocpp-proxy/config.yaml'), 'utf8');
  for (const option of ['log_level', 'host_port: 8321', 'watchdog_stale: 500', 'watchdog_interval: 100', 'ping_timeout: 60', 'primary_server', 'secondary_server', 'primary_rfid', 'autoconfig', 'web_password', 'ingress: true']) {
    assert.ok(configYaml.includes(option), option);
  }
  assert.match(readFileSync(join(root, 'homeassistant/ocpp-proxy/run.sh'), 'utf8'), /ha-addon-ini "\$data\/options\.json"/);
  assert.match(readFileSync(join(root, 'repository.yaml'), 'utf8'), /^name: /m);
  assert.equal(spawnSync('bash', ['-n', join(root, 'homeassistant/ocpp-proxy/run.sh')]).status, 0);
  const dir = tempDir();
  writeFileSync(join(dir, 'options.json'), JSON.stringify({ host_port: 8321, primary_server: 'ws://x:1' }));
  const run = spawnSync(process.execPath, [join(root, 'dist/ocpp-proxy.mjs'), 'ha-addon-ini', join(dir, 'options.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0);
  assert.match(run.stdout, /\[host\][\s\S]*port = 8321/);
});

test('demo: traffic flows and shows in the monitor API', async () => {
  const child = spawn(process.execPath, [join(root, 'dist/ocpp-proxy.mjs'), 'demo'], { cwd: tempDir(), env: { ...process.env, NO_COLOR: '1' } });
  cleanups.push(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await waitUntil(() => /watch it at http:\/\/127\.0\.0\.1:\d+\//.test(out), 'the demo to start');
  const port = Number(/watch it at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)![1]);
  const messages = () =>
    new Promise<Array<{ action: string }>>((ok, fail) => get({ host: '127.0.0.1', port, path: '/api/messages' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => ok(JSON.parse(body)));
    }).on('error', fail));
  let seen: Array<{ action: string }> = [];
  await waitUntil(() => {
    void messages().then((m) => (seen = m), () => undefined);
    return seen.some((m) => m.action === 'MeterValues');
  }, 'MeterValues in the monitor', 10_000);
  child.kill('SIGINT');
  await waitUntil(() => child.exitCode !== null, 'the demo to stop on Ctrl-C');
  assert.equal(child.exitCode, 0);
});
