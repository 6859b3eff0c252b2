// The systemd unit passes systemd-analyze verify (no output at all) and scores <= 2.0 in
// `systemd-analyze security --offline=true`; install.sh puts everything in place.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers/peers.ts';

const root = resolve(import.meta.dirname, '../..');
const analyze = spawnSync('systemd-analyze', ['--version']).status === 0;
const skip = analyze ? false : 'systemd-analyze is not installed (.ci/run installs it with apt-get install systemd)';

/** The unit with ExecStart pointed at the built binary, since verify checks that it exists. */
function unitForVerify(): string {
  const dir = tempDir();
  const path = join(dir, 'ocpp-proxy.service');
  writeFileSync(path, readFileSync(join(root, 'systemd/ocpp-proxy.service'), 'utf8').replace('/usr/local/bin/ocpp-proxy', join(root, 'dist/ocpp-proxy')));
  return path;
}

test('systemd-analyze verify prints nothing', { skip }, () => {
  const result = spawnSync('systemd-analyze', ['verify', unitForVerify()], { encoding: 'utf8' });
  assert.equal(result.status, 0);
  assert.equal(`${result.stdout}${result.stderr}`, '', 'verify exits 0 on many errors, so any output fails');
});

test('systemd-analyze security --offline=true scores 2.0 or better', { skip }, () => {
  const result = spawnSync('systemd-analyze', ['security', '--offline=true', unitForVerify()], { encoding: 'utf8' });
  const score = /Overall exposure level for ocpp-proxy\.service: ([\d.]+)/.exec(result.stdout);
  assert.ok(score, result.stdout + result.stderr);
  assert.ok(Number(score[1]) <= 2.0, `exposure ${score[1]}`);
});

test('the unit keeps what the issue asks for, and never MemoryDenyWriteExecute (Node\'s JIT)', () => {
  const unit = readFileSync(join(root, 'systemd/ocpp-proxy.service'), 'utf8');
  for (const line of ['Type=exec', 'Restart=on-failure', 'RestartSec=5', 'DynamicUser=yes', 'StateDirectory=ocpp-proxy', 'LogsDirectory=ocpp-proxy', 'ConfigurationDirectory=ocpp-proxy', 'ProtectSystem=strict', 'NoNewPrivileges=yes', 'AmbientCapabilities=CAP_NET_BIND_SERVICE', 'ExecReload=/bin/kill -HUP $MAINPID']) {
    assert.ok(unit.split('\n').includes(line), line);
  }
  assert.ok(!/^MemoryDenyWriteExecute/m.test(unit));
  assert.match(readFileSync(join(root, 'systemd/ocpp-proxy.logrotate'), 'utf8'), /postrotate[\s\S]*--signal=HUP/);
});

test('install.sh installs binary, configuration (only if absent), unit and logrotate, then enables the service', () => {
  const dest = tempDir();
  const bin = join(tempDir(), 'bin');
  mkdirSync(bin);
  const calls = join(dest, 'systemctl.calls');
  writeFileSync(join(bin, 'systemctl'), `#!/bin/sh\necho "$@" >> ${calls}\n`);
  chmodSync(join(bin, 'systemctl'), 0o755);
  const env = { ...process.env, DESTDIR: dest, PATH: `${bin}:${process.env.PATH}` };
  const install = spawnSync('bash', [join(root, 'systemd/install.sh'), join(root, 'dist/ocpp-proxy')], { env, encoding: 'utf8' });
  assert.equal(install.status, 0, install.stderr);
  for (const path of ['usr/local/bin/ocpp-proxy', 'etc/ocpp-proxy/ocpp-2w-proxy.ini', 'etc/systemd/system/ocpp-proxy.service', 'etc/logrotate.d/ocpp-proxy']) {
    assert.ok(existsSync(join(dest, path)), path);
  }
  assert.match(readFileSync(calls, 'utf8'), /daemon-reload\nenable --now ocpp-proxy.service\n/);
  // The service's dynamic user must read it: systemd does not chown ConfigurationDirectory.
  assert.equal(statSync(join(dest, 'etc/ocpp-proxy/ocpp-2w-proxy.ini')).mode & 0o044, 0o044);
  writeFileSync(join(dest, 'etc/ocpp-proxy/ocpp-2w-proxy.ini'), '[upstream.local]\nrole = local\n; mine\n');
  assert.equal(spawnSync('bash', [join(root, 'systemd/install.sh'), join(root, 'dist/ocpp-proxy')], { env, encoding: 'utf8' }).status, 0);
  assert.match(readFileSync(join(dest, 'etc/ocpp-proxy/ocpp-2w-proxy.ini'), 'utf8'), /; mine/, 'an existing configuration is kept');
  const uninstall = spawnSync('bash', [join(root, 'systemd/install.sh'), '--uninstall'], { env, encoding: 'utf8' });
  assert.equal(uninstall.status, 0);
  assert.ok(!existsSync(join(dest, 'usr/local/bin/ocpp-proxy')));
  assert.ok(existsSync(join(dest, 'etc/ocpp-proxy/ocpp-2w-proxy.ini')), 'configuration kept');
  assert.equal(spawnSync('bash', [join(root, 'systemd/install.sh'), join(dest, 'nope')], { env }).status, 2);
});
