// The web pages' own history in the state database: a compact meter series per session (written
// in batches a few seconds apart, thinned past a bound) and every charger seen, so that it is
// listed while offline. Local to an instance: with shared state it is not mirrored.

import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** One point of a session's meter series: ms since the epoch; W, Wh, A (null: not measured then). */
export interface MeterSample {
  charger: string;
  chargerTx: string;
  at: number;
  powerW: number | null;
  energyWh: number | null;
  currentL1: number | null;
  currentL2: number | null;
  currentL3: number | null;
}

/** A charger the proxy has served, for the pages' list of chargers (online or not). */
export interface ChargerSeen {
  charger: string;
  first_seen: string;
  last_seen: string;
  protocol: string | null;
  vendor: string | null;
  model: string | null;
  firmware: string | null;
}

export class WebHistory {
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  /**
   * Meter samples in one write (the web server batches them a few seconds apart, never per
   * frame). Samples of the same instant merge: a measurand a later one lacks is kept.
   */
  addMeterSamples(samples: readonly MeterSample[]): void {
    if (samples.length === 0) return;
    const upsert = this.prepared(
      `INSERT INTO meter_samples (charger, charger_tx, at, power_w, energy_wh, current_l1, current_l2, current_l3) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (charger, charger_tx, at) DO UPDATE SET
         power_w = COALESCE(excluded.power_w, power_w), energy_wh = COALESCE(excluded.energy_wh, energy_wh),
         current_l1 = COALESCE(excluded.current_l1, current_l1), current_l2 = COALESCE(excluded.current_l2, current_l2),
         current_l3 = COALESCE(excluded.current_l3, current_l3)`,
    );
    atomically(this.db, () => {
      for (const s of samples) upsert.run(s.charger, s.chargerTx, s.at, s.powerW, s.energyWh, s.currentL1, s.currentL2, s.currentL3);
    });
  }

  /** A session's series, oldest first, optionally within [from, to] (ms since the epoch). */
  meterSamples(charger: string, chargerTx: string, from = 0, to = Number.MAX_SAFE_INTEGER): MeterSample[] {
    const rows = this.prepared(
      `SELECT at, power_w, energy_wh, current_l1, current_l2, current_l3 FROM meter_samples
       WHERE charger = ? AND charger_tx = ? AND at BETWEEN ? AND ? ORDER BY at`,
    ).all(charger, chargerTx, from, to) as Array<{ at: number; power_w: number | null; energy_wh: number | null; current_l1: number | null; current_l2: number | null; current_l3: number | null }>;
    return rows.map((r) => ({
      charger,
      chargerTx,
      at: r.at,
      powerW: r.power_w,
      energyWh: r.energy_wh,
      currentL1: r.current_l1,
      currentL2: r.current_l2,
      currentL3: r.current_l3,
    }));
  }

  /**
   * Keeps a session's series at most `maxPoints` long: every second point goes (the first and the
   * last stay) until it fits, so a long session keeps its whole shape at a coarser step.
   */
  thinMeterSamples(charger: string, chargerTx: string, maxPoints: number): number {
    const count = this.prepared('SELECT count(*) AS n FROM meter_samples WHERE charger = ? AND charger_tx = ?');
    const halve = this.prepared(
      `DELETE FROM meter_samples WHERE charger = ? AND charger_tx = ? AND at IN (
         SELECT at FROM (SELECT at, row_number() OVER (ORDER BY at) AS n, count(*) OVER () AS total
                         FROM meter_samples WHERE charger = ? AND charger_tx = ?)
         WHERE n % 2 = 0 AND n < total)`,
    );
    let removed = 0;
    while ((count.get(charger, chargerTx) as { n: number }).n > Math.max(2, maxPoints)) {
      removed += Number(halve.run(charger, chargerTx, charger, chargerTx).changes);
    }
    return removed;
  }

  /** Drops the samples older than `before` (ms since the epoch); returns how many. */
  pruneMeterSamples(before: number): number {
    return Number(this.prepared('DELETE FROM meter_samples WHERE at < ?').run(before).changes);
  }

  /** Records chargers as seen (first_seen is kept; a null field keeps what was known), then keeps the latest `keep`. */
  saveChargersSeen(rows: readonly ChargerSeen[], keep = 1000): void {
    if (rows.length === 0) return;
    const upsert = this.prepared(
      `INSERT INTO chargers_seen (charger, first_seen, last_seen, protocol, vendor, model, firmware) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (charger) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen),
         protocol = COALESCE(excluded.protocol, protocol), vendor = COALESCE(excluded.vendor, vendor),
         model = COALESCE(excluded.model, model), firmware = COALESCE(excluded.firmware, firmware)`,
    );
    const trim = this.prepared('DELETE FROM chargers_seen WHERE charger NOT IN (SELECT charger FROM chargers_seen ORDER BY last_seen DESC LIMIT ?)');
    atomically(this.db, () => {
      for (const r of rows) upsert.run(r.charger, r.first_seen, r.last_seen, r.protocol, r.vendor, r.model, r.firmware);
      trim.run(keep);
    });
  }

  /** The chargers seen, most recently seen first. */
  chargersSeen(limit = 1000): ChargerSeen[] {
    const rows = this.prepared('SELECT * FROM chargers_seen ORDER BY last_seen DESC LIMIT ?').all(limit) as unknown as ChargerSeen[];
    return rows.map((row) => ({ ...row }));
  }

  private prepared(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (statement === undefined) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}

function atomically(db: DatabaseSync, work: () => void): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    work();
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
