// `ocpp-proxy demo`: the proxy with a simulated charger and two simulated CSMSes in one process,
// so a newcomer sees live traffic in the web monitor within seconds. Runs until Ctrl-C.

import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import { loadConfig, formatProblem } from '../config/load-config.ts';
import { createLoggers } from '../log/console-log.ts';
import { Daemon } from '../daemon.ts';
import { localAnswer } from '../upstream/local-csms.ts';
import type { Config } from '../config/config.ts';
import type { Payload } from '../ocpp/frame.ts';

const CHARGER_ID = 'DEMO-CHARGER';

/** A simulated CSMS on loopback that answers like the built-in local one. */
async function simulatedCsms(config: Config['local']): Promise<{ url: string; wss: WebSocketServer }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (offered) => (offered.has('ocpp1.6') ? 'ocpp1.6' : false) });
  await new Promise((resolve) => wss.once('listening', resolve));
  wss.on('connection', (ws) => {
    const state = { nextTransactionId: 1000 };
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      if (frame[0] === 2) ws.send(localAnswer('ocpp1.6', String(frame[1]), String(frame[2]), frame[3] as Payload, config, state));
    });
  });
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, wss };
}

async function freeOr(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address() as AddressInfo;
        server.close(() => resolve(bound));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0))!;
}

/** The simulated charger: boot, status, heartbeats, and charging sessions with rising meter values. */
function simulatedCharger(port: number): { stop(): void } {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/${CHARGER_ID}`, ['ocpp1.6']);
  const timers: NodeJS.Timeout[] = [];
  let n = 0;
  let energyWh = 12_000;
  let transactionId: number | null = null;
  const pending = new Map<string, (payload: Payload) => void>();
  const call = (action: string, payload: Payload, then?: (answer: Payload) => void) => {
    const id = `demo-${++n}`;
    if (then !== undefined) pending.set(id, then);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify([2, id, action, payload]));
  };
  const now = () => new Date().toISOString();
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as unknown[];
    if (frame[0] === 3) pending.get(String(frame[1]))?.(frame[2] as Payload);
    if (frame[0] === 2) ws.send(JSON.stringify([3, frame[1], frame[2] === 'GetConfiguration' ? { configurationKey: [] } : { status: 'Accepted' }]));
  });
  ws.on('open', () => {
    call('BootNotification', { chargePointVendor: 'DemoVendor', chargePointModel: 'Wallbox 11', firmwareVersion: '1.0.0' });
    call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: now() });
    timers.push(setInterval(() => call('Heartbeat', {}), 15_000));
    const startSession = () => {
      call('Authorize', { idTag: 'DEMO-TAG' });
      call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging', timestamp: now() });
      call('StartTransaction', { connectorId: 1, idTag: 'DEMO-TAG', meterStart: energyWh, timestamp: now() }, (answer) => {
        transactionId = Number(answer.transactionId);
      });
    };
    timers.push(setTimeout(startSession, 2000));
    timers.push(
      setInterval(() => {
        if (transactionId === null) return;
        const amps = 15.5 + Math.random();
        energyWh += Math.round((3 * 230 * amps) / 1800); // two seconds at ~11 kW
        const sampled: Array<Record<string, string>> = ['L1', 'L2', 'L3'].flatMap((phase) => [
          { value: (228 + Math.random() * 5).toFixed(1), measurand: 'Voltage', phase, unit: 'V' },
          { value: amps.toFixed(2), measurand: 'Current.Import', phase, unit: 'A' },
          { value: String(Math.round(230 * amps)), measurand: 'Power.Active.Import', phase, unit: 'W' },
        ]);
        sampled.push({ value: String(Math.round(3 * 230 * amps)), measurand: 'Power.Active.Import', unit: 'W' });
        sampled.push({ value: String(energyWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' });
        call('MeterValues', { connectorId: 1, transactionId, meterValue: [{ timestamp: now(), sampledValue: sampled }] });
        if (n % 60 === 0) {
          call('StopTransaction', { transactionId, meterStop: energyWh, timestamp: now(), reason: 'EVDisconnected' });
          call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: now() });
          transactionId = null;
          timers.push(setTimeout(startSession, 5000));
        }
      }, 2000),
    );
  });
  ws.on('error', () => undefined);
  return {
    stop: () => {
      timers.forEach((t) => clearTimeout(t));
      ws.close(1000);
    },
  };
}

export async function runDemo(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-proxy-demo-'));
  writeFileSync(join(dir, 'demo.ini'), '');
  const official = await simulatedCsms({ acceptTags: [], heartbeatInterval: 15 });
  const home = await simulatedCsms({ acceptTags: [], heartbeatInterval: 15 });
  const { config, problems } = loadConfig({
    config: join(dir, 'demo.ini'),
    primary: official.url,
    secondary: [home.url],
    listenHost: '127.0.0.1',
    listenPort: String(await freeOr(8888)),
    webHost: '127.0.0.1',
    webPort: String(await freeOr(8889)),
    logFile: join(dir, 'ocpp_messages.log'),
    state: join(dir, 'ocpp-proxy.db'),
  });
  if (config === null) {
    process.stderr.write(`ocpp-proxy demo: ${formatProblem(problems[0]!)}\n`);
    return 1;
  }
  const daemon = new Daemon(config, createLoggers(config.logLevels));
  await daemon.start();
  const charger = simulatedCharger(daemon.port);
  process.stdout.write(
    `\ndemo: a simulated charger (${CHARGER_ID}) → ocpp-proxy → simulated "official" CSMS (primary) and "home" CSMS (secondary)\n` +
      `demo: watch it at http://127.0.0.1:${daemon.webPort}/ (messages) and http://127.0.0.1:${daemon.webPort}/status (dashboard)\n` +
      `demo: message log ${config.messageLogFile}; Ctrl-C to stop\n\n`,
  );
  return new Promise((resolve) => {
    const stop = () => {
      charger.stop();
      void daemon.stop().then(() => {
        official.wss.close();
        home.wss.close();
        resolve(0);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
