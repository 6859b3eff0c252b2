// Durable delivery through the built bundle as a real process: a reporter is down while a whole
// 1.6 transaction happens, the daemon is stopped with SIGTERM (and, separately, killed with
// SIGKILL, so nothing is flushed on the way out), the reporter comes up, the daemon starts again
// on the same state file: the reporter gets everything, in order, with its own transaction id,
// and nothing twice once it answered, across one more restart.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootParams, cleanupAfter, freePort, startCsms, strictCharger, tempDir, waitUntil, within, type RPCClientLike } from '../helpers/peers.ts';
import { startDaemon } from '../helpers/daemon-process.ts';

const cleanups = cleanupAfter();

for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
  test(`1.6 with a ${signal} between: the reporter gets boot, status and the whole transaction once, with its own id`, async () => {
    const primary = await startCsms({ protocols: ['ocpp1.6'] });
    cleanups.push(() => primary.close());
    const erePort = await freePort();
    const dir = tempDir();
    const ini = join(dir, 'proxy.ini');
    writeFileSync(ini, `[ext-server]\nserver = ${primary.url}\n[upstream.ere]\nurl = ws://127.0.0.1:${erePort}\nrole = reporter\n`);
    const args = ['run', '-c', ini, '--state', join(dir, 'state.db'), '--log-file', join(dir, 'messages.log')];
    const start = async () => {
      const daemon = await startDaemon(args, { cwd: dir });
      cleanups.push(() => daemon.child.kill('SIGKILL'));
      return daemon;
    };
    const charger = async (port: number) => {
      const cp = strictCharger(port, 'KILL1', ['ocpp1.6']);
      cleanups.push(() => cp.close({ force: true }));
      await cp.connect();
      return cp;
    };

    let daemon = await start();
    let cp = await charger(daemon.port);
    await cp.call('BootNotification', bootParams('ocpp1.6'));
    await cp.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
    const { transactionId } = (await cp.call('StartTransaction', { connectorId: 1, idTag: 'CARD1', meterStart: 100, timestamp: new Date().toISOString() })) as { transactionId: number };
    await cp.call('MeterValues', { connectorId: 1, transactionId, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '500' }] }] });
    await cp.call('StopTransaction', { transactionId, meterStop: 900, timestamp: new Date().toISOString() });
    await cp.close({ force: true });
    daemon.child.kill(signal);
    await within(once(daemon.child, 'exit'), `the daemon to end on ${signal}`);

    const received: string[] = [];
    const ere = await startCsms({
      protocols: ['ocpp1.6'],
      port: erePort,
      onClient: (client: RPCClientLike) => {
        const record = (label: (p: any) => string, answer: object) => async ({ params }: { params: any }) => {
          received.push(label(params));
          return answer;
        };
        client.handle('BootNotification', record(() => 'BootNotification', { status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 }));
        client.handle('StatusNotification', record((p) => `StatusNotification ${p.status}`, {}));
        client.handle('StartTransaction', record((p) => `StartTransaction ${p.idTag} ${p.meterStart}`, { transactionId: 777, idTagInfo: { status: 'Accepted' } }));
        client.handle('MeterValues', record((p) => `MeterValues ${p.transactionId}`, {}));
        client.handle('StopTransaction', record((p) => `StopTransaction ${p.transactionId} ${p.meterStop}`, {}));
        client.handle('Heartbeat', record(() => 'Heartbeat', { currentTime: new Date().toISOString() }));
      },
    });
    cleanups.push(() => ere.close());

    daemon = await start();
    cp = await charger(daemon.port);
    await cp.call('Heartbeat', {});
    await waitUntil(() => received.includes('StopTransaction 777 900'), 'the StopTransaction at the reporter');
    assert.deepEqual(received.filter((r) => r !== 'Heartbeat'), [
      'BootNotification',
      'StatusNotification Preparing',
      'StartTransaction CARD1 100',
      'MeterValues 777',
      'StopTransaction 777 900',
    ]);

    // Answered: one more restart and reconnect replays boot and status, no transaction Call.
    await cp.close({ force: true });
    daemon.child.kill('SIGTERM');
    await within(once(daemon.child, 'exit'), 'the daemon to end');
    received.length = 0;
    daemon = await start();
    cp = await charger(daemon.port);
    await cp.call('Heartbeat', {});
    await waitUntil(() => received.includes('Heartbeat'), 'the heartbeat after the replay');
    assert.deepEqual(received, ['BootNotification', 'StatusNotification Preparing', 'Heartbeat'], 'nothing twice');
  });
}
