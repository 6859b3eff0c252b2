// The state database: migrations, errors, sessions, and kill -9 at any moment.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { Store } from '../../src/store/store.ts';
import { sessionsCsv, sessionsTable } from '../../src/store/sessions-format.ts';
import { cleanupAfter, freePort, startCsms, strictCharger, tempDir, within } from '../helpers/peers.ts';

const root = resolve(import.meta.dirname, '../..');
const cleanups = cleanupAfter();

test('a new file is created at the current schema version; a newer schema is refused with a clear error', () => {
  const path = join(tempDir(), 's.db');
  Store.open(path).close();
  const db = new DatabaseSync(path);
  assert.equal((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version, MIGRATIONS.length);
  assert.equal((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode, 'wal');
  db.exec('PRAGMA user_version = 99');
  db.close();
  assert.throws(() => Store.open(path), /schema version 99 is newer/);
  assert.throws(() => Store.open(join(tempDir(), 'no-such-dir', 's.db')), /cannot open state database .*set \[store\] path or --state/);
  const garbage = join(tempDir(), 'garbage.db');
  writeFileSync(garbage, 'this is not a database, just text '.repeat(200));
  assert.throws(() => Store.open(garbage), /state database|cannot open/);
});

test('sessions: energy, filters, CSV (with formula-safe quoting) and a table', () => {
  const store = Store.open(join(tempDir(), 's.db'));
  store.startTransaction({ charger: 'CP1', chargerTx: '1', owner: 'primary', connector: 1, evse: null, idTag: '=cmd()', startedAt: '2026-11-01T10:00:00.000Z', meterStart: 1000 });
  store.setUpstreamTx('CP1', '1', 'secondary', '55');
  const finished = store.stopTransaction({ charger: 'CP1', chargerTx: '1', stoppedAt: '2026-11-01T11:00:00.000Z', meterStop: 8500, reason: 'Local' }, 'primary');
  assert.equal(finished.energy_kwh, 7.5);
  assert.equal(finished.revenue, null, 'no price, no revenue');
  store.startTransaction({ charger: 'CP2', chargerTx: 'A', owner: 'fleet', connector: null, evse: 1, idTag: 'X', startedAt: '2026-11-20T10:00:00.000Z', meterStart: null });
  store.stopTransaction({ charger: 'CP3', chargerTx: '9', stoppedAt: '2026-11-21T00:00:00.000Z', meterStop: 10, reason: 'Remote' }, 'primary');
  store.startTransaction({ charger: 'CP4', chargerTx: '1', owner: 'fleet', connector: 1, evse: null, idTag: 'F', startedAt: '2026-11-21T01:00:00.000Z', meterStart: 0 });
  assert.equal(store.stopTransaction({ charger: 'CP4', chargerTx: '1', stoppedAt: '2026-11-21T02:00:00.000Z', meterStop: 12000, reason: 'Local' }, 'fleet', 0.3).revenue, 3.6);
  assert.equal(store.getSetting('k'), null);
  store.setSetting('k', 'v');
  assert.equal(store.getSetting('k'), 'v');
  store.setSetting('k', null);
  assert.equal(store.getSetting('k'), null);
  assert.deepEqual(store.sessions().map((s) => [s.charger, s.energy_kwh, s.upstream_tx]), [
    ['CP1', 7.5, { secondary: '55' }],
    ['CP2', null, {}],
    ['CP3', null, {}],
    ['CP4', 12, {}],
  ]);
  assert.deepEqual(store.sessions({ since: '2026-11-15T00:00:00.000Z' }).map((s) => s.charger), ['CP2', 'CP3', 'CP4']);
  assert.deepEqual(store.sessions({ charger: 'CP2' }).map((s) => s.charger_tx), ['A']);
  const csv = sessionsCsv(store.sessions({ charger: 'CP1' }));
  assert.equal(csv.split('\n')[0], 'id,charger,connector,id_tag,owner,charger_tx,upstream_tx,started_at,stopped_at,meter_start,meter_stop,energy_kwh,revenue,stop_reason');
  assert.match(csv, /,"=cmd\(\)",primary,1,secondary=55,2026-11-01T10:00:00.000Z,2026-11-01T11:00:00.000Z,1000,8500,7.5,,Local\n$/);
  assert.match(sessionsTable(store.sessions()), /^id\s+charger\s+connector/);
  store.close();
});

test('kill -9 at any moment: the file stays consistent and every answered stop is there', async () => {
  const csms = await startCsms({
    protocols: ['ocpp1.6'],
    onClient: (client) => {
      let next = 1;
      client.handle('StartTransaction', async () => ({ transactionId: next++, idTagInfo: { status: 'Accepted' } }));
      client.handle('StopTransaction', async () => ({}));
    },
  });
  cleanups.push(() => csms.close());
  const dir = tempDir();
  const state = join(dir, 'state.db');
  const finished: number[] = [];
  for (let round = 0; round < 3; round++) {
    const child = spawn(process.execPath, [join(root, 'dist/ocpp-proxy.mjs'), '--primary', csms.url, '--listen-host', '127.0.0.1', '--listen-port', String(await freePort()), '--state', state, '--log-file', join(dir, 'm.log'), '--web-port', '0'], { cwd: dir });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    await within(new Promise<void>((ok, fail) => {
      child.stdout.on('data', () => output.includes('listening for chargers') && ok());
      child.once('exit', () => fail(new Error(`daemon exited: ${output}`)));
    }), 'the daemon to start');
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(output)![1]);
    const charger = strictCharger(port, 'KILL9', ['ocpp1.6']);
    await charger.connect();
    // Sessions start and stop back to back; the kill lands in the middle of that traffic.
    const traffic = (async () => {
      for (let i = 0; ; i++) {
        const { transactionId } = (await charger.call('StartTransaction', { connectorId: 1, idTag: `T${round}-${i}`, meterStart: 0, timestamp: new Date().toISOString() })) as { transactionId: number };
        await charger.call('StopTransaction', { transactionId, meterStop: 1000 + i, timestamp: new Date().toISOString() });
        finished.push(round * 1000 + i);
      }
    })().catch(() => undefined);
    while (finished.filter((f) => Math.floor(f / 1000) === round).length < 5 + round * 3) await new Promise((r) => setImmediate(r));
    child.kill('SIGKILL');
    await once(child, 'exit');
    await traffic;
    await charger.close({ force: true });
  }
  const db = new DatabaseSync(state);
  assert.equal((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
  const stopped = db.prepare("SELECT id_tag FROM sessions WHERE charger = 'KILL9' AND stopped_at IS NOT NULL").all() as Array<{ id_tag: string }>;
  db.close();
  const tags = new Set(stopped.map((row) => row.id_tag));
  for (const f of finished) assert.ok(tags.has(`T${Math.floor(f / 1000)}-${f % 1000}`), `finished session T${Math.floor(f / 1000)}-${f % 1000} is in the file`);
});
