// The container entrypoint (run here without Docker), and the image build where a Docker engine exists.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanupAfter, freePort, tempDir, waitUntil } from '../helpers/peers.ts';

const root = resolve(import.meta.dirname, '../..');
const cleanups = cleanupAfter();

test('entrypoint: writes the example configuration to /data on first start and keeps state and log there', async () => {
  const app = tempDir();
  const data = tempDir();
  symlinkSync(join(root, 'dist/ocpp-proxy.mjs'), join(app, 'ocpp-proxy.mjs'));
  copyFileSync(join(root, 'ocpp-2w-proxy.ini'), join(app, 'ocpp-2w-proxy.ini'));
  const port = await freePort();
  const child = spawn('sh', [join(root, 'docker/entrypoint.sh'), '--listen-host', '127.0.0.1', '--listen-port', String(port), '--web-port', '0'], {
    env: { ...process.env, OCPP_PROXY_DATA: data, OCPP_PROXY_APP: app, OCPP_PROXY_NODE: process.execPath },
  });
  cleanups.push(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await waitUntil(() => out.includes('listening for chargers'), 'the proxy to start in the container layout');
  assert.match(out, /wrote the example configuration/);
  assert.equal(readFileSync(join(data, 'ocpp-2w-proxy.ini'), 'utf8'), readFileSync(join(root, 'ocpp-2w-proxy.ini'), 'utf8'));
  assert.ok(existsSync(join(data, 'ocpp-proxy.db')));
  assert.ok(existsSync(join(data, 'ocpp_messages.log')));
  child.kill('SIGTERM');
  await waitUntil(() => child.exitCode !== null, 'a clean stop');
  assert.equal(child.exitCode, 0);
});

const docker = spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
test('docker build', { skip: docker ? false : 'no Docker engine on this machine (the client alone cannot build)' }, () => {
  const build = spawnSync('docker', ['build', '-t', 'ocpp-proxy:test', root], { encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
});
