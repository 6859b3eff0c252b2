// Durable delivery with strict ocpp-rpc peers and a real state file: a report-only backend that
// is down while a whole transaction happens, then the proxy restarts, then the backend comes up:
// it gets the boot, the status and every transaction Call in order, with its own transaction id,
// and nothing twice once it answered.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { http } from '../web/http-client.ts';
import { bootParams, cleanupAfter, eventually, freePort, iniFor, startCsms, startProxy, strictCharger, tempDir, waitUntil, type RPCClientLike } from '../helpers/peers.ts';

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
    caughtUp: () => waitUntil(() => proxy.daemon.server.sessions.get(id)?.links.find((l) => l.name === 'ere')?.catchUp.idle === true, 'the catch-up over'),
  };
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

test('an upstream that is away: its outbox in /metrics and, past outbox_alert, a warning in /api/status', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  cleanups.push(() => primary.close());
  const erePort = await freePort();
  const proxy = await startProxy(`${iniFor(primary.url)}[upstream.ere]\nurl = ws://127.0.0.1:${erePort}\nrole = reporter\n[host]\noutbox_alert = 0\n`, {}, true);
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
  // Past the alert (0 s here): the overview's banner says so.
  const status = await eventually(async () => {
    const now = JSON.parse((await http(proxy.daemon.webPort, '/api/status')).body);
    return now.warnings.some((w: string) => /^upstream ere has not received transactions for \d+ min \(2 waiting in its outbox\)$/.test(w)) ? now : null;
  }, 'the outbox alert');
  assert.deepEqual(status.outbox.map((o: { upstream: string; entries: number }) => [o.upstream, o.entries]), [['ere', 2]]);
});
