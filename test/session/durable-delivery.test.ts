// Durable delivery with strict ocpp-rpc peers and a real state file: a report-only backend that
// is down while a whole transaction happens, then the proxy restarts, then the backend comes up:
// it gets the boot, the status and every transaction Call in order, with its own transaction id,
// and nothing twice once it answered.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { bootParams, cleanupAfter, freePort, iniFor, startCsms, startProxy, strictCharger, tempDir, waitUntil, type RPCClientLike } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

test('1.6: a reporter down for a whole transaction and a proxy restart gets it all, in order, with its own id, once', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  cleanups.push(() => primary.close());
  const erePort = await freePort();
  const state = join(tempDir(), 'state.db');
  const ini = `${iniFor(primary.url)}[upstream.ere]\nurl = ws://127.0.0.1:${erePort}\nrole = observer\n`;
  let proxy = await startProxy(ini, { state });
  const charger = () => {
    const c = strictCharger(proxy.port, 'DUR1', ['ocpp1.6']);
    cleanups.push(() => c.close({ force: true }));
    return c;
  };
  let cp = charger();
  await cp.connect();
  await primary.nextClient();
  await cp.call('BootNotification', bootParams('ocpp1.6'));
  await cp.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
  const start = (await cp.call('StartTransaction', { connectorId: 1, idTag: 'CARD1', meterStart: 100, timestamp: new Date().toISOString() })) as { transactionId: number };
  await cp.call('MeterValues', { connectorId: 1, transactionId: start.transactionId, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '500' }] }] });
  await cp.call('StopTransaction', { transactionId: start.transactionId, meterStop: 900, timestamp: new Date().toISOString() });
  await cp.close({ force: true });
  await proxy.close();

  // The backend comes up; the proxy starts again on the same state; the charger reconnects without booting.
  const received: string[] = [];
  const ere = await startCsms({
    protocols: ['ocpp1.6'],
    port: erePort,
    onClient: (client: RPCClientLike) => {
      client.handle('BootNotification', async () => {
        received.push('BootNotification');
        return { status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 };
      });
      client.handle('StatusNotification', async ({ params }) => {
        received.push(`StatusNotification ${params.status}`);
        return {};
      });
      client.handle('StartTransaction', async ({ params }) => {
        received.push(`StartTransaction ${params.idTag}`);
        return { transactionId: 555, idTagInfo: { status: 'Accepted' } };
      });
      client.handle('MeterValues', async ({ params }) => {
        received.push(`MeterValues ${params.transactionId}`);
        return {};
      });
      client.handle('StopTransaction', async ({ params }) => {
        received.push(`StopTransaction ${params.transactionId}`);
        return {};
      });
    },
  });
  cleanups.push(() => ere.close());
  proxy = await startProxy(ini, { state });
  cleanups.push(() => proxy.close());
  cp = charger();
  await cp.connect();
  await cp.call('Heartbeat', {});
  await waitUntil(() => received.length === 5, 'everything at the backend');
  assert.deepEqual(received, ['BootNotification', 'StatusNotification Preparing', 'StartTransaction CARD1', 'MeterValues 555', 'StopTransaction 555']);
  assert.ok(proxy.entries.some((e) => e.to === 'ere' && e.action === 'StopTransaction' && e.tags.includes('replayed')));

  // Answered: a reconnect sends none of it again.
  await cp.close({ force: true });
  cp = charger();
  await cp.connect();
  await cp.call('Heartbeat', {});
  await waitUntil(() => received.length >= 7, 'the replay of boot and status on the reconnect');
  const ereLink = () => proxy.daemon.server.sessions.get('DUR1')?.links.find((l) => l.name === 'ere');
  await waitUntil(() => ereLink()?.catchUp.idle === true, 'the catch-up over');
  assert.deepEqual(received.slice(5), ['BootNotification', 'StatusNotification Preparing'], 'no transaction Call twice');
});
