// Real peers on loopback for the tests: strict ocpp-rpc CSMSes and chargers, raw ws peers for
// byte-level cases, and the proxy itself started in-process on port 0.

import { after } from 'node:test';
import { once, type EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { RPCClient, RPCServer } from 'ocpp-rpc';
import { WebSocket, WebSocketServer } from 'ws';
import { loadConfig, formatProblem, type CliOptions } from '../../src/config/load-config.ts';
import { createLoggers } from '../../src/log/console-log.ts';
import type { MessageLogEntry } from '../../src/log/message-log.ts';
import { Daemon } from '../../src/daemon.ts';

export const TIMEOUT_MS = 5000;

/** Rejects after `ms` with `what` in the message, so a hung wait fails the test instead of stalling it. */
export function within<T>(promise: Promise<T>, what: string, ms = TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A port free right now, for a child process that must be told its port (the OS picks it). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Cleanups run in reverse order after the file's (or suite's) tests: sockets, servers, proxies. */
export function cleanupAfter(): Array<() => Promise<unknown> | unknown> {
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  return cleanups;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ocpp-proxy-test-'));
}

export function writeIni(text: string, dir = tempDir()): string {
  const path = join(dir, 'test.ini');
  writeFileSync(path, text);
  return path;
}

// ---- CSMS peers -------------------------------------------------------------------------------

interface RPCClientLike extends EventEmitter {
  identity: string;
  protocol: string;
  handshake: { identity: string; endpoint: string; protocols: Set<string>; headers: Record<string, string | undefined>; request: { url: string } };
  handle(method: string, handler: (call: { params: any; messageId: string }) => unknown): void;
  call(method: string, params?: unknown): Promise<any>;
  close(options?: { code?: number; reason?: string }): Promise<unknown>;
}

export type { RPCClientLike };

export interface Csms {
  port: number;
  url: string;
  clients: RPCClientLike[];
  /** Resolves with the next charger connection (or one that already arrived and was not taken). */
  nextClient(): Promise<RPCClientLike>;
  close(): Promise<void>;
}

/** Answers the charger-initiated calls the tests use, in the shape each version's schema wants. */
export function defaultCsmsHandlers(client: RPCClientLike, interval: number): void {
  const now = () => new Date().toISOString();
  client.handle('BootNotification', () => ({ status: 'Accepted', currentTime: now(), interval }));
  client.handle('Heartbeat', () => ({ currentTime: now() }));
  client.handle('StatusNotification', () => ({}));
  client.handle('MeterValues', () => ({}));
  client.handle('DataTransfer', () => ({ status: 'Accepted' }));
  let nextTransaction = 1;
  client.handle('StartTransaction', () => ({ transactionId: nextTransaction++, idTagInfo: { status: 'Accepted' } }));
  client.handle('StopTransaction', () => ({}));
  client.handle('TransactionEvent', () => ({}));
  client.handle('Authorize', () =>
    client.protocol === 'ocpp1.6' ? { idTagInfo: { status: 'Accepted' } } : { idTokenInfo: { status: 'Accepted' } },
  );
}

export interface CsmsOptions {
  protocols?: string[];
  /** BootNotification interval it answers: lets a test tell whose answer reached the charger. */
  interval?: number;
  strict?: boolean;
  auth?: Parameters<RPCServer['auth']>[0];
  /** 0 (default) picks a free port; a fixed one brings a CSMS back where it was. */
  port?: number;
  /** Called as each charger connects, before any frame is handled: set handlers here. */
  onClient?: (client: RPCClientLike) => void;
}

export async function startCsms(options: CsmsOptions = {}): Promise<Csms> {
  const protocols = options.protocols ?? ['ocpp1.6', 'ocpp2.0.1'];
  const server = new RPCServer({ protocols, strictMode: options.strict ?? true, pingIntervalMs: 0 });
  if (options.auth !== undefined) server.auth(options.auth);
  const clients: RPCClientLike[] = [];
  const untaken: RPCClientLike[] = [];
  const waiters: Array<(client: RPCClientLike) => void> = [];
  server.on('client', (raw: unknown) => {
    const client = raw as RPCClientLike;
    defaultCsmsHandlers(client, options.interval ?? 300);
    options.onClient?.(client);
    clients.push(client);
    const waiter = waiters.shift();
    if (waiter) waiter(client);
    else untaken.push(client);
  });
  const http = await server.listen(options.port ?? 0, '127.0.0.1');
  const port = (http.address() as AddressInfo).port;
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    clients,
    nextClient: () => {
      const ready = untaken.shift();
      if (ready) return Promise.resolve(ready);
      return within(new Promise((resolve) => waiters.push(resolve)), 'a charger connection at the CSMS');
    },
    close: async () => {
      await server.close({ force: true });
      http.closeAllConnections?.();
    },
  };
}

/** A CSMS that sees and sends raw frames: for byte-identity and malformed-frame tests. */
export interface RawPeer {
  port: number;
  url: string;
  sockets: WebSocket[];
  received: string[];
  /** Resolves with the next frame received (on any socket). */
  nextFrame(): Promise<string>;
  nextSocket(): Promise<WebSocket>;
  close(): Promise<void>;
}

/** `port` 0 picks a free one; a fixed one lets a test bring a CSMS back where it was. */
export async function startRawCsms(protocols = ['ocpp1.6', 'ocpp2.0.1'], port = 0): Promise<RawPeer> {
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port,
    perMessageDeflate: false,
    handleProtocols: (offered) => protocols.find((p) => offered.has(p)) ?? false,
  });
  await once(wss, 'listening');
  const sockets: WebSocket[] = [];
  const received: string[] = [];
  const frameWaiters: Array<(frame: string) => void> = [];
  const queued: string[] = [];
  const socketWaiters: Array<(ws: WebSocket) => void> = [];
  const untakenSockets: WebSocket[] = [];
  wss.on('connection', (ws) => {
    sockets.push(ws);
    const waiter = socketWaiters.shift();
    if (waiter) waiter(ws);
    else untakenSockets.push(ws);
    ws.on('message', (data) => {
      const text = data.toString();
      received.push(text);
      const frameWaiter = frameWaiters.shift();
      if (frameWaiter) frameWaiter(text);
      else queued.push(text);
    });
  });
  const boundPort = (wss.address() as AddressInfo).port;
  return {
    port: boundPort,
    url: `ws://127.0.0.1:${boundPort}`,
    sockets,
    received,
    nextFrame: () => {
      const frame = queued.shift();
      if (frame !== undefined) return Promise.resolve(frame);
      return within(new Promise((resolve) => frameWaiters.push(resolve)), 'a frame at the raw CSMS');
    },
    nextSocket: () => {
      const ws = untakenSockets.shift();
      if (ws) return Promise.resolve(ws);
      return within(new Promise((resolve) => socketWaiters.push(resolve)), 'a connection at the raw CSMS');
    },
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise((resolve) => wss.close(resolve));
    },
  };
}

// ---- chargers ---------------------------------------------------------------------------------

export function strictCharger(port: number, identity: string, protocols: string[], extra: Record<string, unknown> = {}): RPCClient {
  const options = {
    endpoint: `ws://127.0.0.1:${port}`,
    identity,
    protocols,
    strictMode: true,
    reconnect: false,
    pingIntervalMs: 0,
    ...extra,
  };
  return new RPCClient(options as unknown as ConstructorParameters<typeof RPCClient>[0]);
}

export interface RawCharger {
  ws: WebSocket;
  /** Resolves with the next frame from the proxy. */
  nextFrame(): Promise<string>;
  closed: Promise<{ code: number; reason: string }>;
}

export async function rawCharger(port: number, path: string, protocols: string[] = ['ocpp1.6']): Promise<RawCharger> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, protocols, { perMessageDeflate: false });
  const queued: string[] = [];
  const waiters: Array<(frame: string) => void> = [];
  ws.on('message', (data) => {
    const text = data.toString();
    const waiter = waiters.shift();
    if (waiter) waiter(text);
    else queued.push(text);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await within(once(ws, 'open'), 'the raw charger to connect');
  return {
    ws,
    closed,
    nextFrame: () => {
      const frame = queued.shift();
      if (frame !== undefined) return Promise.resolve(frame);
      return within(new Promise((resolve) => waiters.push(resolve)), 'a frame at the raw charger');
    },
  };
}

// ---- the proxy --------------------------------------------------------------------------------

export interface TestProxy {
  daemon: Daemon;
  port: number;
  logFile: string;
  entries: MessageLogEntry[];
  console: string[];
  /** Resolves with the first log entry (past or future) matching `predicate`. */
  entry(predicate: (entry: MessageLogEntry) => boolean, what?: string): Promise<MessageLogEntry>;
  close(): Promise<void>;
}

/**
 * Starts the proxy in-process on 127.0.0.1:0 with `ini` as its configuration file. The web
 * monitor is off unless `web` asks for it (then on a free port, `daemon.webPort`).
 */
export async function startProxy(ini: string, cli: CliOptions = {}, web = false): Promise<TestProxy> {
  const dir = tempDir();
  const logFile = join(dir, 'messages.log');
  const { config, problems } = loadConfig({
    config: writeIni(ini, dir),
    listenHost: '127.0.0.1',
    listenPort: '1',
    logFile,
    state: join(dir, 'state.db'),
    webPort: '0',
    ...cli,
  });
  if (config === null) throw new Error(`test configuration is invalid: ${problems.map(formatProblem).join('; ')}`);
  config.listen.port = 0; // any free port; the CLI itself only takes 1-65535
  if (web) config.web.port = await freePort();
  const lines: string[] = [];
  const daemon = new Daemon(config, createLoggers({ proxy: 'DEBUG', client: 'DEBUG', server: 'DEBUG' }, (line) => lines.push(line)));
  const entries: MessageLogEntry[] = [];
  const waiters: Array<{ predicate: (entry: MessageLogEntry) => boolean; resolve: (entry: MessageLogEntry) => void }> = [];
  daemon.messageLog.subscribe((entry) => {
    entries.push(entry);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i]!;
      if (waiter.predicate(entry)) {
        waiters.splice(i, 1);
        waiter.resolve(entry);
      }
    }
  });
  await daemon.start();
  return {
    daemon,
    port: daemon.port,
    logFile,
    // Entries are handed to listeners at the end of the proxy's turn: take what is queued first.
    get entries() {
      daemon.messageLog.flush();
      return entries;
    },
    console: lines,
    entry: (predicate, what = 'a message log entry') => {
      daemon.messageLog.flush();
      const found = entries.find(predicate);
      if (found) return Promise.resolve(found);
      return within(new Promise((resolve) => waiters.push({ predicate, resolve })), what);
    },
    close: () => daemon.stop(),
  };
}

/** Polls `condition` until true; for states no event announces. Bounded like every wait here. */
export async function waitUntil(condition: () => boolean, what: string, ms = TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Polls `read` until it gives something (bounded, like every wait here). */
export async function eventually<T>(read: () => Promise<T | null>, what: string, ms = 5000): Promise<T> {
  for (const deadline = Date.now() + ms; ; ) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The id of a raw frame. */
export function idOf(frame: string): string {
  return JSON.parse(frame)[1] as string;
}

/**
 * For tests that count every frame the charger receives and are about something else: with two
 * upstreams the proxy reads the shared keys after an accepted boot (configuration views).
 */
export const NO_VIEWS = '[configuration]\nviews = false\n';

export function iniFor(primary: string, secondary?: string, extra = ''): string {
  return `[ext-server]\nserver = ${primary}\n${secondary ? `secondary_server = ${secondary}\n` : ''}${extra}`;
}

export function bootParams(protocol: string): Record<string, unknown> {
  return protocol === 'ocpp1.6'
    ? { chargePointVendor: 'TestVendor', chargePointModel: 'TestModel' }
    : { reason: 'PowerUp', chargingStation: { vendorName: 'TestVendor', model: 'TestModel' } };
}
