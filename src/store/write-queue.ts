// The durable writes of shared state, in order: queued as they are made, committed in batches,
// one round trip and one transaction each (the statements go as one simple query, their values
// escaped by the driver). While the database is away they are kept, retried with a growing pause
// and counted; a statement the database refuses is dropped and said, the rest go on. Every
// statement is idempotent, so a batch whose commit was not acknowledged can be sent again.

import type { Pool, PoolClient } from 'pg';

/** Where shared state says what happens (the daemon's proxy logger). */
export interface SharedLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A batch of queued writes commits at most this many statements. */
const BATCH = 500;
/** Past this many queued writes (the database away for long), the oldest go, counted. */
const MAX_QUEUED = 200_000;
export const RETRY_MS = [250, 500, 1000, 2000, 5000];

/**
 * Failures worth a retry (the database away, busy, or a conflict between instances: a lock
 * timeout, a deadlock, a serialization failure), as opposed to a statement the database refuses.
 */
export function isConnectionProblem(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return true; // ECONNREFUSED, a closed socket, a timeout
  return /^(08|40|53|57|58)/.test(code) || code === '55P03' || code.startsWith('E');
}

/** A value as PostgreSQL can take it: text without NUL (SQLite keeps it), no NaN or infinity. */
function storable(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\0/g, '');
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value ?? null;
}

interface Write {
  sql: string;
  params: readonly unknown[];
}

interface Waiter {
  seq: number;
  resolve: (committed: boolean) => void;
}

/** One statement with its values written in, for a multi-statement simple query. */
export function inlined(write: Write, escapeLiteral: (text: string) => string): string {
  return write.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = storable(write.params[Number(n) - 1]);
    if (value === null) return 'NULL';
    if (typeof value === 'number') return String(value);
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    return escapeLiteral(String(value));
  });
}

export class WriteQueue {
  private readonly pool: Pool;
  private readonly log: SharedLog;
  private readonly escapeLiteral: (text: string) => string;
  private readonly queue: Write[] = [];
  /** Writes ever queued; writes settled (committed, or dropped: they will never be). */
  private queued = 0;
  private settled = 0;
  /** How many of the queue's first writes the batch being committed holds. */
  private inFlight = 0;
  private waiters: Waiter[] = [];
  private running = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private stopped = false;
  /** Why writes fail now (null: they go through). */
  problem: string | null = null;
  /** Failed batch attempts, statements dropped (refused by the database, or past MAX_QUEUED), writes committed. */
  retries = 0;
  dropped = 0;
  writes = 0;

  private readonly maxQueued: number;

  constructor(pool: Pool, log: SharedLog, escapeLiteral: (text: string) => string, maxQueued = MAX_QUEUED) {
    this.pool = pool;
    this.log = log;
    this.escapeLiteral = escapeLiteral;
    this.maxQueued = maxQueued;
  }

  write(sql: string, params: readonly unknown[]): void {
    if (this.queue.length >= this.maxQueued && this.inFlight < this.queue.length) {
      // The oldest write that is not in the batch being committed goes.
      this.queue.splice(this.inFlight, 1);
      this.dropped++;
      this.settle(0, 1);
    }
    this.queue.push({ sql, params });
    this.queued++;
    this.kick();
  }

  /** Writes waiting (queued or in the batch being committed). */
  get pending(): number {
    return this.queued - this.settled;
  }

  /**
   * Resolves true once every write queued so far is settled (committed, or dropped and counted:
   * refused by the database or past the bound); false as soon as a batch fails or
   * `timeoutMs` passes (the caller goes on live: the writes stay queued and are retried).
   */
  durable(timeoutMs = 5000): Promise<boolean> {
    if (this.settled >= this.queued) return Promise.resolve(true);
    if (this.problem !== null) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = { seq: this.queued, resolve };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      waiter.resolve = (committed) => {
        clearTimeout(timer);
        resolve(committed);
      };
      this.waiters.push(waiter);
    });
  }

  /** No more batches (closing). */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private kick(): void {
    if (this.running || this.retryTimer !== null || this.stopped) return;
    this.running = true;
    setImmediate(() => void this.run());
  }

  /** The one loop that commits (never two at once: `running`). */
  private async run(): Promise<void> {
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue.slice(0, BATCH);
      this.inFlight = batch.length;
      const outcome = await this.commit(batch);
      if (outcome === 'refused') {
        // A statement the database refuses (not a lost connection): one at a time, dropping it.
        if (!(await this.commitEach(batch))) return;
        continue;
      }
      this.inFlight = 0;
      if (outcome !== 'ok') return this.failed(outcome.down);
      this.queue.splice(0, batch.length);
      this.settle(batch.length, 0);
    }
    this.running = false;
  }

  private async commit(batch: Write[]): Promise<'ok' | 'refused' | { down: string }> {
    let client: PoolClient | null = null;
    try {
      client = await this.pool.connect();
      // One simple query: one round trip, one implicit transaction (all or nothing).
      await client.query(batch.map((w) => inlined(w, this.escapeLiteral)).join(';\n'));
      client.release();
      return 'ok';
    } catch (error) {
      const down = isConnectionProblem(error);
      client?.release(down ? (error as Error) : undefined);
      return down ? { down: (error as Error).message } : 'refused';
    }
  }

  /** Commits `batch` statement by statement; a refused one is dropped, said and counted. False: the database went away. */
  private async commitEach(batch: Write[]): Promise<boolean> {
    for (let i = 0; i < batch.length; i++) {
      this.inFlight = batch.length - i;
      try {
        await this.pool.query(batch[i]!.sql, batch[i]!.params.map(storable));
        this.queue.shift();
        this.settle(1, 0);
      } catch (error) {
        if (isConnectionProblem(error)) {
          this.inFlight = 0;
          this.failed((error as Error).message);
          return false;
        }
        this.dropped++;
        this.log.error(`state database refused a write, dropped: ${(error as Error).message}`);
        this.queue.shift();
        this.settle(0, 1);
      }
    }
    this.inFlight = 0;
    return true;
  }

  /** Writes done with (the caller took them out of the queue): committed, or dropped for good. */
  private settle(committed: number, dropped: number): void {
    this.settled += committed + dropped;
    this.writes += committed;
    if (committed > 0) {
      this.attempt = 0;
      if (this.problem !== null) this.log.info(`state database reachable again: ${this.writes} writes committed so far`);
      this.problem = null;
    }
    const ready = this.waiters.filter((w) => w.seq <= this.settled);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.seq > this.settled);
    for (const w of ready) w.resolve(true);
  }

  private failed(message: string): void {
    this.retries++;
    if (this.problem === null) this.log.error(`state database: writes fail (${message}); ${this.queue.length} kept and retried, forwarding goes on`);
    this.problem = message;
    for (const w of this.waiters.splice(0)) w.resolve(false);
    this.running = false;
    if (this.stopped) return;
    const delay = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)]!;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delay);
    this.retryTimer.unref();
  }
}
