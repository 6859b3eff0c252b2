// Boot auto-configuration and the key lock, with strict ocpp-rpc peers in both versions; and a
// quirky wallbox that a strict CSMS rejects directly but accepts through the proxy.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cleanupAfter, bootParams, iniFor, rawCharger, startCsms, startProxy, strictCharger, waitUntil, within } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

const AUTOCONFIG = `[autoconfig]
LocalPreAuthorize = true
AuthorizeRemoteTxRequests = false
OCPPCommCtrlr.HeartbeatInterval = 300
AuthCtrlr.Enabled = true
`;

for (const protocol of ['ocpp1.6', 'ocpp2.0.1']) {
  const is16 = protocol === 'ocpp1.6';
  describe(`autoconfig in ${protocol}`, () => {
    test('sent after each accepted boot, one at a time, before held calls; answers stay with the proxy', async () => {
      let bootStatus = 'Pending';
      const primary = await startCsms({
        protocols: [protocol],
        onClient: (client) =>
          client.handle('BootNotification', async () => ({ status: bootStatus, currentTime: new Date().toISOString(), interval: 300 })),
      });
      const secondary = await startCsms({ protocols: [protocol] });
      const proxy = await startProxy(iniFor(primary.url, secondary.url) + AUTOCONFIG);
      cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
      const charger = strictCharger(proxy.port, `AC-${protocol}`, [protocol]);
      cleanups.push(() => charger.close({ force: true }));
      const seen: string[] = [];
      charger.handle('ChangeConfiguration', async ({ params }: { params?: any }) => {
        seen.push(`${params.key}=${params.value}`);
        return { status: params.key === 'AuthorizeRemoteTxRequests' ? 'Rejected' : 'Accepted' };
      });
      charger.handle('SetVariables', async ({ params }: { params?: any }) => {
        const [item] = params.setVariableData;
        seen.push(`${item.component.name}.${item.variable.name}=${item.attributeValue}`);
        return { setVariableResult: [{ attributeStatus: item.component.name === 'AuthCtrlr' ? 'RebootRequired' : 'Accepted', component: item.component, variable: item.variable }] };
      });
      charger.handle('ClearCache', async () => {
        seen.push('ClearCache');
        return { status: 'Accepted' };
      });
      await charger.connect();
      await primary.nextClient();
      const atSecondary = await secondary.nextClient();

      await charger.call('BootNotification', bootParams(protocol)); // Pending: nothing is sent
      const held = atSecondary.call('ClearCache', {});
      bootStatus = 'Accepted';
      await charger.call('BootNotification', bootParams(protocol));
      await within(held, 'the held secondary call');
      const expected = is16
        ? ['LocalPreAuthorize=true', 'AuthorizeRemoteTxRequests=false', 'ClearCache']
        : ['OCPPCommCtrlr.HeartbeatInterval=300', 'AuthCtrlr.Enabled=true', 'ClearCache'];
      assert.deepEqual(seen, expected, 'after the accepted boot only, in file order, before the held call');

      const memory = proxy.daemon.server.memories.get(`AC-${protocol}`)!;
      assert.deepEqual([...memory.autoconfigResults], is16
        ? [['LocalPreAuthorize', 'Accepted'], ['AuthorizeRemoteTxRequests', 'Rejected']]
        : [['OCPPCommCtrlr.HeartbeatInterval', 'Accepted'], ['AuthCtrlr.Enabled', 'RebootRequired']]);
      assert.ok(proxy.console.some((line) => line.includes('WARNING') && line.includes(is16 ? 'AuthorizeRemoteTxRequests: Rejected' : 'AuthCtrlr.Enabled: RebootRequired')));
      const configAction = is16 ? 'ChangeConfiguration' : 'SetVariables';
      const injected = proxy.entries.filter((e) => e.tags.includes('injected') && e.action === configAction);
      assert.equal(injected.length, 4, 'besides the [configuration] views read (GetConfiguration / GetVariables)');
      for (const entry of injected) assert.ok(['proxy>charger', 'charger>proxy'].includes(`${entry.from}>${entry.to}`));
      assert.ok(!proxy.entries.some((e) => e.action === configAction && ['primary', 'secondary'].includes(e.to)), 'no upstream sees them');

      seen.length = 0;
      await charger.call('BootNotification', bootParams(protocol));
      await waitUntil(() => seen.length === 2, 'autoconfig again at the next boot');
    });

    test('lock: upstreams cannot change managed keys; other keys and reads pass', async () => {
      const primary = await startCsms({ protocols: [protocol] });
      const proxy = await startProxy(`${iniFor(primary.url)}${AUTOCONFIG}lock = true\n`);
      cleanups.push(() => primary.close(), () => proxy.close());
      const charger = strictCharger(proxy.port, `LOCK-${protocol}`, [protocol]);
      cleanups.push(() => charger.close({ force: true }));
      const seen: unknown[] = [];
      charger.handle('ChangeConfiguration', async ({ params }: { params?: any }) => {
        seen.push(params);
        return { status: 'Accepted' };
      });
      charger.handle('SetVariables', async ({ params }: { params?: any }) => {
        seen.push(params);
        return { setVariableResult: params.setVariableData.map((d: { component: unknown; variable: unknown }) => ({ attributeStatus: 'Accepted', component: d.component, variable: d.variable })) };
      });
      await charger.connect();
      const atPrimary = await primary.nextClient();
      await charger.call('BootNotification', bootParams(protocol));
      await waitUntil(() => seen.length === 2, 'the autoconfig calls');
      seen.length = 0;

      if (is16) {
        assert.deepEqual(await atPrimary.call('ChangeConfiguration', { key: 'LocalPreAuthorize', value: 'false' }), { status: 'Rejected' });
        assert.deepEqual(await atPrimary.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '60' }), { status: 'Accepted' });
        assert.deepEqual(seen, [{ key: 'MeterValueSampleInterval', value: '60' }]);
      } else {
        const free = { attributeValue: '30', component: { name: 'TxCtrlr' }, variable: { name: 'EVConnectionTimeOut' } };
        const locked = { attributeValue: '10', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } };
        const answer = (await atPrimary.call('SetVariables', { setVariableData: [free, locked] })) as { setVariableResult: unknown[] };
        assert.deepEqual(seen, [{ setVariableData: [free] }], 'the charger never sees the locked variable');
        assert.deepEqual(answer.setVariableResult, [
          { attributeStatus: 'Accepted', component: free.component, variable: free.variable },
          { attributeStatus: 'Rejected', component: locked.component, variable: locked.variable },
        ]);
        assert.deepEqual(await atPrimary.call('SetVariables', { setVariableData: [locked] }), {
          setVariableResult: [{ attributeStatus: 'Rejected', component: locked.component, variable: locked.variable }],
        });
        assert.equal(seen.length, 1);
      }
      assert.ok(proxy.entries.some((e) => e.tags.includes('blocked') && e.from === 'primary'));
    });
  });
}

describe('a quirky wallbox', () => {
  const quirky = [
    '[2,"100","StatusNotification",{"connectorId":1,"errorCode":"NoError","info":"","status":"Available","timestamp":"0000-00-00T00:00:00.000Z","vendorErrorCode":""}]',
    '[2,"101","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"","sampledValue":[{"value":"1.10","measurand":"Energy.Active.Import.Register"}]}]}]',
    // ocpp-rpc's date-time check lets this one through; a stricter CSMS does not, so it is repaired too.
    '[2,"102","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Charging","timestamp":"2026-11-21 20:00:00"}]',
  ];

  test('a strict CSMS rejects its raw frames directly, and accepts them through the proxy at //ID', async () => {
    const csms = await startCsms({ protocols: ['ocpp1.6'] });
    cleanups.push(() => csms.close());
    const direct = await rawCharger(csms.port, '/AcTec001');
    cleanups.push(() => direct.ws.terminate());
    for (const frame of quirky.slice(0, 2)) {
      direct.ws.send(frame);
      const answer = JSON.parse(await direct.nextFrame());
      assert.equal(answer[0], 4, `rejected directly: ${frame}`);
      assert.notEqual(answer[2], 'NotImplemented', 'rejected for its content');
    }

    const proxy = await startProxy(iniFor(csms.url));
    cleanups.push(() => proxy.close());
    const charger = await rawCharger(proxy.port, '//AcTec001');
    cleanups.push(() => charger.ws.terminate());
    const atCsms = await csms.nextClient();
    assert.equal(atCsms.identity, 'AcTec001');
    charger.ws.send('[2,"99","BootNotification",{"chargePointVendor":"AcTec","chargePointModel":"AC"}]');
    assert.equal(JSON.parse(await charger.nextFrame())[0], 3);
    for (const frame of quirky) {
      charger.ws.send(frame);
      const answer = JSON.parse(await charger.nextFrame());
      assert.deepEqual(answer.slice(0, 2), [3, JSON.parse(frame)[1]], `accepted through the proxy: ${frame}`);
    }
    const fixed = proxy.entries.filter((e) => e.tags.includes('fixed'));
    assert.equal(fixed.length, 3);
    assert.ok(fixed.every((e) => e.raw.includes('"info":"') || !e.raw.includes('info')));
    assert.ok(proxy.console.some((line) => line.includes('timestamps fixed StatusNotification timestamp: "0000-00-00T00:00:00.000Z"')));
  });
});
