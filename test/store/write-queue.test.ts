// The write queue of shared state against a real PostgreSQL: one round trip per batch with the
// values escaped by the driver, a refused statement dropped without losing its neighbours, the
// database away (kept in order, retried, bounded), and `durable()` telling the truth throughout.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { WriteQueue, inlined } from '../../src/store/write-queue.ts';
import { cleanupAfter, eventually } from '../helpers/peers.ts';
import { freshDatabase, postgresForFile, queryOnce } from '../helpers/postgres.ts';

const cleanups = cleanupAfter();
const db = postgresForFile(cleanups);
const skip = db.skip;

async function queueOn(url: string, maxQueued?: number) {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 2000 });
  pool.on('error', () => undefined);
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
  const queue = new WriteQueue(pool, log, pg.escapeLiteral, maxQueued);
  cleanups.push(async () => {
    queue.stop();
    await pool.end();
  });
  await queryOnce(url, 'CREATE TABLE t (n BIGINT PRIMARY KEY, s TEXT)');
  return { queue, lines };
}

const insert = 'INSERT INTO t (n, s) VALUES ($1, $2) ON CONFLICT (n) DO UPDATE SET s = excluded.s';

test('values are written in escaped: quotes, backslashes, NUL, unicode, numbers, null', () => {
  assert.equal(inlined({ sql: 'SELECT $1, $2, $3, $4, $10', params: ["it's \\ \0 ✓", 1.5, null, true, 0, 0, 0, 0, 0, 'ten'] }, pg.escapeLiteral), "SELECT  E'it''s \\\\  ✓', 1.5, NULL, TRUE, 'ten'");
});

test('a batch commits in one go and in order; awkward text arrives intact', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const { queue } = await queueOn(url);
  const awkward = "O'Brien \\ 'quoted' ✓ -- ; $1";
  for (let n = 0; n < 1200; n++) queue.write(insert, [n % 10, n === 1199 ? awkward : `v${n}`]);
  assert.equal(await queue.durable(), true);
  assert.equal(queue.pending, 0);
  const rows = await queryOnce<{ n: string; s: string }>(url, 'SELECT n, s FROM t ORDER BY n');
  assert.deepEqual(rows.map((r) => r.s), ['v1190', 'v1191', 'v1192', 'v1193', 'v1194', 'v1195', 'v1196', 'v1197', 'v1198', awkward], 'the last write of each key won');
  assert.equal(queue.writes, 1200);
});

test('a statement the database refuses is dropped and said; the ones around it are committed', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const { queue, lines } = await queueOn(url);
  queue.write(insert, [1, 'a']);
  queue.write('INSERT INTO no_such_table VALUES ($1)', [1]);
  queue.write(insert, [2, 'b']);
  assert.equal(await queue.durable(), true);
  assert.deepEqual((await queryOnce<{ s: string }>(url, 'SELECT s FROM t ORDER BY n')).map((r) => r.s), ['a', 'b']);
  assert.equal(queue.dropped, 1);
  assert.equal(queue.writes, 2);
  assert.ok(lines.some((l) => /refused a write, dropped: .*no_such_table/.test(l)));
});

test('the database away: writes are kept in order up to the bound, the oldest dropped and counted; all land once it is back', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const { queue } = await queueOn(url, 5);
  queue.write(insert, [0, 'before']);
  assert.equal(await queue.durable(), true);
  await db.server.stop();
  for (let n = 1; n <= 8; n++) queue.write(insert, [n, `v${n}`]);
  assert.equal(await queue.durable(), false, 'a failed attempt answers at once');
  assert.equal(queue.dropped, 3);
  assert.equal(queue.pending, 5);
  assert.ok(queue.retries >= 1);
  await db.server.start();
  await eventually(async () => (queue.pending === 0 ? true : null), 'the kept writes to land', 15_000);
  assert.equal(await queue.durable(), true, 'nothing is waited for that will never come');
  assert.deepEqual((await queryOnce<{ s: string }>(url, 'SELECT s FROM t ORDER BY n')).map((r) => r.s), ['before', 'v4', 'v5', 'v6', 'v7', 'v8']);
  assert.equal(queue.problem, null);
});
