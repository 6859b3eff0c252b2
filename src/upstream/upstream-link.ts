// One WebSocket client link from a charger session to one upstream (CSMS).
// It knows how to connect, send, buffer while not open, and reconnect with backoff; what the
// frames mean is the session's and router's business.

import { WebSocket, type RawData } from 'ws';
import type { IncomingMessage } from 'node:http';
import type { UpstreamConfig, UpstreamRole } from '../config/config.ts';
import type { Logger } from '../log/console-log.ts';
import { closeWithin } from './close-codes.ts';
import { withoutUserinfo } from '../log/redact.ts';
import { CatchUp, type OutboxFrame } from './catch-up.ts';
import type { LinkTranslation, WireFrame } from '../translate/link-translation.ts';

export type { OutboxFrame };

export type LinkState = 'connecting' | 'open' | 'waiting' | 'closed';

/** Why a first connection attempt failed: an HTTP answer from the upstream, or no answer at all. */
export type ConnectFailure =
  | { kind: 'http'; status: number; headers: Record<string, string> }
  | { kind: 'network'; message: string }
  /** The upstream accepted the WebSocket but none of the offered subprotocols. */
  | { kind: 'no-subprotocol' };

/** The session side of a link: named methods rather than closures, so nothing leaks per frame. */
export interface LinkOwner {
  linkOpened(link: UpstreamLink): void;
  linkMessage(link: UpstreamLink, data: Buffer, isBinary: boolean): void;
  linkClosed(link: UpstreamLink, code: number, reason: string): void;
  /** A translating link's frame as it went on the wire (`out`: to the upstream; `in`: from it), for the message log. */
  linkWire?(link: UpstreamLink, direction: 'in' | 'out', frame: WireFrame): void;
  /** A translating link had nothing to send for the Call `id`: it counts as answered there. */
  linkSettled?(link: UpstreamLink, id: string): void;
}

/** A frame waiting for a link that is not open yet. */


/** TLS material toward a wss:// upstream, read once at start. */
export interface UpstreamTls {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  rejectUnauthorized: boolean;
}

export interface LinkOptions {
  maxPayload: number;
  handshakeTimeoutMs: number;
  /** Largest number of charger frames kept for a link that is not open. */
  backlogLimit: number;
  /** Bytes the backlog may hold, whatever the frames. */
  backlogBytes: number;
  /** Reconnect after an unexpected close (secondaries, observers; the primary during a grace period). */
  reconnect: boolean;
  tls?: UpstreamTls;
}


const BACKOFF_FIRST_MS = 1000;
const BACKOFF_MAX_MS = 5 * 60 * 1000;

export class UpstreamLink {
  readonly config: UpstreamConfig;
  readonly name: string;
  readonly role: UpstreamRole;
  /** Full URL: base + '/' + charger id. */
  readonly url: string;
  /** `url` with any user:password replaced, for logs and the API. */
  readonly shownUrl: string;
  state: LinkState = 'connecting';
  since = new Date();
  reconnectAttempts = 0;
  /** The negotiated subprotocol once open. */
  protocol = '';
  /** Call ids sent here and not answered yet → their action. */
  readonly awaitingReplies = new Map<string, string>();
  /** What this upstream missed (backlog, replay) and the catch-up Call in flight. */
  readonly catchUp: CatchUp;
  /** When a frame or pong last arrived (ms). */
  heardAt = Date.now();
  /** Set when this link speaks another OCPP version than the charger: frames are translated at its edge. */
  translation: LinkTranslation | null = null;
  /** How the last frame sent was handled by the translation (for the session's log of that hop). */
  lastTranslation: 'translated' | 'dropped' = 'translated';
  private ws: WebSocket | null = null;
  protected owner: LinkOwner | null = null;
  private readonly early: Array<[Buffer, boolean]> = [];
  private readonly options: LinkOptions;
  private readonly logger: Logger;
  private protocols: string[] = [];
  private headers: Record<string, string> = {};
  /** The charger id as this upstream knows it. */
  readonly chargerId: string;
  private retryTimer: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(config: UpstreamConfig, chargerId: string, options: LinkOptions, logger: Logger) {
    this.config = config;
    this.name = config.name;
    this.role = config.role;
    this.chargerId = config.chargerId ?? chargerId;
    this.url = upstreamUrl(config.url, this.chargerId);
    this.shownUrl = withoutUserinfo(this.url);
    this.options = options;
    this.logger = logger;
    this.catchUp = new CatchUp(options);
  }

  /** This link in `/api/status`. */
  status(): { name: string; role: UpstreamRole; url: string; state: LinkState; since: string; reconnect_attempts: number; backlog: number } {
    return { name: this.name, role: this.role, url: this.shownUrl, state: this.state, since: this.since.toISOString(), reconnect_attempts: this.reconnectAttempts, backlog: this.catchUp.size };
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** Open, caught up and not backed up: a charger frame may go straight out. */
  get isWritable(): boolean {
    return this.state === 'open' && this.catchUp.idle;
  }

  get bufferedAmount(): number {
    return this.ws?.bufferedAmount ?? 0;
  }

  /**
   * Opens the link. Resolves once open, or with the reason it failed; after a failure a
   * reconnecting link keeps trying on its own. `chargerHeaders` are the charger's request headers.
   */
  connect(protocols: string[], chargerHeaders: Record<string, string | undefined> = {}): Promise<ConnectFailure | null> {
    this.protocols = protocols;
    this.headers = this.requestHeaders(chargerHeaders);
    return new Promise((resolve) => this.open(resolve));
  }

  /** Liveness: ping an open link, or drop it when nothing was heard for `timeoutMs`. */
  pingTick(now: number, timeoutMs: number): void {
    const ws = this.ws;
    if (ws === null || this.state !== 'open') return;
    if (now - this.heardAt > timeoutMs) {
      this.logger.warn(`${this.name} ${this.shownUrl}: no pong for ${Math.round((now - this.heardAt) / 1000)} s, dropping the link`);
      ws.terminate();
      return;
    }
    ws.ping();
  }

  /** Drops the socket at once (a dead or stuck peer); a reconnecting link tries again. */
  terminate(): void {
    this.ws?.terminate();
  }

  pause(): void {
    this.ws?.pause();
  }

  resume(): void {
    this.ws?.resume();
  }

  private requestHeaders(charger: Record<string, string | undefined>): Record<string, string> {
    const headers: Record<string, string> = {};
    const agent = charger['user-agent'];
    if (this.role === 'primary' && agent !== undefined) headers['User-Agent'] = agent;
    const { auth, username, password } = this.config;
    if (auth === 'forward' && charger.authorization !== undefined) headers.Authorization = charger.authorization;
    if (auth === 'basic') headers.Authorization = `Basic ${Buffer.from(`${username ?? this.chargerId}:${password ?? ''}`).toString('base64')}`;
    return headers;
  }

  /** Hands incoming frames to `owner`, including any that arrived before it was attached. */
  attach(owner: LinkOwner): void {
    this.owner = owner;
    for (const [data, isBinary] of this.early.splice(0)) owner.linkMessage(this, data, isBinary);
  }

  send(data: Buffer | string): void {
    if (this.translation === null) {
      this.ws?.send(data, { binary: false });
      return;
    }
    const out = this.translation.outgoing(typeof data === 'string' ? data : data.toString());
    this.lastTranslation = out.settled === null ? 'translated' : 'dropped';
    if (out.note !== null) this.logger.info(`${this.name}: ${out.note}`);
    this.sendWire(out.wire);
    const settled = out.settled;
    if (settled !== null) {
      this.logger.info(`not for ${this.name}: ${settled.why}`);
      queueMicrotask(() => this.owner?.linkSettled?.(this, settled.id));
    }
  }

  private sendWire(frames: WireFrame[]): void {
    for (const frame of frames) {
      this.ws?.send(frame.text, { binary: false });
      this.owner?.linkWire?.(this, 'out', frame);
    }
  }

  /** A frame from a translating link: logged as it came, then in the charger's version for the session (or nothing). */
  private translated(buffer: Buffer): Buffer | null {
    let result: ReturnType<LinkTranslation['incoming']>;
    try {
      result = this.translation!.incoming(buffer.toString());
    } catch (error) {
      this.logger.error(`${this.chargerId}: internal error translating a frame from ${this.name}, dropped: ${(error as Error).stack ?? String(error)}`);
      return null;
    }
    if (result.received !== null) this.owner?.linkWire?.(this, 'in', result.received);
    this.sendWire(result.wire);
    return result.deliver === null ? null : Buffer.from(result.deliver);
  }

  /** Closes for good (no reconnect); the socket is gone within `graceMs`. */
  close(code: number, reason: string, graceMs = 1000): void {
    this.closing = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.awaitingReplies.clear();
    this.catchUp.clear();
    if (this.ws !== null) closeWithin(this.ws, code, reason, graceMs);
    else this.setState('closed');
  }

  /**
   * Resolves once the socket is fully closed (at once if it is), or after `waitMs` in any case: a
   * socket whose reader was broken never says 'close', and a shutdown must not wait for it.
   */
  closed(waitMs = 3000): Promise<void> {
    const ws = this.ws;
    if (ws === null || ws.readyState === ws.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private open(settle?: (failure: ConnectFailure | null) => void): void {
    this.setState('connecting');
    const ws = new WebSocket(this.url, this.protocols, {
      perMessageDeflate: false,
      maxPayload: this.options.maxPayload,
      handshakeTimeout: this.options.handshakeTimeoutMs,
      headers: this.headers,
      followRedirects: false,
      ...this.options.tls,
    });
    this.ws = ws;
    let failure: ConnectFailure | null = null;

    ws.on('unexpected-response', (_request, response: IncomingMessage) => {
      failure = { kind: 'http', status: response.statusCode ?? 502, headers: relayableHeaders(response) };
      this.logger.warn(`${this.name} ${this.shownUrl}: handshake refused with HTTP ${failure.status}`);
      response.destroy();
      ws.terminate(); // ends the handshake; 'close' follows and settles the attempt
    });
    ws.on('upgrade', (response: IncomingMessage) => {
      if (this.protocols.length > 0 && response.headers['sec-websocket-protocol'] === undefined) failure = { kind: 'no-subprotocol' };
    });
    ws.on('error', (error) => {
      failure ??= { kind: 'network', message: error.message };
      this.logger.warn(`${this.name} ${this.shownUrl}: ${error.message}`);
    });
    ws.on('open', () => {
      this.heardAt = Date.now();
      this.protocol = ws.protocol;
      this.reconnectAttempts = 0;
      this.setState('open');
      this.logger.info(`${this.name} connected: ${this.shownUrl} (${ws.protocol || 'no subprotocol'})`);
      settle?.(null);
      settle = undefined;
      this.owner?.linkOpened(this);
    });
    ws.on('pong', () => {
      this.heardAt = Date.now();
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      this.heardAt = Date.now();
      let buffer = data as Buffer; // binaryType 'nodebuffer'
      if (this.translation !== null && !isBinary) {
        const delivered = this.translated(buffer);
        if (delivered === null) return;
        buffer = delivered;
      }
      if (this.owner === null) this.early.push([buffer, isBinary]);
      else this.owner.linkMessage(this, buffer, isBinary);
    });
    ws.on('close', (code: number, reasonBuffer: Buffer) => {
      const wasOpen = this.state === 'open';
      const reason = reasonBuffer.toString();
      // Answers to what was sent on this socket will never come.
      this.awaitingReplies.clear();
      this.translation?.reset();
      this.catchUp.reset();
      if (settle !== undefined) {
        settle(failure ?? { kind: 'network', message: `closed with ${code} during the handshake` });
        settle = undefined;
      }
      if (this.closing || !this.options.reconnect) {
        this.setState('closed');
      } else {
        this.scheduleReconnect();
      }
      if (wasOpen) this.logger.info(`${this.name} disconnected: ${this.shownUrl} (${code}${reason ? ` ${reason}` : ''})`);
      this.owner?.linkClosed(this, code, reason);
    });
  }

  private scheduleReconnect(): void {
    this.setState('waiting');
    const delay = backoffDelay(this.reconnectAttempts++);
    this.logger.debug(`${this.name}: reconnecting in ${Math.round(delay)} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closing) this.open();
    }, delay);
    this.retryTimer.unref();
  }

  protected setState(state: LinkState): void {
    if (this.state !== state) this.since = new Date();
    this.state = state;
  }
}

/** Exponential backoff from 1 s doubling to 5 min, with ±25 % jitter so many proxies do not stampede. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(attempt, 20));
  return base * (0.75 + random() * 0.5);
}

/** Base URL + '/' + the percent-encoded charger id: one '/', whatever the base ends with. */
export function upstreamUrl(base: string, chargerId: string): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(chargerId)}`;
  return url.href;
}

/** Response headers worth passing back to a charger whose handshake the primary refused. */
function relayableHeaders(response: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const auth = response.headers['www-authenticate'];
  if (auth !== undefined) headers['WWW-Authenticate'] = Array.isArray(auth) ? auth.join(', ') : auth;
  const retry = response.headers['retry-after'];
  if (typeof retry === 'string') headers['Retry-After'] = retry;
  return headers;
}
