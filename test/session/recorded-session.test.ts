// A scripted session through every kind of routing the proxy does — boot, autoconfig, RFID
// split with transaction-id translation, a command from the secondary, a secondary outage with
// backlog and replay — gives exactly the recorded message log (timestamps and generated ids
// aside). A refactoring that changes what goes where, in which order, fails here.
//
// OCPP_PROXY_RECORD=1 rewrites test/fixtures/recorded-session.jsonl from the current code.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bootParams, cleanupAfter, iniFor, startCsms, startProxy, strictCharger, waitUntil, type RPCClientLike, type TestProxy } from '../helpers/peers.ts';
import type { MessageLogEntry } from '../../src/log/message-log.ts';

const cleanups = cleanupAfter();
const fixture = join(resolve(import.meta.dirname, '..'), 'fixtures/recorded-session.jsonl');

/** Generated ids become #1, #2… in order of first appearance; timestamps go. */
function normalise(entries: MessageLogEntry[]): string[] {
  const ids = new Map<string, string>();
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  const stable = (text: string) => text.replace(uuid, (id) => ids.get(id) ?? (ids.set(id, `#${ids.size + 1}`), ids.get(id)!));
  return entries.map(({ charger, from, to, type, id, action, tags, raw }) =>
    stable(JSON.stringify({ charger, from, to, type, id, action, tags, raw: raw.replace(/"(timestamp|currentTime)":"[^"]*"/g, '"$1":"T"') })),
  );
}

test('a recorded session: the message log is the same as recorded', async () => {
  let secondaryClient: RPCClientLike | null = null;
  let nextTx = 7001;
  const primary = await startCsms({ protocols: ['ocpp1.6'], interval: 300 });
  const secondaryHandlers = (client: RPCClientLike) => {
    secondaryClient = client;
    client.handle('StartTransaction', () => ({ transactionId: nextTx++, idTagInfo: { status: 'Accepted' } }));
  };
  let secondary = await startCsms({ protocols: ['ocpp1.6'], interval: 60, onClient: secondaryHandlers });
  const secondaryPort = secondary.port;
  const ini = `${iniFor(primary.url, secondary.url)}secondary_rfid = COMPANY1\n[autoconfig]\nMeterValueSampleInterval = 60\n`;
  const proxy: TestProxy = await startProxy(ini);
  cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
  const steps: string[][] = [];
  let seen = 0;
  /** Lines logged since the last step, sorted: upstreams answer in any order within a step. */
  const step = async (settled: () => boolean, what: string) => {
    await waitUntil(settled, what);
    steps.push(normalise(proxy.entries.slice(seen)).sort());
    seen = proxy.entries.length;
  };
  const count = (predicate: (e: MessageLogEntry) => boolean) => proxy.entries.filter(predicate).length;

  const charger = strictCharger(proxy.port, 'REC1', ['ocpp1.6']);
  charger.handle('ChangeConfiguration', async () => ({ status: 'Accepted' }));
  charger.handle('DataTransfer', async () => ({ status: 'Accepted' }));
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  await waitUntil(() => secondaryClient !== null, 'the secondary link');
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  await step(() => count((e) => e.action === 'BootNotification') === 4 && count((e) => e.action === 'ChangeConfiguration') === 2 && count((e) => e.action === 'GetConfiguration') === 2, 'boot, autoconfig and the read of the configuration views');

  await charger.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
  await step(() => count((e) => e.action === 'StatusNotification') === 4, 'status');

  // The company card's session belongs to the secondary: its transaction id goes to the charger.
  await charger.call('Authorize', { idTag: 'COMPANY1' });
  const start = (await charger.call('StartTransaction', { connectorId: 1, idTag: 'COMPANY1', meterStart: 100, timestamp: new Date().toISOString() })) as { transactionId: number };
  assert.equal(start.transactionId, 7001);
  await step(() => count((e) => e.action === 'StartTransaction' && e.to === 'charger') === 1, 'the company session');

  // A private session alongside on the primary (two-way: the secondary numbers it itself).
  await charger.call('Heartbeat', {});
  await step(() => count((e) => e.action === 'Heartbeat') === 4, 'heartbeat');

  // The secondary commands the charger.
  await secondaryClient!.call('DataTransfer', { vendorId: 'rec' });
  await step(() => count((e) => e.action === 'DataTransfer') === 2, 'a command from the secondary');

  // The secondary (the session's owner) goes away; the session's meter values wait for it and
  // follow the replay of boot and status when it is back, and its answer reaches the charger.
  const link = proxy.daemon.server!.sessions.get('REC1')!.links[1]!;
  await secondary.close();
  await waitUntil(() => !link.isOpen, 'the secondary link to drop');
  const meter = charger.call('MeterValues', { connectorId: 1, transactionId: 7001, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '500' }] }] });
  secondaryClient = null;
  secondary = await startCsms({ protocols: ['ocpp1.6'], interval: 60, port: secondaryPort, onClient: secondaryHandlers });
  await meter;
  await step(() => count((e) => e.action === 'MeterValues') === 2 && count((e) => e.tags.includes('replayed')) === 4, 'the replay and the backlog');

  await charger.call('StopTransaction', { transactionId: 7001, meterStop: 900, timestamp: new Date().toISOString() });
  await step(() => count((e) => e.action === 'StopTransaction') === 2, 'the stop');

  const lines = steps.map((lines, i) => [`# step ${i + 1}`, ...lines]).flat();
  if (process.env.OCPP_PROXY_RECORD === '1') writeFileSync(fixture, `${lines.join('\n')}\n`);
  assert.deepEqual(lines, readFileSync(fixture, 'utf8').trimEnd().split('\n'));
});
