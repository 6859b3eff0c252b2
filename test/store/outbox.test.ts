// The durable outbox on a real state file: writes wait for the end of the turn and go in one
// batch, entries come back in order after a reopen, answered ones go, unreadable rows are
// skipped and said, a write that fails is counted and said and never thrown.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Store } from '../../src/store/store.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { tempDir, waitUntil } from '../helpers/peers.ts';

const turn = () => new Promise((resolve) => setImmediate(resolve));
const entry = (i: number, upstream = 'ere') => ({ charger: 'CP', upstream, callId: `c${i}`, action: 'MeterValues', text: `[2,"c${i}","MeterValues",{"connectorId":1,"transactionId":7,"meterValue":[]}]`, at: 1_000 + i });

test('written at the end of the turn, kept across a reopen in order, gone once answered', async () => {
  const path = join(tempDir(), 'state.db');
  let store = Store.open(path);
  const other = new DatabaseSync(path);
  const count = () => (other.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  const seqs = Array.from({ length: 100 }, (_, i) => store.outbox.put(entry(i)));
  store.outbox.put(entry(0, 'stats'));
  assert.equal(count(), 0, 'nothing written while the frame is being handled');
  await turn();
  assert.equal(count(), 101, 'all of the turn\'s writes at once');
  store.outbox.done(seqs[0]!);
  store.outbox.startedAs(seqs[1]!, '42');
  store.close();

  store = Store.open(path);
  const pending = store.outbox.pending('CP', 'ere');
  assert.deepEqual(pending.map((e) => e.callId).slice(0, 3), ['c1', 'c2', 'c3']);
  assert.equal(pending.length, 99);
  assert.equal(pending[0]!.chargerTx, '42');
  assert.ok(store.outbox.put(entry(200)).seq > seqs.at(-1)!.seq, 'seq goes on after a reopen');
  assert.deepEqual(store.outbox.stats().map((s) => [s.upstream, s.entries, s.oldest]).sort(), [['ere', 100, 1_001], ['stats', 1, 1_000]]);
  assert.equal(store.outbox.prune(1_050), 50);
  assert.equal(store.outbox.pending('CP', 'ere').length, 51, 'c50…c99 and c200');
  assert.deepEqual(store.outbox.stats().map((s) => [s.upstream, s.entries, s.oldest]), [['ere', 51, 1_050]], 'counted as written and pruned, without a scan');
  other.close();
  store.close();
});

test('entries of the first outbox schema are kept by the migration to the keyed one', () => {
  const path = join(tempDir(), 'state.db');
  const old = new DatabaseSync(path);
  old.exec('PRAGMA journal_mode = WAL');
  // The schema as it was before the keyed outbox, with one waiting entry.
  for (const sql of MIGRATIONS.slice(0, -1)) old.exec(sql);
  old.exec(`PRAGMA user_version = ${MIGRATIONS.length - 1}`);
  old.prepare("INSERT INTO outbox (seq, charger, upstream, call_id, action, text, at, charger_tx) VALUES (7, 'CP', 'ere', 'c7', 'StartTransaction', '[2,\"c7\",\"StartTransaction\",{}]', 5, '42')").run();
  old.close();
  const store = Store.open(path);
  assert.deepEqual(store.outbox.pending('CP', 'ere').map((e) => [e.seq, e.callId, e.chargerTx]), [[7, 'c7', '42']]);
  assert.deepEqual(store.outbox.stats(), [{ upstream: 'ere', entries: 1, oldest: 5 }]);
  assert.equal(store.outbox.put(entry(8)).seq, 8, 'seq goes on');
  store.close();
});

test('a Call sent live is written behind, and not at all when its upstream answers first', async () => {
  const path = join(tempDir(), 'state.db');
  const store = Store.open(path);
  const other = new DatabaseSync(path);
  const count = () => (other.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  const answered = store.outbox.put(entry(1), true);
  store.outbox.startedAs(answered, '7');
  const unanswered = store.outbox.put(entry(2), true);
  await turn();
  assert.equal(count(), 0, 'not at the end of the turn');
  store.outbox.done(answered);
  await waitUntil(() => count() === 1, 'the unanswered one written behind');
  assert.deepEqual(store.outbox.pending('CP', 'ere').map((e) => e.callId), ['c2']);
  // An answer to a written entry is written behind as well; a Call for an away upstream is not.
  store.outbox.done(unanswered);
  store.outbox.put(entry(3));
  await turn();
  assert.deepEqual(other.prepare('SELECT call_id FROM outbox').all().map((r) => r.call_id), ['c3'], 'one batch with the away Call');
  other.close();
  store.close();
});

test('an unreadable row is skipped and said; a failed write is counted and said, never thrown', async () => {
  const path = join(tempDir(), 'state.db');
  const store = Store.open(path);
  const said: string[] = [];
  store.outbox.onError = (message) => said.push(message);
  store.outbox.put(entry(1));
  await turn();
  const other = new DatabaseSync(path);
  other.prepare("INSERT INTO outbox (seq, charger, upstream, call_id, action, text, at) VALUES (999, 'CP', 'ere', 'bad', 'MeterValues', 'garbage', 5)").run();
  const pending = store.outbox.pending('CP', 'ere');
  assert.deepEqual(pending.map((e) => e.callId), ['c1']);
  assert.match(said[0]!, /outbox entry 999 of ere for CP is unreadable, skipped/);

  other.exec('DROP TABLE outbox');
  other.close();
  store.outbox.put(entry(2));
  store.outbox.put(entry(3));
  await turn();
  assert.equal(store.outbox.lost, 2);
  assert.match(said.at(-1)!, /outbox/);
  store.close();
});
