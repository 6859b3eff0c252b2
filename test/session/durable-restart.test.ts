// Durable delivery through the built bundle as a real process: a reporter is down while a whole
// transaction happens (1.6 and 2.0.1), the daemon is stopped with SIGTERM (and, separately,
// killed with SIGKILL, so nothing is flushed on the way out), the reporter comes up, the daemon
// starts again on the same state file: the reporter gets everything, in order (in 1.6 with its
// own transaction id), and nothing twice once it answered, across one more restart.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RPCClient } from 'ocpp-rpc';
import { bootParams, cleanupAfter, freePort, startCsms, strictCharger, tempDir, waitUntil, within, type RPCClientLike } from '../helpers/peers.ts';
import { startDaemon } from '../helpers/daemon-process.ts';

const cleanups = cleanupAfter();
const now = () => new Date().toISOString();

/** What a charger does while the reporter is away, what the reporter answers, and what it must get. */
interface Scenario {
  protocol: 'ocpp1.6' | 'ocpp2.0.1';
  transaction(cp: RPCClient): Promise<void>;
  answers: Record<string, { label: (params: any) => string; answer: () => object }>;
  expected: string[];
}

const V16: Scenario = {
  protocol: 'ocpp1.6',
  async transaction(cp) {
    await cp.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
    const { transactionId } = (await cp.call('StartTransaction', { connectorId: 1, idTag: 'CARD1', meterStart: 100, timestamp: now() })) as { transactionId: number };
    await cp.call('MeterValues', { connectorId: 1, transactionId, meterValue: [{ timestamp: now(), sampledValue: [{ value: '500' }] }] });
    await cp.call('StopTransaction', { transactionId, meterStop: 900, timestamp: now() });
  },
  answers: {
    StatusNotification: { label: (p) => `StatusNotification ${p.status}`, answer: () => ({}) },
    StartTransaction: { label: (p) => `StartTransaction ${p.idTag} ${p.meterStart}`, answer: () => ({ transactionId: 777, idTagInfo: { status: 'Accepted' } }) },
    MeterValues: { label: (p) => `MeterValues ${p.transactionId}`, answer: () => ({}) },
    StopTransaction: { label: (p) => `StopTransaction ${p.transactionId} ${p.meterStop}`, answer: () => ({}) },
  },
  expected: ['BootNotification', 'StatusNotification Preparing', 'StartTransaction CARD1 100', 'MeterValues 777', 'StopTransaction 777 900'],
};

const V201: Scenario = {
  protocol: 'ocpp2.0.1',
  async transaction(cp) {
    await cp.call('StatusNotification', { timestamp: now(), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 });
    const event = (eventType: string, seqNo: number, triggerReason: string) => ({
      eventType,
      timestamp: now(),
      triggerReason,
      seqNo,
      transactionInfo: { transactionId: 'TX-K' },
      ...(seqNo === 0 ? { evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'CARD1', type: 'ISO14443' } } : {}),
    });
    await cp.call('TransactionEvent', event('Started', 0, 'Authorized'));
    await cp.call('TransactionEvent', event('Updated', 1, 'MeterValuePeriodic'));
    await cp.call('TransactionEvent', event('Ended', 2, 'EVDeparted'));
  },
  answers: {
    StatusNotification: { label: (p) => `StatusNotification ${p.connectorStatus}`, answer: () => ({}) },
    TransactionEvent: { label: (p) => `TransactionEvent ${p.eventType} ${p.seqNo} ${p.transactionInfo.transactionId}`, answer: () => ({}) },
  },
  expected: ['BootNotification', 'StatusNotification Occupied', 'TransactionEvent Started 0 TX-K', 'TransactionEvent Updated 1 TX-K', 'TransactionEvent Ended 2 TX-K'],
};

for (const scenario of [V16, V201]) {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    test(`${scenario.protocol} with a ${signal} between: the reporter gets boot, status and the whole transaction once`, async () => {
      const { protocol } = scenario;
      const primary = await startCsms({ protocols: [protocol] });
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
        const cp = strictCharger(port, 'KILL1', [protocol]);
        cleanups.push(() => cp.close({ force: true }));
        await cp.connect();
        return cp;
      };

      let daemon = await start();
      let cp = await charger(daemon.port);
      await cp.call('BootNotification', bootParams(protocol));
      await scenario.transaction(cp);
      await cp.close({ force: true });
      daemon.child.kill(signal);
      await within(once(daemon.child, 'exit'), `the daemon to end on ${signal}`);

      const received: string[] = [];
      const handlers: Scenario['answers'] = {
        ...scenario.answers,
        BootNotification: { label: () => 'BootNotification', answer: () => ({ status: 'Accepted', currentTime: now(), interval: 300 }) },
        Heartbeat: { label: () => 'Heartbeat', answer: () => ({ currentTime: now() }) },
      };
      const ere = await startCsms({
        protocols: [protocol],
        port: erePort,
        onClient: (client: RPCClientLike) => {
          for (const [action, { label, answer }] of Object.entries(handlers)) {
            client.handle(action, async ({ params }) => {
              received.push(label(params));
              return answer();
            });
          }
        },
      });
      cleanups.push(() => ere.close());

      daemon = await start();
      cp = await charger(daemon.port);
      await cp.call('Heartbeat', {});
      await waitUntil(() => received.includes(scenario.expected.at(-1)!), 'the last transaction Call at the reporter');
      assert.deepEqual(received.filter((r) => r !== 'Heartbeat'), scenario.expected);

      // Answered: one more restart and reconnect replays boot and status, no transaction Call.
      await cp.close({ force: true });
      daemon.child.kill('SIGTERM');
      await within(once(daemon.child, 'exit'), 'the daemon to end');
      received.length = 0;
      daemon = await start();
      cp = await charger(daemon.port);
      await cp.call('Heartbeat', {});
      await waitUntil(() => received.includes('Heartbeat'), 'the heartbeat after the replay');
      assert.deepEqual(received, [...scenario.expected.slice(0, 2), 'Heartbeat'], 'nothing twice');
      // The charger implements no smart charging: the proxy's clears after each restart are asked once, not in a loop.
      await cp.close({ force: true });
      daemon.child.kill('SIGTERM');
      await within(once(daemon.child, 'exit'), 'the daemon to end');
      const clears = readFileSync(join(dir, 'messages.log'), 'utf8').split('\n').filter((l) => l.includes('"type":"CALL","id"') && l.includes('"action":"ClearChargingProfile"'));
      assert.ok(clears.length <= 4, `${clears.length} ClearChargingProfile Calls`);
    });
  }
}
