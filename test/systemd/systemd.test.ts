// The systemd unit passes systemd-analyze verify (no output at all) and scores <= 2.0 in
// `systemd-analyze security --offline=true`; install.sh puts everything in place.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers/peers.ts';
import { readerOptions } from '../../src/config/load-config.ts';

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
  for (const line of ['Type=exec', 'Restart=on-failure', 'RestartSec=5', 'DynamicUser=yes', 'StateDirectory=ocpp-proxy', 'LogsDirectory=ocpp-proxy', 'ConfigurationDirectory=ocpp-proxy', 'ProtectSystem=strict', 'NoNewPrivileges=yes', 'AmbientCapabilities=CAP_NET_BIND_SERVICE', 'ExecReload=/bin/kill -HUP $MAINPID', 'MemoryMax=512M', 'TasksMax=64']) {
    assert.ok(unit.split('\n').includes(line), line);
  }
  assert.ok(!/^MemoryDenyWriteExecute/m.test(unit));
  assert.match(readFileSync(join(root, 'systemd/ocpp-proxy.logrotate'), 'utf8'), /postrotate[\s\S]*--signal=HUP/);
});

test('install.sh installs binary, configuration (only if absent), unit and logrotate; enables the service only once a backend is set', () => {
  const dest = tempDir();
  const bin = join(tempDir(), 'bin');
  mkdirSync(bin);
  const calls = join(dest, 'systemctl.calls');
  writeFileSync(join(bin, 'systemctl'), `#!/bin/sh\necho "$@" >> ${calls}\n`);
  chmodSync(join(bin, 'systemctl'), 0o755);
  const env = { ...process.env, DESTDIR: dest, PATH: `${bin}:${process.env.PATH}` };
  const ini = join(dest, 'etc/ocpp-proxy/ocpp-2w-proxy.ini');
  const install = spawnSync('bash', [join(root, 'systemd/install.sh'), join(root, 'dist/ocpp-proxy')], { env, encoding: 'utf8' });
  assert.equal(install.status, 0, install.stderr);
  for (const path of ['usr/local/bin/ocpp-proxy', 'etc/ocpp-proxy/ocpp-2w-proxy.ini', 'etc/systemd/system/ocpp-proxy.service', 'etc/logrotate.d/ocpp-proxy']) {
    assert.ok(existsSync(join(dest, path)), path);
  }
  // The shipped INI names no backend: installed, not enabled, and the next steps are printed.
  assert.match(install.stdout, /no backend configured: the built-in local CSMS answers and accepts every tag/);
  assert.match(install.stdout, /installed but not enabled[\s\S]*set \[ext-server\] server[\s\S]*systemctl enable --now ocpp-proxy/);
  assert.equal(readFileSync(calls, 'utf8'), 'daemon-reload\n');
  // The service's dynamic user must read it: systemd does not chown ConfigurationDirectory.
  assert.equal(statSync(ini).mode & 0o044, 0o044);
  // Log and state paths live in the INI, so the reading commands find what the service writes.
  const installed = readFileSync(ini, 'utf8');
  assert.match(installed, /^file = \/var\/log\/ocpp-proxy\/ocpp_messages\.log /m);
  assert.match(installed, /^path = \/var\/lib\/ocpp-proxy\/ocpp-proxy\.db /m);
  assert.doesNotMatch(readFileSync(join(dest, 'etc/systemd/system/ocpp-proxy.service'), 'utf8'), /--state|--log-file/);
  const proxy = join(dest, 'usr/local/bin/ocpp-proxy');
  const logs = spawnSync(proxy, ['logs', '-c', ini], { encoding: 'utf8', cwd: tempDir() });
  assert.equal(logs.stderr, 'ocpp-proxy: no message log at /var/log/ocpp-proxy/ocpp_messages.log\n');
  const sessions = spawnSync(proxy, ['sessions', '-c', ini], { encoding: 'utf8', cwd: tempDir() });
  assert.equal(sessions.stderr, 'ocpp-proxy: no state database at /var/lib/ocpp-proxy/ocpp-proxy.db (set --state or [store] path)\n');

  // Without -c, outside a folder with its own INI, they look in the installed one.
  const cwd = process.cwd();
  process.chdir(tempDir());
  try {
    assert.deepEqual(readerOptions({}, ini), { config: ini });
    assert.deepEqual(readerOptions({ config: 'mine.ini' }, ini), { config: 'mine.ini' });
    writeFileSync('ocpp-2w-proxy.ini', '');
    assert.deepEqual(readerOptions({}, ini), {}, 'a configuration in the working directory wins');
  } finally {
    process.chdir(cwd);
  }

  // With a backend set, a second run enables and starts it; the configuration is kept.
  writeFileSync(ini, installed.replace('[ext-server]', '[ext-server]\nserver = ws://127.0.0.1:9 ; mine'));
  const again = spawnSync('bash', [join(root, 'systemd/install.sh'), join(root, 'dist/ocpp-proxy')], { env, encoding: 'utf8' });
  assert.equal(again.status, 0, again.stderr);
  assert.match(readFileSync(ini, 'utf8'), /; mine/, 'an existing configuration is kept');
  assert.match(readFileSync(calls, 'utf8'), /daemon-reload\nenable --now ocpp-proxy.service\n/);
  assert.match(again.stdout, /sudo ocpp-proxy logs --follow/);

  // An older install's INI with relative paths (they came from the unit's command line) is moved over.
  writeFileSync(ini, '[ext-server]\nserver = ws://127.0.0.1:9\n[messages]\nfile = ocpp_messages.log   ; old\n[store]\npath = ocpp-proxy.db ; old\n');
  assert.equal(spawnSync('bash', [join(root, 'systemd/install.sh'), join(root, 'dist/ocpp-proxy')], { env, encoding: 'utf8' }).status, 0);
  assert.match(readFileSync(ini, 'utf8'), /file = \/var\/log\/ocpp-proxy\/ocpp_messages\.log {3}; old\n[\s\S]*path = \/var\/lib\/ocpp-proxy\/ocpp-proxy\.db ; old/);

  const uninstall = spawnSync('bash', [join(root, 'systemd/install.sh'), '--uninstall'], { env, encoding: 'utf8' });
  assert.equal(uninstall.status, 0);
  assert.ok(!existsSync(join(dest, 'usr/local/bin/ocpp-proxy')));
  assert.ok(existsSync(ini), 'configuration kept');
  assert.equal(spawnSync('bash', [join(root, 'systemd/install.sh'), join(dest, 'nope')], { env }).status, 2);
});
