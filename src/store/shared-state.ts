// Shared state for several instances (`[store] url`): the PostgreSQL side of the store. Each
// instance keeps the state of the chargers it serves in its own in-memory SQLite (store.ts reads
// and writes there, synchronously, as with a file) and mirrors every durable write here:
// - writes are queued and committed in batches, one transaction each, in order; while the
//   database is away they are kept, retried and counted, and live forwarding goes on;
// - `durable()` resolves once everything queued so far is committed: the charger's answer to a
//   transaction Call waits for it, so an instance that dies has lost nothing the charger saw
//   acknowledged;
// - one instance serves a charger at a time: an instance claims the charger when it connects
//   (charger_owner, NOTIFY); the instance that held it closes its session, commits what it
//   queued and says so (NOTIFY release); only then the new one reads the charger's rows;
// - each instance holds an advisory lock on its name (a second instance of that name is refused)
//   and a lease: the chargers of an instance silent for `[store] lease` seconds are free.

import type { Client, Notification, Pool } from 'pg';
import { hostname } from 'node:os';
import { MIGRATIONS, forPostgres } from './migrations.ts';
import { CHARGER_ROWS, sessionsQuery, type ChargerRows } from './shared-sql.ts';
import { RETRY_MS, WriteQueue, isConnectionProblem, type SharedLog } from './write-queue.ts';

export type { ChargerRows } from './shared-sql.ts';

export type { SharedLog } from './write-queue.ts';

export interface SharedOptions {
  url: string;
  instance: string;
  /** Seconds. */
  lease: number;
  /** Wait for an unreachable database at start (else fail). */
  wait: boolean;
  log: SharedLog;
}

type PgTypes = { getTypeParser: (oid: number, format?: string) => (text: string) => unknown };

/** BIGINT as a number (milliseconds, ids and counts fit 2^53), without touching pg's global parsers. */
function bigintAsNumber(pgModule: typeof import('pg')): PgTypes {
  const builtins = pgModule.types;
  return { getTypeParser: (oid: number, format?: string) => (oid === 20 ? (text: string) => Number(text) : builtins.getTypeParser(oid, format as 'text')) };
}

/** For /metrics. */
export interface SharedStats {
  instance: string;
  pending: number;
  retries: number;
  dropped: number;
  writes: number;
  problem: string | null;
  chargers: number;
}

/** What keeps shared state from starting; the message names the cause, never the password. */
export class SharedStateError extends Error {}

const CHANNEL = 'ocpp_proxy';
const CHARGER_ROWS_QUERY = `SELECT ${Object.entries(CHARGER_ROWS)
  .map(([name, sql]) => `(SELECT COALESCE(json_agg(r), '[]'::json) FROM (${sql}) r) AS ${name}`)
  .join(', ')}`;
/** First key of the instances' advisory locks ('ocpp'). */
const LOCK_SPACE = 0x6f637070;
/** How long a new claim waits for the previous instance to let go (it closes within this). */
const HANDOVER_MS = 5_000;
const NOW_MS = `(extract(epoch FROM clock_timestamp()) * 1000)::bigint`;

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

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
  private readonly releases = new Map<string, () => void>();
  /** Another instance took a charger: close its session (bounded by the caller). */
  onTakeover: (charger: string) => Promise<void> = async () => undefined;
  /** The charger's rows may go from the local copy. */
  onReleased: (charger: string) => void = () => undefined;

  private constructor(pgModule: typeof import('pg'), options: SharedOptions) {
    this.pgModule = pgModule;
    this.options = options;
    this.instance = options.instance;
    this.pool = new pgModule.Pool({ connectionString: options.url, max: 3, application_name: this.applicationName, connectionTimeoutMillis: 5000, keepAlive: true, types: this.types() });
    this.pool.on('error', (error) => this.options.log.warn(`state database connection lost: ${error.message}`));
    this.queue = new WriteQueue(this.pool, options.log);
  }

  private get applicationName(): string {
    return `ocpp-proxy ${this.instance}`.slice(0, 63);
  }

  private types(): PgTypes {
    return bigintAsNumber(this.pgModule);
  }

  /** Connects, brings the schema up to date, takes the instance's name and lease, listens. */
  static async open(options: SharedOptions): Promise<SharedState> {
    const pgModule = ((await import('pg')) as unknown as { default: typeof import('pg') }).default;
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
      await state.migrate();
      await state.listen(true);
      await state.heartbeat(true);
    } catch (error) {
      await state.close();
      throw error instanceof SharedStateError ? error : new SharedStateError(`state database ${redactedUrl(options.url)}: ${(error as Error).message}`);
    }
    state.heartbeatTimer = setInterval(() => void state.heartbeat(false), Math.max(1000, (options.lease * 1000) / 3));
    state.heartbeatTimer.unref();
    return state;
  }

  /** The same migrations as SQLite, in PostgreSQL's dialect, one transaction each; two instances starting at once take turns. */
  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_SPACE]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)');
      const rows = (await client.query<{ version: number }>('SELECT version FROM schema_version')).rows;
      const version = rows[0]?.version ?? 0;
      if (rows.length === 0) await client.query('INSERT INTO schema_version (version) VALUES (0)');
      if (version > MIGRATIONS.length) throw new SharedStateError(`the state database's schema version ${version} is newer than this ocpp-proxy knows (${MIGRATIONS.length}); upgrade ocpp-proxy`);
      for (let next = version; next < MIGRATIONS.length; next++) {
        await client.query(forPostgres(MIGRATIONS[next]!));
        await client.query('UPDATE schema_version SET version = $1', [next + 1]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The listening connection: also the one that holds the instance's name (an advisory lock ends with it). */
  private async listen(first: boolean): Promise<void> {
    const client = new this.pgModule.Client({ connectionString: this.options.url, application_name: this.applicationName, keepAlive: true, connectionTimeoutMillis: 5000, types: this.types() });
    client.on('error', () => undefined); // 'end' follows and reconnects
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [LOCK_SPACE, this.instance]);
    if (rows[0]?.locked !== true) {
      await client.end().catch(() => undefined);
      const message = `another running instance is named ${JSON.stringify(this.instance)}; give each instance its own [store] instance`;
      if (first) throw new SharedStateError(message);
      this.options.log.error(message);
    }
    await client.query(`LISTEN ${CHANNEL}`);
    client.on('notification', (note: Notification) => this.notified(note.payload));
    client.once('end', () => {
      if (this.listener === client) this.listener = null;
      if (!this.closing) void this.relisten();
    });
    this.listener = client;
  }

  private async relisten(): Promise<void> {
    for (let attempt = 0; !this.closing && this.listener === null; attempt++) {
      if (attempt === 0) this.options.log.warn('state database: lost the connection that listens for other instances; reconnecting');
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      try {
        await this.listen(false);
        this.options.log.info('state database: listening for other instances again');
      } catch {
        // the database is still away
      }
    }
  }

  /** Renews this instance's lease; frees the chargers of instances whose lease ran out. */
  private async heartbeat(first: boolean): Promise<void> {
    const leaseMs = Math.round(this.options.lease * 1000);
    try {
      await this.pool.query(
        `INSERT INTO instances (name, heartbeat, started, host, pid) VALUES ($1, ${NOW_MS}, ${NOW_MS}, $2, $3)
         ON CONFLICT (name) DO UPDATE SET heartbeat = excluded.heartbeat${first ? ', started = excluded.started, host = excluded.host, pid = excluded.pid' : ''}`,
        [this.instance, hostname(), process.pid],
      );
      await this.pool.query(
        `WITH gone AS (DELETE FROM instances WHERE name <> $1 AND heartbeat < ${NOW_MS} - $2 RETURNING name)
         DELETE FROM charger_owner WHERE instance IN (SELECT name FROM gone)`,
        [this.instance, leaseMs],
      );
    } catch (error) {
      if (first) throw error;
    }
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
   * Takes the charger for this instance. Resolves with its rows to load into the local copy, with
   * 'held' when this instance held it already (its copy is the newest), or with null when the
   * database cannot be reached (the caller serves with what it has, and says so).
   */
  claim(charger: string): Promise<ChargerRows | 'held' | null> {
    return this.serial(charger, async () => {
      let claimed: { epoch: number; previous: string | null; alive: boolean };
      try {
        claimed = await this.claimRow(charger);
      } catch (error) {
        this.options.log.warn(`${charger}: state database unreachable (${(error as Error).message}): served with what this instance knows`);
        return null;
      }
      const heldBefore = this.held.has(charger);
      this.held.set(charger, claimed.epoch);
      if (claimed.previous === this.instance && heldBefore) return 'held';
      if (claimed.previous !== null && claimed.previous !== this.instance && claimed.alive) {
        const released = await this.releasedWithin(charger, HANDOVER_MS);
        if (!released) this.options.log.warn(`${charger}: instance ${claimed.previous} did not let go within ${HANDOVER_MS / 1000} s; serving it here all the same`);
      }
      try {
        return await this.rowsOf(charger);
      } catch (error) {
        this.options.log.warn(`${charger}: state database: cannot read its state (${(error as Error).message}): served with what this instance knows`);
        return null;
      }
    });
  }

  private async claimRow(charger: string): Promise<{ epoch: number; previous: string | null; alive: boolean }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const before = (await client.query<{ instance: string }>('SELECT instance FROM charger_owner WHERE charger = $1 FOR UPDATE', [charger])).rows[0];
      const { epoch } = (
        await client.query<{ epoch: number }>(
          `INSERT INTO charger_owner (charger, instance, epoch, since) VALUES ($1, $2, 1, ${NOW_MS})
           ON CONFLICT (charger) DO UPDATE SET instance = excluded.instance, epoch = charger_owner.epoch + 1, since = excluded.since RETURNING epoch`,
          [charger, this.instance],
        )
      ).rows[0]!;
      await client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ kind: 'claim', charger, instance: this.instance, epoch })]);
      const previous = before?.instance ?? null;
      let alive = false;
      if (previous !== null && previous !== this.instance) {
        // Alive: its connection (and with it the lock on its name) is there, and its lease is fresh.
        const { rows } = await client.query<{ alive: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1::bigint::oid
                            AND objid = (hashtext($2)::bigint & 4294967295)::oid AND objsubid = 2)
                  AND EXISTS (SELECT 1 FROM instances WHERE name = $2 AND heartbeat >= ${NOW_MS} - $3) AS alive`,
          [LOCK_SPACE, previous, Math.round(this.options.lease * 1000)],
        );
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

  private releasedWithin(charger: string, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.releases.delete(charger);
        resolve(false);
      }, ms);
      this.releases.set(charger, () => {
        clearTimeout(timer);
        this.releases.delete(charger);
        resolve(true);
      });
    });
  }

  /** The charger's rows of every table, in one round trip (each table as a JSON array). */
  private async rowsOf(charger: string): Promise<ChargerRows> {
    const { rows } = await this.pool.query<ChargerRows>(CHARGER_ROWS_QUERY, [charger]);
    return rows[0]!;
  }

  /** The settings that belong to no charger (override, homeowner cap), read at start. */
  async globalSettings(): Promise<Array<{ key: string; value: string }>> {
    const { rows } = await this.pool.query<{ key: string; value: string }>(
      `SELECT key, value FROM settings WHERE key NOT LIKE 'charger\\_memory %' AND key NOT LIKE 'translation %' AND key <> 'healthz'`,
    );
    return rows;
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
    if (kind === 'release') {
      this.releases.get(charger)?.();
      return;
    }
    const mine = this.held.get(charger);
    if (kind !== 'claim' || typeof epoch !== 'number' || mine === undefined || mine >= epoch) return;
    void this.serial(charger, () => this.release(charger, instance, epoch));
  }

  /** Another instance claimed a charger this one held: close, commit, forget, say so. */
  private async release(charger: string, by: string, epoch: number): Promise<void> {
    const mine = this.held.get(charger);
    if (mine === undefined || mine >= epoch) return; // claimed here again meanwhile
    this.held.delete(charger);
    this.options.log.info(`${charger}: now served by instance ${by}; closing here`);
    await this.onTakeover(charger).catch((error: Error) => this.options.log.warn(`${charger}: closing for ${by}: ${error.message}`));
    await this.durable(3000);
    if (!this.held.has(charger)) this.onReleased(charger);
    await this.pool
      .query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ kind: 'release', charger, instance: this.instance, epoch: mine })])
      .catch(() => undefined);
  }

  /** For /metrics and /api/status. */
  stats(): SharedStats {
    const { pending, retries, dropped, writes, problem } = this.queue;
    return { instance: this.instance, pending, retries, dropped, writes, problem, chargers: this.held.size };
  }

  /** Commits what is queued (bounded), gives up the lease and the chargers, disconnects. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.heartbeatTimer !== null) clearInterval(this.heartbeatTimer);
    if (this.queue.pending > 0 && this.problem === null) await this.durable(5000);
    this.queue.stop();
    if (this.queue.pending > 0) this.options.log.error(`state database: ${this.queue.pending} durable writes could not be committed before the end (${this.problem ?? 'timeout'})`);
    if (this.problem === null) {
      await this.pool.query('DELETE FROM charger_owner WHERE instance = $1', [this.instance]).catch(() => undefined);
      await this.pool.query('DELETE FROM instances WHERE name = $1', [this.instance]).catch(() => undefined);
    }
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}

/** Every instance's sessions from the shared database (`ocpp-proxy sessions` with `[store] url`). */
export async function sharedSessions<Row>(url: string, filter: { since?: string; charger?: string }): Promise<Row[]> {
  const pgModule = ((await import('pg')) as unknown as { default: typeof import('pg') }).default;
  const client = new pgModule.Client({ connectionString: url, connectionTimeoutMillis: 5000, types: bigintAsNumber(pgModule) });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { sql, params } = sessionsQuery(filter);
    const { rows } = await client.query<Record<string, unknown>>(sql, params);
    return rows.map((row) => ({ ...row, upstream_tx: (row.upstream_tx ?? {}) as Record<string, string> }) as Row);
  } catch (error) {
    throw new SharedStateError(`cannot read sessions from ${redactedUrl(url)}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
