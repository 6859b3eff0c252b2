// role = local: the built-in minimal CSMS, with strict chargers in both versions, and the shipped
// ocpp-2w-proxy.ini working out of the box.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { cleanupAfter, bootParams, freePort, startCsms, startProxy, strictCharger, tempDir, within } from '../helpers/peers.ts';

const root = resolve(import.meta.dirname, '../..');
const cleanups = cleanupAfter();

test('1.6: boot, heartbeat, tags per accept_tags, numbered transactions', async () => {
  const proxy = await startProxy('[upstream.local]\nrole = local\n[local]\naccept_tags = good1\nheartbeat_interval = 60\n');
  cleanups.push(() => proxy.close());
  const charger = strictCharger(proxy.port, 'LOCAL16', ['ocpp1.6']);
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  const boot = (await charger.call('BootNotification', bootParams('ocpp1.6'))) as { status: string; interval: number };
  assert.deepEqual([boot.status, boot.interval], ['Accepted', 60]);
  assert.ok(Date.parse(((await charger.call('Heartbeat', {})) as { currentTime: string }).currentTime) > 0);
  assert.deepEqual(await charger.call('Authorize', { idTag: 'GOOD1' }), { idTagInfo: { status: 'Accepted' } });
  assert.deepEqual(await charger.call('Authorize', { idTag: 'other' }), { idTagInfo: { status: 'Invalid' } });
  const first = (await charger.call('StartTransaction', { connectorId: 1, idTag: 'GOOD1', meterStart: 0, timestamp: new Date().toISOString() })) as { transactionId: number };
  const second = (await charger.call('StartTransaction', { connectorId: 2, idTag: 'GOOD1', meterStart: 0, timestamp: new Date().toISOString() })) as { transactionId: number };
  assert.deepEqual([first.transactionId, second.transactionId], [1, 2]);
  await charger.call('MeterValues', { connectorId: 1, transactionId: 1, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '5' }] }] });
  await charger.call('StopTransaction', { transactionId: 1, meterStop: 500, timestamp: new Date().toISOString() });
  await charger.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
  await assert.rejects(charger.call('CancelReservation' as string, {}), /./, 'what it does not know is refused, not made up');
});

test('2.0.1, beside a real secondary that gets everything', async () => {
  const secondary = await startCsms({ protocols: ['ocpp2.0.1'] });
  const proxy = await startProxy(`[upstream.local]\nrole = local\n[upstream.ha]\nurl = ${secondary.url}\n`);
  cleanups.push(() => secondary.close(), () => proxy.close());
  const charger = strictCharger(proxy.port, 'LOCAL201', ['ocpp2.0.1']);
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  assert.equal(((await charger.call('BootNotification', bootParams('ocpp2.0.1'))) as { status: string }).status, 'Accepted');
  assert.deepEqual(await charger.call('Authorize', { idToken: { idToken: 'ANY', type: 'ISO14443' } }), { idTokenInfo: { status: 'Accepted' } });
  await charger.call('TransactionEvent', { eventType: 'Started', timestamp: new Date().toISOString(), triggerReason: 'Authorized', seqNo: 0, transactionInfo: { transactionId: 'T1' }, idToken: { idToken: 'ANY', type: 'ISO14443' } });
  const atSecondary = await secondary.nextClient();
  assert.equal(atSecondary.protocol, 'ocpp2.0.1');
});

test('the shipped ocpp-2w-proxy.ini: a charger connects and boots at once, with no backend', async () => {
  const dir = tempDir();
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/ocpp-proxy.mjs'), '-c', join(root, 'ocpp-2w-proxy.ini'), '--listen-host', '127.0.0.1', '--listen-port', String(port), '--web-port', '0', '--log-file', join(dir, 'm.log'), '--state', join(dir, 's.db')], { cwd: dir });
  cleanups.push(() => child.kill('SIGKILL'));
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  await within(new Promise<void>((ok, fail) => {
    child.stdout.on('data', () => output.includes('listening for chargers') && ok());
    child.once('exit', () => fail(new Error(output)));
  }), 'the daemon to start');
  const charger = strictCharger(port, 'FRESH', ['ocpp2.0.1', 'ocpp1.6']);
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  assert.equal(((await charger.call('BootNotification', bootParams(charger.protocol!))) as { status: string }).status, 'Accepted');
});
