// Boot hold and replay with strict ocpp-rpc peers in both versions: the replayed boot and the
// released calls are valid OCPP for a strict CSMS and charger.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cleanupAfter, bootParams, iniFor, startCsms, startProxy, strictCharger, within } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

for (const protocol of ['ocpp1.6', 'ocpp2.0.1']) {
  describe(protocol, () => {
    test('a secondary call waits for the accepted boot; a reconnecting secondary gets the boot and statuses replayed', async () => {
      const primary = await startCsms({ protocols: [protocol] });
      let secondary = await startCsms({ protocols: [protocol] });
      const secondaryPort = secondary.port;
      const proxy = await startProxy(iniFor(primary.url, secondary.url));
      cleanups.push(() => primary.close(), () => proxy.close());
      const charger = strictCharger(proxy.port, `V-${protocol}`, [protocol]);
      cleanups.push(() => charger.close({ force: true }));
      const is16 = protocol === 'ocpp1.6';
      charger.handle(is16 ? 'GetConfiguration' : 'GetVariables', async () =>
        is16 ? { configurationKey: [] } : { getVariableResult: [{ attributeStatus: 'UnknownComponent', component: { name: 'X' }, variable: { name: 'Y' } }] },
      );
      await charger.connect();
      await primary.nextClient();
      const atSecondary = await secondary.nextClient();

      const early = atSecondary.call(
        is16 ? 'GetConfiguration' : 'GetVariables',
        is16 ? {} : { getVariableData: [{ component: { name: 'X' }, variable: { name: 'Y' } }] },
      );
      await charger.call('BootNotification', bootParams(protocol));
      await within(early, 'the held call to be answered after the boot');
      const order = proxy.entries.map((e) => `${e.from}>${e.to} ${e.type} ${e.action}`);
      const bootAnswer = order.indexOf('primary>charger CALLRESULT BootNotification');
      const released = order.indexOf(`secondary>charger CALL ${is16 ? 'GetConfiguration' : 'GetVariables'}`);
      assert.ok(bootAnswer >= 0 && released > bootAnswer, 'the secondary call reached the charger only after the accepted boot');

      const statusParams = is16
        ? { connectorId: 1, errorCode: 'NoError', status: 'Available' }
        : { timestamp: '2026-11-21T00:00:00.000Z', connectorStatus: 'Available', evseId: 1, connectorId: 1 };
      await charger.call('StatusNotification', statusParams);

      await secondary.close();
      const seen: Array<[string, unknown]> = [];
      let bothSeen!: () => void;
      const done = new Promise<void>((resolve) => (bothSeen = resolve));
      secondary = await startCsms({
        protocols: [protocol],
        port: secondaryPort,
        onClient: (back) => {
          back.handle('BootNotification', async ({ params }) => {
            seen.push(['BootNotification', params]);
            return { status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 };
          });
          back.handle('StatusNotification', async ({ params }) => {
            seen.push(['StatusNotification', params]);
            bothSeen();
            return {};
          });
        },
      });
      cleanups.push(() => secondary.close());
      await within(done, 'the replayed boot and status at the strict secondary');
      assert.deepEqual(seen, [['BootNotification', bootParams(protocol)], ['StatusNotification', statusParams]]);
    });
  });
}
