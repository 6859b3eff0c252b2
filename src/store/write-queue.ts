// The durable writes of shared state, in order: queued as they are made, committed in batches
// (one transaction each). While the database is away they are kept, retried with a growing pause
// and counted; a statement the database refuses is dropped and said, the rest go on.

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

/** Connection failures worth a retry, as opposed to a statement the database refuses. */
export function isConnectionProblem(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return true; // ECONNREFUSED, a closed socket, a timeout
  return /^(08|53|57|58)/.test(code) || code.startsWith('E');
}

interface Waiter {
  seq: number;
  resolve: (committed: boolean) => void;
}

export class WriteQueue {
  private readonly pool: Pool;
  private readonly log: SharedLog;
  private readonly queue: Array<{ sql: string; params: unknown[] }> = [];
  private queued = 0;
  private committed = 0;
  private waiters: Waiter[] = [];
  private flushing = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private stopped = false;
  /** Why writes fail now (null: they go through). */
  problem: string | null = null;
  /** Failed batch attempts, statements dropped (refused by the database, or past MAX_QUEUED), writes committed. */
  retries = 0;
  dropped = 0;
  writes = 0;

  constructor(pool: Pool, log: SharedLog) {
    this.pool = pool;
    this.log = log;
  }

  /** Queues one durable write (committed in order, in the next batch). */
  write(sql: string, params: unknown[]): void {
    if (this.queue.length >= MAX_QUEUED) {
      this.queue.shift();
      this.dropped++;
    }
    this.queue.push({ sql, params });
    this.queued++;
    if (!this.flushing && this.retryTimer === null) {
      this.flushing = true;
      setImmediate(() => void this.flush());
    }
  }

  /** Writes waiting (queued or in the batch being committed). */
  get pending(): number {
    return this.queued - this.committed;
  }

  /**
   * Resolves true once every write queued so far is committed; false as soon as a batch fails or
   * `timeoutMs` passes (the caller goes on live: the writes stay queued and are retried).
   */
  durable(timeoutMs = 5000): Promise<boolean> {
    if (this.committed >= this.queued) return Promise.resolve(true);
    if (this.problem !== null) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = { seq: this.queued, resolve };
      const timer = setTimeout(() => this.settle(waiter, false), timeoutMs);
      timer.unref();
      waiter.resolve = (committed) => {
        clearTimeout(timer);
        resolve(committed);
      };
      this.waiters.push(waiter);
    });
  }

  private settle(waiter: Waiter, committed: boolean): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
    waiter.resolve(committed);
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue.slice(0, BATCH);
      let client: PoolClient | null = null;
      try {
        client = await this.pool.connect();
        await client.query('BEGIN');
        for (const { sql, params } of batch) await client.query(sql, params);
        await client.query('COMMIT');
      } catch (error) {
        await client?.query('ROLLBACK').catch(() => undefined);
        client?.release(isConnectionProblem(error) ? (error as Error) : undefined);
        client = null;
        if (isConnectionProblem(error)) {
          this.failed((error as Error).message);
          return;
        }
        // A statement the database refuses (not a lost connection): one at a time, dropping it.
        await this.writeEach(batch);
        continue;
      } finally {
        client?.release();
      }
      this.done(batch.length);
    }
    this.flushing = false;
  }

  /** Commits `batch` statement by statement; a refused one is dropped, said and counted. */
  private async writeEach(batch: Array<{ sql: string; params: unknown[] }>): Promise<void> {
    for (const item of batch) {
      try {
        await this.pool.query(item.sql, item.params);
      } catch (error) {
        if (isConnectionProblem(error)) return this.failed((error as Error).message);
        this.dropped++;
        this.log.error(`state database refused a write, dropped: ${(error as Error).message}`);
      }
      this.done(1);
    }
  }

  private done(count: number): void {
    this.queue.splice(0, count);
    this.committed += count;
    this.writes += count;
    this.attempt = 0;
    if (this.problem !== null) this.log.info(`state database reachable again: ${this.writes} writes committed so far`);
    this.problem = null;
    const ready = this.waiters.filter((w) => w.seq <= this.committed);
    if (ready.length > 0) {
      this.waiters = this.waiters.filter((w) => w.seq > this.committed);
      for (const w of ready) w.resolve(true);
    }
  }

  private failed(message: string): void {
    this.retries++;
    if (this.problem === null) this.log.error(`state database: writes fail (${message}); ${this.queue.length} kept and retried, forwarding goes on`);
    this.problem = message;
    for (const w of this.waiters.splice(0)) w.resolve(false);
    this.flushing = false;
    if (this.stopped) return;
    const delay = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)]!;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
    this.retryTimer.unref();
  }

  /** No more batches (closing). */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
  }
}
