// Transaction-aware routing for one charger: owners by tag and remote start, resent starts, each
// upstream's own 1.6 transaction ids both ways, 2.0.1 owners, and the sessions kept in SQLite.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.ts';
import { createLoggers } from '../../src/log/console-log.ts';
import { ChargerEvents, type ChargerEvent } from '../../src/events/charger-events.ts';
import type { OcppVersion } from '../../src/ocpp/versions.ts';
import { Transactions, type RoutedLink, type SplitConfig } from '../../src/stages/transactions.ts';

const primary: RoutedLink = { name: 'primary', role: 'primary' };
const secondary: RoutedLink = { name: 'secondary', role: 'secondary' };
const watcher: RoutedLink = { name: 'watch', role: 'observer' };
const LINKS = [primary, secondary, watcher];

/** FLEET-1 belongs to the secondary; every other tag to the primary. */
const SPLIT: SplitConfig = { tagOwners: new Map([['FLEET-1', 'secondary']]), defaultOwner: 'primary' };
const TWO_WAY: SplitConfig = { tagOwners: new Map(), defaultOwner: 'primary' };

interface Setup {
  version?: OcppVersion;
  split?: SplitConfig;
  store?: Store | null;
  prices?: ReadonlyMap<string, number>;
  charger?: string;
}

function transactions(setup: Setup = {}) {
  const lines: string[] = [];
  const events: ChargerEvent[] = [];
  const bus = new ChargerEvents();
  bus.subscribe((event) => events.push(event));
  const logger = createLoggers({ proxy: 'DEBUG', client: 'DEBUG', server: 'DEBUG' }, (line) => lines.push(line)).proxy;
  const tx = new Transactions(setup.charger ?? 'CP1', setup.version ?? 'ocpp1.6', LINKS, setup.split ?? SPLIT, setup.store ?? null, logger, bus, setup.prices);
  return { tx, lines, events };
}

function openStore(): Store {
  return Store.open(join(mkdtempSync(join(tmpdir(), 'ocpp-proxy-tx-')), 'state.db'));
}

function start(idTag: string, meterStart = 1000, connectorId = 1): Record<string, unknown> {
  return { connectorId, idTag, meterStart, timestamp: '2026-01-05T10:00:00.000Z' };
}

/** A StartTransaction answer from `link` with its own transaction id. */
function answerStart(tx: Transactions<RoutedLink>, link: RoutedLink, callId: string, transactionId: number | string): string {
  const payload = { transactionId, idTagInfo: { status: 'Accepted' } };
  const text = JSON.stringify([3, callId, payload]);
  tx.upstreamAnswered(link, 'StartTransaction', callId, payload, text);
  return text;
}

function event201(eventType: string, transactionId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventType,
    timestamp: '2026-01-05T10:00:00.000Z',
    triggerReason: 'Authorized',
    seqNo: 0,
    transactionInfo: { transactionId },
    evse: { id: 1, connectorId: 1 },
    ...extra,
  };
}

test('1.6 RFID split: Authorize, StartTransaction, MeterValues and StopTransaction go to the tag owner and the observers; the owner answers', () => {
  const { tx } = transactions();
  assert.deepEqual(tx.routeChargerCall('Authorize', { idTag: 'fleet-1' }, 'a1'), { targets: [secondary, watcher], answerer: secondary }, 'tags match case-insensitively');
  assert.deepEqual(tx.routeChargerCall('Authorize', { idTag: 'HOME-1' }, 'a2'), { targets: [primary, watcher], answerer: primary }, 'an unclaimed tag is the default owner\'s');

  assert.deepEqual(tx.routeChargerCall('StartTransaction', start('FLEET-1'), 's1'), { targets: [secondary, watcher], answerer: secondary });
  answerStart(tx, secondary, 's1', 12);
  assert.equal(tx.ownerOf('12'), 'secondary');
  assert.deepEqual(tx.routeChargerCall('MeterValues', { connectorId: 1, transactionId: 12, meterValue: [] }, 'm1'), { targets: [secondary, watcher], answerer: secondary });
  assert.deepEqual(tx.routeChargerCall('StopTransaction', { transactionId: 12, meterStop: 2000, timestamp: 'x' }, 'e1'), { targets: [secondary, watcher], answerer: secondary });

  assert.equal(tx.routeChargerCall('MeterValues', { connectorId: 0, meterValue: [] }, 'm2'), null, 'meter values outside a transaction are charger-wide');
  assert.equal(tx.routeChargerCall('Heartbeat', {}, 'h1'), null);
  assert.equal(tx.routeChargerCall('StatusNotification', { connectorId: 1, status: 'Charging', errorCode: 'NoError' }, 'n1'), null);
  assert.deepEqual(tx.routeChargerCall('StopTransaction', { transactionId: 99, meterStop: 1, timestamp: 'x' }, 'e2'), { targets: [primary, watcher], answerer: primary }, 'a transaction nobody started here is the default owner\'s');
});

test('1.6 two-way mode (no tag assigned): transaction Calls go to every upstream and the default owner answers', () => {
  const { tx } = transactions({ split: { tagOwners: new Map(), defaultOwner: 'secondary' } });
  assert.deepEqual(tx.routeChargerCall('Authorize', { idTag: 'ANY' }, 'a1'), { targets: null, answerer: secondary });
  assert.deepEqual(tx.routeChargerCall('StartTransaction', start('ANY'), 's1'), { targets: null, answerer: secondary });
  answerStart(tx, secondary, 's1', 3);
  assert.deepEqual(tx.routeChargerCall('StopTransaction', { transactionId: 3, meterStop: 2000, timestamp: 'x' }, 'e1'), { targets: null, answerer: secondary });

  const unknownDefault = transactions({ split: { tagOwners: new Map(), defaultOwner: 'gone' } }).tx;
  assert.deepEqual(unknownDefault.routeChargerCall('Authorize', { idTag: 'ANY' }, 'a1'), { targets: null, answerer: primary }, 'an unknown default owner falls back to the first link');
});

test('a resent StartTransaction is not routed again: it gets the owner\'s answer, and the owner\'s answer goes to its newest id', () => {
  const { tx } = transactions({ split: TWO_WAY });
  const payload = start('HOME-1');
  assert.deepEqual(tx.routeChargerCall('StartTransaction', payload, 's1'), { targets: null, answerer: primary });
  assert.equal(tx.routeChargerCall('StartTransaction', { ...payload }, 's2'), 'resent');
  assert.equal(tx.resentStart(payload, 's2'), null, 'no answer yet: it will go to the newest id when it comes');
  assert.equal(tx.answerIdFor('StartTransaction', 's1'), 's2');

  const answer = answerStart(tx, primary, 's1', 7);
  assert.equal(tx.routeChargerCall('StartTransaction', payload, 's3'), 'resent');
  assert.equal(tx.resentStart(payload, 's3'), answer, 'the owner\'s answer, for the session to send under s3');
  assert.equal(tx.answerIdFor('StartTransaction', 's1'), 's3');

  assert.equal(tx.resentStart(start('HOME-1', 5000), 's4'), null, 'a start never seen is no resend');
  assert.deepEqual(tx.routeChargerCall('StartTransaction', start('HOME-1', 5000), 's4'), { targets: null, answerer: primary }, 'another start is routed');
  assert.equal(tx.answerIdFor('StartTransaction', 's4'), 's4');
  assert.equal(tx.answerIdFor('StartTransaction', 'never-sent'), 'never-sent');
  assert.equal(tx.answerIdFor('Authorize', 's1'), 's1', 'only StartTransaction answers move');
});

test('a non-owner\'s own transaction id is learnt from its answer, whichever comes first, and used toward it', () => {
  const { tx } = transactions({ split: TWO_WAY });
  tx.routeChargerCall('StartTransaction', start('HOME-1'), 's1');
  answerStart(tx, secondary, 's1', 55); // before the owner's
  answerStart(tx, primary, 's1', 7);
  assert.equal(tx.ownerOf('7'), 'primary');
  assert.equal(tx.ownerOf('55'), undefined, 'the secondary\'s id is no charger transaction');
  assert.deepEqual(tx.idsForUpstream(secondary, 'MeterValues', { connectorId: 1, transactionId: 7, meterValue: [] }), [{ path: ['transactionId'], value: 55 }]);
  assert.deepEqual(tx.idsForUpstream(secondary, 'StopTransaction', { transactionId: 7, meterStop: 2000, timestamp: 'x' }), [{ path: ['transactionId'], value: 55 }]);
  assert.deepEqual(tx.idsForUpstream(primary, 'StopTransaction', { transactionId: 7, meterStop: 2000, timestamp: 'x' }), [], 'the owner knows the charger\'s id');
  assert.deepEqual(tx.idsForUpstream(watcher, 'StopTransaction', { transactionId: 7, meterStop: 2000, timestamp: 'x' }), [], 'the observer never answered');
  assert.deepEqual(tx.idsForUpstream(secondary, 'Heartbeat', { transactionId: 7 }), [], 'only transaction Calls carry the id');

  tx.routeChargerCall('StartTransaction', start('HOME-1', 3000), 's2');
  answerStart(tx, primary, 's2', 8); // the owner first this time
  answerStart(tx, secondary, 's2', 'abc-9');
  assert.deepEqual(tx.idsForUpstream(secondary, 'StopTransaction', { transactionId: 8 }), [{ path: ['transactionId'], value: 'abc-9' }], 'a non-numeric id stays a string');

  tx.routeChargerCall('StartTransaction', start('HOME-1', 4000), 's3');
  tx.upstreamAnswered(secondary, 'StartTransaction', 's3', null, '[4,"s3","InternalError","",{}]'); // a CallError teaches nothing
  tx.upstreamAnswered(secondary, 'StartTransaction', 's3', { idTagInfo: { status: 'Accepted' } }, '[3,"s3",{}]'); // nor an answer without an id
  answerStart(tx, primary, 's3', 9);
  assert.deepEqual(tx.idsForUpstream(secondary, 'StopTransaction', { transactionId: 9 }), []);
});

test('an upstream\'s RemoteStopTransaction and SetChargingProfile carrying its own transaction id reach the charger with the charger\'s', () => {
  const { tx } = transactions({ split: TWO_WAY });
  tx.routeChargerCall('StartTransaction', start('HOME-1'), 's1');
  answerStart(tx, primary, 's1', 7);
  answerStart(tx, secondary, 's1', 55);
  assert.deepEqual(tx.upstreamCall(secondary, 'RemoteStopTransaction', { transactionId: 55 }), [{ path: ['transactionId'], value: 7 }]);
  assert.deepEqual(
    tx.upstreamCall(secondary, 'SetChargingProfile', { connectorId: 1, csChargingProfiles: { chargingProfileId: 1, transactionId: 55, stackLevel: 0 } }),
    [{ path: ['csChargingProfiles', 'transactionId'], value: 7 }],
  );
  assert.deepEqual(tx.upstreamCall(primary, 'RemoteStopTransaction', { transactionId: 7 }), [], 'the owner\'s ids are the charger\'s');
  assert.deepEqual(tx.upstreamCall(primary, 'RemoteStopTransaction', { transactionId: 55 }), [], 'another upstream\'s id means nothing from the primary');
  assert.deepEqual(tx.upstreamCall(secondary, 'RemoteStopTransaction', { transactionId: 56 }), []);
  assert.deepEqual(tx.upstreamCall(secondary, 'SetChargingProfile', { connectorId: 1, csChargingProfiles: { chargingProfileId: 1, stackLevel: 0 } }), []);
  assert.deepEqual(tx.upstreamCall(secondary, 'Reset', { type: 'Soft' }), []);
});

test('1.6 remote start: the session of its idTag goes to the upstream that asked, once, within ten minutes', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
  const { tx } = transactions();
  assert.deepEqual(tx.upstreamCall(secondary, 'RemoteStartTransaction', { idTag: 'home-1', connectorId: 1 }), []);
  assert.equal((tx.routeChargerCall('Authorize', { idTag: 'HOME-1' }, 'a1') as { answerer: RoutedLink }).answerer, secondary);
  assert.deepEqual(tx.routeChargerCall('StartTransaction', start('HOME-1'), 's1'), { targets: [secondary, watcher], answerer: secondary });
  assert.equal((tx.routeChargerCall('StartTransaction', start('HOME-1', 2000), 's2') as { answerer: RoutedLink }).answerer, primary, 'the remote start was used up');

  tx.upstreamCall(secondary, 'RemoteStartTransaction', { idTag: 'HOME-2' });
  t.mock.timers.tick(10 * 60 * 1000 - 1);
  assert.equal((tx.routeChargerCall('Authorize', { idTag: 'HOME-2' }, 'a2') as { answerer: RoutedLink }).answerer, secondary);
  t.mock.timers.tick(1);
  assert.equal((tx.routeChargerCall('StartTransaction', start('HOME-2'), 's3') as { answerer: RoutedLink }).answerer, primary, 'ten minutes later it is the tag owner\'s again');
});

test('2.0.1: a RequestStartTransaction\'s remoteStartId gives the transaction to its sender; Authorize goes by idToken', () => {
  const { tx } = transactions({ version: 'ocpp2.0.1' });
  assert.deepEqual(tx.routeChargerCall('Authorize', { idToken: { idToken: 'fleet-1', type: 'ISO14443' } }, 'a1'), { targets: [secondary, watcher], answerer: secondary });
  assert.deepEqual(tx.routeChargerCall('Authorize', { idToken: { idToken: 'HOME-1', type: 'ISO14443' } }, 'a2'), { targets: [primary, watcher], answerer: primary });

  assert.deepEqual(tx.upstreamCall(secondary, 'RequestStartTransaction', { remoteStartId: 42, idToken: { idToken: 'HOME-1', type: 'ISO14443' } }), []);
  const started = event201('Started', 'T-1', { transactionInfo: { transactionId: 'T-1', remoteStartId: 42 }, idToken: { idToken: 'HOME-1', type: 'ISO14443' } });
  assert.deepEqual(tx.routeChargerCall('TransactionEvent', started, 'e1'), { targets: [secondary, watcher], answerer: secondary }, 'the remote start beats the tag owner');
  assert.equal(tx.ownerOf('T-1'), 'secondary');
  assert.equal((tx.routeChargerCall('TransactionEvent', event201('Updated', 'T-1'), 'e2') as { answerer: RoutedLink }).answerer, secondary);

  assert.equal(tx.routeChargerCall('StartTransaction', start('FLEET-1'), 's1'), null, 'no 1.6 routing in 2.0.1');
  assert.equal(tx.routeChargerCall('Heartbeat', {}, 'h1'), null);
  assert.deepEqual(tx.idsForUpstream(primary, 'TransactionEvent', { transactionId: 'T-1' }), [], 'the charger numbers 2.0.1 transactions for everyone');
  tx.upstreamAnswered(primary, 'StartTransaction', 'x', { transactionId: 5 }, '[3,"x",{"transactionId":5}]');
  assert.equal(tx.ownerOf('5'), undefined);
});

test('2.0.1: the first idToken decides the owner; until then the default owner is a guess that an idToken can change', () => {
  const store = openStore();
  const { tx, events } = transactions({ version: 'ocpp2.0.1', store, prices: new Map([['secondary', 0.4]]) });
  const energy = (value: number, unit?: string) => [{ timestamp: 'x', sampledValue: [{ value, ...(unit === undefined ? {} : { unitOfMeasure: { unit } }) }] }];

  const guess = tx.routeChargerCall('TransactionEvent', event201('Started', 'T-2', { triggerReason: 'CablePluggedIn', meterValue: energy(1500) }), 'e1');
  assert.equal((guess as { answerer: RoutedLink }).answerer, primary);
  assert.deepEqual(store.sessions().map((s) => [s.charger_tx, s.owner, s.meter_start, s.connector, s.evse]), [['T-2', 'primary', 1500, 1, 1]]);

  const decided = tx.routeChargerCall('TransactionEvent', event201('Updated', 'T-2', { idToken: { idToken: 'fleet-1', type: 'ISO14443' } }), 'e2');
  assert.equal((decided as { answerer: RoutedLink }).answerer, secondary);
  assert.equal(tx.ownerOf('T-2'), 'secondary');
  assert.deepEqual(store.sessions().map((s) => [s.charger_tx, s.owner, s.id_tag]), [['T-2', 'secondary', 'fleet-1']], 'the same session row, re-owned');

  const later = tx.routeChargerCall('TransactionEvent', event201('Updated', 'T-2', { idToken: { idToken: 'HOME-1', type: 'ISO14443' } }), 'e3');
  assert.equal((later as { answerer: RoutedLink }).answerer, secondary, 'once decided, it stays');

  const ended = event201('Ended', 'T-2', { transactionInfo: { transactionId: 'T-2', stoppedReason: 'EVDisconnected' }, meterValue: energy(4, 'kWh') });
  assert.equal((tx.routeChargerCall('TransactionEvent', ended, 'e4') as { answerer: RoutedLink }).answerer, secondary);
  tx.chargerCallForwarded('TransactionEvent', ended);
  const [row] = store.sessions();
  assert.deepEqual([row!.meter_stop, row!.energy_kwh, row!.revenue, row!.stop_reason], [4000, 2.5, 1, 'EVDisconnected']);

  assert.deepEqual(
    events.map((e) => [e.event, e.transactionId, e.owner]),
    [['transaction_started', 'T-2', 'primary'], ['transaction_started', 'T-2', 'secondary'], ['transaction_stopped', 'T-2', 'secondary']],
  );

  const home = tx.routeChargerCall('TransactionEvent', event201('Started', 'T-3', { idToken: { idToken: 'HOME-1', type: 'ISO14443' } }), 'e5');
  assert.equal((home as { answerer: RoutedLink }).answerer, primary);
  const after = tx.routeChargerCall('TransactionEvent', event201('Updated', 'T-3', { idToken: { idToken: 'FLEET-1', type: 'ISO14443' } }), 'e6');
  assert.equal((after as { answerer: RoutedLink }).answerer, primary, 'an idToken-decided owner is not changed by a later idToken');

  tx.routeChargerCall('TransactionEvent', event201('Started', 'T-4', { triggerReason: 'CablePluggedIn' }), 'e7');
  const confirmed = tx.routeChargerCall('TransactionEvent', event201('Updated', 'T-4', { idToken: { idToken: 'HOME-1', type: 'ISO14443' } }), 'e8');
  assert.equal((confirmed as { answerer: RoutedLink }).answerer, primary);
  assert.equal(events.filter((e) => e.transactionId === 'T-4').length, 1, 'a guess the idToken confirms starts no second time');
  assert.equal(store.sessions().filter((s) => s.charger_tx === 'T-4').length, 1);
  store.close();
});

test('owners and upstream ids survive a new Transactions on the same store (a reconnect or a restart), per charger', () => {
  const store = openStore();
  const first = transactions({ store }).tx;
  first.routeChargerCall('StartTransaction', start('FLEET-1'), 's1');
  answerStart(first, secondary, 's1', 12);
  answerStart(first, watcher, 's1', 900);
  first.routeChargerCall('StartTransaction', start('HOME-1'), 's2');
  answerStart(first, primary, 's2', 7);

  const again = transactions({ store }).tx;
  assert.equal(again.ownerOf('12'), 'secondary');
  assert.equal(again.ownerOf('7'), 'primary');
  assert.deepEqual(again.routeChargerCall('StopTransaction', { transactionId: 12, meterStop: 2000, timestamp: 'x' }, 'e1'), { targets: [secondary, watcher], answerer: secondary });
  assert.deepEqual(again.idsForUpstream(watcher, 'StopTransaction', { transactionId: 12 }), [{ path: ['transactionId'], value: 900 }]);
  assert.deepEqual(again.upstreamCall(watcher, 'RemoteStopTransaction', { transactionId: 900 }), [{ path: ['transactionId'], value: 12 }]);

  const other = transactions({ store, charger: 'CP2' }).tx;
  assert.equal(other.ownerOf('12'), undefined, 'another charger\'s transactions are its own');
  assert.deepEqual(other.idsForUpstream(watcher, 'StopTransaction', { transactionId: 12 }), []);
  assert.deepEqual(store.sessions().map((s) => [s.charger_tx, s.owner, s.upstream_tx]), [['12', 'secondary', { watch: '900' }], ['7', 'primary', {}]]);
  store.close();
});

test('2.0.1: an owner that was still a guess when the charger reconnected is decided by the first idToken after it', () => {
  const store = openStore();
  const before = transactions({ version: 'ocpp2.0.1', store }).tx;
  before.routeChargerCall('TransactionEvent', event201('Started', 'T-9', { triggerReason: 'CablePluggedIn' }), 'e1');
  assert.equal(before.ownerOf('T-9'), 'primary', 'the guess');

  const after = transactions({ version: 'ocpp2.0.1', store }).tx;
  const route = after.routeChargerCall('TransactionEvent', event201('Updated', 'T-9', { idToken: { idToken: 'FLEET-1', type: 'ISO14443' } }), 'e2');
  store.close();
  assert.equal((route as { answerer: RoutedLink }).answerer, secondary, 'the card of the secondary\'s customer decides, as it would without the reconnect');
});

test('StopTransaction closes the session row and emits transaction_stopped with owner, reason, energy and revenue', () => {
  const store = openStore();
  const { tx, events, lines } = transactions({ store, prices: new Map([['secondary', 0.25]]) });
  tx.routeChargerCall('StartTransaction', { ...start('fleet-1', 1000, 2), timestamp: '2026-01-05T10:00:00.000Z' }, 's1');
  answerStart(tx, secondary, 's1', 12);
  assert.deepEqual(events.map(({ at: _at, ...rest }) => rest), [
    { event: 'transaction_started', charger: 'CP1', transactionId: '12', owner: 'secondary', connector: 2, idTag: 'fleet-1' },
  ]);
  assert.ok(lines.some((l) => /transaction 12 \(idTag set\) belongs to secondary/.test(l)));
  assert.ok(!lines.some((l) => /fleet-1/i.test(l)), 'the idTag itself is not on the console');

  tx.chargerCallForwarded('MeterValues', { connectorId: 2, transactionId: 12, meterValue: [] });
  assert.equal(events.length, 1, 'meter values end nothing');
  tx.chargerCallForwarded('StopTransaction', { transactionId: 12, meterStop: 9000, timestamp: '2026-01-05T11:00:00.000Z', reason: 'EVDisconnected' });
  const [row] = store.sessions();
  assert.deepEqual(
    [row!.owner, row!.connector, row!.started_at, row!.stopped_at, row!.meter_start, row!.meter_stop, row!.energy_kwh, row!.revenue, row!.stop_reason],
    ['secondary', 2, '2026-01-05T10:00:00.000Z', '2026-01-05T11:00:00.000Z', 1000, 9000, 8, 2, 'EVDisconnected'],
  );
  const stopped = events[1]!;
  assert.deepEqual({ ...stopped, at: undefined }, { event: 'transaction_stopped', charger: 'CP1', at: undefined, transactionId: '12', owner: 'secondary', reason: 'EVDisconnected', energy_kwh: 8, revenue: 2 });

  tx.chargerCallForwarded('StopTransaction', { transactionId: 40, meterStop: 10, timestamp: '2026-01-05T12:00:00.000Z' });
  assert.deepEqual(events.at(-1)!.reason, 'Local', 'no reason means Local');
  assert.deepEqual(events.at(-1)!.owner, 'primary');
  assert.deepEqual(store.sessions().map((s) => [s.charger_tx, s.owner, s.started_at, s.energy_kwh]).at(-1), ['40', 'primary', null, null], 'a stop for a start never seen is kept too');

  store.close();
  tx.chargerCallForwarded('StopTransaction', { transactionId: 41, meterStop: 10, timestamp: 'x', reason: 'Local' });
  assert.ok(lines.some((l) => /ERROR .*CP1: state database: /.test(l)), 'a database failure is logged');
  assert.deepEqual([events.at(-1)!.transactionId, events.at(-1)!.energy_kwh], ['41', null], 'and the event still goes out');
});

test('without a store the routing works and stops still emit events (no energy known)', () => {
  const { tx, events } = transactions({ split: TWO_WAY });
  tx.routeChargerCall('StartTransaction', start('HOME-1'), 's1');
  answerStart(tx, primary, 's1', 7);
  tx.chargerCallForwarded('StopTransaction', { transactionId: 7, meterStop: 9000, timestamp: 'x', reason: 'Remote' });
  assert.deepEqual(events.map((e) => [e.event, e.transactionId, e.owner, e.reason ?? null, e.energy_kwh ?? null]), [
    ['transaction_started', '7', 'primary', null, null],
    ['transaction_stopped', '7', 'primary', 'Remote', null],
  ]);
});
