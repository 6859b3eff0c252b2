// Several instances behind HAProxy on one PostgreSQL, all real processes (issue 23): the built
// bundle twice, Debian's HAProxy hashing on the charger path, a PostgreSQL of the test's own.
// A charger in the middle of a split transaction loses its instance to kill -9; it reconnects
// through HAProxy to the survivor, which finishes the transaction with the same owner, the same
// upstream transaction ids and the same outboxes. A charger that hops between instances is served
// by exactly one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RPCClient } from 'ocpp-rpc';
import { cleanupAfter, eventually, freePort, startCsms, strictCharger, tempDir, waitUntil, within, type RPCClientLike } from '../helpers/peers.ts';
import { startDaemon } from '../helpers/daemon-process.ts';
import { freshDatabase, postgresForFile, queryOnce } from '../helpers/postgres.ts';
import { haproxyMissing, startHaproxy } from '../helpers/haproxy.ts';

const cleanups = cleanupAfter();
const db = postgresForFile(cleanups, haproxyMissing());
const skip = db.skip;
const now = () => new Date().toISOString();

/** A CSMS that records the transaction Calls it gets ("Action idTag|transactionId") and hands out its own transaction id. */
async function recordingCsms(transactionId: number, port = 0) {
  const calls: string[] = [];
  const csms = await startCsms({
    protocols: ['ocpp1.6'],
    port,
    onClient: (client: RPCClientLike) => {
      client.handle('StartTransaction', async ({ params }) => {
        calls.push(`StartTransaction ${(params as { idTag: string }).idTag}`);
        return { transactionId, idTagInfo: { status: 'Accepted' } };
      });
      for (const action of ['MeterValues', 'StopTransaction']) {
        client.handle(action, async ({ params }) => {
          calls.push(`${action} ${(params as { transactionId: number }).transactionId}`);
          return {};
        });
      }
    },
  });
  cleanups.push(() => csms.close());
  return { csms, calls };
}

interface Instance {
  name: string;
  port: number;
  webPort: number;
  child: ChildProcess;
  output: () => string;
}

async function startInstance(name: string, ini: string): Promise<Instance> {
  const dir = tempDir();
  const file = join(dir, 'proxy.ini');
  writeFileSync(file, `${ini}[store]\ninstance = ${name}\n`);
  const webPort = await freePort();
  const daemon = await startDaemon(['run', '-c', file, '--log-file', join(dir, 'messages.log')], { cwd: dir, webPort });
  cleanups.push(() => daemon.child.kill('SIGKILL'));
  return { name, port: daemon.port, webPort, child: daemon.child, output: daemon.output };
}

async function servedBy(instance: Instance, charger: string): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${instance.webPort}/api/status`);
  const status = (await response.json()) as { chargers: Array<{ id: string }> };
  return status.chargers.some((c) => c.id === charger);
}

async function connect(port: number, id: string): Promise<RPCClient> {
  const cp = strictCharger(port, id, ['ocpp1.6']);
  cleanups.push(() => cp.close({ force: true }));
  await cp.connect();
  return cp;
}

test('kill -9 of the instance in the middle of a split transaction: the survivor finishes it with the same owner, ids and outboxes', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const company = await recordingCsms(11);
  const home = await recordingCsms(555);
  const ere = await recordingCsms(900);
  const auditPort = await freePort(); // the audit backend is away until the end
  const ini =
    `[ext-server]\nserver = ${company.csms.url}\nprimary_rfid = COMPANY\n` +
    `[upstream.home]\nurl = ${home.csms.url}\nrfid = HOME\n` +
    `[upstream.ere]\nurl = ${ere.csms.url}\nrole = reporter\n` +
    `[upstream.audit]\nurl = ws://127.0.0.1:${auditPort}\nrole = reporter\n` +
    `[store]\nurl = ${url}\n`;
  const instances = [await startInstance('a', ini), await startInstance('b', ini)];
  const haproxy = await startHaproxy(instances.map((i) => ({ name: i.name, port: i.port, healthPort: i.webPort })));
  cleanups.push(() => haproxy.stop());

  let cp = await connect(haproxy.port, 'SPLIT1');
  await cp.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
  const { transactionId } = (await cp.call('StartTransaction', { connectorId: 1, idTag: 'HOME', meterStart: 1000, timestamp: now() })) as { transactionId: number };
  assert.equal(transactionId, 555, "the owner's (home's) transaction id reaches the charger");
  await cp.call('MeterValues', { connectorId: 1, transactionId, meterValue: [{ timestamp: now(), sampledValue: [{ value: '2000' }] }] });
  await waitUntil(() => ere.calls.includes('MeterValues 900'), 'the reporter to get the meter values under its own id');

  const serving = (await eventually(async () => {
    for (const instance of instances) if (await servedBy(instance, 'SPLIT1')) return instance;
    return null;
  }, 'an instance to list the charger'))!;
  const survivor = instances.find((i) => i !== serving)!;
  serving.child.kill('SIGKILL');
  await within(once(serving.child, 'exit'), 'the instance to die');

  // The charger reconnects through HAProxy (it redispatches while its health check catches up).
  cp = await eventually(async () => {
    const next = strictCharger(haproxy.port, 'SPLIT1', ['ocpp1.6']);
    try {
      await next.connect();
      cleanups.push(() => next.close({ force: true }));
      return next;
    } catch {
      return null;
    }
  }, 'the charger to reconnect through HAProxy', 15_000);
  await eventually(async () => ((await servedBy(survivor, 'SPLIT1')) ? true : null), 'the survivor to serve the charger');
  await cp.call('MeterValues', { connectorId: 1, transactionId, meterValue: [{ timestamp: now(), sampledValue: [{ value: '3000' }] }] });
  await cp.call('StopTransaction', { transactionId, meterStop: 4000, timestamp: now() });

  assert.deepEqual(home.calls, ['StartTransaction HOME', 'MeterValues 555', 'MeterValues 555', 'StopTransaction 555'], 'the owner got the whole transaction');
  assert.deepEqual(company.calls, [], 'the company backend never saw the home card');
  await waitUntil(() => ere.calls.includes('StopTransaction 900'), "the reporter's stop");
  assert.deepEqual(ere.calls, ['StartTransaction HOME', 'MeterValues 900', 'MeterValues 900', 'StopTransaction 900'], 'the reporter kept its own id across instances');

  // The audit backend comes up: the survivor delivers the whole outbox, written by both instances, in order.
  const audit = await recordingCsms(31, auditPort);
  await waitUntil(() => audit.calls.includes('StopTransaction 31'), 'the outbox at the audit backend', 20_000);
  assert.deepEqual(audit.calls, ['StartTransaction HOME', 'MeterValues 31', 'MeterValues 31', 'StopTransaction 31']);

  const [session] = await queryOnce<{ owner: string; energy_kwh: number; charger_tx: string }>(url, "SELECT owner, energy_kwh, charger_tx FROM sessions WHERE charger = 'SPLIT1'");
  assert.deepEqual(session, { owner: 'home', energy_kwh: 3, charger_tx: '555' });
  await eventually(async () => ((await queryOnce(url, 'SELECT 1 FROM outbox')).length === 0 ? true : null), 'the outbox to empty');
  assert.deepEqual(
    (await queryOnce<{ upstream: string; upstream_tx: string }>(url, "SELECT upstream, upstream_tx FROM upstream_tx WHERE charger = 'SPLIT1' ORDER BY upstream")).map((r) => `${r.upstream}=${r.upstream_tx}`),
    ['audit=31', 'ere=900'],
  );
});

test('a charger that hops between instances twice in a row is served by exactly one: the last', { skip }, async () => {
  const url = await freshDatabase(db.server);
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  cleanups.push(() => primary.close());
  const ini = `[ext-server]\nserver = ${primary.url}\n[store]\nurl = ${url}\n`;
  const [a, b] = [await startInstance('a', ini), await startInstance('b', ini)];
  const closes: string[] = [];
  const hop = async (instance: Instance, label: string) => {
    const cp = await connect(instance.port, 'HOPPER');
    cp.once('close', () => closes.push(label));
    await cp.call('Heartbeat', {});
    return cp;
  };
  await hop(a!, 'first (a)');
  await hop(b!, 'second (b)');
  const last = await hop(a!, 'third (a)');
  await waitUntil(() => closes.length === 2, 'the two earlier connections to be closed', 5_000);
  assert.deepEqual(closes.sort(), ['first (a)', 'second (b)']);
  assert.equal(await servedBy(a!, 'HOPPER'), true);
  assert.equal(await servedBy(b!, 'HOPPER'), false);
  await last.call('Heartbeat', {});
  assert.deepEqual(await queryOnce(url, "SELECT instance FROM charger_owner WHERE charger = 'HOPPER'"), [{ instance: 'a' }]);
});
