// The shared store (PostgreSQL, `[store] url`) against a real server of the test's own: the same
// migrations, every durable write mirrored, one instance per charger with its state handed over,
// and the faults: the database down at start, lost while running, a newer schema, a duplicate name.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { Store } from '../../src/store/store.ts';
import type { SharedLog } from '../../src/store/shared-state.ts';
import { cleanupAfter, waitUntil } from '../helpers/peers.ts';
import { freshDatabase, postgresForFile, queryOnce } from '../helpers/postgres.ts';

const cleanups = cleanupAfter();
const db = postgresForFile(cleanups);
const skip = db.skip;

function quietLog(): SharedLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`INFO ${m}`), warn: (m) => lines.push(`WARN ${m}`), error: (m) => lines.push(`ERROR ${m}`) };
}

async function open(url: string, instance: string, log = quietLog(), extra: { wait?: boolean; lease?: number } = {}): Promise<Store> {
  const store = await Store.openShared({ url, instance, wait: extra.wait ?? false, lease: extra.lease ?? 30, log });
  cleanups.push(() => store.close());
  return store;
}

test('the same migrations: PostgreSQL has every table and column SQLite has, at the same version', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const store = await open(url, 'a');
  const [row] = await queryOnce<{ version: number }>(url, 'SELECT version FROM schema_version');
  assert.equal(Number(row!.version), MIGRATIONS.length);
  const columns = await queryOnce<{ table_name: string; column_name: string }>(url, "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position");
  const pgTables = new Map<string, string[]>();
  for (const c of columns) if (c.table_name !== 'schema_version') pgTables.set(c.table_name, [...(pgTables.get(c.table_name) ?? []), c.column_name]);
  const { DatabaseSync } = await import('node:sqlite');
  const local = new DatabaseSync(':memory:');
  const { migrate } = await import('../../src/store/migrations.ts');
  migrate(local);
  const sqliteTables = new Map<string, string[]>();
  for (const { name } of local.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>) {
    sqliteTables.set(name, (local.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string }>).map((c) => c.name));
  }
  local.close();
  assert.deepEqual(Object.fromEntries([...pgTables].sort()), Object.fromEntries([...sqliteTables].sort()));
  await store.close();
});

test('durable writes reach PostgreSQL; a second instance that claims the charger gets its whole state, and the first lets go', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const a = await open(url, 'a');
  const b = await open(url, 'b');
  const takenFromA: string[] = [];
  a.onTakeover = async (charger) => void takenFromA.push(charger);
  await a.claim('CP1');
  a.startTransaction({ charger: 'CP1', chargerTx: '7', owner: 'fleet', connector: 1, evse: null, idTag: 'CARD', startedAt: '2026-12-01T10:00:00.000Z', meterStart: 100 });
  a.setUpstreamTx('CP1', '7', 'home', '4242');
  a.setConfigView('CP1', 'home', 'MeterValueSampleInterval', '60');
  a.setChargingProfile('CP1', 'home', 1, 'TxDefaultProfile', 3, '{"chargingProfileId":3}');
  a.setSetting('charger_memory CP1', '{"boot":1}');
  a.setSetting('translation CP1 evcc', '{"next":5}');
  a.setSetting('override', '{"holder":"home"}');
  a.outbox.put({ charger: 'CP1', upstream: 'ere', callId: 'c1', action: 'StartTransaction', text: '[2,"c1","StartTransaction",{}]', at: 1000 });
  assert.equal(await a.whenDurable(), true);
  assert.deepEqual(await queryOnce(url, 'SELECT charger_tx, owner FROM transactions'), [{ charger_tx: '7', owner: 'fleet' }]);

  await b.claim('CP1');
  assert.deepEqual(takenFromA, ['CP1'], 'the first instance was asked to close the charger');
  const loaded = b.loadCharger('CP1');
  assert.equal(loaded.owners.get('7'), 'fleet');
  assert.equal(loaded.upstreamIds.get('7')?.get('home'), '4242');
  assert.deepEqual(b.configViews('CP1'), [{ upstream: 'home', key: 'MeterValueSampleInterval', value: '60' }]);
  assert.equal(b.chargingProfiles('CP1')[0]?.profile_id, 3);
  assert.equal(b.getSetting('charger_memory CP1'), '{"boot":1}');
  assert.equal(b.getSetting('translation CP1 evcc'), '{"next":5}');
  assert.deepEqual(b.runningSessions('CP1').map((s) => s.charger_tx), ['7']);
  assert.deepEqual(b.outbox.pending('CP1', 'ere').map((e) => e.callId), ['c1']);
  assert.equal(a.loadCharger('CP1').owners.size, 0, 'the first instance forgot the charger');

  // b finishes the transaction: the session in PostgreSQL ends, once.
  const done = b.stopTransaction({ charger: 'CP1', chargerTx: '7', stoppedAt: '2026-12-01T11:00:00.000Z', meterStop: 7600, reason: 'Local' }, 'fleet', 0.2);
  assert.equal(done.energy_kwh, 7.5);
  b.outbox.done({ charger: 'CP1', upstream: 'ere', seq: b.outbox.pending('CP1', 'ere')[0]!.seq });
  assert.equal(await b.whenDurable(), true);
  assert.deepEqual(await queryOnce(url, 'SELECT charger_tx, energy_kwh, revenue, stopped_at FROM sessions'), [{ charger_tx: '7', energy_kwh: 7.5, revenue: 1.5, stopped_at: '2026-12-01T11:00:00.000Z' }]);
  assert.deepEqual(await queryOnce(url, 'SELECT * FROM outbox'), []);
  // A third instance reads the settings that belong to no charger at start.
  const c = await open(url, 'c');
  assert.equal(c.getSetting('override'), '{"holder":"home"}');
});

test('a charger that hops back and forth is held by exactly the instance that claimed it last', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const a = await open(url, 'a');
  const b = await open(url, 'b');
  const closed = { a: 0, b: 0 };
  a.onTakeover = async () => void closed.a++;
  b.onTakeover = async () => void closed.b++;
  await a.claim('HOP');
  await b.claim('HOP');
  await a.claim('HOP');
  await waitUntil(() => closed.b === 1, 'b to let go');
  assert.deepEqual(closed, { a: 1, b: 1 });
  assert.equal(a.shared!.held.has('HOP'), true);
  assert.deepEqual([a.shared!.stats(), b.shared!.stats()].map((x) => [x.claims, x.handovers, x.handoverTimeouts]), [[2, 1, 0], [1, 1, 0]]);
  assert.equal(b.shared!.held.has('HOP'), false);
  assert.deepEqual(await queryOnce(url, "SELECT instance, epoch FROM charger_owner WHERE charger = 'HOP'"), [{ instance: 'a', epoch: '3' }]);
});

test('refused with a clear message: a second instance of the same name, a schema newer than the program', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const running = await open(url, 'same');
  await running.claim('KEPT');
  await assert.rejects(open(url, 'same'), /another running instance is named "same"/);
  assert.deepEqual(await queryOnce(url, 'SELECT name FROM instances'), [{ name: 'same' }], "the refused one left the running one's lease alone");
  assert.deepEqual(await queryOnce(url, "SELECT instance FROM charger_owner WHERE charger = 'KEPT'"), [{ instance: 'same' }], 'and its chargers');
  await queryOnce(url, 'UPDATE schema_version SET version = 99');
  await assert.rejects(open(url, 'other'), /schema version 99 is newer than this ocpp-proxy knows/);
});

test('PostgreSQL down at start: a clear error without the password, or waiting for it with wait = true', { skip }, async () => {
  const dead = 'postgres://ocpp:hunter2@127.0.0.1:1/ocpp';
  await assert.rejects(open(dead, 'a'), (error: Error) => {
    assert.match(error.message, /cannot reach the state database postgres:\/\/ocpp:\*\*\*@127\.0\.0\.1:1\/ocpp.*\[store\] wait = true/);
    assert.doesNotMatch(error.message, /hunter2/);
    return true;
  });
  const url = await freshDatabase(db.server);
  await db.server.stop();
  const log = quietLog();
  const waiting = open(url, 'a', log, { wait: true });
  await waitUntil(() => log.lines.some((l) => l.includes('waiting for it')), 'the wait to be said');
  await db.server.start();
  const store = await waiting;
  assert.equal(store.shared!.problem, null);
});

test('PostgreSQL lost while running: writes are kept, retried and counted, and committed once it is back', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const log = quietLog();
  const a = await open(url, 'a', log);
  await a.claim('CP9');
  await db.server.stop();
  a.startTransaction({ charger: 'CP9', chargerTx: '1', owner: 'primary', connector: 1, evse: null, idTag: 'X', startedAt: null, meterStart: 0 });
  assert.equal(await a.whenDurable(), false, 'the answer goes on without waiting for the database');
  assert.equal(a.loadCharger('CP9').owners.get('1'), 'primary', 'the local copy has it');
  await waitUntil(() => a.shared!.queue.retries >= 2, 'retries');
  assert.ok(a.writeProblem() !== null, 'the write problem is reported');
  assert.ok(log.lines.some((l) => l.startsWith('ERROR state database: writes fail')));
  await db.server.start();
  await waitUntil(() => a.shared!.queue.pending === 0, 'the kept writes to be committed');
  assert.deepEqual(await queryOnce(url, 'SELECT charger_tx, owner FROM transactions'), [{ charger_tx: '1', owner: 'primary' }]);
  assert.equal(a.writeProblem(), null);
});

test('leases: the chargers of a dead instance are free, a frozen one is not waited for, a live one is', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const log = quietLog();
  const a = await open(url, 'a', log, { lease: 1.5 });
  const { default: pg } = await import('pg');
  const other = new pg.Client({ connectionString: url });
  other.on('error', () => undefined);
  await other.connect();
  cleanups.push(() => other.end());
  const old = Date.now() - 60_000;
  const instance = (name: string, heartbeat: number) => other.query('INSERT INTO instances (name, heartbeat, started, host, pid) VALUES ($1, $2, $2, $3, 1)', [name, heartbeat, 'elsewhere']);
  const owns = (charger: string, name: string) => other.query('INSERT INTO charger_owner (charger, instance, epoch, since) VALUES ($1, $2, 1, $3)', [charger, name, old]);
  // Dead: its lease ran out and no connection holds its name. Its chargers are freed.
  await instance('dead', old);
  await owns('D1', 'dead');
  await eventuallyRows(url, "SELECT instance FROM charger_owner WHERE charger = 'D1'", [{ instance: '' }]);
  assert.deepEqual(await queryOnce(url, "SELECT name FROM instances WHERE name = 'dead'"), []);
  // Frozen: its connection still holds its name, but its lease ran out. Not freed, but a claim does not wait for it.
  await other.query('SELECT pg_advisory_lock($1, hashtext($2))', [0x6f637070, 'frozen']);
  await instance('frozen', old);
  await owns('F1', 'frozen');
  await a.claim('F1');
  assert.ok(!log.lines.some((l) => l.includes('did not let go')), 'the claim did not wait for an instance whose lease ran out');
  assert.deepEqual(await queryOnce(url, "SELECT instance FROM charger_owner WHERE charger = 'F1'"), [{ instance: 'a' }]);
  // Live but silent (lease fresh, name held): the claim waits its 5 s, then serves.
  await other.query('SELECT pg_advisory_lock($1, hashtext($2))', [0x6f637070, 'silent']);
  await instance('silent', Date.now() + 60_000);
  await owns('S3', 'silent');
  await a.claim('S3');
  assert.ok(log.lines.some((l) => l.includes('S3: instance silent did not let go within 5 s; serving it here all the same')));
});

test('PostgreSQL away for longer than the lease: every instance keeps its chargers', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const taken: string[] = [];
  const a = await open(url, 'a', quietLog(), { lease: 1 });
  const b = await open(url, 'b', quietLog(), { lease: 1 });
  a.onTakeover = async (charger) => void taken.push(`a:${charger}`);
  b.onTakeover = async (charger) => void taken.push(`b:${charger}`);
  await a.claim('A1');
  await b.claim('B1');
  await db.server.stop();
  await new Promise((resolve) => setTimeout(resolve, 2500)); // longer than the lease: bounded, not a race
  await db.server.start();
  const back = Date.now();
  await eventuallyRows(url, `SELECT name FROM instances WHERE heartbeat > ${back} ORDER BY name`, [{ name: 'a' }, { name: 'b' }]);
  await eventuallyRows(url, 'SELECT charger, instance FROM charger_owner ORDER BY charger', [{ charger: 'A1', instance: 'a' }, { charger: 'B1', instance: 'b' }]);
  assert.deepEqual(taken, [], 'nobody let go of a charger');
  assert.ok(a.shared!.held.has('A1') && b.shared!.held.has('B1'));
});

test('a batch of a start and its stop sent twice (its commit unacknowledged) leaves one session', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const a = await open(url, 'a');
  const { WRITES } = await import('../../src/store/shared-sql.ts');
  for (let round = 0; round < 2; round++) {
    a.shared!.write(WRITES.startOrReown, ['R1', 1, null, 'TAG', 'fleet', '9', '2026-12-01T10:00:00.000Z', 0]);
    a.shared!.write(WRITES.stop, ['R1', '9', '2026-12-01T11:00:00.000Z', 2000, 'Local', 'fleet', null]);
  }
  assert.equal(await a.shared!.durable(), true);
  assert.deepEqual(await queryOnce(url, "SELECT charger_tx, energy_kwh FROM sessions WHERE charger = 'R1'"), [{ charger_tx: '9', energy_kwh: 2 }]);
});

async function eventuallyRows(url: string, sql: string, expected: unknown[]): Promise<void> {
  const { eventually } = await import('../helpers/peers.ts');
  await eventually(async () => (JSON.stringify(await queryOnce(url, sql)) === JSON.stringify(expected) ? true : null), `${sql} to give ${JSON.stringify(expected)}`, 5000);
}

test('the sessions in PostgreSQL are decided there: a stop whose start this instance never read ends the open row, once', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const a = await open(url, 'a');
  await a.claim('S1');
  a.startTransaction({ charger: 'S1', chargerTx: '5', owner: 'fleet', connector: 1, evse: null, idTag: 'C', startedAt: '2026-12-01T10:00:00.000Z', meterStart: 1000 });
  assert.equal(await a.whenDurable(), true);
  // b serves the charger without having read its state (the database was away when it connected).
  const b = await open(url, 'b');
  const stop = { charger: 'S1', chargerTx: '5', stoppedAt: '2026-12-01T11:00:00.000Z', meterStop: 4000, reason: 'Local' };
  b.stopTransaction(stop, 'fleet', 0.5);
  b.stopTransaction(stop, 'fleet', 0.5); // the charger sends it again (its answer was lost)
  a.startTransaction({ charger: 'S1', chargerTx: '6', owner: 'fleet', connector: 1, evse: null, idTag: 'C', startedAt: '2026-12-01T12:00:00.000Z', meterStart: 4000 });
  a.startTransaction({ charger: 'S1', chargerTx: '6', owner: 'home', connector: 1, evse: null, idTag: 'H', startedAt: '2026-12-01T12:00:00.000Z', meterStart: 4000 });
  assert.equal(await b.whenDurable(), true);
  assert.equal(await a.whenDurable(), true);
  assert.deepEqual(await queryOnce(url, 'SELECT charger_tx, owner, id_tag, stopped_at, energy_kwh, revenue FROM sessions ORDER BY id'), [
    { charger_tx: '5', owner: 'fleet', id_tag: 'C', stopped_at: '2026-12-01T11:00:00.000Z', energy_kwh: 3, revenue: 1.5 },
    { charger_tx: '6', owner: 'home', id_tag: 'H', stopped_at: null, energy_kwh: null, revenue: null },
  ]);
});

test('claim epochs only grow: a charger freed by a clean stop keeps its count', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const a = await open(url, 'a');
  await a.claim('E1');
  await a.claim('E1');
  await a.close();
  assert.deepEqual(await queryOnce(url, "SELECT instance, epoch FROM charger_owner WHERE charger = 'E1'"), [{ instance: '', epoch: '2' }], 'free, its count kept');
  const b = await open(url, 'b');
  await b.claim('E1');
  assert.deepEqual(await queryOnce(url, "SELECT instance, epoch FROM charger_owner WHERE charger = 'E1'"), [{ instance: 'b', epoch: '3' }]);
});
