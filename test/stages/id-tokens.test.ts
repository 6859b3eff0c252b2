// `[upstream.NAME] idtag_map` and `idtag` with strict ocpp-rpc peers: a backend that knows the
// charger's cards under its own tokens sees only those, and its remote start reaches the charger
// with the real card; a report-only backend sees every session under one token.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootParams, cleanupAfter, iniFor, startCsms, startProxy, strictCharger, waitUntil, type RPCClientLike } from '../helpers/peers.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { writeIni } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

test('1.6: idtag_map both ways, idtag for every session, the charger and the primary see the real cards', async () => {
  const seen: Record<string, string[]> = { primary: [], ere: [], stats: [] };
  const record = (name: string) => (client: RPCClientLike) => {
    for (const action of ['Authorize', 'StartTransaction', 'StopTransaction']) {
      client.handle(action, async ({ params }: { params?: any }) => {
        seen[name]!.push(`${action} ${params.idTag}`);
        if (action === 'Authorize') return { idTagInfo: { status: 'Accepted' } };
        if (action === 'StartTransaction') return { transactionId: 11, idTagInfo: { status: 'Accepted' } };
        return {};
      });
    }
  };
  const primary = await startCsms({ protocols: ['ocpp1.6'], onClient: record('primary') });
  const ere = await startCsms({ protocols: ['ocpp1.6'], onClient: record('ere') });
  const stats = await startCsms({ protocols: ['ocpp1.6'], onClient: record('stats') });
  cleanups.push(() => primary.close(), () => ere.close(), () => stats.close());
  const proxy = await startProxy(
    `${iniFor(primary.url)}[upstream.ere]\nurl = ${ere.url}\nrole = secondary\nidtag_map = 04a2b3c4:ERE-0001, CARD2:ERE-0002\n` +
      `[upstream.stats]\nurl = ${stats.url}\nrole = observer\nidtag = HOUSEHOLD\n`,
  );
  cleanups.push(() => proxy.close());
  const remoteStarts: string[] = [];
  const charger = strictCharger(proxy.port, 'IDT', ['ocpp1.6']);
  charger.handle('RemoteStartTransaction', async ({ params }: { params?: any }) => {
    remoteStarts.push(params.idTag);
    return { status: 'Accepted' };
  });
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  await primary.nextClient();
  const atEre = await ere.nextClient();
  await stats.nextClient();
  await charger.call('BootNotification', bootParams('ocpp1.6'));

  await charger.call('Authorize', { idTag: '04A2B3C4' });
  await charger.call('StartTransaction', { connectorId: 1, idTag: '04A2B3C4', meterStart: 0, timestamp: new Date().toISOString() });
  await charger.call('StopTransaction', { transactionId: 11, idTag: 'UNMAPPED', meterStop: 10, timestamp: new Date().toISOString() });
  await waitUntil(() => seen.ere!.length === 3 && seen.stats!.length === 3, 'the copies at both secondaries');
  assert.deepEqual(seen.primary, ['Authorize 04A2B3C4', 'StartTransaction 04A2B3C4', 'StopTransaction UNMAPPED'], 'the primary sees the real cards');
  assert.deepEqual(seen.ere, ['Authorize ERE-0001', 'StartTransaction ERE-0001', 'StopTransaction UNMAPPED'], 'mapped case-insensitively; an unmapped tag passes');
  assert.deepEqual(seen.stats, ['Authorize HOUSEHOLD', 'StartTransaction HOUSEHOLD', 'StopTransaction HOUSEHOLD']);

  assert.deepEqual(await atEre.call('RemoteStartTransaction', { connectorId: 1, idTag: 'ERE-0002' }), { status: 'Accepted' });
  assert.deepEqual(remoteStarts, ['CARD2'], 'the charger gets its own card');
  const logged = proxy.entries.filter((e) => e.action === 'Authorize' && e.type === 'CALL').map((e) => `${e.to}: ${JSON.parse(e.raw)[3].idTag}`);
  assert.deepEqual(logged.sort(), ['ere: ERE-0001', 'primary: 04A2B3C4', 'stats: HOUSEHOLD'], 'the message log shows each hop as sent');
});

test('2.0.1: idToken.idToken mapped in Authorize and TransactionEvent, and back in RequestStartTransaction', async () => {
  const seen: string[] = [];
  const primary = await startCsms({ protocols: ['ocpp2.0.1'] });
  const ere = await startCsms({
    protocols: ['ocpp2.0.1'],
    onClient: (client: RPCClientLike) => {
      client.handle('Authorize', async ({ params }: { params?: any }) => {
        seen.push(`Authorize ${params.idToken.idToken}`);
        return { idTokenInfo: { status: 'Accepted' } };
      });
      client.handle('TransactionEvent', async ({ params }: { params?: any }) => {
        seen.push(`TransactionEvent ${params.eventType} ${params.idToken?.idToken ?? '-'}`);
        return {};
      });
    },
  });
  cleanups.push(() => primary.close(), () => ere.close());
  const proxy = await startProxy(`${iniFor(primary.url)}[upstream.ere]\nurl = ${ere.url}\nrole = secondary\nidtag_map = 04A2B3C4:ERE-0001\n`);
  cleanups.push(() => proxy.close());
  const remoteStarts: string[] = [];
  const charger = strictCharger(proxy.port, 'IDT2', ['ocpp2.0.1']);
  charger.handle('RequestStartTransaction', async ({ params }: { params?: any }) => {
    remoteStarts.push(params.idToken.idToken);
    return { status: 'Accepted' };
  });
  cleanups.push(() => charger.close({ force: true }));
  await charger.connect();
  await primary.nextClient();
  const atEre = await ere.nextClient();
  await charger.call('BootNotification', bootParams('ocpp2.0.1'));
  const token = { idToken: '04A2B3C4', type: 'ISO14443' };
  await charger.call('Authorize', { idToken: token });
  const event = (eventType: string, seqNo: number) => ({
    eventType,
    timestamp: new Date().toISOString(),
    triggerReason: 'Authorized',
    seqNo,
    transactionInfo: { transactionId: 'T-1' },
    idToken: token,
    ...(seqNo === 0 ? { evse: { id: 1, connectorId: 1 } } : {}),
  });
  await charger.call('TransactionEvent', event('Started', 0));
  await charger.call('TransactionEvent', event('Ended', 1));
  await waitUntil(() => seen.length === 3, 'the copies at the secondary');
  assert.deepEqual(seen, ['Authorize ERE-0001', 'TransactionEvent Started ERE-0001', 'TransactionEvent Ended ERE-0001']);
  const toPrimary = proxy.entries.filter((e) => e.to === 'primary' && e.type === 'CALL' && e.action === 'TransactionEvent').map((e) => JSON.parse(e.raw)[3].idToken.idToken);
  assert.deepEqual(toPrimary, ['04A2B3C4', '04A2B3C4'], 'the primary sees the real card');

  assert.deepEqual(await atEre.call('RequestStartTransaction', { remoteStartId: 1, idToken: { idToken: 'ERE-0001', type: 'ISO14443' } }), { status: 'Accepted' });
  assert.deepEqual(remoteStarts, ['04A2B3C4'], 'the charger gets its own card');
});

test('idtag_map and idtag in the INI: pairs checked, not both', () => {
  const problems = (ini: string) => loadConfig({ config: writeIni(`[ext-server]\nserver = ws://127.0.0.1:9\n[upstream.ere]\nurl = ws://127.0.0.1:10\n${ini}`) }, {}).problems.map((p) => `${p.key}: ${p.message}`);
  assert.deepEqual(problems('idtag_map = A:B, c:D\n'), []);
  assert.deepEqual(problems('idtag_map = A\n'), ["idtag_map: 'A' is not CHARGER_TAG:UPSTREAM_TAG"]);
  assert.deepEqual(problems('idtag_map = A:B, a:C\n'), ["idtag_map: 'a' is mapped twice"]);
  assert.deepEqual(problems('idtag_map = A:B\nidtag = X\n'), ['idtag: set idtag_map or idtag, not both']);
});
