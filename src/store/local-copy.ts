// With shared state (PostgreSQL), each instance keeps the chargers it serves in an in-memory
// SQLite: the same schema and the same statements as the embedded store. These put a claimed
// charger's rows there, and take them out again when another instance takes the charger.

import type { DatabaseSync } from 'node:sqlite';
import type { ChargerRows } from './shared-sql.ts';

/** The charger's rows that are shared (its ended sessions stay: they are this instance's history). */
export function forgetCharger(db: DatabaseSync, charger: string): void {
  db.exec('BEGIN');
  try {
    for (const table of ['transactions', 'upstream_tx', 'config_views', 'charging_profiles', 'outbox']) {
      db.prepare(`DELETE FROM ${table} WHERE charger = ?`).run(charger);
    }
    db.prepare('DELETE FROM sessions WHERE charger = ? AND stopped_at IS NULL').run(charger);
    db.prepare(`DELETE FROM settings WHERE key = ? OR substr(key, 1, ?) = ?`).run(`charger_memory ${charger}`, `translation ${charger} `.length, `translation ${charger} `);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** Replaces what the local copy holds of a charger with the shared rows. */
export function loadCharger(db: DatabaseSync, charger: string, rows: ChargerRows): void {
  forgetCharger(db, charger);
  db.exec('BEGIN');
  try {
    const insert = (sql: string, values: ReadonlyArray<string | number | null>) => db.prepare(sql).run(...values);
    for (const r of rows.transactions) insert('INSERT INTO transactions (charger, charger_tx, owner, created_at, guessed) VALUES (?, ?, ?, ?, ?)', [charger, r.charger_tx, r.owner, r.created_at, r.guessed]);
    for (const r of rows.upstream_tx) insert('INSERT INTO upstream_tx (charger, charger_tx, upstream, upstream_tx) VALUES (?, ?, ?, ?)', [charger, r.charger_tx, r.upstream, r.upstream_tx]);
    for (const r of rows.sessions) {
      insert('INSERT INTO sessions (charger, connector, evse, id_tag, owner, charger_tx, started_at, meter_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        charger,
        r.connector,
        r.evse,
        r.id_tag,
        r.owner,
        r.charger_tx,
        r.started_at,
        r.meter_start,
      ]);
    }
    for (const r of rows.config_views) insert('INSERT INTO config_views (charger, upstream, key, value) VALUES (?, ?, ?, ?)', [charger, r.upstream, r.key, r.value]);
    for (const r of rows.charging_profiles) {
      insert('INSERT INTO charging_profiles (charger, upstream, connector, purpose, profile_id, profile) VALUES (?, ?, ?, ?, ?, ?)', [charger, r.upstream, r.connector, r.purpose, r.profile_id, r.profile]);
    }
    for (const r of rows.outbox) {
      insert('INSERT INTO outbox (charger, upstream, seq, call_id, action, text, at, charger_tx) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [charger, r.upstream, r.seq, r.call_id, r.action, r.text, r.at, r.charger_tx]);
    }
    for (const r of rows.settings) insert('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)', [r.key, r.value]);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
