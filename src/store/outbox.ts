// Durable outboxes: the charger's transaction Calls that an upstream has not answered yet, kept
// per charger and upstream in the state store so that neither an outage of the upstream nor a
// restart of the proxy loses one. Writes never slow the frame that caused them:
// - a Call kept for an upstream that is away (not sent now) is written at the end of this
//   event-loop turn, before any answer can reach the charger, so the charger never forgets a
//   Call the file does not hold;
// - a Call sent live is written behind, within WRITE_BEHIND_MS, and not at all when its upstream
//   answers first (the usual case): what a crash could lose then is already in that upstream's
//   socket;
// - answers (deletes) are written behind too; every batch is one transaction (WAL).
// A write that fails (disk full, read-only file) is logged and counted; the frame itself was
// already forwarded live.

import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SharedState } from './shared-state.ts';
import { WRITES } from './shared-sql.ts';

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

/** Which entry: the table's key. */
export interface OutboxKey {
  charger: string;
  upstream: string;
  seq: number;
}

/** How long a live-sent Call or an answer may wait for its write (a batch then goes at once). */
export const WRITE_BEHIND_MS = 200;

export class Outbox {
  private readonly db: DatabaseSync;
  private readonly statements: Record<'put' | 'done' | 'tx' | 'rows' | 'holding' | 'oldest' | 'prune', StatementSync>;
  /** Written entries per upstream, kept as they are written and deleted (a count over the table would scan it). */
  private readonly counts = new Map<string, number>();
  /** Entries not written yet, by seq. */
  private readonly puts = new Map<number, OutboxEntry>();
  /** Written entries an upstream has answered. */
  private readonly deletes: OutboxKey[] = [];
  /** Written StartTransaction entries that got the charger's transaction id. */
  private readonly txUpdates: Array<OutboxKey & { chargerTx: string }> = [];
  private turnFlush = false;
  private timer: NodeJS.Timeout | null = null;
  private nextSeq: number;
  /** Writes that did not make it to the file since start (the loss the metrics count). */
  lost = 0;
  /** Entries dropped for their age (`[host] outbox_days`) since start. */
  dropped = 0;
  /** Entries an upstream answered with a CallError since start (removed all the same). */
  refused = 0;
  /** Told of each failed batch, with the database's message. */
  onError: (message: string) => void = () => undefined;

  /** PostgreSQL, with shared state: every batch is mirrored there. */
  private readonly shared: SharedState | null;

  constructor(db: DatabaseSync, shared: SharedState | null = null) {
    this.db = db;
    this.shared = shared;
    this.statements = {
      put: db.prepare('INSERT OR REPLACE INTO outbox (charger, upstream, seq, call_id, action, text, at, charger_tx) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      done: db.prepare('DELETE FROM outbox WHERE charger = ? AND upstream = ? AND seq = ?'),
      tx: db.prepare('UPDATE outbox SET charger_tx = ? WHERE charger = ? AND upstream = ? AND seq = ?'),
      rows: db.prepare('SELECT seq, charger, upstream, call_id, action, text, at, charger_tx FROM outbox WHERE charger = ? AND upstream = ? ORDER BY seq'),
      holding: db.prepare('SELECT 1 FROM outbox WHERE upstream = ? AND at = ? AND charger = ? AND call_id = ? LIMIT 1'),
      oldest: db.prepare('SELECT min(at) AS oldest FROM outbox WHERE upstream = ?'),
      prune: db.prepare('DELETE FROM outbox WHERE upstream = ? AND at < ?'),
    };
    // Shared state: seqs from the clock (µs), so that an instance that could not read a charger's
    // rows (the database away) cannot reuse one another instance wrote for it.
    this.nextSeq = shared === null ? 1 : Date.now() * 1000;
    this.recount();
  }

  /** Counts the entries again (shared state: a charger's rows came or went); seqs go on past the highest. */
  recount(): void {
    this.counts.clear();
    for (const row of this.db.prepare('SELECT upstream, count(*) AS entries FROM outbox GROUP BY upstream').all() as Array<{ upstream: string; entries: number }>) {
      this.counts.set(row.upstream, Number(row.entries));
    }
    const { top } = this.db.prepare('SELECT max(seq) AS top FROM outbox').get() as { top: number | null };
    this.nextSeq = Math.max(this.nextSeq, (top ?? 0) + 1);
  }

  /**
   * Keeps a Call for an upstream. `sentLive`: it went to the upstream just now (written behind,
   * or never if answered first); otherwise it waits for the upstream (written at the end of this
   * turn). Returns its key.
   */
  put(entry: Omit<OutboxEntry, 'seq' | 'chargerTx'>, sentLive = false): OutboxKey {
    const seq = this.nextSeq++;
    this.puts.set(seq, { ...entry, seq, chargerTx: null });
    this.schedule(!sentLive);
    return { charger: entry.charger, upstream: entry.upstream, seq };
  }

  /** The upstream answered (a CallResult or a CallError): the entry goes. */
  done(key: OutboxKey): void {
    if (this.puts.delete(key.seq)) return; // answered before it was written: nothing to write
    this.deletes.push(key);
    this.schedule(false);
  }

  /** The StartTransaction in entry `key` got the charger's transaction id from its answerer. */
  startedAs(key: OutboxKey, chargerTx: string): void {
    const unwritten = this.puts.get(key.seq);
    if (unwritten !== undefined) {
      unwritten.chargerTx = chargerTx;
      return;
    }
    this.txUpdates.push({ ...key, chargerTx });
    this.schedule(false);
  }

  /** What an upstream has still to receive from a charger, oldest first; unreadable rows are skipped and said. */
  pending(charger: string, upstream: string): OutboxEntry[] {
    this.flush();
    const out: OutboxEntry[] = [];
    for (const row of this.statements.rows.all(charger, upstream) as Array<Record<string, unknown>>) {
      const entry = entryOf(row);
      if (entry === null) {
        this.onError(`outbox entry ${String(row.seq)} of ${upstream} for ${charger} is unreadable, skipped`);
        this.done({ charger, upstream, seq: Number(row.seq) });
        continue;
      }
      out.push(entry);
    }
    return out;
  }

  /** The upstreams whose outbox holds this Call of a charger, received at `at` (ms): an index seek per upstream. */
  holding(charger: string, callId: string, at: number): string[] {
    this.flush();
    return [...this.counts.keys()].filter((upstream) => this.statements.holding.get(upstream, at, charger, callId) !== undefined);
  }

  /** Per upstream: how many entries wait, and since when (ms). */
  stats(): Array<{ upstream: string; entries: number; oldest: number }> {
    this.flush();
    const out: Array<{ upstream: string; entries: number; oldest: number }> = [];
    for (const [upstream, entries] of this.counts) {
      const { oldest } = this.statements.oldest.get(upstream) as { oldest: number | null };
      if (oldest === null) continue;
      // Rows written by another hand (a repair, a copied file) are counted when the count cannot be right.
      out.push({ upstream, entries: entries > 0 ? entries : this.recountUpstream(upstream), oldest: Number(oldest) });
    }
    return out.sort((a, b) => (a.upstream < b.upstream ? -1 : 1));
  }

  /** Per upstream: how many entries wait, and how long the oldest has (whole seconds). */
  ages(now: number): OutboxAge[] {
    return this.stats().map((s) => ({ upstream: s.upstream, entries: s.entries, oldestSeconds: Math.max(0, Math.round((now - s.oldest) / 1000)) }));
  }

  private recountUpstream(upstream: string): number {
    const { entries } = this.db.prepare('SELECT count(*) AS entries FROM outbox WHERE upstream = ?').get(upstream) as { entries: number };
    this.counts.set(upstream, Number(entries));
    return Number(entries);
  }

  /** Drops entries older than `before` (ms); returns how many went. */
  prune(before: number): number {
    this.flush();
    let gone = 0;
    try {
      for (const [upstream, entries] of this.counts) {
        const changes = Number(this.statements.prune.run(upstream, before).changes);
        this.shared?.write(WRITES.outboxPrune, [upstream, before]);
        this.counts.set(upstream, entries - changes);
        gone += changes;
      }
    } catch (error) {
      this.onError((error as Error).message);
    }
    this.dropped += gone;
    return gone;
  }

  /** Writes what is queued, in one transaction. */
  flush(): void {
    this.turnFlush = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.puts.size === 0 && this.deletes.length === 0 && this.txUpdates.length === 0) return;
    const puts = [...this.puts.values()];
    this.puts.clear();
    const deletes = this.deletes.splice(0);
    const txUpdates = this.txUpdates.splice(0);
    const change = new Map<string, number>();
    const count = (upstream: string, by: number) => change.set(upstream, (change.get(upstream) ?? 0) + by);
    try {
      this.db.exec('BEGIN');
      for (const e of puts) count(e.upstream, Number(this.statements.put.run(e.charger, e.upstream, e.seq, e.callId, e.action, e.text, e.at, e.chargerTx).changes));
      for (const u of txUpdates) this.statements.tx.run(u.chargerTx, u.charger, u.upstream, u.seq);
      for (const d of deletes) count(d.upstream, -Number(this.statements.done.run(d.charger, d.upstream, d.seq).changes));
      this.db.exec('COMMIT');
      this.mirror(puts, txUpdates, deletes);
      for (const [upstream, by] of change) this.counts.set(upstream, (this.counts.get(upstream) ?? 0) + by);
    } catch (error) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // no transaction was open
      }
      this.lost += puts.length;
      this.onError((error as Error).message);
    }
  }

  private mirror(puts: OutboxEntry[], txUpdates: Array<OutboxKey & { chargerTx: string }>, deletes: OutboxKey[]): void {
    const shared = this.shared;
    if (shared === null) return;
    for (const e of puts) shared.write(WRITES.outboxPut, [e.charger, e.upstream, e.seq, e.callId, e.action, e.text, e.at, e.chargerTx]);
    for (const u of txUpdates) shared.write(WRITES.outboxTx, [u.chargerTx, u.charger, u.upstream, u.seq]);
    for (const d of deletes) shared.write(WRITES.outboxDone, [d.charger, d.upstream, d.seq]);
  }

  /** `now`: at the end of this turn; else within WRITE_BEHIND_MS. */
  private schedule(now: boolean): void {
    if (now) {
      if (this.turnFlush) return;
      this.turnFlush = true;
      setImmediate(() => {
        if (this.turnFlush) this.flush();
      });
    } else if (this.timer === null && !this.turnFlush) {
      this.timer = setTimeout(() => this.flush(), WRITE_BEHIND_MS);
    }
  }
}

function entryOf(row: Record<string, unknown>): OutboxEntry | null {
  const { seq, charger, upstream, call_id: callId, action, text, at, charger_tx: chargerTx } = row;
  if (typeof seq !== 'number' || typeof charger !== 'string' || typeof upstream !== 'string' || typeof callId !== 'string' || typeof action !== 'string' || typeof text !== 'string' || typeof at !== 'number') return null;
  if (!text.startsWith('[')) return null;
  return { seq, charger, upstream, callId, action, text, at, chargerTx: typeof chargerTx === 'string' ? chargerTx : null };
}
