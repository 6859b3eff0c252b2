// One store interface, two engines: the same scenarios run against SQLite (`[store] path`) and
// PostgreSQL (`[store] url`, a server of the test's own). "Reopen" is a restart for SQLite and,
// for PostgreSQL, another instance claiming the chargers after the first one stopped: what
// comes back must be the same, so everything durable goes through the shared database.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Store } from '../../src/store/store.ts';
import { cleanupAfter, tempDir } from '../helpers/peers.ts';
import { freshDatabase, postgresForFile } from '../helpers/postgres.ts';

const cleanups = cleanupAfter();
const db = postgresForFile(cleanups);

interface Engine {
  open(chargers: string[]): Promise<Store>;
  /** The store as the next process (SQLite) or the next instance (PostgreSQL) sees it. */
  reopen(old: Store, chargers: string[]): Promise<Store>;
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

const ENGINES: Record<string, () => Promise<Engine>> = {
  sqlite: async () => {
    const path = join(tempDir(), 'state.db');
    return {
      open: async () => Store.open(path),
      reopen: async (old) => {
        await old.close();
        return Store.open(path);
      },
    };
  },
  postgres: async () => {
    const url = await freshDatabase(db.server);
    let n = 0;
    const open = async (chargers: string[]) => {
      const store = await Store.openShared({ url, instance: `i${++n}`, wait: false, lease: 30, log: quiet });
      cleanups.push(() => store.close());
      for (const charger of chargers) await store.claim(charger);
      return store;
    };
    return {
      open,
      reopen: async (old, chargers) => {
        assert.equal(await old.whenDurable(), true);
        await old.close();
        return open(chargers);
      },
    };
  },
};

function scenario(name: string, chargers: string[], body: (store: Store, reopen: (store: Store) => Promise<Store>) => Promise<Store | void>) {
  for (const [engine, make] of Object.entries(ENGINES)) {
    test(`${engine}: ${name}`, { skip: engine === 'postgres' ? db.skip : false }, async () => {
      const made = await make();
      const store = await made.open(chargers);
      const last = await body(store, (s) => made.reopen(s, chargers));
      await (last ?? store).close();
    });
  }
}

scenario('transaction owners, guesses and upstream ids come back', ['CP1'], async (store, reopen) => {
  store.startTransaction({ charger: 'CP1', chargerTx: '1', owner: 'primary', connector: 1, evse: null, idTag: 'A', startedAt: '2026-12-01T10:00:00.000Z', meterStart: 0 });
  store.startTransaction({ charger: 'CP1', chargerTx: 'T2', owner: 'fleet', connector: null, evse: 2, idTag: null, startedAt: '2026-12-01T10:05:00.000Z', meterStart: 5, guessed: true });
  store.setUpstreamTx('CP1', '1', 'home', '900');
  store.setUpstreamTx('CP1', '1', 'ere', '31');
  const again = await reopen(store);
  const loaded = again.loadCharger('CP1');
  assert.deepEqual([...loaded.owners].sort(), [['1', 'primary'], ['T2', 'fleet']]);
  assert.deepEqual([...loaded.guessed], ['T2']);
  assert.deepEqual([...loaded.upstreamIds.get('1')!].sort(), [['ere', '31'], ['home', '900']]);
  assert.deepEqual(again.runningSessions('CP1').map((s) => [s.charger_tx, s.place]).sort(), [['1', 1], ['T2', 2]]);
  return again;
});

scenario('a session is reowned by a later idToken, then stopped with energy and revenue, after a reopen', ['CP2'], async (store, reopen) => {
  store.startTransaction({ charger: 'CP2', chargerTx: 'X', owner: 'primary', connector: null, evse: 1, idTag: null, startedAt: '2026-12-01T10:00:00.000Z', meterStart: 1000, guessed: true });
  store.startTransaction({ charger: 'CP2', chargerTx: 'X', owner: 'fleet', connector: null, evse: 1, idTag: 'CARD', startedAt: '2026-12-01T10:00:00.000Z', meterStart: 1000 });
  const again = await reopen(store);
  assert.equal(again.loadCharger('CP2').owners.get('X'), 'fleet');
  assert.equal(again.loadCharger('CP2').guessed.has('X'), false);
  const done = again.stopTransaction({ charger: 'CP2', chargerTx: 'X', stoppedAt: '2026-12-01T11:00:00.000Z', meterStop: 9000, reason: 'EVDisconnected' }, 'fleet', 0.25);
  assert.deepEqual([done.owner, done.id_tag, done.energy_kwh, done.revenue], ['fleet', 'CARD', 8, 2]);
  assert.deepEqual(again.runningSessions('CP2'), []);
  const third = await reopen(again);
  assert.deepEqual(third.runningSessions('CP2'), [], 'the stop is durable too');
  return third;
});

scenario('configuration views, charging profiles and settings: set, replaced, removed', ['CP3'], async (store, reopen) => {
  store.setConfigView('CP3', 'home', 'MeterValueSampleInterval', '60');
  store.setConfigView('CP3', 'home', 'MeterValueSampleInterval', '30');
  store.setConfigView('CP3', '', 'MeterValueSampleInterval', '30');
  store.setConfigView('CP3', 'evcc', 'MeterValuesSampledData', 'Power.Active.Import');
  store.setConfigView('CP3', 'evcc', 'MeterValuesSampledData', null);
  store.setChargingProfile('CP3', 'home', 1, 'TxDefaultProfile', 7, '{"a":1}');
  store.setChargingProfile('CP3', 'home', 1, 'TxDefaultProfile', 7, '{"a":2}');
  store.setChargingProfile('CP3', 'evcc', 0, 'ChargePointMaxProfile', 1, '{"b":1}');
  store.setChargingProfile('CP3', 'evcc', 0, 'ChargePointMaxProfile', 1, null);
  store.setSetting('charger_memory CP3', '{"booted":true}');
  store.setSetting('translation CP3 evcc', '{"ids":{}}');
  store.setSetting('charger_memory CP3', '{"booted":false}');
  const again = await reopen(store);
  assert.deepEqual(again.configViews('CP3').map((v) => `${v.upstream}/${v.key}=${v.value}`).sort(), ['/MeterValueSampleInterval=30', 'home/MeterValueSampleInterval=30']);
  assert.deepEqual(again.chargingProfiles('CP3').map((p) => [p.upstream, p.connector, p.purpose, p.profile_id, p.profile]), [['home', 1, 'TxDefaultProfile', 7, '{"a":2}']]);
  assert.equal(again.getSetting('charger_memory CP3'), '{"booted":false}');
  assert.equal(again.getSetting('translation CP3 evcc'), '{"ids":{}}');
  again.setSetting('translation CP3 evcc', null);
  const third = await reopen(again);
  assert.equal(third.getSetting('translation CP3 evcc'), null);
  return third;
});

scenario('outboxes: kept in order, answered ones go, the Start learns its transaction id, old ones are pruned', ['CP4'], async (store, reopen) => {
  const put = (i: number, upstream = 'ere') =>
    store.outbox.put({ charger: 'CP4', upstream, callId: `c${i}`, action: i === 0 ? 'StartTransaction' : 'MeterValues', text: `[2,"c${i}","MeterValues",{}]`, at: 1000 + i });
  const keys = Array.from({ length: 5 }, (_, i) => put(i));
  put(9, 'audit');
  store.outbox.startedAs(keys[0]!, '77');
  store.outbox.done(keys[2]!);
  const again = await reopen(store);
  assert.deepEqual(again.outbox.pending('CP4', 'ere').map((e) => [e.callId, e.chargerTx]), [['c0', '77'], ['c1', null], ['c3', null], ['c4', null]]);
  assert.deepEqual(again.outbox.stats().map((s) => [s.upstream, s.entries, s.oldest]), [['audit', 1, 1009], ['ere', 4, 1000]]);
  const next = again.outbox.put({ charger: 'CP4', upstream: 'ere', callId: 'c5', action: 'MeterValues', text: '[2,"c5","MeterValues",{}]', at: 1005 });
  assert.ok(next.seq > keys.at(-1)!.seq, 'seq goes on');
  assert.equal(again.outbox.prune(1002), 2);
  const third = await reopen(again);
  assert.deepEqual(third.outbox.pending('CP4', 'ere').map((e) => e.callId), ['c3', 'c4', 'c5']);
  return third;
});

scenario('sessions: every finished one is listed with its upstream ids, filtered by charger and date', ['CP5', 'CP6'], async (store, reopen) => {
  store.startTransaction({ charger: 'CP5', chargerTx: '1', owner: 'primary', connector: 1, evse: null, idTag: 'A', startedAt: '2026-11-01T10:00:00.000Z', meterStart: 0 });
  store.setUpstreamTx('CP5', '1', 'home', '55');
  store.stopTransaction({ charger: 'CP5', chargerTx: '1', stoppedAt: '2026-11-01T11:00:00.000Z', meterStop: 1500, reason: 'Local' }, 'primary');
  store.stopTransaction({ charger: 'CP6', chargerTx: '9', stoppedAt: '2026-11-21T00:00:00.000Z', meterStop: 10, reason: 'Remote' }, 'primary');
  const rows = store.sessions();
  assert.deepEqual(rows.map((r) => [r.charger, r.charger_tx, r.energy_kwh, r.upstream_tx]), [
    ['CP5', '1', 1.5, { home: '55' }],
    ['CP6', '9', null, {}],
  ]);
  assert.deepEqual(store.sessions({ since: '2026-11-15T00:00:00.000Z' }).map((r) => r.charger), ['CP6']);
  assert.deepEqual(store.sessions({ charger: 'CP5' }).map((r) => r.charger_tx), ['1']);
  return reopen(store);
});
