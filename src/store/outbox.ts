// Durable outboxes: the charger's transaction Calls that an upstream has not answered yet, kept
// per charger and upstream in the state store so that neither an outage of the upstream nor a
// restart of the proxy loses one. Writes never slow the frame that caused them: they are queued
// and written at the end of the event-loop turn, in one transaction (WAL). A write that fails
// (disk full, read-only file) is logged and counted; the frame itself was already forwarded live.

import type { DatabaseSync, StatementSync } from 'node:sqlite';

export interface OutboxEntry {
  /** Order of arrival, across restarts. */
  seq: number;
  charger: string;
  upstream: string;
  /** The charger's message id (sent again with it). */
  callId: string;
  action: string;
  /** The frame as it goes to this upstream (its view's filtering applied). */
  text: string;
  /** When the charger sent it (ms). */
  at: number;
  /** StartTransaction: the charger's transaction id once the answerer gave it, to map this upstream's id on replay. */
  chargerTx: string | null;
}

export interface OutboxAge {
  upstream: string;
  entries: number;
  oldestSeconds: number;
}

type Op = { kind: 'put'; entry: OutboxEntry } | { kind: 'done'; seq: number } | { kind: 'tx'; seq: number; chargerTx: string };

export class Outbox {
  private readonly db: DatabaseSync;
  private readonly statements: Record<'put' | 'done' | 'tx' | 'rows' | 'stats' | 'prune', StatementSync>;
  private readonly ops: Op[] = [];
  private scheduled = false;
  private nextSeq: number;
  /** Writes that did not make it to the file since start (the loss the metrics count). */
  lost = 0;
  /** Entries dropped for their age (`[host] outbox_days`) since start. */
  dropped = 0;
  /** Entries an upstream answered with a CallError since start (removed all the same). */
  refused = 0;
  /** Told of each failed batch, with the database's message. */
  onError: (message: string) => void = () => undefined;

  constructor(db: DatabaseSync) {
    this.db = db;
    this.statements = {
      put: db.prepare('INSERT OR REPLACE INTO outbox (seq, charger, upstream, call_id, action, text, at, charger_tx) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      done: db.prepare('DELETE FROM outbox WHERE seq = ?'),
      tx: db.prepare('UPDATE outbox SET charger_tx = ? WHERE seq = ?'),
      rows: db.prepare('SELECT seq, charger, upstream, call_id, action, text, at, charger_tx FROM outbox WHERE charger = ? AND upstream = ? ORDER BY seq'),
      stats: db.prepare('SELECT upstream, count(*) AS entries, min(at) AS oldest FROM outbox GROUP BY upstream'),
      prune: db.prepare('DELETE FROM outbox WHERE at < ?'),
    };
    const { top } = db.prepare('SELECT max(seq) AS top FROM outbox').get() as { top: number | null };
    this.nextSeq = (top ?? 0) + 1;
  }

  /** Keeps a Call for an upstream; written at the end of this turn. Returns its seq. */
  put(entry: Omit<OutboxEntry, 'seq' | 'chargerTx'>): number {
    const seq = this.nextSeq++;
    this.queue({ kind: 'put', entry: { ...entry, seq, chargerTx: null } });
    return seq;
  }

  /** The upstream answered (a CallResult or a CallError): the entry goes. */
  done(seq: number): void {
    this.queue({ kind: 'done', seq });
  }

  /** The StartTransaction in entry `seq` got the charger's transaction id from its answerer. */
  startedAs(seq: number, chargerTx: string): void {
    this.queue({ kind: 'tx', seq, chargerTx });
  }

  /** What an upstream has still to receive from a charger, oldest first; unreadable rows are skipped and said. */
  pending(charger: string, upstream: string): OutboxEntry[] {
    this.flush();
    const out: OutboxEntry[] = [];
    for (const row of this.statements.rows.all(charger, upstream) as Array<Record<string, unknown>>) {
      const entry = entryOf(row);
      if (entry === null) {
        this.onError(`outbox entry ${String(row.seq)} of ${upstream} for ${charger} is unreadable, skipped`);
        this.done(Number(row.seq));
        continue;
      }
      out.push(entry);
    }
    return out;
  }

  /** Per upstream: how many entries wait, and since when (ms). */
  stats(): Array<{ upstream: string; entries: number; oldest: number }> {
    this.flush();
    return (this.statements.stats.all() as Array<{ upstream: string; entries: number; oldest: number }>).map((row) => ({ upstream: row.upstream, entries: Number(row.entries), oldest: Number(row.oldest) }));
  }

  /** Per upstream: how many entries wait, and how long the oldest has (whole seconds). */
  ages(now: number): OutboxAge[] {
    return this.stats().map((s) => ({ upstream: s.upstream, entries: s.entries, oldestSeconds: Math.max(0, Math.round((now - s.oldest) / 1000)) }));
  }

  /** Drops entries older than `before` (ms); returns how many went. */
  prune(before: number): number {
    this.flush();
    try {
      const gone = Number(this.statements.prune.run(before).changes);
      this.dropped += gone;
      return gone;
    } catch (error) {
      this.onError((error as Error).message);
      return 0;
    }
  }

  /** Writes what this turn queued, in one transaction. */
  flush(): void {
    this.scheduled = false;
    if (this.ops.length === 0) return;
    const ops = this.ops.splice(0);
    try {
      this.db.exec('BEGIN');
      for (const op of ops) {
        if (op.kind === 'put') {
          const e = op.entry;
          this.statements.put.run(e.seq, e.charger, e.upstream, e.callId, e.action, e.text, e.at, e.chargerTx);
        } else if (op.kind === 'done') this.statements.done.run(op.seq);
        else this.statements.tx.run(op.chargerTx, op.seq);
      }
      this.db.exec('COMMIT');
    } catch (error) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // no transaction was open
      }
      this.lost += ops.filter((op) => op.kind === 'put').length;
      this.onError((error as Error).message);
    }
  }

  private queue(op: Op): void {
    this.ops.push(op);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }
}

function entryOf(row: Record<string, unknown>): OutboxEntry | null {
  const { seq, charger, upstream, call_id: callId, action, text, at, charger_tx: chargerTx } = row;
  if (typeof seq !== 'number' || typeof charger !== 'string' || typeof upstream !== 'string' || typeof callId !== 'string' || typeof action !== 'string' || typeof text !== 'string' || typeof at !== 'number') return null;
  if (!text.startsWith('[')) return null;
  return { seq, charger, upstream, callId, action, text, at, chargerTx: typeof chargerTx === 'string' ? chargerTx : null };
}
