// The container entrypoint (run here without Docker), and the image build where a Docker engine exists.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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
    env: { ...process.env, OCPP_PROXY_DATA: data, OCPP_PROXY_APP: app, OCPP_PROXY_NODE: process.execPath, OCPP_PROXY_USER: 'root' },
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

/** The container layout in temp folders: the bundle and example INI in app/, an empty data/. */
function containerLayout(): { app: string; data: string } {
  const app = tempDir();
  symlinkSync(join(root, 'dist/ocpp-proxy.mjs'), join(app, 'ocpp-proxy.mjs'));
  copyFileSync(join(root, 'ocpp-2w-proxy.ini'), join(app, 'ocpp-2w-proxy.ini'));
  chmodSync(app, 0o755); // readable by the unprivileged user, as /app is in the image
  return { app, data: join(tempDir(), 'data') };
}

const asRoot = process.getuid?.() === 0 && spawnSync('id', ['nobody']).status === 0;
const rootSkip = asRoot ? false : 'needs root and a `nobody` user (CI runs as root)';

test('entrypoint as root: a root-owned /data (a bind mount Docker created) is handed to the service user, which then runs the proxy', { skip: rootSkip }, async () => {
  const { app, data } = containerLayout();
  mkdirSync(data); // root-owned, as Docker creates a missing bind-mount source
  chmodSync(dirname(data), 0o755);
  const port = await freePort();
  const child = spawn('sh', [join(root, 'docker/entrypoint.sh'), '--listen-host', '127.0.0.1', '--listen-port', String(port), '--web-port', '0'], {
    env: { ...process.env, OCPP_PROXY_DATA: data, OCPP_PROXY_APP: app, OCPP_PROXY_NODE: process.execPath, OCPP_PROXY_USER: 'nobody' },
  });
  cleanups.push(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  await waitUntil(() => out.includes('listening for chargers') || child.exitCode !== null, 'the proxy to start as nobody');
  assert.match(out, /giving it to nobody/);
  assert.match(out, /listening for chargers/);
  const nobody = Number(spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).stdout);
  assert.equal(statSync(data).uid, nobody);
  assert.equal(statSync(join(data, 'ocpp-proxy.db')).uid, nobody, 'the proxy itself runs as the service user');
  child.kill('SIGTERM');
  await waitUntil(() => child.exitCode !== null, 'a clean stop');
});

test('entrypoint as another user (--user) with a /data it cannot write: one clear message and the fix, no crash loop of stack traces', { skip: rootSkip }, () => {
  const { app, data } = containerLayout();
  mkdirSync(data);
  chmodSync(dirname(data), 0o755);
  const run = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'sh', join(root, 'docker/entrypoint.sh')], {
    env: { ...process.env, OCPP_PROXY_DATA: data, OCPP_PROXY_APP: app, OCPP_PROXY_NODE: process.execPath },
    encoding: 'utf8',
  });
  assert.equal(run.status, 78);
  assert.match(run.stderr, /cannot write .*data as uid \d+ \(it belongs to 0:0\)/);
  assert.match(run.stderr, /sudo chown \d+:\d+ \.\/data/);
  assert.doesNotMatch(run.stderr, /at .*\.mjs:\d+/);
});

test('.dockerignore keeps host node_modules, dist and .git out of the build context', () => {
  const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
  for (const entry of ['node_modules', 'dist', '.git']) assert.ok(ignored.includes(entry), entry);
});

const docker = spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
test('docker build', { skip: docker ? false : 'no Docker engine on this machine (the client alone cannot build)' }, () => {
  const build = spawnSync('docker', ['build', '-t', 'ocpp-proxy:test', root], { encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
});
