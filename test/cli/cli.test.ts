// End to end: the built bundle and the single executable, run as child processes.

import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupAfter, startCsms, strictCharger, tempDir, within, type Csms } from '../helpers/peers.ts';
import { VERSION } from '../../src/version.ts';
import { Store } from '../../src/store/store.ts';
import { binary, bundle, root, spawnProxy, startDaemon, type Exe } from '../helpers/daemon-process.ts';

before(() => {
  assert.ok(existsSync(bundle) && existsSync(binary), 'run `npm run build` first (npm test does)');
});

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundle with this Node (or the binary with no Node on PATH) in `cwd`. */
function run(args: string[], options: { cwd?: string; exe?: Exe } = {}): Promise<Result> {
  const child = spawnProxy(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return within(once(child, 'close').then(([code]) => ({ code: code as number | null, stdout, stderr })), `ocpp-proxy ${args.join(' ')}`);
}

const cleanups = cleanupAfter();

describe('commands and exit codes', () => {
  test('--version and --help, from the bundle and the binary', async () => {
    assert.equal(VERSION, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    for (const exe of ['bundle', 'binary', 'deno'] as const) {
      const version = await run(['--version'], { exe });
      assert.equal(version.code, 0);
      assert.equal(version.stdout.trim(), VERSION);
      const help = await run(['--help'], { exe });
      assert.equal(help.code, 0);
      for (const option of ['--config', '--listen-port', '--target-host', '--primary', '--secondary', '--log-file', '--debug', 'check']) {
        assert.ok(help.stdout.includes(option), `${exe} --help mentions ${option}`);
      }
    }
  });

  test('check: 0 for a usable file, 1 with one line per problem', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.ini'), '[ext-server]\nserver = ws://127.0.0.1:9\n');
    writeFileSync(join(dir, 'bad.ini'), '[host]\nport = 0\nfoo = 1\n[ext-server]\nserver = ws://127.0.0.1:9\n');
    const good = await run(['check', '-c', 'good.ini'], { cwd: dir });
    assert.equal(good.code, 0);
    assert.match(good.stdout, /good\.ini: ok/);
    writeFileSync(join(dir, 'shared.ini'), '[ext-server]\nserver = ws://127.0.0.1:9\nsecondary_server = ws://127.0.0.1:10\n');
    const shared = await run(['check', '-c', 'shared.ini'], { cwd: dir });
    assert.equal(shared.code, 0, 'a working ocpp-2w-proxy.ini is never refused');
    assert.match(shared.stdout, /shared\.ini: warning: primary, secondary may all send charging-control calls/);
    // The configuration views: what they resolve, and what they leave to the last writer.
    assert.match(shared.stdout, /shared\.ini: warning: \[configuration\] views: MeterValuesSampledData, .*ClockAlignedDataInterval are kept per backend/);
    assert.match(shared.stdout, /shared\.ini: warning: \[configuration\] exclusive = none: other keys \(e\.g\. HeartbeatInterval\) are not shared; the last backend to write one wins/);
    writeFileSync(join(dir, 'unshared.ini'), '[ext-server]\nserver = ws://127.0.0.1:9\nsecondary_server = ws://127.0.0.1:10\n[configuration]\nviews = false\n');
    assert.match((await run(['check', '-c', 'unshared.ini'], { cwd: dir })).stdout, /views = false: backends that write the same keys .* undo each other; the last writer wins/);
    assert.doesNotMatch(good.stdout, /\[configuration\]/, 'one upstream: nothing is shared');
    const bad = await run(['check', '-c', 'bad.ini'], { cwd: dir });
    assert.equal(bad.code, 1);
    assert.deepEqual(bad.stdout.trim().split('\n'), ['bad.ini: [host] foo: unknown key', "bad.ini: [host] port: '0' is not a port (1-65535)"]);
  });

  test('hash-password prints a hash that [chargers] accepts', async () => {
    const dir = tempDir();
    const child = spawnProxy(['hash-password'], { cwd: dir });
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stdin!.end('s3cret\n');
    const [code] = await within(once(child, 'close'), 'hash-password');
    assert.equal(code, 0);
    assert.match(stdout, /^scrypt\$16384\$8\$1\$\S+\$\S+\n$/);
    writeFileSync(join(dir, 'auth.ini'), `[host]\nrequire_auth = true\n[chargers]\nCP1 = ${stdout.trim()}\n[ext-server]\nserver = ws://127.0.0.1:9\n`);
    assert.equal((await run(['check', '-c', 'auth.ini'], { cwd: dir })).code, 0);
  });

  test('sessions prints the state database as a table or CSV, filtered', async () => {
    const dir = tempDir();
    const store = Store.open(join(dir, 'state.db'));
    store.startTransaction({ charger: 'CP1', chargerTx: '7', owner: 'fleet', connector: 1, evse: null, idTag: 'TAG', startedAt: '2026-11-20T10:00:00.000Z', meterStart: 0 });
    store.stopTransaction({ charger: 'CP1', chargerTx: '7', stoppedAt: '2026-11-20T11:00:00.000Z', meterStop: 2500, reason: 'Local' }, 'fleet');
    store.startTransaction({ charger: 'CP2', chargerTx: '8', owner: 'primary', connector: 1, evse: null, idTag: 'T2', startedAt: '2026-10-01T10:00:00.000Z', meterStart: 0 });
    store.close();
    const csv = await run(['sessions', '--state', 'state.db', '--csv', '--charger', 'CP1'], { cwd: dir });
    assert.equal(csv.code, 0);
    assert.deepEqual(csv.stdout.trim().split('\n').map((line) => line.split(',')[1]), ['charger', 'CP1']);
    assert.match(csv.stdout, /,fleet,7,,2026-11-20T10:00:00.000Z,2026-11-20T11:00:00.000Z,0,2500,2.5,,Local/);
    const table = await run(['sessions', '--state', 'state.db', '--since', '2026-11-01'], { cwd: dir });
    assert.equal(table.code, 0);
    assert.match(table.stdout, /CP1/);
    assert.doesNotMatch(table.stdout, /CP2/);
    assert.equal((await run(['sessions', '--state', 'state.db', '--since', 'yesterday-ish'], { cwd: dir })).code, 2);
    assert.equal((await run(['sessions', '--state', 'missing.db'], { cwd: dir })).code, 2);
  });

  test('the default ./ocpp-2w-proxy.ini is read when it exists', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ocpp-2w-proxy.ini'), '[ext-server]\nserver = ws://127.0.0.1:9/from-default\n');
    const result = await run(['check'], { cwd: dir });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /from-default/);
  });

  test('run stops with exit 2 and one line naming file, section and key', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.ini'), '[ext-server]\nserver = ws://127.0.0.1:9\nsecondary_server = ftp://x\n');
    const cases: Array<[string[], RegExp]> = [
      [['-c', 'bad.ini'], /^ocpp-proxy: bad\.ini: \[ext-server\] secondary_server: 'ftp:\/\/x' must start with ws:\/\/ or wss:\/\/\n$/],
      [['-c', 'missing.ini'], /^ocpp-proxy: missing\.ini: configuration file not found\n$/],
      [['--primary', 'ws://a:1', '--target-host', 'b'], /^ocpp-proxy: command line: --primary: cannot be combined/],
      [['--no-such-flag'], /Unknown argument/],
      [['--bogus', '1'], /Unknown argument: bogus/],
      [[], /no primary upstream/],
    ];
    for (const [args, stderr] of cases) {
      const result = await run(args, { cwd: dir });
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, stderr);
      assert.equal(result.stderr.trim().split('\n').length, 1, 'one line');
    }
  });
});

describe('the daemon', () => {
  let primary: Csms;
  before(async () => {
    primary = await startCsms();
    cleanups.push(() => primary.close());
  });

  for (const exe of ['bundle', 'binary', 'deno'] as const) {
    test(`${exe}: proxies a strict charger, reopens its log on SIGHUP, exits 0 on SIGTERM closing the charger with 1001`, async () => {
      const dir = tempDir();
      const { child, port } = await startDaemon(['--target-host', '127.0.0.1', '--target-port', String(primary.port), '--log-file', 'm.log'], { cwd: dir, exe });
      cleanups.push(() => child.kill('SIGKILL'));
      const charger = strictCharger(port, `E2E-${exe}`, ['ocpp1.6']);
      await charger.connect();
      await primary.nextClient();
      await charger.call('Heartbeat', {});

      renameSync(join(dir, 'm.log'), join(dir, 'm.log.1'));
      child.kill('SIGHUP');
      await within(
        (async () => {
          while (!existsSync(join(dir, 'm.log'))) await new Promise((r) => setTimeout(r, 10));
        })(),
        'the log file to be reopened',
      );
      await charger.call('Heartbeat', {});

      const closed = once(charger, 'close');
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [[event], [code]] = await within(Promise.all([closed, exited]), 'the charger close and the exit');
      assert.equal(event.code, 1001);
      assert.equal(code, 0);
      const lines = (file: string) => readFileSync(join(dir, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      assert.deepEqual(lines('m.log.1').map((l) => `${l.from}>${l.to}`), ['charger>primary', 'primary>charger']);
      assert.deepEqual(lines('m.log').map((l) => `${l.from}>${l.to}`), ['charger>primary', 'primary>charger']);
    });
  }
});
