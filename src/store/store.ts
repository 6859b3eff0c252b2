// Durable state in SQLite (node:sqlite): who owns each transaction, each upstream's transaction
// ids, and the charging sessions. WAL journal: a kill -9 at any moment leaves a consistent file,
// and a committed write survives a process crash. Writes happen at transaction boundaries only
// (start, stop), never per frame.

import { Outbox } from './outbox.ts';
import { createRequire } from 'node:module';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { LazyMap, LazySet } from '../collections.ts';
import { ProxyError } from '../errors.ts';
import { migrate } from './migrations.ts';
import { WebHistory } from './web-history.ts';
import { forgetCharger, loadCharger } from './local-copy.ts';
import { SharedState, redactedUrl, type SharedOptions } from './shared-state.ts';
import { WRITES } from './shared-sql.ts';

// Loaded when a database is opened, not at import: `--help`, `check` and `logs` work on runtimes
// without node:sqlite, and main.ts can say which Node is needed before anything fails.
const requireBuiltin = createRequire(import.meta.url);
const sqlite = (): typeof import('node:sqlite') => requireBuiltin('node:sqlite') as typeof import('node:sqlite');

export class StoreError extends ProxyError {
  constructor(message: string) {
    super('ERR_STORE', message);
  }
}


export interface SessionRow {
  id: number;
  charger: string;
  connector: number | null;
  evse: number | null;
  id_tag: string | null;
  owner: string;
  charger_tx: string;
  /** Each upstream's own transaction id, where it differs from the charger's (JSON object). */
  upstream_tx: Record<string, string>;
  started_at: string | null;
  stopped_at: string | null;
  meter_start: number | null;
  meter_stop: number | null;
  energy_kwh: number | null;
  stop_reason: string | null;
  /** energy × the owner's price_per_kwh, when both are known */
  revenue: number | null;
}

export interface SessionStart {
  charger: string;
  chargerTx: string;
  owner: string;
  connector: number | null;
  evse: number | null;
  idTag: string | null;
  startedAt: string | null;
  /** Wh */
  meterStart: number | null;
  /** The owner is the default owner's guess (2.0.1, no idToken yet): a later idToken decides. */
  guessed?: boolean;
}

export interface SessionStop {
  charger: string;
  chargerTx: string;
  stoppedAt: string | null;
  /** Wh */
  meterStop: number | null;
  reason: string | null;
}

export type { ChargerSeen, MeterSample } from './web-history.ts';

/** What is known of one charger's transactions, loaded when it connects. */
export interface ChargerTransactions {
  owners: Map<string, string>;
  /** Transactions whose owner is still a guess. */
  guessed: Set<string>;
  /** charger tx → upstream name → that upstream's tx id */
  upstreamIds: Map<string, Map<string, string>>;
}

export class Store {
  readonly path: string;
  /** Durable outboxes of the upstreams (store/outbox.ts). */
  readonly outbox: Outbox;
  /** PostgreSQL, when several instances share the state (`[store] url`); else null. */
  readonly shared: SharedState | null;
  /** Another instance took a charger (shared state only): close its session here. */
  onTakeover: (charger: string) => Promise<void> = async () => undefined;
  /** The web pages' meter series and chargers seen (this instance's own, never shared). */
  readonly history: WebHistory;
  private readonly db: DatabaseSync;
  private closed = false;
  private readonly statements: Record<string, StatementSync>;
  private readonly lazyStatements = new Map<string, StatementSync>();

  private constructor(path: string, db: DatabaseSync, shared: SharedState | null = null) {
    this.path = path;
    this.db = db;
    this.shared = shared;
    this.outbox = new Outbox(db, shared);
    this.history = new WebHistory(db);
    const prepare = (sql: string) => db.prepare(sql);
    this.statements = {
      owner: prepare('INSERT OR REPLACE INTO transactions (charger, charger_tx, owner, created_at, guessed) VALUES (?, ?, ?, ?, ?)'),
      upstreamTx: prepare('INSERT OR REPLACE INTO upstream_tx (charger, charger_tx, upstream, upstream_tx) VALUES (?, ?, ?, ?)'),
      owners: prepare('SELECT charger_tx, owner, guessed FROM transactions WHERE charger = ?'),
      upstreamIds: prepare('SELECT charger_tx, upstream, upstream_tx FROM upstream_tx WHERE charger = ?'),
      openSession: prepare('SELECT id FROM sessions WHERE charger = ? AND charger_tx = ? AND stopped_at IS NULL ORDER BY id DESC LIMIT 1'),
      start: prepare(
        `INSERT INTO sessions (charger, connector, evse, id_tag, owner, charger_tx, started_at, meter_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      reown: prepare('UPDATE sessions SET owner = ?, id_tag = COALESCE(?, id_tag) WHERE id = ?'),
      stop: prepare(
        `UPDATE sessions SET stopped_at = ?, meter_stop = ?, stop_reason = ?,
           energy_kwh = CASE WHEN ? IS NOT NULL AND meter_start IS NOT NULL THEN round((? - meter_start) / 1000.0, 3) END
         WHERE id = ?`,
      ),
      finished: prepare('SELECT * FROM sessions WHERE id = ?'),
      revenue: prepare('UPDATE sessions SET revenue = round(energy_kwh * ?, 4) WHERE id = ? AND energy_kwh IS NOT NULL'),
      getSetting: prepare('SELECT value FROM settings WHERE key = ?'),
      setSetting: prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)'),
      deleteSetting: prepare('DELETE FROM settings WHERE key = ?'),
      stopUnknown: prepare(
        `INSERT INTO sessions (charger, owner, charger_tx, stopped_at, meter_stop, stop_reason) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  /** Opens (creating if needed) and migrates the database; throws StoreError with what to do. */
  static open(path: string): Store {
    let db: DatabaseSync;
    try {
      db = new (sqlite().DatabaseSync)(path);
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 2000; PRAGMA foreign_keys = ON;');
    } catch (error) {
      throw new StoreError(`cannot open state database ${path}: ${(error as Error).message} (set [store] path or --state)`);
    }
    try {
      migrate(db);
    } catch (error) {
      db.close();
      throw new StoreError(`state database ${path} cannot be used: ${(error as Error).message}`);
    }
    return new Store(path, db);
  }

  /**
   * Shared state: this instance's copy of the chargers it serves in memory, every durable write
   * mirrored to PostgreSQL (store/shared-state.ts). Throws StoreError with what to do.
   */
  static async openShared(options: SharedOptions): Promise<Store> {
    const shared = await SharedState.open(options).catch((error: Error) => {
      throw new StoreError(error.message);
    });
    const db = new (sqlite().DatabaseSync)(':memory:');
    migrate(db);
    const store = new Store(redactedUrl(options.url), db, shared);
    try {
      for (const { key, value } of await shared.globalSettings()) store.statements.setSetting!.run(key, value);
    } catch (error) {
      await store.close();
      throw new StoreError(`state database ${store.path}: ${(error as Error).message}`);
    }
    shared.onTakeover = async (charger) => {
      await store.onTakeover(charger);
      store.outbox.flush();
    };
    shared.onReleased = (charger) => {
      forgetCharger(db, charger);
      store.outbox.recount();
    };
    return store;
  }

  /**
   * Shared state: takes the charger for this instance and brings its state here. Resolves with the
   * claim (its epoch; whether the state was read from the database), or null: SQLite, or the
   * database away (this instance serves with what it knows).
   */
  async claim(charger: string): Promise<{ epoch: number; loaded: boolean } | null> {
    if (this.shared === null) return null;
    const claim = await this.shared.claim(charger);
    if (claim === null) return null;
    if (claim.rows !== null) {
      loadCharger(this.db, charger, claim.rows);
      this.outbox.recount();
    }
    return { epoch: claim.epoch, loaded: claim.rows !== null };
  }

  /** Shared state: whether the claim of `epoch` still holds the charger (no other instance took it since). */
  holds(charger: string, epoch: number): boolean {
    return this.shared?.holds(charger, epoch) ?? true;
  }

  /**
   * Shared state: resolves once what was written so far is committed in PostgreSQL (false: it
   * could not be, and stays queued). Null with SQLite, whose writes are committed as they are made.
   */
  whenDurable(): Promise<boolean> | null {
    if (this.shared === null) return null;
    this.outbox.flush();
    return this.shared.durable();
  }

  loadCharger(charger: string): ChargerTransactions {
    // Most chargers have no open transaction: these stay empty (LazyMap: no table until written).
    const owners = new LazyMap<string, string>();
    const guessed = new LazySet<string>();
    for (const row of this.statements.owners!.all(charger) as Array<{ charger_tx: string; owner: string; guessed: number }>) {
      owners.set(row.charger_tx, row.owner);
      if (row.guessed === 1) guessed.add(row.charger_tx);
    }
    const upstreamIds = new LazyMap<string, Map<string, string>>();
    for (const row of this.statements.upstreamIds!.all(charger) as Array<{ charger_tx: string; upstream: string; upstream_tx: string }>) {
      let map = upstreamIds.get(row.charger_tx);
      if (map === undefined) upstreamIds.set(row.charger_tx, (map = new Map()));
      map.set(row.upstream, row.upstream_tx);
    }
    return { owners, guessed, upstreamIds };
  }

  /**
   * A transaction started (or, in 2.0.1, its owner became known): its owner and the session row,
   * in one atomic write. A CSMS may reuse a transaction id later: a finished session stays as it was.
   */
  startTransaction(start: SessionStart): void {
    const createdAt = new Date().toISOString();
    const guessed = start.guessed === true ? 1 : 0;
    this.atomically(() => {
      this.statements.owner!.run(start.charger, start.chargerTx, start.owner, createdAt, guessed);
      const open = this.statements.openSession!.get(start.charger, start.chargerTx) as { id: number } | undefined;
      if (open !== undefined) this.statements.reown!.run(start.owner, start.idTag, open.id);
      else this.statements.start!.run(start.charger, start.connector, start.evse, start.idTag, start.owner, start.chargerTx, start.startedAt, start.meterStart);
    });
    this.shared?.write(WRITES.owner, [start.charger, start.chargerTx, start.owner, createdAt, guessed]);
    this.shared?.write(WRITES.startOrReown, [start.charger, start.connector, start.evse, start.idTag, start.owner, start.chargerTx, start.startedAt, start.meterStart]);
  }

  setUpstreamTx(charger: string, chargerTx: string, upstream: string, upstreamTx: string): void {
    this.statements.upstreamTx!.run(charger, chargerTx, upstream, upstreamTx);
    this.shared?.write(WRITES.upstreamTx, [charger, chargerTx, upstream, upstreamTx]);
  }

  /** Closes the session; returns the finished row. `price` is the owner's price per kWh, if any. */
  stopTransaction(stop: SessionStop, owner: string, price: number | null = null): Omit<SessionRow, 'upstream_tx'> {
    const open = this.statements.openSession!.get(stop.charger, stop.chargerTx) as { id: number } | undefined;
    let id: number;
    if (open === undefined) {
      // A stop for a start the proxy never saw (it began before the proxy ran) is still recorded.
      id = Number(this.statements.stopUnknown!.run(stop.charger, owner, stop.chargerTx, stop.stoppedAt, stop.meterStop, stop.reason).lastInsertRowid);
    } else {
      id = open.id;
      this.statements.stop!.run(stop.stoppedAt, stop.meterStop, stop.reason, stop.meterStop, stop.meterStop, id);
    }
    if (price !== null) this.statements.revenue!.run(price, id);
    const finished = this.statements.finished!.get(id) as Omit<SessionRow, 'upstream_tx'>;
    this.shared?.write(WRITES.stop, [stop.charger, stop.chargerTx, stop.stoppedAt, stop.meterStop, stop.reason, owner, price]);
    return finished;
  }

  getSetting(key: string): string | null {
    const row = this.statements.getSetting!.get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setSetting(key: string, value: string | null): void {
    if (value === null) {
      this.statements.deleteSetting!.run(key);
      this.shared?.write(WRITES.deleteSetting, [key]);
    } else {
      this.statements.setSetting!.run(key, value);
      this.shared?.write(WRITES.setSetting, [key, value]);
    }
  }

  /** The configuration views of a charger (upstream '' holds the base values). */
  configViews(charger: string): Array<{ upstream: string; key: string; value: string }> {
    const rows = this.prepared('SELECT upstream, key, value FROM config_views WHERE charger = ?').all(charger) as Array<{ upstream: string; key: string; value: string }>;
    return rows.map((row) => ({ upstream: row.upstream, key: row.key, value: row.value }));
  }

  /** Sets (null: removes) one upstream's view of one key; written when a view changes, never per frame. */
  setConfigView(charger: string, upstream: string, key: string, value: string | null): void {
    if (value === null) {
      this.prepared('DELETE FROM config_views WHERE charger = ? AND upstream = ? AND key = ?').run(charger, upstream, key);
      this.shared?.write(WRITES.deleteView, [charger, upstream, key]);
    } else {
      this.prepared('INSERT OR REPLACE INTO config_views (charger, upstream, key, value) VALUES (?, ?, ?, ?)').run(charger, upstream, key, value);
      this.shared?.write(WRITES.setView, [charger, upstream, key, value]);
    }
  }

  /** The charger's sessions that have not ended: where (1.6 connector, 2.0.1+ EVSE) and since when. */
  runningSessions(charger: string): Array<{ charger_tx: string; place: number | null; started_at: string | null }> {
    return this.prepared('SELECT charger_tx, COALESCE(evse, connector) AS place, started_at FROM sessions WHERE charger = ? AND stopped_at IS NULL').all(charger) as Array<{
      charger_tx: string;
      place: number | null;
      started_at: string | null;
    }>;
  }

  /** Every upstream's charging profiles for a charger, as stored by setChargingProfile. */
  chargingProfiles(charger: string): Array<{ upstream: string; connector: number; purpose: string; profile_id: number; profile: string }> {
    return this.prepared('SELECT upstream, connector, purpose, profile_id, profile FROM charging_profiles WHERE charger = ?').all(charger) as Array<{
      upstream: string;
      connector: number;
      purpose: string;
      profile_id: number;
      profile: string;
    }>;
  }

  /** Keeps (profile null: forgets) one upstream's charging profile; written on Set/Clear, never per frame. */
  setChargingProfile(charger: string, upstream: string, connector: number, purpose: string, id: number, profile: string | null): void {
    if (profile === null) {
      this.prepared('DELETE FROM charging_profiles WHERE charger = ? AND upstream = ? AND connector = ? AND purpose = ? AND profile_id = ?').run(charger, upstream, connector, purpose, id);
      this.shared?.write(WRITES.deleteProfile, [charger, upstream, connector, purpose, id]);
    } else {
      this.prepared('INSERT OR REPLACE INTO charging_profiles (charger, upstream, connector, purpose, profile_id, profile) VALUES (?, ?, ?, ?, ?, ?)').run(charger, upstream, connector, purpose, id, profile);
      this.shared?.write(WRITES.setProfile, [charger, upstream, connector, purpose, id, profile]);
    }
  }

  /** Null when the database takes a write now, else why not (disk full, read-only, locked). */
  writeProblem(): string | null {
    if (this.shared !== null) return this.shared.problem;
    try {
      this.statements.setSetting!.run('healthz', new Date().toISOString());
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }

  sessions(filter: { since?: string; charger?: string } = {}): SessionRow[] {
    const where: string[] = [];
    const args: string[] = [];
    if (filter.since !== undefined) {
      where.push('COALESCE(started_at, stopped_at) >= ?');
      args.push(filter.since);
    }
    if (filter.charger !== undefined) {
      where.push('s.charger = ?');
      args.push(filter.charger);
    }
    const rows = this.db
      .prepare(
        `SELECT s.*, (SELECT json_group_object(upstream, upstream_tx) FROM upstream_tx u
                       WHERE u.charger = s.charger AND u.charger_tx = s.charger_tx) AS upstream_tx
         FROM sessions s ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.id`,
      )
      .all(...args) as Array<Omit<SessionRow, 'upstream_tx'> & { upstream_tx: string | null }>;
    return rows.map((row) => ({ ...row, upstream_tx: row.upstream_tx === null ? {} : (JSON.parse(row.upstream_tx) as Record<string, string>) }));
  }

  /** The sessions of `sessions()`; with shared state every instance's, read from PostgreSQL. */
  async listSessions(filter: { since?: string; charger?: string } = {}): Promise<SessionRow[]> {
    return this.shared === null ? this.sessions(filter) : this.shared.sessions<SessionRow>(filter);
  }

  /** The session of `session()`; with shared state by its PostgreSQL id (the ids `listSessions` gives). */
  async findSession(id: number): Promise<SessionRow | null> {
    return this.shared === null ? this.session(id) : ((await this.shared.sessions<SessionRow>({ id }))[0] ?? null);
  }

  /** One session by its row id (the sessions page's charts), or null. */
  session(id: number): SessionRow | null {
    const row = this.prepared(
      `SELECT s.*, (SELECT json_group_object(upstream, upstream_tx) FROM upstream_tx u
                     WHERE u.charger = s.charger AND u.charger_tx = s.charger_tx) AS upstream_tx
       FROM sessions s WHERE s.id = ?`,
    ).get(id) as (Omit<SessionRow, 'upstream_tx'> & { upstream_tx: string | null }) | undefined;
    if (row === undefined) return null;
    return { ...row, upstream_tx: row.upstream_tx === null ? {} : (JSON.parse(row.upstream_tx) as Record<string, string>) };
  }

  /** Writes what is queued; with shared state, commits it (bounded) and gives up this instance's chargers. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.outbox.flush();
    if (this.shared === null) {
      this.db.close();
      return Promise.resolve();
    }
    return this.shared.close().then(() => this.db.close());
  }

  /** Statements of the methods above, prepared once on first use. */
  private prepared(sql: string): StatementSync {
    let statement = this.lazyStatements.get(sql);
    if (statement === undefined) this.lazyStatements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  private atomically(work: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}
