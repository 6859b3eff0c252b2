// RFID split and transaction-aware routing, with strict peers in 1.6 and 2.0.1, through charger
// reconnects and proxy restarts; transaction-id translation in plain two-way mode.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cleanupAfter, bootParams, iniFor, idOf, rawCharger, startCsms, startProxy, startRawCsms, strictCharger, tempDir, waitUntil, type Csms, type RPCClientLike, type TestProxy } from '../helpers/peers.ts';
import { Store } from '../../src/store/store.ts';

const cleanups = cleanupAfter();

const TX_ACTIONS = new Set(['Authorize', 'StartTransaction', 'MeterValues', 'StopTransaction', 'TransactionEvent']);

/** A strict CSMS that numbers its transactions from `firstTx` and records every charger Call. */
async function txCsms(protocol: string, firstTx: number): Promise<Csms & { calls: Array<[string, any]> }> {
  const calls: Array<[string, any]> = [];
  let next = firstTx;
  const csms = await startCsms({
    protocols: [protocol],
    onClient: (client: RPCClientLike) => {
      const record = (action: string, answer: (params: any) => unknown) =>
        client.handle(action, async ({ params }) => {
          calls.push([action, params]);
          return answer(params);
        });
      record('BootNotification', () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 }));
      record('StatusNotification', () => ({}));
      record('MeterValues', () => ({}));
      if (protocol === 'ocpp1.6') {
        record('Authorize', () => ({ idTagInfo: { status: 'Accepted' } }));
        record('StartTransaction', () => ({ transactionId: next++, idTagInfo: { status: 'Accepted' } }));
        record('StopTransaction', () => ({}));
      } else {
        record('Authorize', () => ({ idTokenInfo: { status: 'Accepted' } }));
        record('TransactionEvent', () => ({}));
      }
    },
  });
  return Object.assign(csms, { calls });
}

const txCallsOf = (csms: { calls: Array<[string, any]> }) => csms.calls.filter(([action]) => TX_ACTIONS.has(action));
const meter16 = (tx: number, wh: number) => ({
  connectorId: 1,
  transactionId: tx,
  meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: String(wh), measurand: 'Energy.Active.Import.Register' }] }],
});

describe('RFID split in ocpp1.6', () => {
  test('company card → only the secondary sees the session and the charger gets its transactionId; private card → only the primary; both survive a reconnect and a proxy restart', async () => {
    const primary = await txCsms('ocpp1.6', 1001);
    const secondary = await txCsms('ocpp1.6', 5001);
    const state = join(tempDir(), 'state.db');
    const ini = `${iniFor(primary.url, secondary.url)}primary_rfid = PRIVATE1\nsecondary_rfid = COMPANY1\n`;
    let proxy: TestProxy = await startProxy(ini, { state });
    cleanups.push(() => primary.close(), () => secondary.close());
    let charger = strictCharger(proxy.port, 'SPLIT16', ['ocpp1.6']);
    await charger.connect();
    await charger.call('BootNotification', bootParams('ocpp1.6'));

    assert.deepEqual(await charger.call('Authorize', { idTag: 'company1' }), { idTagInfo: { status: 'Accepted' } });
    const company = (await charger.call('StartTransaction', { connectorId: 1, idTag: 'company1', meterStart: 1000, timestamp: new Date().toISOString() })) as { transactionId: number };
    assert.equal(company.transactionId, 5001, 'the owner\'s transactionId reaches the charger');
    const priv = (await charger.call('StartTransaction', { connectorId: 2, idTag: 'PRIVATE1', meterStart: 200, timestamp: new Date().toISOString() })) as { transactionId: number };
    assert.equal(priv.transactionId, 1001);
    await charger.call('MeterValues', meter16(5001, 1500)); // interleaved sessions on two connectors
    await charger.call('MeterValues', { ...meter16(1001, 300), connectorId: 2 });
    await charger.call('Authorize', { idTag: 'UNKNOWN9' });

    // The charger reconnects mid-session: routing is kept.
    await charger.close({ code: 1000 });
    charger = strictCharger(proxy.port, 'SPLIT16', ['ocpp1.6']);
    await charger.connect();
    await charger.call('MeterValues', meter16(5001, 2000));

    // The proxy restarts mid-session: routing comes back from the state file.
    await charger.close({ code: 1000 });
    await proxy.close();
    proxy = await startProxy(ini, { state });
    cleanups.push(() => proxy.close());
    charger = strictCharger(proxy.port, 'SPLIT16', ['ocpp1.6']);
    cleanups.push(() => charger.close({ force: true }));
    await charger.connect();
    await charger.call('StopTransaction', { transactionId: 5001, meterStop: 9000, timestamp: new Date().toISOString(), reason: 'EVDisconnected' });
    await charger.call('StopTransaction', { transactionId: 1001, meterStop: 1200, timestamp: new Date().toISOString() });

    assert.deepEqual(txCallsOf(secondary).map(([a, p]) => `${a}:${p.idTag ?? p.transactionId}`), [
      'Authorize:company1',
      'StartTransaction:company1',
      'MeterValues:5001',
      'MeterValues:5001',
      'StopTransaction:5001',
    ]);
    assert.deepEqual(txCallsOf(primary).map(([a, p]) => `${a}:${p.idTag ?? p.transactionId}`), [
      'StartTransaction:PRIVATE1',
      'MeterValues:1001',
      'Authorize:UNKNOWN9',
      'StopTransaction:1001',
    ]);
    assert.ok(primary.calls.some(([a]) => a === 'BootNotification') && secondary.calls.some(([a]) => a === 'BootNotification'), 'charger-wide calls go to both');

    await proxy.close();
    const store = Store.open(state);
    const sessions = store.sessions({ charger: 'SPLIT16' });
    store.close();
    assert.deepEqual(sessions.map((s) => [s.charger_tx, s.owner, s.connector, s.id_tag, s.energy_kwh, s.stop_reason]), [
      ['5001', 'secondary', 1, 'company1', 8, 'EVDisconnected'],
      ['1001', 'primary', 2, 'PRIVATE1', 1, 'Local'],
    ]);
  });

  test('a RemoteStartTransaction makes the sending upstream the owner of the session it starts', async () => {
    const primary = await txCsms('ocpp1.6', 1001);
    const secondary = await txCsms('ocpp1.6', 5001);
    const proxy = await startProxy(`${iniFor(primary.url, secondary.url)}primary_rfid = PRIVATE1\n`);
    cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
    const charger = strictCharger(proxy.port, 'REMOTE16', ['ocpp1.6']);
    cleanups.push(() => charger.close({ force: true }));
    charger.handle('RemoteStartTransaction', async () => ({ status: 'Accepted' }));
    await charger.connect();
    await charger.call('BootNotification', bootParams('ocpp1.6'));
    const atSecondary = secondary.clients[0]!;
    await atSecondary.call('RemoteStartTransaction', { connectorId: 1, idTag: 'PRIVATE1' });
    const started = (await charger.call('StartTransaction', { connectorId: 1, idTag: 'PRIVATE1', meterStart: 0, timestamp: new Date().toISOString() })) as { transactionId: number };
    assert.equal(started.transactionId, 5001);
    assert.deepEqual(txCallsOf(primary), []);
  });
});

describe('two-way mode (no split): transaction ids per upstream', () => {
  test('the secondary gets its own transactionId in MeterValues and StopTransaction, and its RemoteStop is mapped back', async () => {
    const primary = await txCsms('ocpp1.6', 1001);
    const secondary = await txCsms('ocpp1.6', 5001);
    const proxy = await startProxy(iniFor(primary.url, secondary.url));
    cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
    const charger = strictCharger(proxy.port, 'TWOWAY', ['ocpp1.6']);
    cleanups.push(() => charger.close({ force: true }));
    const remoteStops: unknown[] = [];
    charger.handle('RemoteStopTransaction', async ({ params }) => {
      remoteStops.push(params);
      return { status: 'Accepted' };
    });
    await charger.connect();
    await charger.call('BootNotification', bootParams('ocpp1.6'));
    const started = (await charger.call('StartTransaction', { connectorId: 1, idTag: 'ANY', meterStart: 0, timestamp: new Date().toISOString() })) as { transactionId: number };
    assert.equal(started.transactionId, 1001, 'the primary owns it');
    await charger.call('MeterValues', meter16(1001, 500));
    await waitUntil(() => secondary.calls.filter(([a]) => a === 'MeterValues').length === 1, 'the MeterValues at the secondary');
    assert.deepEqual(txCallsOf(primary).map(([a, p]) => `${a}:${p.transactionId ?? p.idTag}`), ['StartTransaction:ANY', 'MeterValues:1001']);
    assert.deepEqual(txCallsOf(secondary).map(([a, p]) => `${a}:${p.transactionId ?? p.idTag}`), ['StartTransaction:ANY', 'MeterValues:5001']);
    const atSecondary = secondary.clients[0]!;
    assert.deepEqual(await atSecondary.call('RemoteStopTransaction', { transactionId: 5001 }), { status: 'Accepted' });
    assert.deepEqual(remoteStops, [{ transactionId: 1001 }]);
    await charger.call('StopTransaction', { transactionId: 1001, meterStop: 700, timestamp: new Date().toISOString() });
    await waitUntil(() => secondary.calls.some(([a]) => a === 'StopTransaction'), 'the stop at the secondary');
    assert.equal(secondary.calls.find(([a]) => a === 'StopTransaction')![1].transactionId, 5001);
    const toSecondary = proxy.entries.find((e) => e.to === 'secondary' && e.action === 'MeterValues')!;
    const toPrimary = proxy.entries.find((e) => e.to === 'primary' && e.action === 'MeterValues')!;
    assert.equal(toSecondary.raw, toPrimary.raw.replace('"transactionId":1001', '"transactionId":5001'), 'only the id differs');
  });

  test('a StartTransaction the charger resends is not started twice upstream', async () => {
    const primary = await startRawCsms(['ocpp1.6']);
    const proxy = await startProxy(iniFor(primary.url));
    cleanups.push(() => primary.close(), () => proxy.close());
    const charger = await rawCharger(proxy.port, '/RESEND');
    cleanups.push(() => charger.ws.terminate());
    const p = await primary.nextSocket();
    const start = (id: string) => `[2,"${id}","StartTransaction",{"connectorId":1,"idTag":"T1","meterStart":5,"timestamp":"2026-11-21T10:00:00.000Z"}]`;
    charger.ws.send(start('s1'));
    assert.equal(await primary.nextFrame(), start('s1'));
    charger.ws.send(start('s2')); // no answer yet: the charger tries again
    charger.ws.send('[2,"h1","Heartbeat",{}]');
    assert.equal(await primary.nextFrame(), '[2,"h1","Heartbeat",{}]', 'the resend did not go upstream');
    p.send('[3,"s1",{"transactionId":77,"idTagInfo":{"status":"Accepted"}}]');
    assert.equal(await charger.nextFrame(), '[3,"s2",{"transactionId":77,"idTagInfo":{"status":"Accepted"}}]', 'the answer under the id the charger now waits for');
    charger.ws.send(start('s3'));
    assert.equal(await charger.nextFrame(), '[3,"s3",{"transactionId":77,"idTagInfo":{"status":"Accepted"}}]');
    p.send('[3,"h1",{"currentTime":"2026-11-21T10:00:00.000Z"}]');
    assert.equal(idOf(await charger.nextFrame()), 'h1');
    assert.equal(primary.received.filter((f) => f.includes('StartTransaction')).length, 1);
  });
});

describe('RFID split in ocpp2.0.1', () => {
  const event = (eventType: string, tx: string, extra: Record<string, unknown> = {}, wh?: number) => ({
    eventType,
    timestamp: new Date().toISOString(),
    triggerReason: eventType === 'Started' ? 'Authorized' : eventType === 'Ended' ? 'StopAuthorized' : 'MeterValuePeriodic',
    seqNo: 0,
    transactionInfo: { transactionId: tx, ...(eventType === 'Ended' ? { stoppedReason: 'Local' } : {}) },
    ...(wh === undefined ? {} : { meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: wh, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }] }] }),
    ...extra,
  });

  test('the first event with an idToken decides; later events follow the transaction; a remote start wins', async () => {
    const primary = await txCsms('ocpp2.0.1', 0);
    const secondary = await txCsms('ocpp2.0.1', 0);
    const proxy = await startProxy(`${iniFor(primary.url, secondary.url)}primary_rfid = PRIVATE1\nsecondary_rfid = COMPANY1\n`);
    cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
    const charger = strictCharger(proxy.port, 'SPLIT201', ['ocpp2.0.1']);
    cleanups.push(() => charger.close({ force: true }));
    charger.handle('RequestStartTransaction', async () => ({ status: 'Accepted' }));
    await charger.connect();
    await charger.call('BootNotification', bootParams('ocpp2.0.1'));
    const company = { idToken: { idToken: 'Company1', type: 'ISO14443' } };
    await charger.call('Authorize', company);
    await charger.call('TransactionEvent', event('Started', 'TX-A', company, 1000));
    await charger.call('TransactionEvent', event('Updated', 'TX-A', {}, 2000));
    await charger.call('TransactionEvent', event('Started', 'TX-B', { idToken: { idToken: 'PRIVATE1', type: 'ISO14443' } }));
    await charger.call('TransactionEvent', event('Ended', 'TX-A', {}, 4000));

    await secondary.clients[0]!.call('RequestStartTransaction', { remoteStartId: 7, idToken: { idToken: 'PRIVATE1', type: 'ISO14443' } });
    await charger.call('TransactionEvent', event('Started', 'TX-C', { idToken: { idToken: 'PRIVATE1', type: 'ISO14443' }, transactionInfo: { transactionId: 'TX-C', remoteStartId: 7 } }));

    const txOf = (csms: { calls: Array<[string, any]> }) => txCallsOf(csms).map(([a, p]) => (a === 'Authorize' ? a : `${p.eventType}:${p.transactionInfo.transactionId}`));
    assert.deepEqual(txOf(secondary), ['Authorize', 'Started:TX-A', 'Updated:TX-A', 'Ended:TX-A', 'Started:TX-C']);
    assert.deepEqual(txOf(primary), ['Started:TX-B']);
    const sessions = proxy.daemon.store!.sessions({ charger: 'SPLIT201' });
    assert.deepEqual(sessions.map((s) => [s.charger_tx, s.owner, s.energy_kwh]), [
      ['TX-A', 'secondary', 3],
      ['TX-B', 'primary', null],
      ['TX-C', 'secondary', null],
    ]);
  });
});
