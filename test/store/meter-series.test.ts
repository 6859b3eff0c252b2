// The state store's meter series per session and the chargers seen (schema version 3): written in
// batches, merged per instant, thinned to a bound, pruned by age; and one session by its id.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Store, type MeterSample } from '../../src/store/store.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'ocpp-proxy-test-'));

const sample = (at: number, fields: Partial<MeterSample> = {}): MeterSample => ({
  charger: 'CP1',
  chargerTx: '7',
  at,
  powerW: null,
  energyWh: null,
  currentL1: null,
  currentL2: null,
  currentL3: null,
  ...fields,
});

test('schema version 3 adds the series and the chargers seen to a version 2 file, keeping what it holds', () => {
  const path = join(tempDir(), 's.db');
  const old = new DatabaseSync(path);
  // A file as version 2 left it: the first two migrations only.
  old.exec(`CREATE TABLE transactions (charger TEXT NOT NULL, charger_tx TEXT NOT NULL, owner TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (charger, charger_tx));
    CREATE TABLE upstream_tx (charger TEXT NOT NULL, charger_tx TEXT NOT NULL, upstream TEXT NOT NULL, upstream_tx TEXT NOT NULL, PRIMARY KEY (charger, charger_tx, upstream));
    CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, charger TEXT NOT NULL, connector INTEGER, evse INTEGER, id_tag TEXT, owner TEXT NOT NULL, charger_tx TEXT NOT NULL,
      started_at TEXT, stopped_at TEXT, meter_start REAL, meter_stop REAL, energy_kwh REAL, stop_reason TEXT);
    ALTER TABLE sessions ADD COLUMN revenue REAL;
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO sessions (charger, owner, charger_tx, started_at) VALUES ('OLD', 'primary', '1', '2026-01-01T00:00:00.000Z');
    PRAGMA user_version = 2;`);
  old.close();
  const store = Store.open(path);
  assert.deepEqual(store.sessions().map((s) => s.charger), ['OLD']);
  store.history.addMeterSamples([sample(1000, { energyWh: 5 })]);
  assert.equal(store.history.meterSamples('CP1', '7').length, 1);
  store.close();
  const db = new DatabaseSync(path);
  assert.ok((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version >= 3);
  db.close();
});

test('samples of the same instant merge; a series reads back in time order, within a window', () => {
  const store = Store.open(join(tempDir(), 's.db'));
  store.history.addMeterSamples([sample(3000, { powerW: 7000 }), sample(1000, { powerW: 11000, energyWh: 100 }), sample(2000, { powerW: 9000 })]);
  store.history.addMeterSamples([sample(1000, { currentL1: 16, energyWh: null }), sample(1000, { charger: 'CP2', powerW: 1 })]);
  const series = store.history.meterSamples('CP1', '7');
  assert.deepEqual(series.map((s) => [s.at, s.powerW, s.energyWh, s.currentL1]), [[1000, 11000, 100, 16], [2000, 9000, null, null], [3000, 7000, null, null]]);
  assert.deepEqual(store.history.meterSamples('CP1', '7', 1500, 2500).map((s) => s.at), [2000]);
  assert.deepEqual(store.history.meterSamples('CP2', '7').map((s) => s.powerW), [1]);
  assert.deepEqual(store.history.meterSamples('CP1', 'other'), []);
  store.close();
});

test('thinning keeps a long session within the bound, its first and last point and its shape', () => {
  const store = Store.open(join(tempDir(), 's.db'));
  store.history.addMeterSamples(Array.from({ length: 2500 }, (_, i) => sample(i * 1000, { energyWh: i })));
  const removed = store.history.thinMeterSamples('CP1', '7', 1000);
  const series = store.history.meterSamples('CP1', '7');
  assert.ok(series.length <= 1000 && series.length >= 500, `${series.length} points`);
  assert.equal(removed + series.length, 2500);
  assert.equal(series[0]!.at, 0);
  assert.equal(series.at(-1)!.at, 2_499_000, 'the last point stays');
  const steps = series.slice(1).map((s, i) => s.at - series[i]!.at);
  assert.ok(Math.max(...steps) <= 4 * Math.min(...steps), 'evenly thinned, no hole');
  assert.equal(store.history.thinMeterSamples('CP1', '7', 1000), 0, 'within the bound: nothing goes');
  store.close();
});

test('pruning drops what is older than a cut-off', () => {
  const store = Store.open(join(tempDir(), 's.db'));
  store.history.addMeterSamples([sample(1000), sample(2000), sample(3000, { chargerTx: '8' })]);
  assert.equal(store.history.pruneMeterSamples(2500), 2);
  assert.deepEqual(store.history.meterSamples('CP1', '8').map((s) => s.at), [3000]);
  store.close();
});

test('chargers seen: first_seen kept, later fields win, unknown ones keep what was known, the latest are kept', () => {
  const store = Store.open(join(tempDir(), 's.db'));
  store.history.saveChargersSeen([{ charger: 'A', first_seen: '2026-01-01T00:00:00.000Z', last_seen: '2026-01-01T00:00:00.000Z', protocol: 'ocpp1.6', vendor: 'V', model: 'M', firmware: '1' }]);
  store.history.saveChargersSeen([{ charger: 'A', first_seen: '2026-02-01T00:00:00.000Z', last_seen: '2026-02-01T00:00:00.000Z', protocol: null, vendor: null, model: 'M2', firmware: null }]);
  assert.deepEqual(store.history.chargersSeen(), [{ charger: 'A', first_seen: '2026-01-01T00:00:00.000Z', last_seen: '2026-02-01T00:00:00.000Z', protocol: 'ocpp1.6', vendor: 'V', model: 'M2', firmware: '1' }]);
  store.history.saveChargersSeen([{ charger: 'A', first_seen: 'x', last_seen: '2025-01-01T00:00:00.000Z', protocol: null, vendor: null, model: null, firmware: null }]);
  assert.equal(store.history.chargersSeen()[0]!.last_seen, '2026-02-01T00:00:00.000Z', 'last_seen never goes back');
  const many = Array.from({ length: 30 }, (_, i) => ({ charger: `C${i}`, first_seen: 'x', last_seen: `2026-03-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`, protocol: null, vendor: null, model: null, firmware: null }));
  store.history.saveChargersSeen(many, 10);
  const kept = store.history.chargersSeen().map((c) => c.charger);
  assert.equal(kept.length, 10);
  assert.equal(kept[0], 'C29', 'most recently seen first');
  assert.ok(!kept.includes('A'), 'the ones seen longest ago went');
  store.close();
});

test('a session by its row id, with its upstream ids; null for an unknown id', () => {
  const store = Store.open(join(tempDir(), 's.db'));
  store.startTransaction({ charger: 'CP1', chargerTx: '7', owner: 'primary', connector: 1, evse: null, idTag: 'T', startedAt: '2026-11-01T10:00:00.000Z', meterStart: 1000 });
  store.setUpstreamTx('CP1', '7', 'evcc', '55');
  const [row] = store.sessions();
  assert.deepEqual(store.session(row!.id), row);
  assert.deepEqual(store.session(row!.id)!.upstream_tx, { evcc: '55' });
  assert.equal(store.session(9999), null);
  store.close();
});
