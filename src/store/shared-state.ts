// Shared state for several instances (`[store] url`): the PostgreSQL side of the store. Each
// instance keeps the chargers it serves in an in-memory SQLite (store.ts reads and writes there
// as with a file) and mirrors every durable write here through write-queue.ts; the charger's
// answer to a transaction Call waits for its commit (`durable()`). One instance serves a charger
// at a time: it claims the charger when it connects (charger_owner, NOTIFY); the instance that
// held it closes its session, commits what it queued and says so (NOTIFY release); only then the
// new one reads the charger's rows. Each instance holds an advisory lock on its name (a second
// one of that name is refused) and a lease: the chargers of a dead instance are free.

import type { Client, Notification, Pool } from 'pg';
import { hostname } from 'node:os';
import { LOCK_SPACE, SharedStateError, bigintAsNumber, loadPg, migratePostgres, redactedUrl, sessionsFrom, withTimeout, type SharedOptions, type SharedStats } from './postgres.ts';
import { CHARGER_ROWS_QUERY, GLOBAL_SETTINGS, OWNERSHIP, type ChargerRows } from './shared-sql.ts';
import { RETRY_MS, WriteQueue, isConnectionProblem } from './write-queue.ts';

export type { ChargerRows } from './shared-sql.ts';

export type { SharedLog } from './write-queue.ts';
export { SharedStateError, redactedUrl, sharedSessions, type SharedOptions, type SharedStats } from './postgres.ts';

const CHANNEL = 'ocpp_proxy';
/** How long a new claim waits for the previous instance to let go; its session closes within this. */
const HANDOVER_MS = 5_000;
/** The instance that lets go: at most this long to close the session, then to commit its writes (together < HANDOVER_MS). */
const CLOSE_MS = 2_000;
const COMMIT_MS = 2_500;

export class SharedState {
  readonly instance: string;
  private readonly options: SharedOptions;
  private readonly pool: Pool;
  private readonly pgModule: typeof import('pg');
  private listener: Client | null = null;
  /** The durable writes, in order (store/write-queue.ts). */
  readonly queue: WriteQueue;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private closing = false;
  /** Chargers this instance serves → the epoch of its claim. */
  readonly held = new Map<string, number>();
  /** Per charger: the claim or release in progress (they run one after the other). */
  private readonly chains = new Map<string, Promise<unknown>>();
  /** Claims waiting for the previous instance to let go, by charger. */
  private readonly releases = new Map<string, { previous: string; epoch: number; done: () => void }>();
  /** Release notes heard for chargers being claimed here: one may come before the claim waits for it. */
  private readonly earlyReleases = new Map<string, Array<{ instance: string; epoch: number }>>();
  /** This instance took the lock on its name (only then its rows are its own to free at the end). */
  private ownsName = false;
  /** The listening connection holds that lock now (after a reconnect it may not yet: retried each heartbeat). */
  private locked = false;
  private readonly counts = { claims: 0, handovers: 0, handoverTimeouts: 0 };
  /** Since when this instance's heartbeats go through without a break (ms; null: they fail now). */
  private reachableSince: number | null = null;
  /** Another instance took a charger: close its session (bounded by the caller). */
  onTakeover: (charger: string) => Promise<void> = async () => undefined;
  /** The charger's rows may go from the local copy. */
  onReleased: (charger: string) => void = () => undefined;

  private constructor(pgModule: typeof import('pg'), options: SharedOptions) {
    this.pgModule = pgModule;
    this.options = options;
    this.instance = options.instance;
    this.pool = new pgModule.Pool({ ...this.connection(), max: 6 });
    this.pool.on('error', (error) => this.options.log.warn(`state database connection lost: ${error.message}`));
    this.queue = new WriteQueue(this.pool, options.log, pgModule.escapeLiteral);
  }

  private get applicationName(): string {
    return `ocpp-proxy ${this.instance}`.slice(0, 63);
  }

  /** Every connection's settings: bounded waits everywhere, so a half-open socket cannot hang a claim or a batch. */
  private connection() {
    return {
      connectionString: this.options.url,
      application_name: this.applicationName,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      statement_timeout: 30_000,
      lock_timeout: 5000,
      query_timeout: 60_000,
      idle_in_transaction_session_timeout: 15_000,
      types: bigintAsNumber(this.pgModule),
    };
  }

  /** Connects, brings the schema up to date, takes the instance's name and lease, listens. */
  static async open(options: SharedOptions): Promise<SharedState> {
    const pgModule = await loadPg();
    const state = new SharedState(pgModule, options);
    for (let attempt = 0; ; attempt++) {
      try {
        await state.pool.query('SELECT 1');
        break;
      } catch (error) {
        if (!options.wait || !isConnectionProblem(error)) {
          await state.pool.end();
          throw new SharedStateError(`cannot reach the state database ${redactedUrl(options.url)}: ${(error as Error).message} (start PostgreSQL, or set [store] wait = true to wait for it)`);
        }
        if (attempt === 0) options.log.warn(`state database ${redactedUrl(options.url)} unreachable (${(error as Error).message}); waiting for it ([store] wait = true)`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    try {
      await migratePostgres(state.pool);
      await state.listen(true);
      await state.heartbeat(true);
    } catch (error) {
      await state.close(); // frees nothing that is another instance's: this one took no name
      throw error instanceof SharedStateError ? error : new SharedStateError(`state database ${redactedUrl(options.url)}: ${(error as Error).message}`);
    }
    state.heartbeatTimer = setInterval(() => void state.heartbeat(false), Math.max(1000, (options.lease * 1000) / 3));
    state.heartbeatTimer.unref();
    return state;
  }

  /** The listening connection: also the one that holds the instance's name (an advisory lock ends with it). */
  private async listen(first: boolean): Promise<void> {
    const { statement_timeout: _s, query_timeout: _q, ...settings } = this.connection(); // LISTEN waits for as long as it likes
    const client = new this.pgModule.Client(settings);
    client.on('error', () => undefined); // 'end' follows and reconnects
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>(OWNERSHIP.lock, [LOCK_SPACE, this.instance]);
    if (rows[0]?.locked !== true) {
      const message = `another running instance is named ${JSON.stringify(this.instance)}; give each instance its own [store] instance`;
      if (first) {
        await client.end().catch(() => undefined);
        throw new SharedStateError(message);
      }
      // Back after a lost connection whose server side has not ended yet: listen all the same; the heartbeat takes the lock later.
      this.options.log.warn(`${message} (or this instance's previous connection is still open on the server)`);
    } else {
      this.ownsName = true;
      this.locked = true;
    }
    if (this.closing) {
      await client.end().catch(() => undefined);
      return;
    }
    await client.query(`LISTEN ${CHANNEL}`);
    client.on('notification', (note: Notification) => this.notified(note.payload));
    client.once('end', () => {
      if (this.listener === client) this.listener = null;
      this.locked = false;
      if (!this.closing) void this.relisten();
    });
    this.listener = client;
  }

  private async relisten(): Promise<void> {
    for (let attempt = 0; !this.closing && this.listener === null; attempt++) {
      if (attempt === 0) this.options.log.warn('state database: lost the connection that listens for other instances; reconnecting');
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]).unref());
      if (this.closing) return;
      try {
        await this.listen(false);
        this.options.log.info('state database: listening for other instances again');
        await this.recheckHeld(); // claims made meanwhile were not heard
      } catch {
        // the database is still away
      }
    }
  }

  /**
   * Renews this instance's lease; frees the chargers of dead instances: lease run out and no
   * connection holding their name (their rows stay, with no instance, so that claim epochs only
   * grow). A database outage longer than the lease kills nobody: every live instance still holds
   * its lock. At start, the chargers this name held in an earlier run are free (it serves none yet).
   */
  private async heartbeat(first: boolean): Promise<void> {
    const leaseMs = Math.round(this.options.lease * 1000);
    try {
      if (!this.locked && this.listener !== null) {
        const { rows } = await this.listener.query<{ locked: boolean }>(OWNERSHIP.lock, [LOCK_SPACE, this.instance]);
        this.locked = rows[0]?.locked === true;
        if (this.locked) this.ownsName = true;
      }
      const renewed = await this.pool.query(first ? OWNERSHIP.register : OWNERSHIP.renew, [this.instance, hostname(), process.pid]);
      if (first) await this.pool.query("UPDATE charger_owner SET instance = '' WHERE instance = $1", [this.instance]);
      else if (renewed.rows[0]?.inserted === true) {
        // Its lease was gone: taken for dead meanwhile. What another instance claimed since is let go.
        this.options.log.warn("state database: this instance's lease had run out; renewed, checking its chargers");
        await this.recheckHeld();
      }
      const now = Date.now();
      this.reachableSince ??= now;
      // Others are judged only after a whole lease of heartbeats here: after an outage of the
      // database, every live instance has had the time to renew its lease (and to take its lock again).
      if (now - this.reachableSince < leaseMs) return;
      await this.pool.query(
OWNERSHIP.sweepDead, [this.instance, leaseMs, LOCK_SPACE]
      );
    } catch (error) {
      this.reachableSince = null;
      if (first) throw error;
    }
  }

  /** Lets go of the chargers this instance holds that the database says another instance claimed (a claim not heard). */
  private async recheckHeld(): Promise<void> {
    if (this.held.size === 0) return;
    const held = [...this.held.keys()];
    // Freed meanwhile (taken for dead), claimed by nobody: still this instance's.
    await this.pool.query("UPDATE charger_owner SET instance = $2 WHERE charger = ANY($1) AND instance = ''", [held, this.instance]);
    const { rows } = await this.pool.query<{ charger: string; instance: string; epoch: number }>(
      'SELECT charger, instance, epoch FROM charger_owner WHERE charger = ANY($1) AND instance <> $2',
      [held, this.instance],
    );
    for (const { charger, instance, epoch } of rows) void this.serial(charger, () => this.release(charger, instance, epoch));
  }

  /** Queues one durable write (committed in order, in the next batch). */
  write(sql: string, params: unknown[]): void {
    this.queue.write(sql, params);
  }

  /** Resolves true once every write queued so far is committed (false: it failed, or took past `timeoutMs`). */
  durable(timeoutMs?: number): Promise<boolean> {
    return this.queue.durable(timeoutMs);
  }

  /** Why writes fail now (null: they go through). */
  get problem(): string | null {
    return this.queue.problem;
  }

  /** Runs `work` after the charger's previous claim or release (one at a time per charger). */
  private serial<T>(charger: string, work: () => Promise<T>): Promise<T> {
    const before = this.chains.get(charger) ?? Promise.resolve();
    const next = before.then(work, work);
    const tail = next.catch(() => undefined);
    this.chains.set(charger, tail);
    void tail.then(() => {
      if (this.chains.get(charger) === tail) this.chains.delete(charger);
    });
    return next;
  }

  /**
   * Takes the charger for this instance. Resolves with the claim's epoch and the rows to load into
   * the local copy (null when this instance held it already: its copy is the newest); null when
   * the database cannot be reached (the caller serves with what it has, and says so).
   */
  claim(charger: string): Promise<{ epoch: number; rows: ChargerRows | null } | null> {
    return this.serial(charger, async () => {
      if (this.problem !== null) {
        this.options.log.warn(`${charger}: state database away (${this.problem}): served with what this instance knows`);
        return null;
      }
      let claimed: { epoch: number; previous: string | null; alive: boolean };
      this.earlyReleases.set(charger, []);
      try {
        claimed = await this.claimRow(charger);
      } catch (error) {
        this.earlyReleases.delete(charger);
        this.options.log.warn(`${charger}: state database unreachable (${(error as Error).message}): served with what this instance knows`);
        return null;
      }
      const early = this.earlyReleases.get(charger) ?? [];
      this.earlyReleases.delete(charger);
      this.counts.claims++;
      const heldBefore = this.held.has(charger);
      this.held.set(charger, claimed.epoch);
      if (claimed.previous === this.instance && heldBefore) return { epoch: claimed.epoch, rows: null };
      const releasedAlready = early.some((note) => note.instance === claimed.previous && note.epoch === claimed.epoch - 1);
      if (claimed.previous !== null && claimed.previous !== this.instance && claimed.alive && !releasedAlready) {
        const outcome = await this.releasedWithin(charger, claimed.previous, claimed.epoch);
        if (outcome === 'timeout') {
          this.counts.handoverTimeouts++;
          this.options.log.warn(`${charger}: instance ${claimed.previous} did not let go within ${HANDOVER_MS / 1000} s; serving it here all the same`);
        }
      }
      try {
        await this.durable(COMMIT_MS); // what this instance wrote for it before (a hop back) is read back too
        return { epoch: claimed.epoch, rows: await this.rowsOf(charger) };
      } catch (error) {
        this.options.log.warn(`${charger}: state database: cannot read its state (${(error as Error).message}): served with what this instance knows`);
        return null;
      }
    });
  }

  /** Whether this instance still holds the charger by the claim of `epoch`. */
  holds(charger: string, epoch: number): boolean {
    return this.held.get(charger) === epoch;
  }

  private async claimRow(charger: string): Promise<{ epoch: number; previous: string | null; alive: boolean }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const before = (await client.query<{ instance: string }>('SELECT instance FROM charger_owner WHERE charger = $1 FOR UPDATE', [charger])).rows[0];
      const { epoch } = (
        await client.query<{ epoch: number }>(
OWNERSHIP.claim, [charger, this.instance])
      ).rows[0]!;
      await client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ kind: 'claim', charger, instance: this.instance, epoch })]);
      const previous = before === undefined || before.instance === '' ? null : before.instance; // '': freed
      let alive = false;
      if (previous !== null && previous !== this.instance) {
        // Alive: its connection (and with it the lock on its name) is there, and its lease is fresh.
        const { rows } = await client.query<{ alive: boolean }>(OWNERSHIP.alive, [LOCK_SPACE, previous, Math.round(this.options.lease * 1000)]);
        alive = rows[0]?.alive === true;
      }
      await client.query('COMMIT');
      return { epoch, previous, alive };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Waits for `previous` to let go of the charger ('released'), at most HANDOVER_MS ('timeout').
   * Two claims that cross (each instance waiting for the other) both wait that long.
   */
  private releasedWithin(charger: string, previous: string, epoch: number): Promise<'released' | 'timeout'> {
    return new Promise((resolve) => {
      const finish = (outcome: 'released' | 'timeout') => {
        clearTimeout(timer);
        if (this.releases.get(charger)?.done === done) this.releases.delete(charger);
        resolve(outcome);
      };
      const done = () => finish('released');
      const timer = setTimeout(() => finish('timeout'), HANDOVER_MS);
      timer.unref();
      this.releases.set(charger, { previous, epoch, done });
    });
  }

  /** The charger's rows of every table, in one round trip (each table as a JSON array). */
  private async rowsOf(charger: string): Promise<ChargerRows> {
    const { rows } = await this.pool.query<ChargerRows>(CHARGER_ROWS_QUERY, [charger]);
    return rows[0]!;
  }

  /** Every instance's sessions (the web pages' list, `ocpp-proxy sessions`), by a filter or by id. */
  sessions<Row>(filter: { since?: string; charger?: string; id?: number }): Promise<Row[]> {
    return sessionsFrom<Row>(this.pool, filter);
  }

  /** The settings that belong to no charger (override, homeowner cap), read at start. */
  async globalSettings(): Promise<Array<{ key: string; value: string }>> {
    return (await this.pool.query<{ key: string; value: string }>(GLOBAL_SETTINGS)).rows;
  }

  private notified(payload: string | undefined): void {
    let note: { kind?: unknown; charger?: unknown; instance?: unknown; epoch?: unknown };
    try {
      note = JSON.parse(payload ?? '') as typeof note;
    } catch {
      return;
    }
    const { kind, charger, instance, epoch } = note;
    if (typeof charger !== 'string' || typeof instance !== 'string' || instance === this.instance) return;
    if (typeof epoch !== 'number') return;
    if (kind === 'release') {
      // The release of the claim just before this instance's (not a late one of an older hop).
      this.earlyReleases.get(charger)?.push({ instance, epoch });
      const waiting = this.releases.get(charger);
      if (waiting?.previous === instance && epoch === waiting.epoch - 1) waiting.done();
      return;
    }
    if (kind !== 'claim') return;
    const mine = this.held.get(charger);
    if (mine === undefined || mine >= epoch) return;
    void this.serial(charger, () => this.release(charger, instance, epoch));
  }

  /** Another instance claimed a charger this one held: close, commit, forget, say so. */
  private async release(charger: string, by: string, epoch: number): Promise<void> {
    const mine = this.held.get(charger);
    if (mine === undefined || mine >= epoch) return; // claimed here again meanwhile
    this.held.delete(charger);
    this.counts.handovers++;
    this.options.log.info(`${charger}: now served by instance ${by}; closing here`);
    await withTimeout(this.onTakeover(charger), CLOSE_MS).catch((error: Error) => this.options.log.warn(`${charger}: closing for ${by}: ${error.message}`));
    await this.durable(COMMIT_MS);
    try {
      if (!this.held.has(charger)) this.onReleased(charger);
    } catch (error) {
      this.options.log.error(`${charger}: forgetting its state here: ${(error as Error).message}`);
    }
    await this.pool
      .query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ kind: 'release', charger, instance: this.instance, epoch: mine })])
      .catch(() => undefined);
  }

  /** For /metrics and /api/status. */
  stats(): SharedStats {
    const { pending, retries, dropped, writes, problem } = this.queue;
    return { instance: this.instance, pending, retries, dropped, writes, problem, chargers: this.held.size, ...this.counts };
  }

  /** Commits what is queued (bounded), gives up the lease and the chargers, disconnects. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.heartbeatTimer !== null) clearInterval(this.heartbeatTimer);
    if (this.queue.pending > 0 && this.problem === null) await this.durable(5000);
    this.queue.stop();
    if (this.queue.pending > 0) this.options.log.error(`state database: ${this.queue.pending} durable writes could not be committed before the end (${this.problem ?? 'timeout'})`);
    // Its chargers are free at once (their rows stay, so that claim epochs only grow); a start that
    // was refused (the name taken, the schema newer) touches nothing of the instance that runs.
    if (this.problem === null && this.ownsName) {
      await this.pool.query("UPDATE charger_owner SET instance = '' WHERE instance = $1", [this.instance]).catch(() => undefined);
      await this.pool.query('DELETE FROM instances WHERE name = $1', [this.instance]).catch(() => undefined);
    }
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}

