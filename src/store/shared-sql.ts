// The statements of the shared store (PostgreSQL): the durable writes store.ts mirrors there, and
// the reads that bring one charger's state into an instance's local copy when it claims the
// charger. Rows are found by what identifies them everywhere (charger, transaction, upstream),
// never by a local row id.

/** One charger's durable state, as read when an instance claims it. */
export interface ChargerRows {
  transactions: Array<{ charger_tx: string; owner: string; created_at: string; guessed: number }>;
  upstream_tx: Array<{ charger_tx: string; upstream: string; upstream_tx: string }>;
  /** Sessions not ended yet (the ended ones stay in PostgreSQL for `ocpp-proxy sessions`). */
  sessions: Array<{ connector: number | null; evse: number | null; id_tag: string | null; owner: string; charger_tx: string; started_at: string | null; meter_start: number | null }>;
  config_views: Array<{ upstream: string; key: string; value: string }>;
  charging_profiles: Array<{ upstream: string; connector: number; purpose: string; profile_id: number; profile: string }>;
  outbox: Array<{ upstream: string; seq: number; call_id: string; action: string; text: string; at: number; charger_tx: string | null }>;
  settings: Array<{ key: string; value: string }>;
}

export const CHARGER_ROWS: { readonly [name in keyof ChargerRows]: string } = {
  transactions: 'SELECT charger_tx, owner, created_at, guessed FROM transactions WHERE charger = $1',
  upstream_tx: 'SELECT charger_tx, upstream, upstream_tx FROM upstream_tx WHERE charger = $1',
  sessions: 'SELECT connector, evse, id_tag, owner, charger_tx, started_at, meter_start FROM sessions WHERE charger = $1 AND stopped_at IS NULL ORDER BY id',
  config_views: 'SELECT upstream, key, value FROM config_views WHERE charger = $1',
  charging_profiles: 'SELECT upstream, connector, purpose, profile_id, profile FROM charging_profiles WHERE charger = $1',
  outbox: 'SELECT upstream, seq, call_id, action, text, at, charger_tx FROM outbox WHERE charger = $1 ORDER BY upstream, seq',
  settings: `SELECT key, value FROM settings WHERE key = 'charger_memory ' || $1 OR starts_with(key, 'translation ' || $1 || ' ')`,
};

/** One charger's rows of every table in one round trip, each table as a JSON array. */
export const CHARGER_ROWS_QUERY = `SELECT ${Object.entries(CHARGER_ROWS)
  .map(([name, sql]) => `(SELECT COALESCE(json_agg(r), '[]'::json) FROM (${sql}) r) AS ${name}`)
  .join(', ')}`;

/** The settings that belong to no charger (override, homeowner cap), read at start. */
export const GLOBAL_SETTINGS = `SELECT key, value FROM settings WHERE key NOT LIKE 'charger\\_memory %' AND key NOT LIKE 'translation %' AND key <> 'healthz'`;

const NOW_MS = `(extract(epoch FROM clock_timestamp()) * 1000)::bigint`;
/** Some connection holds the advisory lock on the name `name` (an SQL expression): that instance lives. */
const NAME_LOCKED = (name: string) => `EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $LOCK::bigint::oid
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND objid = (hashtext(${name})::bigint & 4294967295)::oid AND objsubid = 2)`;
const REGISTER = `INSERT INTO instances (name, heartbeat, started, host, pid) VALUES ($1, ${NOW_MS}, ${NOW_MS}, $2, $3)
  ON CONFLICT (name) DO UPDATE SET heartbeat = excluded.heartbeat`;

/** Instances and who serves each charger (store/shared-state.ts). */
export const OWNERSHIP = {
  /** The lock on this instance's name ($2), held by its listening connection for as long as it lives. */
  lock: 'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
  /** At start: the lease, with where it runs. */
  register: `${REGISTER}, started = excluded.started, host = excluded.host, pid = excluded.pid RETURNING (xmax = 0) AS inserted`,
  /** Each heartbeat; `inserted`: the lease was gone (taken for dead meanwhile). */
  renew: `${REGISTER} RETURNING (xmax = 0) AS inserted`,
  /** Dead: lease run out ($2 ms) and no connection holds the name; its chargers are freed, their rows (and epochs) stay. */
  sweepDead: `WITH gone AS (DELETE FROM instances i WHERE name <> $1 AND heartbeat < ${NOW_MS} - $2 AND NOT ${NAME_LOCKED('i.name').replace('$LOCK', '$3')} RETURNING name)
    UPDATE charger_owner SET instance = '' WHERE instance IN (SELECT name FROM gone)`,
  claim: `INSERT INTO charger_owner (charger, instance, epoch, since) VALUES ($1, $2, 1, ${NOW_MS})
    ON CONFLICT (charger) DO UPDATE SET instance = excluded.instance, epoch = charger_owner.epoch + 1, since = excluded.since RETURNING epoch`,
  /** Alive: its connection (and with it the lock on its name) is there, and its lease ($3 ms) is fresh. */
  alive: `SELECT ${NAME_LOCKED('$2').replace('$LOCK', '$1')} AND EXISTS (SELECT 1 FROM instances WHERE name = $2 AND heartbeat >= ${NOW_MS} - $3) AS alive`,
} as const;

const OPEN_SESSION = 'SELECT max(id) FROM sessions WHERE charger = $1 AND charger_tx = $2 AND stopped_at IS NULL';
/** kWh from the row's meter start to $4 (Wh), as SQLite computes it. */
const ENERGY = 'CASE WHEN $4::double precision IS NOT NULL AND meter_start IS NOT NULL THEN round((($4::double precision - meter_start) / 1000.0)::numeric, 3)::double precision END';

/** The mirrored writes, by the store method that makes them. */
export const WRITES = {
  owner: `INSERT INTO transactions (charger, charger_tx, owner, created_at, guessed) VALUES ($1, $2, $3, $4, $5)
          ON CONFLICT (charger, charger_tx) DO UPDATE SET owner = excluded.owner, created_at = excluded.created_at, guessed = excluded.guessed`,
  /**
   * The session of a transaction start: its open row gets the (new) owner, else a row is made,
   * unless that very start is there already (a batch of start and stop sent twice). Decided here,
   * not by what the local copy holds.
   */
  startOrReown: `WITH reowned AS (UPDATE sessions SET owner = $5, id_tag = COALESCE($4, id_tag) WHERE id = (${OPEN_SESSION.replace('$2', '$6')}) RETURNING id)
    INSERT INTO sessions (charger, connector, evse, id_tag, owner, charger_tx, started_at, meter_start)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE NOT EXISTS (SELECT 1 FROM reowned)
      AND ($7::text IS NULL OR NOT EXISTS (SELECT 1 FROM sessions WHERE charger = $1 AND charger_tx = $6 AND started_at = $7::text))`,
  upstreamTx: `INSERT INTO upstream_tx (charger, charger_tx, upstream, upstream_tx) VALUES ($1, $2, $3, $4)
               ON CONFLICT (charger, charger_tx, upstream) DO UPDATE SET upstream_tx = excluded.upstream_tx`,
  /**
   * A transaction stop: its open row ends (energy from its own meter start, revenue at price $7),
   * else (a start never seen) a row of the stop alone is made, once: the same stop sent again
   * (a resent StopTransaction, a batch retried) finds it and adds nothing.
   */
  stop: `WITH ended AS (
      UPDATE sessions SET stopped_at = $3, meter_stop = $4, stop_reason = $5,
        energy_kwh = ${ENERGY},
        revenue = round((${ENERGY} * $7::double precision)::numeric, 4)::double precision
      WHERE id = (${OPEN_SESSION}) RETURNING id)
    INSERT INTO sessions (charger, owner, charger_tx, stopped_at, meter_stop, stop_reason)
    SELECT $1, $6, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM ended) AND NOT EXISTS (
      SELECT 1 FROM sessions WHERE charger = $1 AND charger_tx = $2 AND stopped_at IS NOT DISTINCT FROM $3::text AND meter_stop IS NOT DISTINCT FROM $4::double precision)`,
  setSetting: 'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  deleteSetting: 'DELETE FROM settings WHERE key = $1',
  setView: `INSERT INTO config_views (charger, upstream, key, value) VALUES ($1, $2, $3, $4)
            ON CONFLICT (charger, upstream, key) DO UPDATE SET value = excluded.value`,
  deleteView: 'DELETE FROM config_views WHERE charger = $1 AND upstream = $2 AND key = $3',
  setProfile: `INSERT INTO charging_profiles (charger, upstream, connector, purpose, profile_id, profile) VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (charger, upstream, connector, purpose, profile_id) DO UPDATE SET profile = excluded.profile`,
  deleteProfile: 'DELETE FROM charging_profiles WHERE charger = $1 AND upstream = $2 AND connector = $3 AND purpose = $4 AND profile_id = $5',
  outboxPut: `INSERT INTO outbox (charger, upstream, seq, call_id, action, text, at, charger_tx) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
              ON CONFLICT (charger, upstream, seq) DO UPDATE SET call_id = excluded.call_id, action = excluded.action, text = excluded.text, at = excluded.at, charger_tx = excluded.charger_tx`,
  outboxTx: 'UPDATE outbox SET charger_tx = $1 WHERE charger = $2 AND upstream = $3 AND seq = $4',
  outboxDone: 'DELETE FROM outbox WHERE charger = $1 AND upstream = $2 AND seq = $3',
  outboxPrune: 'DELETE FROM outbox WHERE upstream = $1 AND at < $2',
} as const;

/** Ended sessions, for `ocpp-proxy sessions` against the shared store (same filters as Store.sessions). */
export function sessionsQuery(filter: { since?: string; charger?: string; id?: number }): { sql: string; params: Array<string | number> } {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (filter.id !== undefined) {
    params.push(filter.id);
    where.push(`s.id = $${params.length}`);
  }
  if (filter.since !== undefined) {
    params.push(filter.since);
    where.push(`COALESCE(started_at, stopped_at) >= $${params.length}`);
  }
  if (filter.charger !== undefined) {
    params.push(filter.charger);
    where.push(`s.charger = $${params.length}`);
  }
  const sql = `SELECT s.*, (SELECT json_object_agg(upstream, upstream_tx) FROM upstream_tx u
                            WHERE u.charger = s.charger AND u.charger_tx = s.charger_tx) AS upstream_tx
               FROM sessions s ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.id`;
  return { sql, params };
}
