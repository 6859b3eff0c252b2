// One charger connection and its upstream links. Applies the routing rules of CONTRACT.md
// "Routing and ids" to every frame, in both directions, and owns the session's lifecycle.

import { randomUUID } from 'node:crypto';
import type { WebSocket, RawData } from 'ws';
import type { Config } from '../config/config.ts';
import type { Loggers } from '../log/console-log.ts';
import type { FrameType, MessageLog, Tag } from '../log/message-log.ts';
import {
  CALL,
  CALLERROR,
  CALLRESULT,
  CALLRESULTERROR,
  SEND,
  TYPE_NAMES,
  callError,
  idLiteralOf,
  parseFrame,
  withId,
  type ParseResult,
} from '../ocpp/frame.ts';
import { versionRules, type OcppVersion } from '../ocpp/versions.ts';
import { closeWithin, mirrorCloseCode } from '../upstream/close-codes.ts';
import { UpstreamLink, type ConnectFailure, type LinkOwner } from '../upstream/upstream-link.ts';

export interface SessionContext {
  config: Config;
  loggers: Loggers;
  messageLog: MessageLog;
  /** Called once when the session has ended, so the registry can forget it. */
  sessionEnded(session: ChargerSession): void;
}

/** An upstream's Call that went to the charger under a proxy id. */
interface PendingUpstreamCall {
  link: UpstreamLink;
  /** The upstream's own id, as it appeared in its frame (a JSON string literal) and as a value. */
  idLiteral: string;
  id: string;
  action: string;
}

const NO_TAGS: Tag[] = [];
const DROPPED: Tag[] = ['dropped'];
const QUEUED: Tag[] = ['queued'];
const BLOCKED: Tag[] = ['blocked'];
/** Bad frames in a row from the charger before the proxy gives up on it (1002). */
const MAX_BAD_FRAMES = 10;
/** How long closing links may take before their sockets are destroyed. */
const CLOSE_GRACE_MS = 1000;
const OUTBOX_LIMIT = 1000;

export class ChargerSession implements LinkOwner {
  readonly chargerId: string;
  readonly links: UpstreamLink[];
  readonly primary: UpstreamLink;
  protocol: OcppVersion = 'ocpp1.6';
  connectedSince: Date | null = null;
  private rules = versionRules('ocpp1.6');
  private charger: WebSocket | null = null;
  private readonly pendingUpstreamCalls = new Map<string, PendingUpstreamCall>();
  private badFrameStreak = 0;
  private ended = false;
  private readonly context: SessionContext;

  constructor(chargerId: string, context: SessionContext) {
    this.chargerId = chargerId;
    this.context = context;
    const { config, loggers } = context;
    this.links = config.upstreams.map(
      (upstream) =>
        new UpstreamLink(
          upstream,
          chargerId,
          {
            maxPayload: config.maxMessageSize,
            handshakeTimeoutMs: 10_000,
            outboxLimit: OUTBOX_LIMIT,
            reconnect: upstream.role !== 'primary',
          },
          loggers.client,
        ),
    );
    this.primary = this.links[0]!;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Opens the primary link offering the charger's subprotocols (negotiation is upstream-first). */
  connectPrimary(protocols: string[], headers: Record<string, string>): Promise<ConnectFailure | null> {
    return this.primary.connect(protocols, headers);
  }

  /** The charger's handshake completed with the primary's subprotocol: start routing. */
  attachCharger(charger: WebSocket): void {
    this.charger = charger;
    this.protocol = charger.protocol as OcppVersion;
    this.rules = versionRules(this.protocol);
    this.connectedSince = new Date();
    charger.on('message', (data: RawData, isBinary: boolean) => this.onChargerMessage(data as Buffer, isBinary));
    charger.on('close', (code: number, reason: Buffer) => this.onChargerClose(code, reason.toString()));
    charger.on('error', (error: Error) => this.context.loggers.server.warn(`${this.chargerId}: ${error.message}`));
    for (const link of this.links) link.attach(this);
    // Secondaries are offered only the version the primary chose, and never hold up the charger.
    for (const link of this.links) if (link !== this.primary) void link.connect([this.protocol]);
  }

  /**
   * Ends the session: upstream links first (a CSMS may refuse a new connection while the old one
   * lives), then the charger. Resolves when the links are closed.
   */
  async shutdown(chargerCode: number, upstreamCode: number, reason: string): Promise<void> {
    this.end(upstreamCode, reason);
    if (this.charger !== null) closeWithin(this.charger, chargerCode, reason, CLOSE_GRACE_MS);
    await Promise.all(this.links.map((link) => link.closed()));
  }

  // ---- charger → upstreams -------------------------------------------------------------------

  private onChargerMessage(data: Buffer, isBinary: boolean): void {
    if (this.ended) return;
    const ts = new Date().toISOString();
    if (isBinary) {
      this.log(ts, 'charger', 'proxy', 'INVALID', null, null, NO_TAGS, `<binary frame, ${data.length} bytes>`);
      this.context.loggers.server.warn(`${this.chargerId}: binary frame, closing with 1003`);
      closeWithin(this.charger!, 1003, 'binary frames are not OCPP-J', CLOSE_GRACE_MS);
      return;
    }
    const text = data.toString();
    if (text === '') {
      this.log(ts, 'charger', 'proxy', 'INVALID', null, null, NO_TAGS, text); // some firmwares send these; ignored
      return;
    }
    const parsed = parseFrame(text, this.rules.messageTypes);
    if (!parsed.ok) {
      this.rejectChargerFrame(parsed, text, ts);
      return;
    }
    this.badFrameStreak = 0;
    const frame = parsed.frame;
    switch (frame.type) {
      case CALL:
        for (const link of this.links) {
          link.awaitingReplies.set(frame.id, frame.action);
          this.toUpstream(link, data, text, 'CALL', frame.id, frame.action, ts);
        }
        return;
      case SEND:
        for (const link of this.links) this.toUpstream(link, data, text, 'SEND', frame.id, frame.action, ts);
        return;
      case CALLRESULTERROR:
        // Refers to the primary's CallResult the charger received (2.1): it goes back there, id unchanged.
        this.toUpstream(this.primary, data, text, 'CALLRESULTERROR', frame.id, null, ts);
        return;
      default:
        this.answerUpstreamCall(frame.type, frame.id, text, ts);
    }
  }

  private toUpstream(link: UpstreamLink, data: Buffer | string, text: string, type: FrameType, id: string, action: string | null, ts: string): void {
    if (link.isOpen) {
      link.send(data);
      this.log(ts, 'charger', link.name, type, id, action, NO_TAGS, text);
      return;
    }
    if (link.outbox.length >= OUTBOX_LIMIT) link.outbox.shift();
    link.outbox.push({ data, text, type, id, action });
  }

  /** The charger answered a Call an upstream sent: back to that upstream alone, under its own id. */
  private answerUpstreamCall(type: typeof CALLRESULT | typeof CALLERROR, proxyId: string, text: string, ts: string): void {
    const typeName = TYPE_NAMES[type]!;
    const pending = this.pendingUpstreamCalls.get(proxyId);
    if (pending === undefined) {
      this.log(ts, 'charger', 'proxy', typeName, proxyId, null, DROPPED, text);
      this.context.loggers.proxy.debug(`${this.chargerId}: ${typeName} ${proxyId} answers no pending call, dropped`);
      return;
    }
    this.pendingUpstreamCalls.delete(proxyId);
    const { link } = pending;
    const out = withId(text, pending.idLiteral);
    if (!link.isOpen) {
      this.log(ts, 'charger', 'proxy', typeName, proxyId, pending.action, DROPPED, text);
      this.context.loggers.proxy.info(`${this.chargerId}: answer to ${link.name}'s ${pending.action} dropped, ${link.name} is not connected`);
      return;
    }
    link.send(out);
    this.log(ts, 'charger', link.name, typeName, pending.id, pending.action, NO_TAGS, out);
  }

  private rejectChargerFrame(parsed: Exclude<ParseResult, { ok: true }>, text: string, ts: string): void {
    this.log(ts, 'charger', 'proxy', 'INVALID', parsed.id, null, NO_TAGS, text);
    this.context.loggers.server.warn(`${this.chargerId}: bad frame: ${parsed.detail}`);
    let code: string | null;
    if (parsed.problem === 'unknown-type') {
      code = this.rules.unknownMessageType === 'ignore' ? null : this.rules.unknownMessageType;
    } else {
      code = this.rules.errorCodes[parsed.problem];
    }
    if (code !== null) {
      const id = parsed.id ?? '-1';
      const reply = callError(id, code, parsed.detail);
      this.charger!.send(reply);
      this.log(ts, 'proxy', 'charger', 'CALLERROR', id, null, NO_TAGS, reply);
    }
    if (++this.badFrameStreak >= MAX_BAD_FRAMES) {
      this.context.loggers.server.warn(`${this.chargerId}: ${MAX_BAD_FRAMES} bad frames in a row, closing with 1002`);
      closeWithin(this.charger!, 1002, 'too many malformed frames', CLOSE_GRACE_MS);
    }
  }

  private onChargerClose(code: number, reason: string): void {
    this.context.loggers.server.info(`${this.chargerId} disconnected (${code}${reason ? ` ${reason}` : ''})`);
    this.end(mirrorCloseCode(code, 1001), reason || 'charger disconnected');
  }

  // ---- upstreams → charger -------------------------------------------------------------------

  linkOpened(link: UpstreamLink): void {
    if (this.ended) return;
    for (const frame of link.outbox.splice(0)) {
      link.send(frame.data);
      this.log(new Date().toISOString(), 'charger', link.name, frame.type, frame.id, frame.action, QUEUED, frame.text);
    }
  }

  linkMessage(link: UpstreamLink, data: Buffer, isBinary: boolean): void {
    if (this.ended || this.charger === null) return;
    const ts = new Date().toISOString();
    const text = isBinary ? `<binary frame, ${data.length} bytes>` : data.toString();
    const parsed: ParseResult = isBinary
      ? { ok: false, problem: 'bad-envelope', id: null, detail: 'binary frame' }
      : parseFrame(text, this.rules.messageTypes);
    if (!parsed.ok) {
      // Garbage from an upstream never reaches the charger.
      this.log(ts, link.name, 'proxy', 'INVALID', parsed.id, null, DROPPED, text);
      this.context.loggers.client.warn(`${this.chargerId}: bad frame from ${link.name} dropped: ${parsed.detail}`);
      return;
    }
    const frame = parsed.frame;
    switch (frame.type) {
      case CALL:
      case SEND:
        this.upstreamCall(link, frame.type, frame.id, frame.action, text, ts);
        return;
      case CALLRESULTERROR:
        this.log(ts, link.name, 'proxy', 'CALLRESULTERROR', frame.id, null, DROPPED, text);
        return;
      default:
        this.upstreamAnswer(link, frame.type, frame.id, data, text, ts);
    }
  }

  private upstreamCall(link: UpstreamLink, type: typeof CALL | typeof SEND, id: string, action: string, text: string, ts: string): void {
    const typeName = TYPE_NAMES[type]!;
    if (link.role === 'observer') {
      this.log(ts, link.name, 'proxy', typeName, id, action, BLOCKED, text);
      if (type === CALL) {
        const reply = callError(id, 'SecurityError', `${link.name} is an observer and may not send calls to the charger`);
        link.send(reply);
        this.log(ts, 'proxy', link.name, 'CALLERROR', id, action, BLOCKED, reply);
      }
      return;
    }
    // A fresh id per Call keeps upstreams' ids from colliding on the charger connection.
    const proxyId = randomUUID();
    const out = withId(text, `"${proxyId}"`);
    if (type === CALL) this.pendingUpstreamCalls.set(proxyId, { link, idLiteral: idLiteralOf(text), id, action });
    this.charger!.send(out);
    this.log(ts, link.name, 'charger', typeName, proxyId, action, NO_TAGS, out);
  }

  private upstreamAnswer(link: UpstreamLink, type: typeof CALLRESULT | typeof CALLERROR, id: string, data: Buffer, text: string, ts: string): void {
    const typeName = TYPE_NAMES[type]!;
    const action = link.awaitingReplies.get(id);
    if (action !== undefined) link.awaitingReplies.delete(id);
    if (link !== this.primary || action === undefined) {
      // Only the primary answers the charger, and only once per Call.
      this.log(ts, link.name, 'proxy', typeName, id, action ?? null, DROPPED, text);
      return;
    }
    this.charger!.send(data, { binary: false });
    this.log(ts, link.name, 'charger', typeName, id, action, NO_TAGS, text);
  }

  linkClosed(link: UpstreamLink, code: number, reason: string): void {
    if (this.ended || link !== this.primary || this.charger === null) return;
    const chargerCode = mirrorCloseCode(code, 1011);
    this.context.loggers.proxy.warn(`${this.chargerId}: primary closed (${code}), closing the charger with ${chargerCode}`);
    void this.shutdown(chargerCode, 1000, reason || 'primary disconnected');
  }

  // ---- shared ------------------------------------------------------------------------------

  private end(upstreamCode: number, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    for (const link of this.links) link.close(upstreamCode, reason, CLOSE_GRACE_MS);
    this.pendingUpstreamCalls.clear();
    this.context.sessionEnded(this);
  }

  private log(ts: string, from: string, to: string, type: FrameType, id: string | null, action: string | null, tags: Tag[], raw: string): void {
    this.context.messageLog.write({ ts, charger: this.chargerId, from, to, type, id, action, tags, raw });
  }
}
