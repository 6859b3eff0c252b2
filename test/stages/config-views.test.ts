// [configuration] views with strict ocpp-rpc peers: a billing primary and an HA-like secondary
// write the same keys; the charger gets the union and the minimum, each backend reads and
// receives its own view, and all of it survives a proxy restart.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { bootParams, cleanupAfter, iniFor, startCsms, startProxy, strictCharger, tempDir, waitUntil, within, type RPCClientLike } from '../helpers/peers.ts';


const cleanups = cleanupAfter();

const FACTORY_16: Record<string, string> = { MeterValuesSampledData: 'Energy.Active.Import.Register', MeterValueSampleInterval: '300', ClockAlignedDataInterval: '0', HeartbeatInterval: '300' };

interface ChargerState {
  config: Record<string, string>;
  writes: string[];
}

function charger16(port: number, id: string, state: ChargerState) {
  const charger = strictCharger(port, id, ['ocpp1.6']);
  charger.handle('GetConfiguration', async ({ params }: { params?: any }) => {
    const wanted: string[] = params.key ?? Object.keys(state.config);
    return { configurationKey: wanted.filter((k) => k in state.config).map((key) => ({ key, readonly: false, value: state.config[key] })), unknownKey: wanted.filter((k) => !(k in state.config)) };
  });
  charger.handle('ChangeConfiguration', async ({ params }: { params?: any }) => {
    if (params.key === 'MeterValuesSampledData' && params.value.includes('Bogus')) return { status: 'Rejected' };
    state.writes.push(`${params.key}=${params.value}`);
    state.config[params.key] = params.value;
    return { status: 'Accepted' };
  });
  cleanups.push(() => charger.close({ force: true }));
  return charger;
}

const meterValues = (timestamp: string) => ({
  connectorId: 1,
  transactionId: 1,
  meterValue: [
    {
      timestamp,
      sampledValue: [
        { value: '1200', measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
        { value: '7000', measurand: 'Power.Active.Import', unit: 'W' },
        { value: '10', measurand: 'Current.Import', unit: 'A', phase: 'L1' },
      ],
    },
  ],
});

test('1.6: union and minimum at the charger, each backend its own view, across a restart', async () => {
  const received: { primary: any[]; secondary: any[] } = { primary: [], secondary: [] };
  const recordMeter = (name: 'primary' | 'secondary') => (client: RPCClientLike) =>
    client.handle('MeterValues', ({ params }) => {
      received[name].push(params);
      return {};
    });
  const primary = await startCsms({ protocols: ['ocpp1.6'], onClient: recordMeter('primary') });
  const secondary = await startCsms({ protocols: ['ocpp1.6'], onClient: recordMeter('secondary') });
  cleanups.push(() => primary.close(), () => secondary.close());
  const state = join(tempDir(), 'state.db');
  const chargerState: ChargerState = { config: { ...FACTORY_16 }, writes: [] };

  let proxy = await startProxy(iniFor(primary.url, secondary.url), { state });
  cleanups.push(() => proxy.close());
  let charger = charger16(proxy.port, 'CV16', chargerState);
  await charger.connect();
  let atPrimary = await primary.nextClient();
  let atSecondary = await secondary.nextClient();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  await proxy.entry((e) => e.action === 'GetConfiguration' && e.from === 'charger' && e.tags.includes('injected'), 'the base read answered');

  // The billing primary: energy register, every 60 s.
  assert.deepEqual(await atPrimary.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '60' }), { status: 'Accepted' });
  assert.deepEqual(await atPrimary.call('ChangeConfiguration', { key: 'MeterValuesSampledData', value: 'Energy.Active.Import.Register' }), { status: 'Accepted' });
  assert.deepEqual(chargerState.writes, ['MeterValueSampleInterval=60'], 'an unchanged effective value is not written');
  assert.ok(proxy.entries.some((e) => e.from === 'proxy' && e.to === 'primary' && e.type === 'CALLRESULT' && e.action === 'ChangeConfiguration'), 'answered by the proxy');

  // HA-like secondary: power and current, every 10 s.
  assert.deepEqual(await atSecondary.call('ChangeConfiguration', { key: 'MeterValuesSampledData', value: 'Power.Active.Import,Current.Import' }), { status: 'Accepted' });
  assert.deepEqual(await atSecondary.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '10' }), { status: 'Accepted' });
  assert.equal(chargerState.config.MeterValuesSampledData, 'Energy.Active.Import.Register,Power.Active.Import,Current.Import');
  assert.equal(chargerState.config.MeterValueSampleInterval, '10');

  // Bad input: a measurand the charger rejects, a negative interval, a flood of the same write.
  assert.deepEqual(await atSecondary.call('ChangeConfiguration', { key: 'MeterValuesSampledData', value: 'Bogus' }), { status: 'Rejected' });
  assert.deepEqual(await atSecondary.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '-5' }), { status: 'Rejected' });
  const writesBefore = chargerState.writes.length;
  await Promise.all(Array.from({ length: 30 }, () => atSecondary.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '10' })));
  assert.equal(chargerState.writes.length, writesBefore, 'repeating a value writes nothing');

  const own = async (client: RPCClientLike) => {
    const answer = await client.call('GetConfiguration', { key: ['MeterValuesSampledData', 'MeterValueSampleInterval'] });
    return Object.fromEntries(answer.configurationKey.map((k: { key: string; value: string }) => [k.key, k.value]));
  };
  assert.deepEqual(await own(atPrimary), { MeterValuesSampledData: 'Energy.Active.Import.Register', MeterValueSampleInterval: '60' });
  assert.deepEqual(await own(atSecondary), { MeterValuesSampledData: 'Power.Active.Import,Current.Import', MeterValueSampleInterval: '10' });

  // MeterValues: the primary gets them as sent; the secondary only its measurands, at most every 10 s.
  await charger.call('MeterValues', meterValues('2025-01-01T10:00:00Z'));
  await waitUntil(() => received.secondary.length === 1, 'the filtered MeterValues at the secondary');
  assert.equal(received.primary[0].meterValue[0].sampledValue.length, 3);
  assert.deepEqual(received.secondary[0].meterValue[0].sampledValue.map((s: { measurand: string }) => s.measurand), ['Power.Active.Import', 'Current.Import']);
  assert.ok(proxy.entries.some((e) => e.to === 'secondary' && e.action === 'MeterValues' && e.tags.includes('filtered')));
  // The charger runs at the secondary's 10 s: it gets every frame (the rate filter is in meter-views.test.ts).
  await charger.call('MeterValues', meterValues('2025-01-01T10:00:10Z'));
  await waitUntil(() => received.primary.length === 2 && received.secondary.length === 2, 'both MeterValues at both');

  const status = proxy.daemon.server.sessions.get('CV16')!.status().configuration;
  assert.deepEqual(status.MeterValueSampleInterval!.views, { primary: '60', secondary: '10' });

  // Restart with the same state; the charger was reset to its factory values meanwhile.
  await charger.close({ force: true });
  await proxy.close();
  chargerState.config = { ...FACTORY_16 };
  chargerState.writes = [];
  proxy = await startProxy(iniFor(primary.url, secondary.url), { state });
  charger = charger16(proxy.port, 'CV16', chargerState);
  await charger.connect();
  atPrimary = await primary.nextClient();
  atSecondary = await secondary.nextClient();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  await waitUntil(() => chargerState.writes.length === 2, 'the effective values sent again after the factory reset');
  assert.equal(chargerState.config.MeterValueSampleInterval, '10');
  assert.equal(chargerState.config.MeterValuesSampledData, 'Energy.Active.Import.Register,Power.Active.Import,Current.Import');
  assert.ok(proxy.entries.some((e) => e.action === 'ChangeConfiguration' && e.from === 'proxy' && e.tags.includes('injected')));
  assert.deepEqual(await own(atPrimary), { MeterValuesSampledData: 'Energy.Active.Import.Register', MeterValueSampleInterval: '60' });
  assert.deepEqual(await own(atSecondary), { MeterValuesSampledData: 'Power.Active.Import,Current.Import', MeterValueSampleInterval: '10' });

  // The secondary resets its view: the charger goes back to the primary's values.
  await within(atSecondary.call('ChangeConfiguration', { key: 'MeterValuesSampledData', value: '' }), 'reset measurands');
  await within(atSecondary.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '0' }), 'reset interval');
  assert.equal(chargerState.config.MeterValuesSampledData, 'Energy.Active.Import.Register');
  assert.equal(chargerState.config.MeterValueSampleInterval, '60');
});

const FACTORY_201: Record<string, string> = {
  'SampledDataCtrlr.TxUpdatedMeasurands': 'Energy.Active.Import.Register',
  'SampledDataCtrlr.TxUpdatedInterval': '300',
  'OCPPCommCtrlr.HeartbeatInterval': '300',
};

test('2.0.1: mixed SetVariables split and recombined in order; own GetVariables; filtered TransactionEvent', async () => {
  const received: { primary: any[]; secondary: any[] } = { primary: [], secondary: [] };
  const recordTx = (name: 'primary' | 'secondary') => (client: RPCClientLike) =>
    client.handle('TransactionEvent', async ({ params }) => {
      received[name].push(params);
      return {};
    });
  const primary = await startCsms({ protocols: ['ocpp2.0.1'], onClient: recordTx('primary') });
  const secondary = await startCsms({ protocols: ['ocpp2.0.1'], onClient: recordTx('secondary') });
  cleanups.push(() => primary.close(), () => secondary.close());
  const state = join(tempDir(), 'state.db');
  let proxy = await startProxy(iniFor(primary.url, secondary.url), { state });
  cleanups.push(() => proxy.close());
  const config = { ...FACTORY_201 };
  const writes: string[][] = [];
  const charger201 = () => {
    const charger = strictCharger(proxy.port, 'CV201', ['ocpp2.0.1']);
    cleanups.push(() => charger.close({ force: true }));
    return charger;
  };
  let charger = charger201();
  const idOf = (d: { component: { name: string }; variable: { name: string } }) => `${d.component.name}.${d.variable.name}`;
  const handle = () => {
    charger.handle('GetVariables', async ({ params }: { params?: any }) => ({
      getVariableResult: params.getVariableData.map((d: any) =>
        idOf(d) in config ? { attributeStatus: 'Accepted', attributeValue: config[idOf(d)], component: d.component, variable: d.variable } : { attributeStatus: 'UnknownVariable', component: d.component, variable: d.variable },
      ),
    }));
    charger.handle('SetVariables', async ({ params }: { params?: any }) => {
      writes.push(params.setVariableData.map((d: any) => `${idOf(d)}=${d.attributeValue}`));
      return {
        setVariableResult: params.setVariableData.map((d: any) => {
          config[idOf(d)] = d.attributeValue;
          return { attributeStatus: 'Accepted', component: d.component, variable: d.variable };
        }),
      };
    });
  };
  handle();
  await charger.connect();
  let atPrimary = await primary.nextClient();
  let atSecondary = await secondary.nextClient();
  await charger.call('BootNotification', bootParams('ocpp2.0.1'));
  await proxy.entry((e) => e.action === 'GetVariables' && e.from === 'charger' && e.tags.includes('injected'), 'the base read answered');

  const v = (component: string, variable: string, attributeValue: string) => ({ attributeValue, component: { name: component }, variable: { name: variable } });
  await atPrimary.call('SetVariables', { setVariableData: [v('SampledDataCtrlr', 'TxUpdatedInterval', '60')] });
  const mixed = await atSecondary.call('SetVariables', {
    setVariableData: [
      v('OCPPCommCtrlr', 'HeartbeatInterval', '120'),
      v('SampledDataCtrlr', 'TxUpdatedMeasurands', 'Power.Active.Import,Current.Import'),
      v('SampledDataCtrlr', 'TxUpdatedInterval', 'ten'),
      v('SampledDataCtrlr', 'TxUpdatedInterval', '10'),
    ],
  });
  assert.deepEqual(mixed.setVariableResult.map((r: { attributeStatus: string; variable: { name: string } }) => `${r.variable.name}:${r.attributeStatus}`), [
    'HeartbeatInterval:Accepted',
    'TxUpdatedMeasurands:Accepted',
    'TxUpdatedInterval:Rejected',
    'TxUpdatedInterval:Accepted',
  ]);
  assert.equal(config['SampledDataCtrlr.TxUpdatedMeasurands'], 'Energy.Active.Import.Register,Power.Active.Import,Current.Import');
  assert.equal(config['SampledDataCtrlr.TxUpdatedInterval'], '10');
  assert.equal(config['OCPPCommCtrlr.HeartbeatInterval'], '120');

  const read = async (client: RPCClientLike) => {
    const answer = await client.call('GetVariables', { getVariableData: [{ component: { name: 'SampledDataCtrlr' }, variable: { name: 'TxUpdatedMeasurands' } }, { component: { name: 'SampledDataCtrlr' }, variable: { name: 'TxUpdatedInterval' } }] });
    return answer.getVariableResult.map((r: { attributeValue: string }) => r.attributeValue);
  };
  assert.deepEqual(await read(atPrimary), ['Energy.Active.Import.Register', '60']);
  assert.deepEqual(await read(atSecondary), ['Power.Active.Import,Current.Import', '10']);

  await charger.call('TransactionEvent', {
    eventType: 'Updated',
    timestamp: '2025-01-01T10:00:00Z',
    triggerReason: 'MeterValuePeriodic',
    seqNo: 1,
    transactionInfo: { transactionId: 'T1' },
    evse: { id: 1, connectorId: 1 },
    meterValue: [{ timestamp: '2025-01-01T10:00:00Z', sampledValue: [{ value: 1200, measurand: 'Energy.Active.Import.Register' }, { value: 7000, measurand: 'Power.Active.Import' }] }],
  });
  await waitUntil(() => received.primary.length === 1 && received.secondary.length === 1, 'the TransactionEvent at both');
  assert.equal(received.primary[0].meterValue[0].sampledValue.length, 2);
  assert.deepEqual(received.secondary[0].meterValue[0].sampledValue, [{ value: 7000, measurand: 'Power.Active.Import' }]);

  // A proxy restart with the same state: each backend still reads its own view.
  await charger.close({ force: true });
  await proxy.close();
  proxy = await startProxy(iniFor(primary.url, secondary.url), { state });
  charger = charger201();
  handle();
  await charger.connect();
  atPrimary = await primary.nextClient();
  atSecondary = await secondary.nextClient();
  await charger.call('BootNotification', bootParams('ocpp2.0.1'));
  await proxy.entry((e) => e.action === 'GetVariables' && e.from === 'charger' && e.tags.includes('injected'), 'the base read after the restart');
  assert.deepEqual(await read(atPrimary), ['Energy.Active.Import.Register', '60']);
  assert.deepEqual(await read(atSecondary), ['Power.Active.Import,Current.Import', '10']);

  // The secondary resets its view: the charger goes back to the primary's values.
  await atSecondary.call('SetVariables', { setVariableData: [v('SampledDataCtrlr', 'TxUpdatedMeasurands', ''), v('SampledDataCtrlr', 'TxUpdatedInterval', '0')] });
  assert.equal(config['SampledDataCtrlr.TxUpdatedMeasurands'], 'Energy.Active.Import.Register');
  assert.equal(config['SampledDataCtrlr.TxUpdatedInterval'], '60');
});

test('1.6: one upstream reads nothing; a reconnect without boot reads again; a write that never reached the charger gives the view back', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const secondary = await startCsms({ protocols: ['ocpp1.6'] });
  cleanups.push(() => primary.close(), () => secondary.close());

  // One upstream: nothing is shared, the proxy does not read.
  const alone = await startProxy(iniFor(primary.url));
  cleanups.push(() => alone.close());
  const lonely: ChargerState = { config: { ...FACTORY_16 }, writes: [] };
  const single = charger16(alone.port, 'CV1', lonely);
  await single.connect();
  await primary.nextClient();
  await single.call('BootNotification', bootParams('ocpp1.6'));
  await single.call('Heartbeat', {});
  assert.ok(!alone.entries.some((e) => e.tags.includes('injected')), 'no read of its own with one upstream');
  await single.close({ force: true });

  const proxy = await startProxy(iniFor(primary.url, secondary.url));
  cleanups.push(() => proxy.close());
  const chargerState: ChargerState = { config: { ...FACTORY_16 }, writes: [] };
  let charger = charger16(proxy.port, 'CVR', chargerState);
  await charger.connect();
  await primary.nextClient();
  let atSecondary = await secondary.nextClient();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  const reads = () => proxy.entries.filter((e) => e.action === 'GetConfiguration' && e.from === 'charger' && e.tags.includes('injected')).length;
  await waitUntil(() => reads() === 1, 'the read after the boot');

  // A 1.6 charger that reconnects without booting: read once on the new connection.
  await charger.close({ force: true });
  charger = charger16(proxy.port, 'CVR', chargerState);
  await charger.connect();
  const atPrimary = await primary.nextClient();
  atSecondary = await secondary.nextClient();
  await waitUntil(() => reads() === 2, 'the read on the reconnect');
  await charger.call('Heartbeat', {});
  assert.equal(reads(), 2, 'once per connection');

  // The charger holds a primary Call unanswered; the secondary's view write waits behind it, and
  // the secondary goes away before it is sent: its view stays as it was.
  let release: () => void = () => undefined;
  charger.handle('ClearCache', () => new Promise((resolve) => (release = () => resolve({ status: 'Accepted' }))));
  const session = () => proxy.daemon.server.sessions.get('CVR')!;
  const busy = atPrimary.call('ClearCache', {});
  await proxy.entry((e) => e.action === 'ClearCache' && e.to === 'charger', 'the primary Call at the charger');
  void atSecondary.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '5' }).catch(() => undefined);
  await waitUntil(() => session().status().configuration.MeterValueSampleInterval?.views.secondary === '5', 'the view taken at once');
  assert.equal(session().queuedCalls, 2, 'the primary\'s Call in flight, the write waiting');
  await atSecondary.close({ code: 1000 });
  await waitUntil(() => session().status().configuration.MeterValueSampleInterval?.views.secondary === '300', 'the view given back');
  release();
  assert.deepEqual(await busy, { status: 'Accepted' });
  assert.ok(!chargerState.writes.includes('MeterValueSampleInterval=5'), 'the charger never got it');
});
