// The state database's schema, as versioned migrations run in order at open (PRAGMA user_version).

import type { DatabaseSync } from 'node:sqlite';

/** Versioned migrations: index + 1 is the schema version after it ran. Never edit a shipped one. */
export const MIGRATIONS: string[] = [
  `CREATE TABLE transactions (
     charger TEXT NOT NULL,
     charger_tx TEXT NOT NULL,
     owner TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (charger, charger_tx)
   );
   CREATE TABLE upstream_tx (
     charger TEXT NOT NULL,
     charger_tx TEXT NOT NULL,
     upstream TEXT NOT NULL,
     upstream_tx TEXT NOT NULL,
     PRIMARY KEY (charger, charger_tx, upstream)
   );
   CREATE TABLE sessions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     charger TEXT NOT NULL,
     connector INTEGER,
     evse INTEGER,
     id_tag TEXT,
     owner TEXT NOT NULL,
     charger_tx TEXT NOT NULL,
     started_at TEXT,
     stopped_at TEXT,
     meter_start REAL,
     meter_stop REAL,
     energy_kwh REAL,
     stop_reason TEXT
   );
   CREATE INDEX sessions_tx ON sessions (charger, charger_tx);
   CREATE INDEX sessions_started ON sessions (started_at);`,
  `ALTER TABLE sessions ADD COLUMN revenue REAL;
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // The web pages' charts and overview: a compact meter series per session (written in batches a
  // few seconds apart, thinned past a bound) and every charger seen, so it is listed while offline.
  `CREATE TABLE meter_samples (
     charger TEXT NOT NULL,
     charger_tx TEXT NOT NULL,
     at INTEGER NOT NULL,
     power_w REAL,
     energy_wh REAL,
     current_l1 REAL,
     current_l2 REAL,
     current_l3 REAL,
     PRIMARY KEY (charger, charger_tx, at)
   ) WITHOUT ROWID;
   CREATE INDEX meter_samples_at ON meter_samples (at);
   CREATE TABLE chargers_seen (
     charger TEXT PRIMARY KEY,
     first_seen TEXT NOT NULL,
     last_seen TEXT NOT NULL,
     protocol TEXT,
     vendor TEXT,
     model TEXT,
     firmware TEXT
   );`,
  // 2.0.1: an owner guessed before any idToken was seen stays a guess across reconnects.
  `ALTER TABLE transactions ADD COLUMN guessed INTEGER NOT NULL DEFAULT 0;`,
  // [configuration] views: each upstream's own value of the shared keys (upstream '' = the base).
  `CREATE TABLE config_views (
     charger TEXT NOT NULL,
     upstream TEXT NOT NULL,
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (charger, upstream, key)
   ) WITHOUT ROWID;`,
  // [charging] merge: each upstream's charging profiles under its own ids (the profile as sent, JSON).
  `CREATE TABLE charging_profiles (
     charger TEXT NOT NULL,
     upstream TEXT NOT NULL,
     connector INTEGER NOT NULL,
     purpose TEXT NOT NULL,
     profile_id INTEGER NOT NULL,
     profile TEXT NOT NULL,
     PRIMARY KEY (charger, upstream, connector, purpose, profile_id)
   ) WITHOUT ROWID;`,
  // Durable delivery: each upstream's transaction Calls until it answered them (store/outbox.ts).
  `CREATE TABLE outbox (
     seq INTEGER PRIMARY KEY,
     charger TEXT NOT NULL,
     upstream TEXT NOT NULL,
     call_id TEXT NOT NULL,
     action TEXT NOT NULL,
     text TEXT NOT NULL,
     at INTEGER NOT NULL,
     charger_tx TEXT
   );
   CREATE INDEX outbox_link ON outbox (charger, upstream, seq);
   CREATE INDEX outbox_at ON outbox (at);`,
  // The outbox keyed by what reads it (charger, upstream, seq), without a rowid; (upstream, at) finds
  // each upstream's oldest entry and what outbox_days drops without a scan.
  `CREATE TABLE outbox_keyed (
     charger TEXT NOT NULL,
     upstream TEXT NOT NULL,
     seq INTEGER NOT NULL,
     call_id TEXT NOT NULL,
     action TEXT NOT NULL,
     text TEXT NOT NULL,
     at INTEGER NOT NULL,
     charger_tx TEXT,
     PRIMARY KEY (charger, upstream, seq)
   ) WITHOUT ROWID;
   INSERT INTO outbox_keyed SELECT charger, upstream, seq, call_id, action, text, at, charger_tx FROM outbox;
   DROP TABLE outbox;
   ALTER TABLE outbox_keyed RENAME TO outbox;
   CREATE INDEX outbox_age ON outbox (upstream, at);`,
  // Several instances on one PostgreSQL (store/shared-state.ts): each instance's lease, and which
  // instance serves each charger (epoch: the number of that charger's claims). Unused by SQLite.
  `CREATE TABLE instances (
     name TEXT PRIMARY KEY,
     heartbeat INTEGER NOT NULL,
     started INTEGER NOT NULL,
     host TEXT NOT NULL,
     pid INTEGER NOT NULL
   );
   CREATE TABLE charger_owner (
     charger TEXT PRIMARY KEY,
     instance TEXT NOT NULL,
     epoch INTEGER NOT NULL,
     since INTEGER NOT NULL
   );`,
];

/**
 * The same migration in PostgreSQL's dialect: whole numbers are 64-bit (milliseconds since the
 * epoch do not fit 32), REAL is double precision, the row id a sequence, and WITHOUT ROWID means
 * nothing there. Every migration is written so that this is all that differs.
 */
export function forPostgres(sql: string): string {
  return sql
    .replace(/INTEGER PRIMARY KEY AUTOINCREMENT/g, 'BIGSERIAL PRIMARY KEY')
    .replace(/\) WITHOUT ROWID/g, ')')
    .replace(/\bREAL\b/g, 'DOUBLE PRECISION')
    .replace(/\bINTEGER\b/g, 'BIGINT');
}

/** Brings `db` to the newest schema, one migration per transaction; refuses a newer one. */
export function migrate(db: DatabaseSync): void {
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  if (version > MIGRATIONS.length) throw new Error(`its schema version ${version} is newer than this ocpp-proxy knows (${MIGRATIONS.length}); upgrade ocpp-proxy`);
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[next]!);
      db.exec(`PRAGMA user_version = ${next + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
