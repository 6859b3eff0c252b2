// Durable delivery with strict ocpp-rpc peers and a real state file: a report-only backend that
// is down while a whole transaction happens, then the proxy restarts, then the backend comes up:
// it gets the boot, the status and every transaction Call in order, with its own transaction id,
// and nothing twice once it answered.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { http } from '../web/http-client.ts';
import { Store } from '../../src/store/store.ts';
import { startFakeHomeAssistant } from '../helpers/fake-home-assistant.ts';
import type { DatabaseSync } from 'node:sqlite';
import type { WebSocket } from 'ws';
import { bootParams, cleanupAfter, eventually, freePort, iniFor, startCsms, startProxy, startRawCsms, strictCharger, tempDir, waitUntil, type RPCClientLike, type TestProxy } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

type Handlers = Record<string, (params: any) => { label: string; answer: object }>;

const BOOT_ANSWER = () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 });

/**
 * A primary, a reporter that is down (its port chosen, nobody listening) and a state file: the
 * charger runs with the reporter away; `comeBack` starts the reporter, recording what it
 * receives, and the proxy again on the same state.
 */
async function reporterAway(protocol: 'ocpp1.6' | 'ocpp2.0.1', id: string, role: string) {
  const primary = await startCsms({ protocols: [protocol] });
  cleanups.push(() => primary.close());
  const erePort = await freePort();
  const state = join(tempDir(), 'state.db');
  const ini = `${iniFor(primary.url)}[upstream.ere]\nurl = ws://127.0.0.1:${erePort}\nrole = ${role}\n`;
  let proxy = await startProxy(ini, { state });
  const received: string[] = [];
  return {
    received,
    proxy: () => proxy,
    charger: () => {
      const c = strictCharger(proxy.port, id, [protocol]);
      cleanups.push(() => c.close({ force: true }));
      return c;
    },
    comeBack: async (handlers: Handlers) => {
      await proxy.close();
      const ere = await startCsms({
        protocols: [protocol],
        port: erePort,
        onClient: (client: RPCClientLike) => {
          for (const [action, handle] of Object.entries(handlers)) {
            client.handle(action, async ({ params }) => {
              const { label, answer } = handle(params);
              received.push(label);
              return answer;
            });
          }
        },
      });
      cleanups.push(() => ere.close());
      proxy = await startProxy(ini, { state });
      cleanups.push(() => proxy.close());
    },
    caughtUp: () => caughtUp(proxy, id),
  };
}

/** A primary, a raw reporter `ere` the test answers frame by frame, and the proxy with its monitor. */
async function rawReporter() {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  cleanups.push(() => primary.close());
  const ere = await startRawCsms(['ocpp1.6']);
  cleanups.push(() => ere.close());
  const proxy = await startProxy(`${iniFor(primary.url)}[upstream.ere]\nurl = ${ere.url}\nrole = reporter\n`, {}, true);
  cleanups.push(() => proxy.close());
  return { ere, proxy };
}

/** The reporter `ere` has what it missed; from now on the charger's Calls reach it live. */
function caughtUp(proxy: TestProxy, id: string): Promise<void> {
  return waitUntil(() => proxy.daemon.server.sessions.get(id)?.links.find((l) => l.name === 'ere')?.catchUp.idle === true, 'the catch-up over');
}

test('1.6: a reporter down for a whole transaction and a proxy restart gets it all, in order, with its own id, once', async () => {
  const away = await reporterAway('ocpp1.6', 'DUR1', 'reporter');
  let cp = away.charger();
  await cp.connect();
  await cp.call('BootNotification', bootParams('ocpp1.6'));
  await cp.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
  const start = (await cp.call('StartTransaction', { connectorId: 1, idTag: 'CARD1', meterStart: 100, timestamp: new Date().toISOString() })) as { transactionId: number };
  await cp.call('MeterValues', { connectorId: 1, transactionId: start.transactionId, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '500' }] }] });
  await cp.call('StopTransaction', { transactionId: start.transactionId, meterStop: 900, timestamp: new Date().toISOString() });
  await cp.close({ force: true });

  // The backend comes up; the proxy starts again on the same state; the charger reconnects without booting.
  await away.comeBack({
    BootNotification: () => ({ label: 'BootNotification', answer: BOOT_ANSWER() }),
    StatusNotification: (p) => ({ label: `StatusNotification ${p.status}`, answer: {} }),
    StartTransaction: (p) => ({ label: `StartTransaction ${p.idTag}`, answer: { transactionId: 555, idTagInfo: { status: 'Accepted' } } }),
    MeterValues: (p) => ({ label: `MeterValues ${p.transactionId}`, answer: {} }),
    StopTransaction: (p) => ({ label: `StopTransaction ${p.transactionId}`, answer: {} }),
  });
  cp = away.charger();
  await cp.connect();
  await cp.call('Heartbeat', {});
  await waitUntil(() => away.received.length === 5, 'everything at the backend');
  assert.deepEqual(away.received, ['BootNotification', 'StatusNotification Preparing', 'StartTransaction CARD1', 'MeterValues 555', 'StopTransaction 555']);
  assert.ok(away.proxy().entries.some((e) => e.to === 'ere' && e.action === 'StopTransaction' && e.tags.includes('replayed')));

  // Answered: a reconnect sends none of it again.
  await cp.close({ force: true });
  cp = away.charger();
  await cp.connect();
  await cp.call('Heartbeat', {});
  await waitUntil(() => away.received.length >= 7, 'the replay of boot and status on the reconnect');
  await away.caughtUp();
  assert.deepEqual(away.received.slice(5), ['BootNotification', 'StatusNotification Preparing'], 'no transaction Call twice');
});

test('2.0.1: TransactionEvents kept for a reporter that is down, across a restart, in order and once', async () => {
  const away = await reporterAway('ocpp2.0.1', 'DUR2', 'observer');
  let cp = away.charger();
  await cp.connect();
  await cp.call('BootNotification', bootParams('ocpp2.0.1'));
  await cp.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 });
  const event = (eventType: string, seqNo: number, triggerReason: string) => ({
    eventType,
    timestamp: new Date().toISOString(),
    triggerReason,
    seqNo,
    transactionInfo: { transactionId: 'TX-9' },
    ...(seqNo === 0 ? { evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'CARD1', type: 'ISO14443' } } : {}),
  });
  await cp.call('TransactionEvent', event('Started', 0, 'Authorized'));
  await cp.call('TransactionEvent', event('Updated', 1, 'ChargingStateChanged'));
  await cp.call('TransactionEvent', event('Ended', 2, 'EVDeparted'));
  await cp.close({ force: true });

  await away.comeBack({
    BootNotification: () => ({ label: 'BootNotification', answer: BOOT_ANSWER() }),
    StatusNotification: () => ({ label: 'StatusNotification', answer: {} }),
    TransactionEvent: (p) => ({ label: `TransactionEvent ${p.eventType} ${p.seqNo}`, answer: {} }),
  });
  cp = away.charger();
  await cp.connect();
  await cp.call('Heartbeat', {});
  await waitUntil(() => away.received.length === 5, 'everything at the reporter');
  assert.deepEqual(away.received, ['BootNotification', 'StatusNotification', 'TransactionEvent Started 0', 'TransactionEvent Updated 1', 'TransactionEvent Ended 2']);
  await away.caughtUp();
  assert.equal(away.proxy().daemon.store!.outbox.pending('DUR2', 'ere').length, 0, 'answered: the outbox is empty');
});

test('an upstream that is away: its outbox in /metrics and, past outbox_alert, a warning in /api/status, the log and Home Assistant', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  cleanups.push(() => primary.close());
  const erePort = await freePort();
  const ha = await startFakeHomeAssistant('ha-token');
  cleanups.push(() => ha.close());
  ha.states.set('input_boolean.block_backends', 'off');
  const proxy = await startProxy(
    `${iniFor(primary.url)}[upstream.ere]\nurl = ws://127.0.0.1:${erePort}\nrole = reporter\n[host]\noutbox_alert = 0\n[homeassistant]\nurl = ${ha.url}\ntoken = ha-token\noverride_entity = input_boolean.block_backends\n`,
    {},
    true,
  );
  cleanups.push(() => proxy.close());
  const cp = strictCharger(proxy.port, 'DUR3', ['ocpp1.6']);
  cleanups.push(() => cp.close({ force: true }));
  await cp.connect();
  await cp.call('BootNotification', bootParams('ocpp1.6'));
  const { transactionId } = (await cp.call('StartTransaction', { connectorId: 1, idTag: 'CARD1', meterStart: 0, timestamp: new Date().toISOString() })) as { transactionId: number };
  await cp.call('StopTransaction', { transactionId, meterStop: 10, timestamp: new Date().toISOString() });
  const metrics = (await http(proxy.daemon.webPort, '/metrics')).body;
  assert.match(metrics, /^ocpp_proxy_outbox_entries\{upstream="ere"\} 2$/m);
  assert.match(metrics, /^ocpp_proxy_outbox_oldest_seconds\{upstream="ere"\} \d+$/m);
  assert.match(metrics, /^ocpp_proxy_outbox_dropped_total 0$/m);
  // How the event loop keeps up (Node): its delay since start, and the GC's pauses.
  assert.match(metrics, /^ocpp_proxy_event_loop_delay_seconds\{quantile="0\.99"\} \d+\.\d{6}$/m);
  assert.match(metrics, /^ocpp_proxy_gc_pauses_total \d+$/m);
  // Past the alert (0 s here): the overview's banner says so.
  const status = await eventually(async () => {
    const now = JSON.parse((await http(proxy.daemon.webPort, '/api/status')).body);
    return now.warnings.some((w: string) => /^upstream ere has not received transactions for \d+ (s|min) \(2 waiting in its outbox\)$/.test(w)) ? now : null;
  }, 'the outbox alert');
  assert.deepEqual(status.outbox.map((o: { upstream: string; entries: number }) => [o.upstream, o.entries]), [['ere', 2]]);
  // The overview's "did every backend get the last session?" names the outbox that holds it.
  assert.deepEqual(
    status.chargers[0].last_session.upstreams.map((u: { upstream: string; state: string; detail: string }) => [u.upstream, u.state, u.detail]),
    [['primary', 'received', 'primary received it'], ['ere', 'waiting', "kept in ere's outbox: ere is not connected"]],
  );
  // The console log and Home Assistant hear of it once.
  const alerted = () => ha.notifications.filter((n) => n.title === 'Upstream ere is missing transactions');
  await waitUntil(() => alerted().length > 0, 'the Home Assistant notification');
  assert.match(alerted()[0]!.message, /^upstream ere has not received transactions for \d+ (s|min) \(2 waiting in its outbox\)\. They are sent as soon as it is reachable again\.$/);
  assert.ok(proxy.console.some((l) => /WARNING proxy: upstream ere has not received transactions for .* \(\[host\] outbox_alert = 0 s\)/.test(l)));
});

test('a reporter that never answers, answers twice or answers with a CallError: kept, settled once, removed and counted', async () => {
  const { ere, proxy } = await rawReporter();
  const outbox = proxy.daemon.store!.outbox;
  const pending = () => outbox.pending('DUR4', 'ere').map((e) => e.action);
  let cp = strictCharger(proxy.port, 'DUR4', ['ocpp1.6']);
  cleanups.push(() => cp.close({ force: true }));
  await cp.connect();
  const answer = async (ws: WebSocket, action: string, reply: (id: string) => unknown[] = (id) => [3, id, {}]) => {
    const frame = JSON.parse(await ere.nextFrame()) as [number, string, string];
    assert.equal(frame[2], action);
    ws.send(JSON.stringify(reply(frame[1])));
    return frame[1];
  };
  await cp.call('BootNotification', bootParams('ocpp1.6'));
  let ws = await ere.nextSocket();
  await answer(ws, 'BootNotification', (id) => [3, id, BOOT_ANSWER()]);
  await caughtUp(proxy, 'DUR4');

  const { transactionId } = (await cp.call('StartTransaction', { connectorId: 1, idTag: 'CARD1', meterStart: 0, timestamp: new Date().toISOString() })) as { transactionId: number };
  await answer(ws, 'StartTransaction', (id) => [3, id, { transactionId: 31, idTagInfo: { status: 'Accepted' } }]);
  const meter = (value: string) => cp.call('MeterValues', { connectorId: 1, transactionId, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value }] }] });
  // Never answered: the first MeterValues stays in the outbox.
  await meter('5');
  const [, silentId, , silent] = JSON.parse(await ere.nextFrame()) as [number, string, string, { transactionId: number }];
  assert.equal(silent.transactionId, 31, "the reporter's own transaction id");
  // Answered twice: settled by the first answer; the second is dropped and changes nothing.
  await meter('6');
  const twiceId = await answer(ws, 'MeterValues');
  ws.send(JSON.stringify([3, twiceId, {}]));
  await waitUntil(() => proxy.entries.filter((e) => e.from === 'ere' && e.id === twiceId).length === 2, 'both answers at the proxy');
  // Refused: a CallError removes it all the same, logged and counted.
  await cp.call('StopTransaction', { transactionId, meterStop: 10, timestamp: new Date().toISOString() });
  await answer(ws, 'StopTransaction', (id) => [4, id, 'InternalError', 'no such transaction', {}]);
  await waitUntil(() => outbox.refused === 1, 'the CallError counted');
  assert.deepEqual(pending(), ['MeterValues'], 'only the unanswered Call is kept');
  assert.ok(proxy.console.some((l) => /ere answered StopTransaction \S+ with a CallError: it leaves the outbox all the same/.test(l)));
  assert.match((await http(proxy.daemon.webPort, '/metrics')).body, /^ocpp_proxy_outbox_refused_total 1$/m);

  // The next connection resends the unanswered MeterValues with its original id, after the boot.
  await cp.close({ force: true });
  cp = strictCharger(proxy.port, 'DUR4', ['ocpp1.6']);
  cleanups.push(() => cp.close({ force: true }));
  await cp.connect();
  await cp.call('Heartbeat', {});
  ws = await ere.nextSocket();
  await answer(ws, 'BootNotification', (id) => [3, id, BOOT_ANSWER()]);
  const resent = JSON.parse(await ere.nextFrame()) as [number, string, string, { transactionId: number }];
  assert.deepEqual([resent[1], resent[2], resent[3].transactionId], [silentId, 'MeterValues', 31]);
  ws.send(JSON.stringify([3, silentId, {}]));
  await answer(ws, 'Heartbeat', (id) => [3, id, { currentTime: new Date().toISOString() }]);
  await waitUntil(() => pending().length === 0, 'the outbox emptied');
});

test('the state store is full: the transaction Call still goes live, the loss is logged and counted, later ones are kept again', async () => {
  const { ere, proxy } = await rawReporter();
  const cp = strictCharger(proxy.port, 'DUR5', ['ocpp1.6']);
  cleanups.push(() => cp.close({ force: true }));
  await cp.connect();
  await cp.call('BootNotification', bootParams('ocpp1.6'));
  const boot = JSON.parse(await ere.nextFrame()) as [number, string];
  (await ere.nextSocket()).send(JSON.stringify([3, boot[1], BOOT_ANSWER()]));
  await caughtUp(proxy, 'DUR5');
  // SQLite's own "database or disk is full": no free page, and no page more than the file has now.
  const db = (proxy.daemon.store as unknown as { db: DatabaseSync }).db;
  db.exec('VACUUM');
  const { page_count: pages } = db.prepare('PRAGMA page_count').get() as { page_count: number };
  db.exec(`PRAGMA max_page_count = ${pages}`);
  const big = Array.from({ length: 120 }, (_, i) => ({ value: String(i * 1000), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }));
  await cp.call('MeterValues', { connectorId: 1, transactionId: 1, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: big }] });
  const live = JSON.parse(await ere.nextFrame()) as [number, string, string];
  assert.equal(live[2], 'MeterValues', 'forwarded live all the same');
  await waitUntil(() => proxy.daemon.store!.outbox.lost === 1, 'the lost write counted');
  assert.ok(proxy.console.some((l) => /state database, outbox: database or disk is full \(the frame went live; 1 outbox writes lost so far\)/.test(l)));
  assert.match((await http(proxy.daemon.webPort, '/metrics')).body, /^ocpp_proxy_outbox_write_failures_total 1$/m);

  db.exec('PRAGMA max_page_count = 1073741823'); // room again
  await cp.call('MeterValues', { connectorId: 1, transactionId: 1, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: big }] });
  await ere.nextFrame();
  assert.deepEqual(proxy.daemon.store!.outbox.pending('DUR5', 'ere').map((e) => e.action), ['MeterValues'], 'kept again once there is room');
  assert.equal(cp.state, 1, 'the charger stays connected throughout');
});

test('outbox_days: an entry older than that is dropped when the proxy starts, logged and counted', async () => {
  const state = join(tempDir(), 'state.db');
  const store = Store.open(state);
  store.outbox.put({ charger: 'OLD', upstream: 'ere', callId: 'c1', action: 'MeterValues', text: '[2,"c1","MeterValues",{}]', at: Date.now() - 3 * 86_400_000 });
  store.outbox.put({ charger: 'OLD', upstream: 'ere', callId: 'c2', action: 'MeterValues', text: '[2,"c2","MeterValues",{}]', at: Date.now() });
  store.close();
  const proxy = await startProxy(`${iniFor('ws://127.0.0.1:9')}[upstream.ere]\nurl = ws://127.0.0.1:9\nrole = reporter\n[host]\noutbox_days = 2\n`, { state }, true);
  cleanups.push(() => proxy.close());
  assert.ok(proxy.console.some((l) => l.includes('WARNING proxy: 1 outbox entries older than 2 days dropped ([host] outbox_days)')));
  assert.deepEqual(proxy.daemon.store!.outbox.pending('OLD', 'ere').map((e) => e.callId), ['c2']);
  assert.match((await http(proxy.daemon.webPort, '/metrics')).body, /^ocpp_proxy_outbox_dropped_total 1$/m);
});
