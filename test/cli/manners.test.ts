// The command line as a newcomer meets it: old Node, pipes that close, typos, a busy port, a
// password typed on a terminal.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { cleanupAfter, freePort, tempDir, waitUntil, within, writeIni } from '../helpers/peers.ts';
import { parseStoredHash, verifyPassword } from '../../src/auth/charger-auth.ts';
import { closest } from '../../src/config/suggest.ts';
import { unsupportedRuntime } from '../../src/runtime.ts';
import { Store } from '../../src/store/store.ts';

const root = resolve(import.meta.dirname, '../..');
const bundle = join(root, 'dist/ocpp-proxy.mjs');
const cleanups = cleanupAfter();

function proxy(args: string[], input?: string) {
  return spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', input, cwd: tempDir(), timeout: 20_000 });
}

test('an older Node gets one line naming what is needed, for every command; --help and --version still work', () => {
  assert.equal(unsupportedRuntime({ node: '22.13.0' } as NodeJS.ProcessVersions), null);
  assert.equal(unsupportedRuntime({ node: '24.1.0' } as NodeJS.ProcessVersions), null);
  assert.equal(unsupportedRuntime({ node: '20.5.0', deno: '2.1.0' } as unknown as NodeJS.ProcessVersions), null);
  assert.equal(unsupportedRuntime({ node: '22.12.0' } as NodeJS.ProcessVersions), 'ocpp-proxy needs Node ≥ 22.13 or the binary dist/ocpp-proxy; this is Node 22.12.0');
  assert.match(unsupportedRuntime({ node: '20.19.2' } as NodeJS.ProcessVersions)!, /this is Node 20\.19\.2$/);
});

const systemNode = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
const oldSystemNode = systemNode.status === 0 && unsupportedRuntime({ node: systemNode.stdout.trim().slice(1) } as NodeJS.ProcessVersions) !== null;
test('the bundle on the system\'s older Node: one clear line, no stack trace', { skip: oldSystemNode ? false : 'the system node is new enough (or missing)' }, () => {
  for (const args of [[], ['run'], ['check'], ['logs'], ['sessions'], ['demo']]) {
    const result = spawnSync('/usr/bin/node', [bundle, ...args], { encoding: 'utf8', cwd: tempDir(), timeout: 20_000 });
    assert.equal(result.status, 1, args.join(' '));
    assert.equal(result.stderr, `ocpp-proxy needs Node ≥ 22.13 or the binary dist/ocpp-proxy; this is Node ${systemNode.stdout.trim().slice(1)}\n`);
  }
  const help = spawnSync('/usr/bin/node', [bundle, '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /ocpp-proxy \[run\] \[options\]/);
  assert.equal(spawnSync('/usr/bin/node', [bundle, '--version'], { encoding: 'utf8' }).status, 0);
});

test('`logs --raw | head -2`: the command ends quietly (exit 0) when the reader goes away, and never spins', async () => {
  const log = join(tempDir(), 'big.log');
  const line = JSON.stringify({ ts: '2026-11-21T20:44:54.123Z', charger: 'CP1', from: 'charger', to: 'primary', type: 'CALL', id: '1', action: 'Heartbeat', tags: [], raw: '[2,"1","Heartbeat",{}]' });
  writeFileSync(log, `${line}\n`.repeat(50_000));
  for (const follow of [[], ['--follow']]) {
    const child = spawn('sh', ['-c', `"${process.execPath}" "${bundle}" logs --raw ${follow.join(' ')} "${log}" | head -2`], { stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => child.kill('SIGKILL'));
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const [code] = await within(once(child, 'close'), `logs ${follow.join(' ')} | head -2 to end`, 20_000);
    assert.equal(code, 0);
    assert.equal(out.trim().split('\n').length, 2);
    assert.equal(err, '', 'nothing on stderr');
  }
});

test('hash-password: one line from a pipe; empty or NUL refused', async () => {
  const piped = proxy(['hash-password'], 'secret\nsecond line\n');
  assert.equal(piped.status, 0, piped.stderr);
  assert.ok(await verifyPassword(Buffer.from('secret'), parseStoredHash(piped.stdout.trim())!));
  assert.equal(proxy(['hash-password'], '\n').status, 2);
  assert.match(proxy(['hash-password'], 'a\0b\n').stderr, /NUL/);
});

const script = spawnSync('script', ['--version']).status === 0;
test('hash-password on a terminal: asks twice, echoes nothing, refuses two different answers', { skip: script ? false : 'script(1) from util-linux is missing' }, async () => {
  const ask = async (first: string, second: string) => {
    // script(1) gives the command a real terminal; what it prints comes back on stdout.
    const child = spawn('script', ['-qfec', `"${process.execPath}" "${bundle}" hash-password`, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    cleanups.push(() => child.kill('SIGKILL'));
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await waitUntil(() => out.includes('Password: '), 'the first prompt', 20_000);
    child.stdin.write(`${first}\r`);
    await waitUntil(() => out.includes('Again: '), 'the second prompt', 20_000);
    child.stdin.write(`${second}\r`);
    const [code] = await within(once(child, 'close'), 'hash-password to end', 20_000);
    return { code, out };
  };
  const same = await ask('s3cret-typed', 's3cret-typed');
  assert.equal(same.code, 0);
  assert.ok(!same.out.includes('s3cret-typed'), 'the password is never echoed');
  const hash = /^(scrypt\S+)/m.exec(same.out)?.[1];
  assert.ok(hash !== undefined && (await verifyPassword(Buffer.from('s3cret-typed'), parseStoredHash(hash)!)), same.out);
  const differ = await ask('one', 'two');
  assert.equal(differ.code, 2);
  assert.match(differ.out, /the two passwords differ/);
});

test('typos: unknown options, commands, INI sections and keys get "did you mean"', () => {
  assert.equal(closest('prot', ['port', 'addr']), 'port');
  assert.equal(closest('completely-different', ['port', 'addr']), null);
  const option = proxy(['--listen-prot', '9000']);
  assert.equal(option.status, 2);
  assert.equal(option.stderr, 'ocpp-proxy: Unknown argument: listen-prot (did you mean --listen-port?) (see ocpp-proxy --help)\n');
  assert.match(proxy(['chek']).stderr, /chek \(did you mean check\?\)/);
  const ini = writeIni('[ext-server]\nserver = ws://127.0.0.1:1\n[hots]\nport = 1\n[host]\nprot = 4\n');
  const check = proxy(['check', '-c', ini]);
  assert.equal(check.status, 1);
  assert.match(check.stdout, /\[hots\]: unknown section; did you mean \[host\]\?/);
  assert.match(check.stdout, /\[host\] prot: unknown key; did you mean port\?/);
});

test('a busy web port says which option to change, and the proxy runs on', async () => {
  const busy = createServer();
  await new Promise<void>((ok) => busy.listen(0, '127.0.0.1', ok));
  cleanups.push(() => busy.close());
  const webPort = (busy.address() as AddressInfo).port;
  const ini = writeIni('[upstream.local]\nrole = local\n');
  const child = spawn(process.execPath, [bundle, '-c', ini, '--listen-host', '127.0.0.1', '--listen-port', String(await freePort()), '--web-port', String(webPort)], { cwd: tempDir() });
  cleanups.push(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  await waitUntil(() => /web monitor: cannot listen/.test(out) && /no backend configured/.test(out), 'the start-up lines', 20_000);
  assert.match(out, new RegExp(`web monitor: cannot listen on 127\\.0\\.0\\.1:${webPort} \\(the port is in use by another program\\).*set \\[web\\] port or --web-port`));
  assert.match(out, /listening for chargers/);
  assert.match(out, /no backend configured: the built-in local CSMS answers and accepts every tag/);
  child.kill('SIGTERM');
  const [code] = await within(once(child, 'close'), 'the proxy to stop', 20_000);
  assert.equal(code, 0);
});

test('`sessions --csv` into a slow pipe: every line arrives before the command exits', async () => {
  const dir = tempDir();
  const state = join(dir, 'state.db');
  const store = Store.open(state);
  for (let i = 0; i < 20_000; i++) store.startTransaction({ charger: 'CP1', chargerTx: String(i), owner: 'primary', connector: 1, evse: null, idTag: 'TAG', startedAt: '2026-11-01T08:00:00.000Z', meterStart: 0 });
  store.close();
  // The reader starts late and reads slowly: the pipe fills and the writer must wait for it.
  const child = spawn('sh', ['-c', `"${process.execPath}" "${bundle}" sessions --csv --state "${state}" | (sleep 1; wc -l)`], { stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const [code] = await within(once(child, 'close'), 'sessions | wc -l', 30_000);
  assert.equal(code, 0);
  assert.equal(Number(out.trim()), 20_001, 'header + every session');
});

test('run says the same warnings as check: two upstreams that may both steer charging', async () => {
  const child = spawn(process.execPath, [bundle, '--primary', 'ws://127.0.0.1:9', '--secondary', 'ws://127.0.0.1:9', '--listen-host', '127.0.0.1', '--listen-port', String(await freePort()), '--web-port', '0'], { cwd: tempDir() });
  cleanups.push(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await waitUntil(() => /may all send charging-control calls/.test(out), 'the warning at start', 20_000);
  assert.match(out, /WARNING proxy: primary, secondary may all send charging-control calls .*secondary_deny_actions/);
  child.kill('SIGTERM');
  await within(once(child, 'close'), 'the proxy to stop', 20_000);
});
