// A household the page tests (and the screenshots in docs/) look at: a proxy with a primary, EVCC
// as a secondary that sets a 16 A limit, and a Home Assistant secondary that is down; sharing on,
// charger logins required. HOME1 is online and charging (one finished session of 2 h behind it,
// with meter values every 5 min); GARAGE2 connected once, went away and is now refused for a
// wrong password; NEW-CHARGER has never been let in (unknown id). Strict ocpp-rpc peers only.

import type { RPCClient } from 'ocpp-rpc';
import { hashPassword } from '../../src/auth/charger-auth.ts';
import { freePort, startCsms, startProxy, strictCharger, waitUntil, type Csms, type RPCClientLike, type TestProxy } from '../helpers/peers.ts';

export interface Household {
  proxy: TestProxy;
  primary: Csms;
  evcc: Csms;
  home: RPCClient;
  /** Calls the proxy sent to HOME1, by action. */
  received: Map<string, unknown[]>;
  /** The transaction ids of the finished and the running session. */
  finishedTx: number;
  runningTx: number;
  web: number;
  close(): Promise<void>;
}

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Meter values of a 3-phase charger at `watts`, the register at `wh`. */
export function meterValue(at: number, watts: number, wh: number, context = 'Sample.Periodic'): Record<string, unknown> {
  const amps = watts / 3 / 230;
  const phases = ['L1', 'L2', 'L3'];
  return {
    timestamp: iso(at),
    sampledValue: [
      { value: String(Math.round(watts)), measurand: 'Power.Active.Import', unit: 'W', context },
      { value: String(Math.round(wh)), measurand: 'Energy.Active.Import.Register', unit: 'Wh', context },
      ...phases.map((phase, i) => ({ value: (amps * (1 - i * 0.02)).toFixed(2), measurand: 'Current.Import', phase, unit: 'A', context })),
      ...phases.map((phase, i) => ({ value: (230.5 - i * 1.3).toFixed(1), measurand: 'Voltage', phase: `${phase}-N`, unit: 'V', context })),
    ],
  };
}

/** Answers every Call the overview can send, and records them. */
function answerCommands(charger: RPCClient, received: Map<string, unknown[]>): void {
  const answers: Record<string, Record<string, unknown>> = {
    Reset: { status: 'Accepted' },
    UnlockConnector: { status: 'Unlocked' },
    ChangeAvailability: { status: 'Accepted' },
    ChangeConfiguration: { status: 'Accepted' },
    GetConfiguration: { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }] },
    TriggerMessage: { status: 'Accepted' },
    RemoteStartTransaction: { status: 'Accepted' },
    RemoteStopTransaction: { status: 'Accepted' },
    SetChargingProfile: { status: 'Accepted' },
    ClearChargingProfile: { status: 'Accepted' },
  };
  for (const [action, answer] of Object.entries(answers)) {
    charger.handle(action, async ({ params }) => {
      received.set(action, [...(received.get(action) ?? []), params]);
      return answer;
    });
  }
}

export async function startHousehold(now = Date.now()): Promise<Household> {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const evcc = await startCsms({ protocols: ['ocpp1.6'] });
  const haPort = await freePort(); // nobody listens: Home Assistant is down
  const hash = await hashPassword('right');
  const proxy = await startProxy(
    `[ext-server]\nserver = ${primary.url}\nprimary_price_per_kwh = 0.32\n` +
      `[upstream.evcc]\nurl = ${evcc.url}\nrole = secondary\n` +
      `[upstream.ha]\nurl = ws://127.0.0.1:${haPort}\nrole = secondary\n` +
      `[host]\nrequire_auth = true\n[chargers]\nHOME1 = ${hash}\nGARAGE2 = ${hash}\n` +
      `[sharing]\nenabled = true\n`,
    {},
    true,
  );
  const received = new Map<string, unknown[]>();

  // GARAGE2: served once, then gone; now it comes back with a wrong password.
  const garage = strictCharger(proxy.port, 'GARAGE2', ['ocpp1.6'], { password: 'right' });
  await garage.connect();
  await garage.call('BootNotification', { chargePointVendor: 'Wallbox', chargePointModel: 'Pulsar Plus', firmwareVersion: '6.5.12' });
  await garage.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
  await garage.close();
  await waitUntil(() => proxy.daemon.server.sessions.get('GARAGE2') === undefined, 'GARAGE2 to be gone');
  const wrong = strictCharger(proxy.port, 'GARAGE2', ['ocpp1.6'], { password: 'wrong', reconnect: false });
  await wrong.connect().catch(() => undefined);
  const stranger = strictCharger(proxy.port, 'NEW-CHARGER', ['ocpp1.6'], { password: 'x', reconnect: false });
  await stranger.connect().catch(() => undefined);

  // HOME1: online, one finished session, one running.
  const home = strictCharger(proxy.port, 'HOME1', ['ocpp1.6'], { password: 'right' });
  answerCommands(home, received);
  await home.connect();
  await waitUntil(() => evcc.clients.some((c) => c.identity === 'HOME1'), 'HOME1 at EVCC');
  const evccClient: RPCClientLike = evcc.clients.find((c) => c.identity === 'HOME1')!;
  await home.call('BootNotification', { chargePointVendor: 'Alfen', chargePointModel: 'Eve Single Pro-line', firmwareVersion: '6.4.0' });
  await home.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });

  let wh = 1_204_300;
  const start = now - 5 * 60 * MINUTE;
  const first = (await home.call('StartTransaction', { connectorId: 1, idTag: '04A2B3C4D5E6', meterStart: wh, timestamp: iso(start) })) as { transactionId: number };
  const finishedTx = first.transactionId;
  for (let minutes = 0; minutes <= 120; minutes += 5) {
    const watts = minutes < 90 ? 11_000 - (minutes % 20) * 15 : Math.max(1200, 11_000 - (minutes - 90) * 320);
    if (minutes > 0) wh += (watts * 5) / 60;
    await home.call('MeterValues', { connectorId: 1, transactionId: finishedTx, meterValue: [meterValue(start + minutes * MINUTE, watts, wh)] });
  }
  await home.call('StopTransaction', { transactionId: finishedTx, meterStop: Math.round(wh), timestamp: iso(start + 121 * MINUTE), reason: 'EVDisconnected' });
  await home.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });

  // The billing primary samples every 60 s, EVCC every 10 s: the charger runs at 10 s (configuration views).
  const primaryClient: RPCClientLike = primary.clients.find((c) => c.identity === 'HOME1')!;
  await primaryClient.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '60' });
  await evccClient.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '10' });

  // EVCC sets its solar limit; then a new session runs at about 7 kW.
  await evccClient.call('SetChargingProfile', {
    connectorId: 1,
    csChargingProfiles: { chargingProfileId: 7, stackLevel: 1, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] } },
  });
  const begin = now - 42 * MINUTE;
  await home.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
  const second = (await home.call('StartTransaction', { connectorId: 1, idTag: '04A2B3C4D5E6', meterStart: Math.round(wh), timestamp: iso(begin) })) as { transactionId: number };
  const runningTx = second.transactionId;
  for (let minutes = 0; minutes <= 40; minutes += 5) {
    const watts = 6800 + Math.round(Math.sin(minutes / 7) * 900);
    if (minutes > 0) wh += (watts * 5) / 60;
    await home.call('MeterValues', { connectorId: 1, transactionId: runningTx, meterValue: [meterValue(begin + minutes * MINUTE, watts, wh)] });
  }
  await home.call('Heartbeat', {});

  return {
    proxy,
    primary,
    evcc,
    home,
    received,
    finishedTx,
    runningTx,
    web: proxy.daemon.webPort,
    close: async () => {
      await home.close({ force: true });
      await proxy.close();
      await evcc.close();
      await primary.close();
    },
  };
}
