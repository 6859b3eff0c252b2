// One charger connection and its upstream links. Applies the routing rules of CONTRACT.md
// "Routing and ids" to every frame, in both directions, and owns the session's lifecycle:
// one upstream Call at a time toward the charger, backlogs and replay for upstreams that were
// away, liveness and backpressure.

import { randomUUID } from 'node:crypto';
import type { WebSocket, RawData } from 'ws';
import type { Config, UpstreamConfig } from '../config/config.ts';
import type { Loggers } from '../log/console-log.ts';
import type { FrameType, MessageLog, Tag } from '../log/message-log.ts';
import { redactAnswerSecrets, redactSecrets } from '../log/redact.ts';
import {
  CALL,
  CALLRESULT,
  CALLRESULTERROR,
  SEND,
  TYPE_NAMES,
  callError,
  idLiteralOf,
  parseFrame,
  withId,
  type Frame,
  type ParseResult,
  type Payload,
} from '../ocpp/frame.ts';
import { versionRules, type OcppVersion, type VersionSource } from '../ocpp/versions.ts';
import { closeWithin, mirrorCloseCode } from '../upstream/close-codes.ts';
import { LocalLink } from '../upstream/local-csms.ts';

import { UpstreamLink, type ConnectFailure, type LinkOwner, type UpstreamTls } from '../upstream/upstream-link.ts';
import { CallQueue, type UpstreamCall } from './call-queue.ts';
import type { ChargerMemory } from './charger-memory.ts';
import { CallPolicy } from '../config/policy.ts';
import { FixupPipeline, type FixupRule } from '../rules/fixups.ts';
import { autoconfigCalls, configStatus } from '../rules/autoconfig.ts';
import { stageChain } from '../stages/chain.ts';
import { runChain, type ChainResult, type Stage } from '../stages/stage.ts';
import { spliceIds } from '../stages/transaction-ids.ts';
import type { Store } from '../store/store.ts';
import { Transactions, type SplitConfig } from '../stages/transactions.ts';
import type { ChargerEvents } from '../events/charger-events.ts';
import type { ControlArbiter } from '../sharing/control.ts';

export interface SessionContext {
  config: Config;
  loggers: Loggers;
  messageLog: MessageLog;
  /** TLS material per wss:// upstream, read at start. */
  upstreamTls: Map<UpstreamConfig, UpstreamTls>;
  /** The `[fixups]` rules in force. */
  fixupRules: FixupRule[];
  /** `[autoconfig] lock`: the keys upstreams may not change (normalised), or null. */
  lockedKeys: ReadonlySet<string> | null;
  /** RFID split: tag owners and the default owner. */
  split: SplitConfig;
  store: Store | null;
  /** Charger events (event API, sharing, Home Assistant). */
  events: ChargerEvents;
  /** Control arbitration between backends, and the homeowner's override. */
  control: ControlArbiter;
  /** How long a new connection's replays wait for the charger's first Call (default FIRST_CALL_WAIT_MS). */
  firstCallWaitMs?: number;
}

export interface SessionStatus {
  id: string;
  protocol: string;
  protocol_source: string;
  connected_since: string | null;
  queued_calls: number;
  upstreams: Array<{ name: string; role: string; url: string; state: string; since: string; reconnect_attempts: number; backlog: number }>;
  autoconfig: Record<string, string>;
}

interface CallInFlight {
  call: UpstreamCall<UpstreamLink>;
  proxyId: string;
  timer: NodeJS.Timeout;
}

const NO_TAGS: Tag[] = [];
const DROPPED: Tag[] = ['dropped'];
const QUEUED: Tag[] = ['queued'];
const REPLAYED: Tag[] = ['replayed'];
const BLOCKED: Tag[] = ['blocked'];
const FIXED: Tag[] = ['fixed'];
const INJECTED: Tag[] = ['injected'];
/** Bad frames in a row from the charger before the proxy gives up on it (1002). */
const MAX_BAD_FRAMES = 10;
/** How long closing links may take before their sockets are destroyed. */
const CLOSE_GRACE_MS = 1000;
/** Above this many unsent bytes on a socket, stop reading from whoever feeds it. */
export const HIGH_WATER_MARK = 1024 * 1024;
const DRAIN_POLL_MS = 50;
/**
 * A charger that says nothing for this long after connecting is taken not to boot again: links
 * that opened meanwhile get their replay. Long enough for a slow boot to arrive first (a replay
 * followed by the real boot is a duplicate boot upstream); a silent charger only delays the replay.
 */
export const FIRST_CALL_WAIT_MS = 10_000;
/** What each frame costs against `[host] charger_rate` besides its bytes (bounds the frame rate too). */
const FRAME_COST = 256;
/** The burst a charger may send at once: two of the largest frames, or one second at its rate. */
const rateBurst = (config: Config) => Math.max(2 * config.maxMessageSize, config.chargerRate);

/** Commands (web, event API) that may wait for one charger at once; more are refused, not queued. */
export const MAX_WAITING_PROXY_CALLS = 20;

export class ChargerSession implements LinkOwner {
  readonly chargerId: string;
  readonly links: UpstreamLink[];
  readonly primary: UpstreamLink;
  readonly memory: ChargerMemory;
  protocol: OcppVersion = 'ocpp1.6';
  /** How the version was found: negotiated, or detected for a charger that offered none. */
  versionSource: VersionSource = 'subprotocol';
  connectedSince: Date | null = null;
  /** The first message log line of a connection says which version and how it was found. */
  private versionLogged = false;
  private rules = versionRules('ocpp1.6');
  private fixups: FixupPipeline | null = null;
  private transactions: Transactions<UpstreamLink> | null = null;
  /** Charger Calls answered by an upstream other than the primary (a session owner) → that upstream. */
  private readonly answerers = new Map<string, UpstreamLink>();
  private charger: WebSocket | null = null;
  private readonly policies = new Map<UpstreamLink, CallPolicy>();
  /** Each upstream's stage chain (stages/chain.ts), built when the charger's version is known. */
  private readonly chains = new Map<UpstreamLink, Stage[]>();
  /** The stages of each chain that look at charger Calls (most chains have one or none). */
  private readonly toUpstreamStages = new Map<UpstreamLink, Stage[]>();
  private readonly queue: CallQueue<UpstreamLink>;
  private inFlight: CallInFlight | null = null;
  private badFrameStreak = 0;
  /** Token bucket of `[host] charger_rate`: bytes this charger may still send before it is read more slowly. */
  private rateTokens: number;
  private rateTokensAt = Date.now();
  private rateTimer: NodeJS.Timeout | null = null;
  private ended = false;
  private chargerHeardAt = Date.now();
  private lastChargerFrameAt = Date.now();
  private graceTimer: NodeJS.Timeout | null = null;
  /**
   * Links that opened before the charger's first Call on this connection: whether they get the
   * replay (rule 8) depends on whether the charger boots again. Null once that is known.
   */
  private heldReplays: Set<UpstreamLink> | null = new Set();
  private firstCallTimer: NodeJS.Timeout | null = null;
  /** Polls a backed-up socket until it drains (then reading resumes) or is stuck too long. */
  private drainTimer: NodeJS.Timeout | null = null;
  private readonly context: SessionContext;
  private readonly onEnded: (session: ChargerSession) => void;
  private readonly callTimeoutMs: number;

  /** `ended` is called once when the session has ended, so the registry can forget it. */
  constructor(chargerId: string, memory: ChargerMemory, context: SessionContext, ended: (session: ChargerSession) => void = () => undefined) {
    this.chargerId = chargerId;
    this.onEnded = ended;
    this.memory = memory;
    this.context = context;
    const { config, loggers } = context;
    this.callTimeoutMs = config.timeouts.callTimeout * 1000;
    this.rateTokens = rateBurst(config);
    this.links = config.upstreams.map((upstream) => {
      const options = {
        maxPayload: config.maxMessageSize,
        handshakeTimeoutMs: 10_000,
        backlogLimit: config.backlogLimit,
        backlogBytes: config.backlogBytes,
        reconnect: upstream.role !== 'primary' || config.timeouts.primaryGrace > 0,
        tls: context.upstreamTls.get(upstream),
      };
      const link = upstream.local
        ? new LocalLink(upstream, chargerId, options, loggers.client, config.local)
        : new UpstreamLink(upstream, chargerId, options, loggers.client);
      this.policies.set(link, new CallPolicy(upstream));
      return link;
    });
    this.primary = this.links[0]!;
    this.queue = new CallQueue(this.primary);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /**
   * A Call of the proxy's own (web commands): through the one-at-a-time queue, logged `injected`;
   * resolves with the charger's answer, which goes to no upstream.
   */
  proxyCall(action: string, payload: Payload): Promise<{ type: 'CALLRESULT' | 'CALLERROR'; payload: Payload | null }> {
    return new Promise((resolve, reject) => {
      if (this.ended || this.charger === null) {
        reject(new Error(`${this.chargerId} is not connected`));
        return;
      }
      if (this.queue.proxyCallCount >= MAX_WAITING_PROXY_CALLS) {
        reject(new Error(`${this.chargerId} already has ${MAX_WAITING_PROXY_CALLS} commands waiting; try again once they are answered`));
        return;
      }
      // The wait covers the queue ahead of it and the charger's own call_timeout.
      const timer = setTimeout(() => reject(new Error(`no answer from ${this.chargerId} in time`)), this.callTimeoutMs * 2);
      this.queueProxyCall(action, payload, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.sendNextCall();
    });
  }

  /** Queues a Call of the proxy's own; its id is assigned when it goes, its answer goes to `onAnswer`. */
  private queueProxyCall(action: string, payload: Payload, onAnswer: NonNullable<UpstreamCall<UpstreamLink>['onAnswer']>): void {
    this.queue.push({ source: null, id: '', idLiteral: '""', action, text: JSON.stringify([CALL, '', action, payload]), onAnswer });
  }

  /** The upstream that owns a transaction of this charger, if known. */
  transactionOwner(chargerTx: string): string | undefined {
    return this.transactions?.ownerOf(chargerTx);
  }

  /** For the status API: this session and each upstream link. */
  status(): SessionStatus {
    return {
      id: this.chargerId,
      protocol: this.protocol,
      protocol_source: this.versionSource,
      connected_since: this.connectedSince?.toISOString() ?? null,
      queued_calls: this.queuedCalls,
      upstreams: this.links.map((link) => ({
        name: link.name,
        role: link.role,
        url: link.shownUrl,
        state: link.state,
        since: link.since.toISOString(),
        reconnect_attempts: link.reconnectAttempts,
        backlog: link.catchUp.size,
      })),
      autoconfig: Object.fromEntries(this.memory.autoconfigResults),
    };
  }

  /** Upstream Calls waiting for the charger, and whether one is out. */
  get queuedCalls(): number {
    return this.queue.length + (this.inFlight === null ? 0 : 1);
  }

  /** Opens the primary link offering the charger's subprotocols (negotiation is upstream-first). */
  connectPrimary(protocols: string[], chargerHeaders: Record<string, string | undefined>): Promise<ConnectFailure | null> {
    return this.primary.connect(protocols, chargerHeaders);
  }

  /** The charger's handshake completed with the primary's subprotocol: start routing. */
  attachCharger(charger: WebSocket, protocol: OcppVersion, versionSource: VersionSource = 'subprotocol'): void {
    this.charger = charger;
    this.protocol = protocol;
    this.versionSource = versionSource;
    this.rules = versionRules(this.protocol);
    this.fixups = new FixupPipeline(this.context.fixupRules, this.protocol, this.chargerId);
    this.transactions = new Transactions(
      this.chargerId,
      this.protocol,
      this.links,
      this.context.split,
      this.context.store,
      this.context.loggers.proxy,
      this.context.events,
      this.context.config.prices,
    );
    for (const link of this.links) {
      const chain = stageChain({
        link,
        upstream: link.name,
        chargerId: this.chargerId,
        protocol: this.protocol,
        policy: this.policies.get(link)!,
        control: this.context.control,
        transactions: this.transactions,
        lockedKeys: this.context.lockedKeys,
      });
      this.chains.set(link, chain);
      this.toUpstreamStages.set(link, chain.filter((stage) => stage.toUpstream !== undefined));
    }
    this.connectedSince = new Date();
    this.chargerHeardAt = this.lastChargerFrameAt = Date.now();
    charger.on('message', (data: RawData, isBinary: boolean) => this.onChargerMessage(data as Buffer, isBinary));
    charger.on('pong', () => {
      this.chargerHeardAt = Date.now();
    });
    charger.on('close', (code: number, reason: Buffer) => this.onChargerClose(code, reason.toString()));
    charger.on('error', (error: Error) => this.context.loggers.server.warn(`${this.chargerId}: ${error.message}`));
    for (const link of this.links) link.attach(this);
    this.firstCallTimer = setTimeout(() => this.releaseReplays(false), this.context.firstCallWaitMs ?? FIRST_CALL_WAIT_MS);
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

  /** Liveness sweep: ping every open socket, drop the ones silent for longer than `timeoutMs`. */
  pingTick(now: number, timeoutMs: number): void {
    if (this.ended) return;
    const charger = this.charger;
    if (charger !== null && charger.readyState === charger.OPEN) {
      if (now - this.chargerHeardAt > timeoutMs) {
        this.context.loggers.server.warn(`${this.chargerId}: no pong for ${Math.round((now - this.chargerHeardAt) / 1000)} s, dropping the charger`);
        charger.terminate();
      } else {
        charger.ping();
      }
    }
    for (const link of this.links) link.pingTick(now, timeoutMs);
  }

  /** Watchdog sweep: a charger that sent nothing for `staleMs` is closed. */
  watchdogTick(now: number, staleMs: number): void {
    if (this.ended || this.charger === null || now - this.lastChargerFrameAt <= staleMs) return;
    this.context.loggers.server.warn(`${this.chargerId}: no frame for ${Math.round((now - this.lastChargerFrameAt) / 1000)} s, closing (watchdog)`);
    void this.shutdown(1001, 1001, 'watchdog: charger silent');
  }

  // ---- charger → upstreams -------------------------------------------------------------------

  private onChargerMessage(data: Buffer, isBinary: boolean): void {
    if (this.ended) return;
    const now = Date.now();
    this.chargerHeardAt = this.lastChargerFrameAt = now;
    if (this.context.config.chargerRate > 0) this.spendRate(data.length, now);
    const ts = new Date(now).toISOString();
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
      case CALL: {
        if (this.heldReplays !== null) this.releaseReplays(frame.action === 'BootNotification');
        let out: Buffer | string = data;
        let outText = text;
        let tags = NO_TAGS;
        const fixed = this.fixups!.apply(frame.action, frame.payload, text, this.memory, now);
        if (fixed !== null) {
          out = outText = fixed.text;
          tags = FIXED;
          for (const fix of fixed.fixes) {
            this.context.loggers.proxy.info(`${this.chargerId}: ${fix.rule} fixed ${frame.action} ${fix.field}: ${JSON.stringify(fix.was)} → ${JSON.stringify(fix.now)}`);
          }
        }
        this.memory.rememberCall(frame.action, frame.payload, outText);
        const route = this.transactions!.routeChargerCall(frame.action, frame.payload, frame.id);
        if (route === 'resent') {
          this.answerResentStart(frame.id, frame.payload, outText, ts);
          return;
        }
        if (route !== null && route.answerer !== this.primary) this.answerers.set(frame.id, route.answerer);
        const logText = redactSecrets(frame.action, frame.payload, outText);
        for (const link of route?.targets ?? this.links) {
          const toUpstream = this.toUpstreamStages.get(link)!;
          const result = toUpstream.length === 0 ? null : runChain(toUpstream, 'toUpstream', { type: 'CALL', id: frame.id, action: frame.action, payload: frame.payload, text: outText });
          if (result === null || (result.stopped === null && result.text === outText)) {
            this.toUpstream(link, out, logText, tags, 'CALL', frame.id, frame.action, ts);
          } else if (result.stopped === null) {
            this.toUpstream(link, result.text, result.text, tags, 'CALL', frame.id, frame.action, ts); // e.g. this upstream's own transaction id
          } else {
            this.log(ts, 'charger', 'proxy', 'CALL', frame.id, frame.action, DROPPED, logText);
            this.context.loggers.proxy.info(`${this.chargerId}: not for ${link.name}: ${result.stopped.note}`);
          }
          if (frame.action === 'StartTransaction' && link !== (route?.answerer ?? this.primary)) this.awaitStart(link, frame.id);
        }
        this.transactions!.chargerCallForwarded(frame.action, frame.payload);
        this.chargerEvent(frame.action, frame.payload, ts);
        return;
      }
      case SEND:
        for (const link of this.links) this.toUpstream(link, data, text, NO_TAGS, 'SEND', frame.id, frame.action, ts);
        return;
      case CALLRESULTERROR:
        // Refers to the primary's CallResult the charger received (2.1): it goes back there, id unchanged.
        this.toUpstream(this.primary, data, text, NO_TAGS, 'CALLRESULTERROR', frame.id, null, ts);
        return;
      default:
        this.answerUpstreamCall(frame, text, ts);
    }
  }

  /**
   * A 1.6 upstream that is not the session owner answers StartTransaction with its own id: hold
   * its next frames until that answer is in, so they can carry its id.
   */
  private awaitStart(link: UpstreamLink, callId: string): void {
    if (!link.isOpen || link.catchUp.waiting || this.protocol !== 'ocpp1.6') return;
    link.catchUp.awaitAnswer(callId, this.callTimeoutMs, () => this.catchUpNext(link));
  }

  /** The charger sent a StartTransaction again: never start it twice upstream; give it the owner's answer. */
  private answerResentStart(callId: string, payload: Payload, text: string, ts: string): void {
    this.log(ts, 'charger', 'proxy', 'CALL', callId, 'StartTransaction', DROPPED, text);
    const answer = this.transactions!.resentStart(payload, callId);
    this.context.loggers.proxy.info(`${this.chargerId}: StartTransaction ${callId} is a resend; ${answer === null ? 'the owner\'s answer will carry its id' : 'answering with the owner\'s answer'}`);
    if (answer === null) return;
    const out = withId(answer, JSON.stringify(callId));
    this.sendToCharger(out);
    this.log(ts, 'proxy', 'charger', 'CALLRESULT', callId, 'StartTransaction', NO_TAGS, out);
  }

  /** Boot, status and meter events for listeners (event API, sharing rules). */
  private chargerEvent(action: string, payload: Payload, at: string): void {
    switch (action) {
      case 'BootNotification':
        this.context.events.emit({ event: 'boot', charger: this.chargerId, at, vendor: this.memory.vendor, model: this.memory.model, protocol: this.protocol });
        return;
      case 'StatusNotification': {
        const connector = payload.evseId === undefined ? String(payload.connectorId) : `${String(payload.evseId)}/${String(payload.connectorId)}`;
        const status = String(payload.status ?? payload.connectorStatus);
        this.context.control.connectorStatus(this.chargerId, connector, status);
        this.context.events.emit({ event: 'status', charger: this.chargerId, at, connector, status, errorCode: payload.errorCode ?? null });
        return;
      }
      case 'MeterValues':
        this.context.events.emit({ event: 'meter', charger: this.chargerId, at, connector: payload.connectorId ?? payload.evseId ?? null, transactionId: payload.transactionId ?? null, meterValue: payload.meterValue });
        return;
    }
  }

  private toUpstream(link: UpstreamLink, data: Buffer | string, logText: string, tags: Tag[], type: FrameType, id: string, action: string | null, ts: string): void {
    if (link.isWritable) {
      this.sendToLink(link, data, logText, type, id, action, tags, ts);
      return;
    }
    // Not connected or still catching up: the frame waits its turn in the link's backlog.
    for (const dropped of link.catchUp.push({ data, text: logText, type, id, action, tags })) {
      this.log(ts, 'charger', 'proxy', dropped.type, dropped.id, dropped.action, DROPPED, dropped.text);
      this.context.loggers.proxy.warn(`${this.chargerId}: backlog for ${link.name} is full, dropped ${dropped.action ?? dropped.type} ${dropped.id}`);
    }
  }

  private sendToLink(link: UpstreamLink, data: Buffer | string, logText: string, type: FrameType, id: string, action: string | null, tags: Tag[], ts: string): void {
    link.send(data);
    if (type === 'CALL') link.awaitingReplies.set(id, action!);
    this.log(ts, 'charger', link.name, type, id, action, tags, logText);
    if (link.bufferedAmount > HIGH_WATER_MARK) this.holdBack('toUpstreams');
  }

  /** The charger answered the upstream Call in flight: back to that upstream alone, under its own id. */
  private answerUpstreamCall(frame: Exclude<Frame, { type: 2 | 5 | 6 }>, text: string, ts: string): void {
    const typeName = TYPE_NAMES[frame.type]! as 'CALLRESULT' | 'CALLERROR';
    const proxyId = frame.id;
    const inFlight = this.inFlight;
    if (inFlight === null || inFlight.proxyId !== proxyId) {
      this.log(ts, 'charger', 'proxy', typeName, proxyId, null, DROPPED, text);
      this.context.loggers.proxy.info(`${this.chargerId}: ${typeName} ${proxyId} answers no pending call (late or unknown), dropped`);
      return;
    }
    clearTimeout(inFlight.timer);
    this.inFlight = null;
    const { call } = inFlight;
    const link = call.source;
    const answerPayload = frame.type === CALLRESULT ? frame.payload : null;
    if (link === null) {
      // The proxy's own Call: its answer is the proxy's, never an upstream's.
      this.log(ts, 'charger', 'proxy', typeName, proxyId, call.action, INJECTED, redactAnswerSecrets(call.action, answerPayload, text));
      call.onAnswer?.({ type: typeName, payload: answerPayload });
    } else if (!link.isOpen) {
      this.log(ts, 'charger', 'proxy', typeName, proxyId, call.action, DROPPED, redactAnswerSecrets(call.action, answerPayload, text));
      this.context.loggers.proxy.info(`${this.chargerId}: answer to ${link.name}'s ${call.action} dropped, ${link.name} is not connected`);
    } else {
      const answer = call.rewriteAnswer !== undefined && frame.type === CALLRESULT ? call.rewriteAnswer(text) : text;
      const out = withId(answer, call.idLiteral);
      link.send(out);
      this.log(ts, 'charger', link.name, typeName, call.id, call.action, NO_TAGS, redactAnswerSecrets(call.action, answerPayload, out));
    }
    this.sendNextCall();
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
      const charger = this.charger!;
      if (charger.bufferedAmount > HIGH_WATER_MARK) {
        // A charger that sends without reading would grow our buffer without bound: stop reading
        // it until it drains (closed if it never does), and say nothing more to it meanwhile.
        this.log(ts, 'proxy', 'charger', 'CALLERROR', id, null, DROPPED, reply);
        this.holdBack('toUpstreams');
        return;
      }
      charger.send(reply);
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
    if (link === this.primary && this.graceTimer !== null) {
      clearTimeout(this.graceTimer);
      this.graceTimer = null;
      this.context.loggers.proxy.info(`${this.chargerId}: primary back within primary_grace`);
    }
    if (this.heldReplays !== null) {
      // Too early to tell whether the charger boots on this connection: everything for this link
      // waits (catching up) until its first Call says so.
      link.catchUp.hold();
      this.heldReplays.add(link);
      return;
    }
    this.catchUp(link, true);
  }

  /**
   * The charger's first Call on this connection is in (or it stayed silent for the bound): a
   * charger that boots gives each held link its own boot, so those get no replay; otherwise they
   * get the replay first.
   */
  private releaseReplays(chargerBoots: boolean): void {
    const held = this.heldReplays;
    if (held === null) return;
    this.heldReplays = null;
    if (this.firstCallTimer !== null) clearTimeout(this.firstCallTimer);
    this.firstCallTimer = null;
    for (const link of held) if (link.isOpen) this.catchUp(link, !chargerBoots);
  }

  /**
   * A (re)connected upstream first learns what it missed: with `replay`, the boot and each
   * connector's status (unless the charger's own boot is already waiting for it), then the
   * charger's waiting calls.
   */
  private catchUp(link: UpstreamLink, replay: boolean): void {
    if (replay && !link.catchUp.hasBacklogged('BootNotification')) {
      for (const { action, text } of this.memory.replayFrames()) {
        const proxyId = randomUUID();
        const out = withId(text, `"${proxyId}"`);
        link.catchUp.addReplay({ data: out, text: out, type: 'CALL', id: proxyId, action, tags: REPLAYED });
      }
    }
    if (link.catchUp.start()) this.catchUpNext(link);
  }

  /** Sends what a link missed one Call at a time, as a CSMS expects; the next goes on its answer. */
  private catchUpNext(link: UpstreamLink): void {
    while (!link.catchUp.waiting && !this.ended && link.isOpen) {
      const next = link.catchUp.next();
      if (next === undefined) return;
      const { frame, replayed } = next;
      if (frame.type === 'CALL' && !replayed && (frame.action === 'MeterValues' || frame.action === 'StopTransaction')) {
        // Its transaction may have started while this upstream was away: use the id it knows.
        const ids = this.transactions?.idsForUpstream(link, frame.action, JSON.parse(frame.text)[3] as Payload) ?? [];
        if (ids.length > 0) frame.data = frame.text = spliceIds(frame.text, ids);
      }
      link.send(frame.data);
      if (frame.type === 'CALL' && !replayed) link.awaitingReplies.set(frame.id, frame.action!);
      const from = replayed ? 'proxy' : 'charger';
      const tags = replayed ? REPLAYED : frame.tags.length === 0 ? QUEUED : [...frame.tags, 'queued' as const];
      this.log(new Date().toISOString(), from, link.name, frame.type, frame.id, frame.action, tags, frame.text);
      if (frame.type === 'CALL') link.catchUp.awaitAnswer(frame.id, this.callTimeoutMs, () => this.catchUpNext(link));
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
        this.upstreamCall(link, frame, text, ts);
        return;
      case CALLRESULTERROR:
        this.log(ts, link.name, 'proxy', 'CALLRESULTERROR', frame.id, null, DROPPED, text);
        return;
      default:
        this.upstreamAnswer(link, frame, data, text, ts);
    }
  }

  private upstreamCall(link: UpstreamLink, frame: Extract<Frame, { type: 2 | 6 }>, text: string, ts: string): void {
    const typeName = TYPE_NAMES[frame.type]! as 'CALL' | 'SEND';
    const chain = this.chains.get(link)!;
    const result = runChain(chain, 'fromUpstream', { type: typeName, id: frame.id, action: frame.action, payload: frame.payload, text });
    for (const note of result.notes) this.context.loggers.proxy.info(`${this.chargerId}: ${note}`);
    if (result.stopped !== null) {
      this.refuseUpstreamCall(link, frame, typeName, text, result.stopped, ts);
      return;
    }
    if (frame.type === SEND) {
      // 2.1 SEND expects no answer, so it needs no slot; a fresh id still keeps upstreams apart.
      const proxyId = randomUUID();
      const out = withId(result.text, `"${proxyId}"`);
      this.sendToCharger(out);
      this.log(ts, link.name, 'charger', typeName, proxyId, frame.action, NO_TAGS, redactSecrets(frame.action, frame.payload, out));
      return;
    }
    if (this.queue.countFor(link) >= this.context.config.queueLimit) {
      this.context.loggers.proxy.warn(`${this.chargerId}: ${link.name}'s ${frame.action} refused, ${this.context.config.queueLimit} calls already wait`);
      this.replyToUpstream(link, frame.id, frame.action, 'GenericError', 'proxy queue full', DROPPED, ts);
      return;
    }
    const call: UpstreamCall<UpstreamLink> = { source: link, id: frame.id, idLiteral: idLiteralOf(text), action: frame.action, text: result.text };
    if (result.rewriteAnswer !== null) call.rewriteAnswer = result.rewriteAnswer;
    this.queue.push(call);
    this.sendNextCall(call, result.text === text ? frame.payload : undefined);
  }

  /** The one "reply and log" path for a Call a stage stopped: the Call is logged, the sender answered. */
  private refuseUpstreamCall(link: UpstreamLink, frame: Extract<Frame, { type: 2 | 6 }>, typeName: 'CALL' | 'SEND', text: string, stop: NonNullable<ChainResult['stopped']>, ts: string): void {
    const tags = stop.kind === 'drop' ? DROPPED : BLOCKED;
    this.log(ts, link.name, 'proxy', typeName, frame.id, frame.action, tags, redactSecrets(frame.action, frame.payload, text));
    this.context.loggers.proxy.info(`${this.chargerId}: ${stop.note}`);
    if (frame.type !== CALL) return; // a SEND is answered by nobody
    if (stop.kind === 'error') this.replyToUpstream(link, frame.id, frame.action, stop.code, stop.description, BLOCKED, ts);
    else if (stop.kind === 'answer') {
      const answer = JSON.stringify([CALLRESULT, frame.id, stop.payload]);
      link.send(answer);
      this.log(ts, 'proxy', link.name, 'CALLRESULT', frame.id, frame.action, BLOCKED, answer);
    }
  }

  /** Sends the next Call if the slot is free; `arrived` is the one just queued (not tagged `queued` if it goes at once). */
  private sendNextCall(arrived?: UpstreamCall<UpstreamLink>, payload?: Payload): void {
    if (this.inFlight !== null || this.charger === null || this.ended) return;
    // Non-primary Calls wait until the primary has accepted the charger's boot.
    const call = this.queue.shift(this.memory.bootAccepted());
    if (call === undefined) return;
    if (call === arrived) this.sendCall(call, NO_TAGS, payload ?? null);
    else this.sendCall(call, QUEUED, null);
  }

  private sendCall(call: UpstreamCall<UpstreamLink>, tags: Tag[], payload: Payload | null): void {
    const proxyId = randomUUID();
    const out = withId(call.text, `"${proxyId}"`);
    this.inFlight = { call, proxyId, timer: setTimeout(() => this.callTimedOut(proxyId), this.callTimeoutMs) };
    this.sendToCharger(out);
    const logText = payload === null ? redactSecrets(call.action, JSON.parse(out)[3] as Payload, out) : redactSecrets(call.action, payload, out);
    const from = call.source === null ? 'proxy' : call.source.name;
    this.log(new Date().toISOString(), from, 'charger', 'CALL', proxyId, call.action, call.source === null ? INJECTED : tags, logText);
  }

  /** `[autoconfig]`: after each accepted boot, every key goes to the charger, ahead of held calls. */
  private startAutoconfig(): void {
    for (const { key, action, payload } of autoconfigCalls(this.protocol, this.context.config.autoconfig)) {
      this.queueProxyCall(action, payload, (answer) => {
        const status = answer.payload === null ? 'CallError' : configStatus(action, answer.payload);
        this.memory.autoconfigResults.set(key, status);
        if (status === 'Accepted') this.context.loggers.proxy.info(`${this.chargerId}: autoconfig ${key}: Accepted`);
        else this.context.loggers.proxy.warn(`${this.chargerId}: autoconfig ${key}: ${status}`);
      });
    }
  }

  private callTimedOut(proxyId: string): void {
    if (this.inFlight?.proxyId !== proxyId) return;
    const { call } = this.inFlight;
    this.context.loggers.proxy.warn(`${this.chargerId}: no answer to ${call.source?.name ?? 'the proxy'}'s ${call.action} within call_timeout, slot freed`);
    this.inFlight = null;
    this.sendNextCall();
  }

  private upstreamAnswer(link: UpstreamLink, frame: Exclude<Frame, { type: 2 | 6 }>, data: Buffer, text: string, ts: string): void {
    const typeName = TYPE_NAMES[frame.type]!;
    const { id } = frame;
    const catchUpStep = link.catchUp.answered(id);
    const replayedAction = link.catchUp.takeReplayed(id);
    if (replayedAction !== undefined) {
      this.log(ts, link.name, 'proxy', typeName, id, replayedAction, REPLAYED, text); // answers to replays are the proxy's
    } else {
      const action = link.awaitingReplies.get(id);
      if (action !== undefined) link.awaitingReplies.delete(id);
      const answerer = this.answerers.get(id) ?? this.primary;
      if (action !== undefined) this.transactions?.upstreamAnswered(link, action, id, frame.type === CALLRESULT ? frame.payload : null, text);
      if (link !== answerer || action === undefined) {
        // Only the primary (or the session's owner) answers the charger, and only once per Call.
        this.log(ts, link.name, 'proxy', typeName, id, action ?? null, DROPPED, text);
      } else {
        this.answerers.delete(id);
        const chargerId = this.transactions?.answerIdFor(action, id) ?? id;
        const out = chargerId === id ? data : withId(text, JSON.stringify(chargerId));
        this.sendToCharger(out);
        this.log(ts, link.name, 'charger', typeName, chargerId, action, NO_TAGS, typeof out === 'string' ? out : text);
        if (action === 'BootNotification' && frame.type === CALLRESULT) {
          const accepted = frame.payload.status === 'Accepted';
          this.memory.bootAnswered(accepted);
          if (accepted) this.startAutoconfig();
          this.sendNextCall(); // autoconfig first, then the held calls
        }
      }
    }
    if (catchUpStep) this.catchUpNext(link);
  }

  private replyToUpstream(link: UpstreamLink, id: string, action: string, code: string, description: string, tags: Tag[], ts: string): void {
    const reply = callError(id, code, description);
    link.send(reply);
    this.log(ts, 'proxy', link.name, 'CALLERROR', id, action, tags, reply);
  }

  private sendToCharger(data: Buffer | string): void {
    const charger = this.charger!;
    charger.send(data, { binary: false });
    if (charger.bufferedAmount > HIGH_WATER_MARK) this.holdBack('toCharger');
  }

  linkClosed(link: UpstreamLink, code: number, reason: string): void {
    if (this.ended) return;
    const forgotten = this.queue.drop(link);
    if (forgotten > 0) this.context.loggers.proxy.info(`${this.chargerId}: ${forgotten} queued calls of ${link.name} dropped, it disconnected`);
    if (link !== this.primary || this.charger === null) return;
    const grace = this.context.config.timeouts.primaryGrace;
    if (grace > 0 && link.state === 'waiting') {
      if (this.graceTimer === null) {
        this.context.loggers.proxy.warn(`${this.chargerId}: primary lost (${code}); keeping the charger for up to ${grace} s (primary_grace)`);
        this.graceTimer = setTimeout(() => {
          this.graceTimer = null;
          this.context.loggers.proxy.warn(`${this.chargerId}: primary not back within ${grace} s, closing the charger with 1011`);
          void this.shutdown(1011, 1000, 'primary unavailable');
        }, grace * 1000);
      }
      return;
    }
    const chargerCode = mirrorCloseCode(code, 1011);
    this.context.loggers.proxy.warn(`${this.chargerId}: primary closed (${code}), closing the charger with ${chargerCode}`);
    void this.shutdown(chargerCode, 1000, reason || 'primary disconnected');
  }

  // ---- backpressure ----------------------------------------------------------------------------

  /**
   * One charger cannot take the event loop from the others: past `[host] charger_rate` (bytes/s,
   * with a per-frame cost, after a burst) its socket is read more slowly; nothing is dropped.
   */
  private spendRate(bytes: number, now: number): void {
    const rate = this.context.config.chargerRate;
    this.rateTokens = Math.min(rateBurst(this.context.config), this.rateTokens + ((now - this.rateTokensAt) * rate) / 1000) - bytes - FRAME_COST;
    this.rateTokensAt = now;
    if (this.rateTokens >= 0 || this.rateTimer !== null || this.charger === null) return;
    const charger = this.charger;
    charger.pause();
    this.context.loggers.server.debug(`${this.chargerId}: sends faster than [host] charger_rate, reading it more slowly`);
    this.rateTimer = setTimeout(() => {
      this.rateTimer = null;
      if (!this.ended && this.drainTimer === null) charger.resume();
    }, Math.ceil((-this.rateTokens / rate) * 1000));
    this.rateTimer.unref();
  }

  /**
   * A socket has more than HIGH_WATER_MARK unsent: stop reading from what feeds it (the charger
   * for frames toward upstreams, the upstreams for frames toward the charger) until it drains; a
   * socket stuck above the mark for call_timeout is closed.
   */
  private holdBack(direction: 'toUpstreams' | 'toCharger'): void {
    if (this.drainTimer !== null) return;
    const chargerIsSource = direction === 'toUpstreams';
    if (chargerIsSource) this.charger!.pause();
    else for (const link of this.links) link.pause();
    const since = Date.now();
    this.context.loggers.proxy.debug(`${this.chargerId}: a reader is slow, pausing its source`);
    this.drainTimer = setInterval(() => {
      const backedUp = this.backedUpSockets();
      if (backedUp.length > 0 && Date.now() - since <= this.callTimeoutMs) return;
      clearInterval(this.drainTimer!);
      this.drainTimer = null;
      for (const socket of backedUp) {
        this.context.loggers.proxy.warn(`${this.chargerId}: ${socket.name} has not read its data for ${this.callTimeoutMs / 1000} s, closing it`);
        socket.terminate();
      }
      if (chargerIsSource) this.charger!.resume();
      else for (const link of this.links) link.resume();
    }, DRAIN_POLL_MS);
    this.drainTimer.unref();
  }

  private backedUpSockets(): Array<{ name: string; terminate(): void }> {
    const stuck: Array<{ name: string; terminate(): void }> = [];
    const charger = this.charger;
    if (charger !== null && charger.bufferedAmount > HIGH_WATER_MARK / 2) stuck.push({ name: 'the charger', terminate: () => charger.terminate() });
    for (const link of this.links) {
      if (link.bufferedAmount > HIGH_WATER_MARK / 2) stuck.push({ name: link.name, terminate: () => link.terminate() });
    }
    return stuck;
  }

  // ---- shared ------------------------------------------------------------------------------

  private end(upstreamCode: number, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    for (const link of this.links) link.close(upstreamCode, reason, CLOSE_GRACE_MS);
    if (this.inFlight !== null) clearTimeout(this.inFlight.timer);
    this.inFlight = null;
    this.queue.clear();
    if (this.graceTimer !== null) clearTimeout(this.graceTimer);
    if (this.drainTimer !== null) clearInterval(this.drainTimer);
    if (this.firstCallTimer !== null) clearTimeout(this.firstCallTimer);
    this.firstCallTimer = null;
    if (this.rateTimer !== null) clearTimeout(this.rateTimer);
    this.rateTimer = null;
    this.heldReplays = null;
    this.graceTimer = this.drainTimer = null;
    this.onEnded(this);
  }

  private log(ts: string, from: string, to: string, type: FrameType, id: string | null, action: string | null, tags: Tag[], raw: string): void {
    if (!this.versionLogged && this.charger !== null) {
      this.versionLogged = true;
      this.context.messageLog.write({ ts, charger: this.chargerId, from, to, type, id, action, tags, raw, protocol: this.protocol, protocol_source: this.versionSource });
      return;
    }
    this.context.messageLog.write({ ts, charger: this.chargerId, from, to, type, id, action, tags, raw });
  }
}

/** A frame with transaction ids (paths inside the payload) replaced. */
