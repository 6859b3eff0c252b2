// The charger-facing listener: takes each upgrade request, negotiates upstream-first, and keeps
// the registry of live charger sessions (one per charger id).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, Server as TlsServerClass, type Server as TlsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from '../config/config.ts';
import type { Loggers } from '../log/console-log.ts';
import type { ChargerEvents } from '../events/charger-events.ts';
import type { ControlArbiter } from '../sharing/control.ts';
import { isSupportedProtocol, type OcppVersion } from '../ocpp/versions.ts';
import { detectVersion, type VersionSource } from './version-detection.ts';
import { ChargerMemory } from '../session/charger-memory.ts';
import { ChargerSession, type SessionContext } from '../session/charger-session.ts';
import { closeWithin } from '../upstream/close-codes.ts';
import { chargerIdFromPath } from './charger-path.ts';
import { parseBasicAuth, parseStoredHash, verifyPassword, type StoredHash } from '../auth/charger-auth.ts';
import { ConnectionRefusals } from './refusals.ts';
import { abortHandshake, offeredSubprotocols, upgradeProblem } from './handshake.ts';

/** scrypt verifications at once: per remote address, and in all (libuv runs four at a time). */
const MAX_VERIFICATIONS_PER_ADDRESS = 2;
const MAX_VERIFICATIONS = 8;
/** Chargers whose boot and statuses are remembered across connections (connected ones always are). */
const MAX_REMEMBERED_CHARGERS = 20_000;
const AUTH_REFUSALS = {
  401: 'bad or missing credentials',
  404: 'unknown charger id',
  429: `more than ${MAX_VERIFICATIONS_PER_ADDRESS} password checks at once from this address`,
  503: `more than ${MAX_VERIFICATIONS} password checks at once`,
} as const;

/** The listener's certificate and key (PEM), when it speaks wss. */
export interface ListenerTls {
  cert: Buffer;
  key: Buffer;
}

/** Sweeps visit the sessions in ticks of this length, each session once per interval. */
const SWEEP_TICK_MS = 100;

/**
 * Visits every session once per `intervalMs`, spread over the interval: each tick goes on through
 * the sessions (a live Map iterator: sessions that end are skipped, new ones come at the end) by
 * as many as make one pass per interval. Pinging 15,000 sockets in one go would stop the event
 * loop for a noticeable time; this way a tick pings a few hundred at most.
 */
export function spreadSweep(sessions: ReadonlyMap<string, ChargerSession>, intervalMs: number, visit: (session: ChargerSession, now: number) => void): NodeJS.Timeout {
  const ticks = Math.max(1, Math.round(intervalMs / SWEEP_TICK_MS));
  let pass: Iterator<ChargerSession> | null = null;
  return setInterval(() => {
    const now = Date.now();
    const quota = Math.ceil(sessions.size / ticks);
    let left = quota;
    let fresh = false;
    while (left > 0) {
      if (pass === null) {
        pass = sessions.values();
        fresh = true;
      }
      const next = pass.next();
      if (next.done === true) {
        pass = null;
        // A pass that ended within this tick: the next one starts with the next tick. One that
        // ended exactly with the last tick: the next one starts now.
        if (fresh || left < quota) return;
        continue;
      }
      visit(next.value, now);
      left--;
    }
  }, intervalMs / ticks);
}

export class ProxyServer {
  readonly sessions = new Map<string, ChargerSession>();
  /** What is known of each charger across its connections (boot, statuses). */
  readonly memories = new Map<string, ChargerMemory>();
  private readonly config: Config;
  private readonly loggers: Loggers;
  private readonly http: Server | TlsServer;
  private readonly passwordHashes = new Map<string, StoredHash>();
  private readonly sweeps: NodeJS.Timeout[] = [];
  private readonly wss: WebSocketServer;
  /** The subprotocol to answer each pending upgrade with (chosen by the primary). */
  private readonly chosenProtocol = new WeakMap<IncomingMessage, string | false>();
  private readonly context: SessionContext;
  private stopping = false;
  /** Password verifications in progress, per remote address and in all. */
  private readonly verifying = new Map<string, number>();
  private verificationsInProgress = 0;
  /** Each connection's deadline for a complete upgrade request. */
  private readonly handshakeTimers = new WeakMap<Socket, NodeJS.Timeout>();
  /** Sessions still negotiating with their primary: not in `sessions` until the charger is upgraded. */
  private readonly handshaking = new Set<ChargerSession>();

  readonly events: ChargerEvents;
  /** Refused connections, for the web pages (`GET /api/chargers`, the live view). */
  readonly refusals = new ConnectionRefusals();
  readonly control: ControlArbiter;

  /** `context` is what every charger session shares; daemon.ts builds it. */
  constructor(context: SessionContext, listenerTls: ListenerTls | null = null) {
    const { config, loggers } = context;
    this.events = context.events;
    this.control = context.control;
    this.config = config;
    this.loggers = loggers;
    this.context = context;
    for (const [id, text] of config.chargerAuth.hashes) {
      const hash = parseStoredHash(text);
      if (hash !== null) this.passwordHashes.set(id, hash);
    }
    // Idle TCP connections, slow upgrade requests and TLS clients that never say hello are
    // dropped after [host] handshake_timeout, as HAProxy's `timeout http-request` does.
    const handshakeMs = config.timeouts.handshake * 1000;
    const timeouts = { headersTimeout: handshakeMs, requestTimeout: handshakeMs, connectionsCheckingInterval: Math.min(1000, handshakeMs) };
    this.http =
      listenerTls === null
        ? createServer(timeouts, respondToPlainHttp)
        : createTlsServer({ ...listenerTls, ...timeouts, minVersion: 'TLSv1.2', handshakeTimeout: handshakeMs }, respondToPlainHttp);
    // Node's headersTimeout starts with the first byte; a connection that sends nothing at all is
    // bounded here. The TLS handshake itself is bounded by handshakeTimeout above.
    // Nothing of it stays with the connection once upgraded: one shared listener, the timer in a WeakMap.
    const handshakeTimers = this.handshakeTimers;
    const endHandshakeTimer = function (this: Socket): void {
      clearTimeout(handshakeTimers.get(this));
      handshakeTimers.delete(this);
      this.off('close', endHandshakeTimer);
    };
    this.http.on(listenerTls === null ? 'connection' : 'secureConnection', (socket: Socket) => {
      const timer = setTimeout(() => socket.destroy(), handshakeMs);
      timer.unref();
      handshakeTimers.set(socket, timer);
      socket.once('close', endHandshakeTimer);
    });
    this.http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      endHandshakeTimer.call(request.socket);
      void this.onUpgrade(request, socket, head);
    });
    this.http.on('clientError', (error: Error, socket: Duplex) => abortHandshake(socket, 400, {}, `Bad request: ${error.message}`));
    this.wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      perMessageDeflate: false,
      maxPayload: config.maxMessageSize,
      handleProtocols: (_offered: Set<string>, request: IncomingMessage) => this.chosenProtocol.get(request) ?? false,
    });
  }

  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.config.listen.port, this.config.listen.host, () => {
        this.http.off('error', reject);
        const port = (this.http.address() as AddressInfo).port;
        const scheme = this.http instanceof TlsServerClass ? 'wss' : 'ws';
        this.loggers.server.info(`listening for chargers on ${scheme}://${this.config.listen.host}:${port}/<charger id>`);
        this.startSweeps();
        resolve(port);
      });
    });
  }

  /** SIGHUP: new certificate and key for connections from now on. */
  reloadTls(tls: ListenerTls): void {
    if (this.http instanceof TlsServerClass) this.http.setSecureContext({ ...tls, minVersion: 'TLSv1.2' });
  }

  private startSweeps(): void {
    const { pingInterval, pingTimeout, watchdogInterval, watchdogStale } = this.config.timeouts;
    if (pingInterval > 0) this.sweeps.push(spreadSweep(this.sessions, pingInterval * 1000, (session, now) => session.pingTick(now, pingTimeout * 1000)));
    if (watchdogInterval > 0 && watchdogStale > 0) this.sweeps.push(spreadSweep(this.sessions, watchdogInterval * 1000, (session, now) => session.watchdogTick(now, watchdogStale * 1000)));
    for (const timer of this.sweeps) timer.unref();
  }

  /** Closes every charger with 1001 (going away) and stops listening. */
  async close(): Promise<void> {
    this.stopping = true;
    for (const timer of this.sweeps) clearInterval(timer);
    const closing = new Promise<void>((resolve) => this.http.close(() => resolve()));
    await Promise.all([...this.sessions.values(), ...this.handshaking].map((session) => session.shutdown(1001, 1001, 'proxy shutting down')));
    this.http.closeAllConnections();
    await closing;
  }

  private async onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', (error) => this.loggers.server.debug(`charger socket error before upgrade: ${error.message}`));
    const remote = `${request.socket.remoteAddress ?? '?'}`;
    if (this.stopping) return abortHandshake(socket, 503);
    // The whole request is checked before anything has a side effect (dialing the primary,
    // replacing the session of the charger with that id).
    const invalid = upgradeProblem(request);
    if (invalid !== null) {
      this.loggers.server.warn(`refused ${remote} ${sanitize(request.url)}: ${invalid} (400)`);
      this.refusals.record(null, remote, 400, 'bad-request', invalid);
      return abortHandshake(socket, 400, {}, `${invalid}\n`);
    }

    const path = chargerIdFromPath(request.url ?? '/', this.config.fixups.url);
    if (!path.ok) {
      this.loggers.server.warn(`refused ${remote} ${sanitize(request.url)}: ${path.reason} (404)`);
      this.refusals.record(null, remote, 404, 'bad-request', path.reason);
      return abortHandshake(socket, 404, {}, `${path.reason}\n`);
    }
    const { chargerId } = path;
    if (this.config.chargerAuth.required) {
      const refusal = await this.authenticate(chargerId, request, remote);
      if (refusal !== null) {
        this.loggers.server.warn(`${chargerId}: refused ${remote}: ${AUTH_REFUSALS[refusal]} (${refusal})`);
        this.refusals.record(chargerId, remote, refusal, refusal === 404 ? 'unknown-id' : refusal === 401 ? 'credentials' : 'busy', AUTH_REFUSALS[refusal]);
        const headers: Record<string, string> =
          refusal === 401 ? { 'WWW-Authenticate': 'Basic realm="ocpp-proxy", charset="UTF-8"' } : refusal === 404 ? {} : { 'Retry-After': '5' };
        return abortHandshake(socket, refusal, headers);
      }
    }
    let offered: string[] = offeredSubprotocols(request.headers['sec-websocket-protocol']).filter(isSupportedProtocol);
    let versionSource: VersionSource = 'subprotocol';
    if (offered.length === 0 && this.config.versionDetection === 'lenient') {
      const detected = detectVersion(request, this.config.defaultProtocol);
      if (detected !== null) {
        offered = [detected.version];
        versionSource = detected.source;
        this.loggers.server.info(`${chargerId}: offered no OCPP subprotocol; ${detected.version} taken from the ${detected.source}`);
      }
    }
    if (offered.length === 0) {
      // OCPP-J: no version we know offered → complete the handshake without one, then close.
      const header = request.headers['sec-websocket-protocol'];
      const said = header === undefined ? 'sent no Sec-WebSocket-Protocol header' : `offered only ${sanitize(header)}`;
      this.loggers.server.warn(
        `${chargerId}: ${said}, no OCPP version (ocpp1.6, ocpp2.0.1, ocpp2.1); closing. ` +
          'If the charger cannot be set to offer one, set [host] version_detection = lenient (and default_protocol)',
      );
      this.refusals.record(chargerId, remote, 101, 'subprotocol', `${said}, no OCPP version`);
      return this.acceptAndClose(request, socket, head, false, 'no supported OCPP subprotocol offered');
    }

    // Shared state: this instance takes the charger (the one that held it lets go) and reads its state.
    let claim: { epoch: number; loaded: boolean } | null = null;
    if (this.context.store?.shared != null) {
      try {
        claim = await this.context.store.claim(chargerId);
      } catch (error) {
        this.loggers.server.error(`${chargerId}: state database: ${(error as Error).message}; served with what this instance knows`);
      }
      if (claim?.loaded === true) this.memories.delete(chargerId); // read again from the state just loaded
      if (socket.destroyed || this.stopping) {
        socket.destroy();
        return;
      }
    }
    // Remembered only once accepted: refused ids leave nothing behind.
    const memory = this.memories.get(chargerId) ?? this.restoredMemory(chargerId);
    // Not registered yet: a connection that is refused (by the primary, or by failing its own
    // upgrade) never touches the charger that is connected under this id.
    const session = new ChargerSession(chargerId, memory, this.context, (ended) => {
      if (this.sessions.get(ended.chargerId) === ended) this.sessions.delete(ended.chargerId);
    });
    this.handshaking.add(session);
    // While the primary is being reached, the charger may give up: then so do we.
    const onChargerGone = () => void session.shutdown(1001, 1001, 'charger went away during the handshake');
    socket.once('close', onChargerGone);
    const failure = session.isEnded ? null : await session.connectPrimary(offered, request.headers as Record<string, string | undefined>);
    socket.off('close', onChargerGone);

    if (session.isEnded || socket.destroyed) {
      this.handshaking.delete(session);
      void session.shutdown(1001, 1001, 'handshake abandoned');
      socket.destroy();
      return;
    }
    if (failure !== null) {
      this.handshaking.delete(session);
      void session.shutdown(1011, 1000, 'primary refused');
      if (failure.kind === 'http') {
        this.loggers.server.warn(`${chargerId}: primary refused the handshake with HTTP ${failure.status}; passed on to the charger`);
        this.refusals.record(chargerId, remote, failure.status, 'primary-refused', `the primary answered HTTP ${failure.status}`);
        return abortHandshake(socket, failure.status, failure.headers);
      }
      if (failure.kind === 'no-subprotocol') {
        this.loggers.server.warn(`${chargerId}: primary accepted none of ${offered.join(', ')}, closing`);
        this.refusals.record(chargerId, remote, 101, 'subprotocol', `the primary accepted none of ${offered.join(', ')}`);
        return this.acceptAndClose(request, socket, head, false, 'the backend supports none of the offered OCPP versions');
      }
      this.loggers.server.warn(`${chargerId}: primary unreachable (${failure.message}), refusing with 502`);
      this.refusals.record(chargerId, remote, 502, 'primary-unreachable', `primary unreachable: ${failure.message}`);
      return abortHandshake(socket, 502, {}, 'primary upstream unreachable\n');
    }

    // A charger that asked for no subprotocol gets none in the answer, whatever was detected.
    this.chosenProtocol.set(request, versionSource === 'subprotocol' ? session.chargerProtocol : false);
    let upgraded = false;
    this.wss.handleUpgrade(request, socket, head, (charger: WebSocket) => {
      upgraded = true;
      this.handshaking.delete(session);
      if (claim !== null && !this.context.store!.holds(chargerId, claim.epoch)) {
        // Another instance took the charger while this connection was being accepted: it serves it.
        void session.shutdown(1000, 1000, 'served by another instance');
        closeWithin(charger, 1000, 'served by another instance', 1000);
        return;
      }
      // Fully accepted (primary handshake done, charger upgraded): only now it replaces the previous one.
      const previous = this.sessions.get(chargerId);
      this.sessions.set(chargerId, session);
      this.remember(chargerId, memory);
      if (previous !== undefined) {
        this.loggers.server.info(`${chargerId}: new connection from ${remote} replaces the previous one`);
        void previous.shutdown(1000, 1000, 'replaced by a new connection');
      }
      this.loggers.server.info(`${chargerId} connected from ${remote} (${session.chargerProtocol}, from the ${versionSource})`);
      session.attachCharger(charger, session.chargerProtocol as OcppVersion, versionSource);
    });
    if (!upgraded) {
      // ws refused the upgrade after all: the primary link must not outlive it.
      this.handshaking.delete(session);
      void session.shutdown(1001, 1001, 'charger upgrade failed');
      socket.destroy();
    }
  }

  /**
   * Another instance serves this charger now: its session here closes (rule 9 across instances),
   * within 5 s, and what is remembered of it goes (it comes back from the store if it returns).
   */
  async handOver(chargerId: string): Promise<void> {
    this.memories.delete(chargerId);
    const ending = [...this.handshaking].filter((s) => s.chargerId === chargerId);
    const session = this.sessions.get(chargerId);
    if (session !== undefined) ending.push(session);
    await Promise.all(ending.map((s) => s.shutdown(1000, 1000, 'served by another instance')));
  }

  /** Keeps what is known of a charger; past MAX_REMEMBERED_CHARGERS the longest-gone is forgotten. */
  private remember(chargerId: string, memory: ChargerMemory): void {
    this.memories.delete(chargerId); // re-inserted last: the map's order is least recently connected first
    this.memories.set(chargerId, memory);
    if (this.memories.size <= MAX_REMEMBERED_CHARGERS) return;
    for (const id of this.memories.keys()) {
      if (!this.sessions.has(id)) {
        this.memories.delete(id);
        return;
      }
    }
  }

  /**
   * HTTP Basic Auth against `[chargers]` before the upgrade: null when allowed, else the status.
   * scrypt is deliberately slow, so verifications in progress are capped, per address and in all:
   * a flood of wrong passwords fails fast instead of queueing ahead of the real chargers.
   */
  private async authenticate(chargerId: string, request: IncomingMessage, remote: string): Promise<404 | 401 | 429 | 503 | null> {
    const stored = this.passwordHashes.get(chargerId);
    if (stored === undefined) return 404;
    const credentials = parseBasicAuth(request.headers.authorization);
    if (credentials === null || credentials.username !== chargerId) return 401;
    const fromRemote = this.verifying.get(remote) ?? 0;
    if (fromRemote >= MAX_VERIFICATIONS_PER_ADDRESS) return 429;
    if (this.verificationsInProgress >= MAX_VERIFICATIONS) return 503;
    this.verifying.set(remote, fromRemote + 1);
    this.verificationsInProgress++;
    try {
      return (await verifyPassword(credentials.password, stored)) ? null : 401;
    } finally {
      this.verificationsInProgress--;
      const left = (this.verifying.get(remote) ?? 1) - 1;
      if (left === 0) this.verifying.delete(remote);
      else this.verifying.set(remote, left);
    }
  }

  /** A charger's memory as the state store kept it (boot, acceptance, statuses), kept there as it changes. */
  private restoredMemory(chargerId: string): ChargerMemory {
    const store = this.context.store;
    const key = `charger_memory ${chargerId}`;
    const memory = ChargerMemory.restored(store?.getSetting(key) ?? null);
    if (store !== null) {
      memory.onChange = () => {
        try {
          store.setSetting(key, memory.snapshot());
        } catch (error) {
          this.context.loggers.proxy.error(`${chargerId}: state database: ${(error as Error).message}`);
        }
      };
    }
    return memory;
  }

  private acceptAndClose(request: IncomingMessage, socket: Duplex, head: Buffer, protocol: string | false, reason: string): void {
    this.chosenProtocol.set(request, protocol);
    this.wss.handleUpgrade(request, socket, head, (ws: WebSocket) => closeWithin(ws, 1002, reason, 1000));
  }
}

/** The charger port speaks WebSocket only. */
function respondToPlainHttp(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket', Connection: 'close' });
  response.end('This port accepts OCPP WebSocket connections only: ws://HOST:PORT/<charger id>\n');
}

/** Untrusted text for the console: printable and short. */
function sanitize(value: string | undefined): string {
  if (value === undefined) return '(none)';
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
}
