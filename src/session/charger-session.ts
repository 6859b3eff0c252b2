// One charger connection and its upstream links: its lifecycle (attach, shutdown), liveness
// (ping, watchdog), backpressure and the charger's send rate. What happens to frames lives in
// charger-frames.ts (charger → upstreams), upstream-frames.ts (upstreams → charger) and
// call-slot.ts (one upstream Call at a time toward the charger); per-upstream changes to frames
// are the stages of src/stages.

import type { WebSocket, RawData } from 'ws';
import { policyOf } from '../config/policy.ts';
import { childLoggers, type Loggers } from '../log/console-log.ts';
import type { Payload } from '../ocpp/frame.ts';
import { versionRules, type OcppVersion, type VersionSource } from '../ocpp/versions.ts';
import { viewKeys } from '../rules/config-views.ts';
import { FixupPipeline } from '../rules/fixups.ts';
import { ConfigViews } from '../sharing/config-views.ts';
import { stageChain } from '../stages/chain.ts';
import type { Stage } from '../stages/stage.ts';
import { Transactions } from '../stages/transactions.ts';
import { closeWithin, mirrorCloseCode } from '../upstream/close-codes.ts';
import { LocalLink } from '../upstream/local-csms.ts';
import { UpstreamLink, type ConnectFailure, type LinkOwner } from '../upstream/upstream-link.ts';
import { ChargerRate } from './charger-rate.ts';
import { offerFor, primaryOffer, proxySideOf, wireEntry } from './translated-links.ts';
import type { WireFrame } from '../translate/link-translation.ts';
import { CallSlot, type ProxyCallAnswer } from './call-slot.ts';
import type { ChargerMemory } from './charger-memory.ts';
import { ChargerFrames } from './charger-frames.ts';
import { chargingProfilesOf, statusOf, transactionToProfiles } from './charging-wiring.ts';
import type { SessionContext } from './session-context.ts';
import { HIGH_WATER_MARK, NO_TAGS, type Hop, type SessionCore } from './session-core.ts';
import { UpstreamFrames } from './upstream-frames.ts';
import { OrderedSends } from './ordered-sends.ts';

export type { SessionContext } from './session-context.ts';
export { HIGH_WATER_MARK } from './session-core.ts';
export { MAX_WAITING_PROXY_CALLS } from './call-slot.ts';
export { FIRST_CALL_WAIT_MS } from './upstream-frames.ts';

import type { SessionStatus } from './session-status.ts';

export type { SessionStatus };

/** The charger's Calls whose answers wait for shared state to commit (answerCharger). */
const TRANSACTION_ANSWERS = new Set(['StartTransaction', 'StopTransaction', 'TransactionEvent', 'MeterValues']);
/** How long closing links may take before their sockets are destroyed. */
const CLOSE_GRACE_MS = 1000;
const DRAIN_POLL_MS = 50;

/** The parts that exist once the charger is attached (its version known). */
interface Routing {
  transactions: Transactions<UpstreamLink>;
  fromCharger: ChargerFrames;
  fromUpstreams: UpstreamFrames;
}

export class ChargerSession implements LinkOwner, SessionCore {
  readonly chargerId: string;
  readonly links: UpstreamLink[];
  readonly primary: UpstreamLink;
  readonly memory: ChargerMemory;
  readonly context: SessionContext;
  readonly log: Loggers;
  readonly callTimeoutMs: number;
  protocol: OcppVersion = 'ocpp1.6';
  /** How the version was found: negotiated, or detected for a charger that offered none. */
  versionSource: VersionSource = 'subprotocol';
  connectedSince: Date | null = null;
  private readonly slot: CallSlot;
  private readonly onEnded: (session: ChargerSession) => void;
  private routing: Routing | null = null;
  private charger: WebSocket | null = null;
  private ended = false;
  /** The first message log line of a connection says which version and how it was found. */
  private versionLogged = false;
  /** The charger's version once a link translates (the primary's during its handshake): frames near the session are in it. */
  private translatedFor: OcppVersion | undefined;
  private chargerHeardAt = Date.now();
  private lastChargerFrameAt = Date.now();
  private graceTimer: NodeJS.Timeout | null = null;
  /** Polls a backed-up socket until it drains (then reading resumes) or is stuck too long. */
  private drainTimer: NodeJS.Timeout | null = null;
  private readonly rate: ChargerRate;
  /** Frames to the charger that wait behind one that waits for a commit (shared state). */
  private readonly ordered = new OrderedSends();

  /** `ended` is called once when the session has ended, so the registry can forget it. */
  constructor(chargerId: string, memory: ChargerMemory, context: SessionContext, ended: (session: ChargerSession) => void = () => undefined) {
    this.chargerId = chargerId;
    this.memory = memory;
    this.context = context;
    this.onEnded = ended;
    this.log = childLoggers(context.loggers, chargerId);
    const { config, loggers } = context;
    this.callTimeoutMs = config.timeouts.callTimeout * 1000;
    this.rate = new ChargerRate(config);
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
      return link;
    });
    this.primary = this.links[0]!;
    this.slot = new CallSlot(this);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  get chargerReady(): boolean {
    return this.charger !== null && !this.ended;
  }

  get chargerWritable(): boolean {
    return this.charger !== null && this.charger.bufferedAmount <= HIGH_WATER_MARK;
  }

  /**
   * A Call of the proxy's own (web commands): through the one-at-a-time queue, logged `injected`;
   * resolves with the charger's answer, which goes to no upstream.
   */
  proxyCall(action: string, payload: Payload): Promise<ProxyCallAnswer> {
    return this.slot.proxyCall(action, payload);
  }

  /** The upstream that owns a transaction of this charger, if known. */
  transactionOwner(chargerTx: string): string | undefined {
    return this.routing?.transactions.ownerOf(chargerTx);
  }

  /** For the status API: this session and each upstream link. */
  status(): SessionStatus {
    return {
      id: this.chargerId,
      protocol: this.protocol,
      protocol_source: this.versionSource,
      connected_since: this.connectedSince?.toISOString() ?? null,
      queued_calls: this.queuedCalls,
      upstreams: this.links.map((link) => link.status()),
      autoconfig: Object.fromEntries(this.memory.autoconfigResults),
      configuration: this.memory.knownConfigViews?.status() ?? {},
      charging: this.memory.knownChargingProfiles?.status() ?? {},
    };
  }

  /** Upstream Calls waiting for the charger, and whether one is out. */
  get queuedCalls(): number {
    return this.slot.queuedCalls;
  }

  /** Opens the primary link offering the charger's subprotocols (negotiation is upstream-first), or 1.6 alone to translate. */
  connectPrimary(protocols: string[], chargerHeaders: Record<string, string | undefined>): Promise<ConnectFailure | null> {
    const { offer, charger } = primaryOffer(this.primary, protocols, this.chargerId, this.context.store, this.log.proxy);
    if (charger !== null) this.translatedFor = charger;
    return this.primary.connect(offer, chargerHeaders);
  }

  /** The version the charger is accepted with: the primary's, or the charger's own when the primary's is translated. */
  get chargerProtocol(): string {
    return this.translatedFor ?? this.primary.protocol;
  }

  /** The charger's handshake completed with the primary's subprotocol: start routing. */
  attachCharger(charger: WebSocket, protocol: OcppVersion, versionSource: VersionSource = 'subprotocol'): void {
    this.charger = charger;
    this.protocol = protocol;
    this.versionSource = versionSource;
    const { context } = this;
    const rules = versionRules(protocol);
    const transactions = new Transactions(this.chargerId, protocol, this.links, context.split, context.store, context.loggers.proxy, context.events, context.config.prices);
    const chains = new Map<UpstreamLink, Stage[]>();
    // With one upstream nothing is shared: no views, no read.
    const views = context.config.configuration.views && this.links.length > 1 ? this.memory.configViews(() => new ConfigViews(this.chargerId, this.links.map((l) => l.name), context.store)) : null;
    views?.useKeys(viewKeys(protocol, context.config.configuration.unionKeys, context.config.configuration.minKeys));
    const profiles = context.config.charging.merge && this.links.length > 1 ? this.memory.chargingProfiles(() => chargingProfilesOf({ chargerId: this.chargerId, context, upstreamNames: this.links.map((l) => l.name) }, protocol)) : null;
    if (profiles !== null) {
      profiles.attach((action, payload) => this.slot.proxyCall(action, payload).then(statusOf, () => null));
      transactions.onTransaction = (event) => transactionToProfiles(profiles, event);
    }
    const toUpstreamStages = new Map<UpstreamLink, Stage[]>();
    for (const link of this.links) {
      const chain = stageChain({
        link,
        upstream: link.name,
        chargerId: this.chargerId,
        protocol,
        policy: policyOf(link.config),
        control: context.control,
        transactions,
        lockedKeys: context.lockedKeys,
        views,
        exclusive: context.config.configuration.exclusive,
        profiles,
        connectors: () => this.memory.knownConnectors(),
        idTokens: { map: link.config.idtagMap, single: link.config.idtag },
      });
      chains.set(link, chain);
      toUpstreamStages.set(link, chain.filter((stage) => stage.toUpstream !== undefined));
    }
    const fromUpstreams = new UpstreamFrames(this, { rules, transactions, chains, slot: this.slot });
    const fromCharger = new ChargerFrames(this, {
      rules,
      fixups: FixupPipeline.for(context.fixupRules, protocol, this.chargerId),
      transactions,
      toUpstreamStages,
      slot: this.slot,
      upstreams: fromUpstreams,
    });
    this.routing = { transactions, fromCharger, fromUpstreams };
    this.connectedSince = new Date();
    this.chargerHeardAt = this.lastChargerFrameAt = Date.now();
    charger.on('message', (data: RawData, isBinary: boolean) => this.onChargerMessage(data as Buffer, isBinary));
    charger.on('pong', () => {
      this.chargerHeardAt = Date.now();
    });
    charger.on('close', (code: number, reason: Buffer) => this.onChargerClose(code, reason.toString()));
    charger.on('error', (error: Error) => this.log.server.warn(error.message));
    for (const link of this.links) link.attach(this);
    this.slot.connected();
    // Secondaries are offered only the version the primary chose (or their own, translated), and never hold up the charger.
    for (const link of this.links) {
      const offer = link === this.primary ? null : offerFor(link, this.protocol, this.chargerId, this.context.store, this.log.proxy);
      if (link.translation !== null) this.translatedFor ??= this.protocol;
      if (offer !== null) void link.connect([offer]);
    }
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
        this.log.server.warn(`no pong for ${Math.round((now - this.chargerHeardAt) / 1000)} s, dropping the charger`);
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
    this.log.server.warn(`no frame for ${Math.round((now - this.lastChargerFrameAt) / 1000)} s, closing (watchdog)`);
    void this.shutdown(1001, 1001, 'watchdog: charger silent');
  }

  // ---- SessionCore: what the parts use ---------------------------------------------------------

  record(hop: Hop): void {
    const entry = { ts: hop.ts, charger: this.chargerId, from: hop.from, to: hop.to, type: hop.type, id: hop.id, action: hop.action, tags: hop.tags, raw: hop.raw };
    // A hop to a translating link: the frame as the proxy had it; its wire frames are logged by linkWire.
    if (this.translatedFor !== undefined) Object.assign(entry, proxySideOf(this.links, hop.to, hop.tags));
    if (!this.versionLogged && this.charger !== null) {
      this.versionLogged = true;
      this.context.messageLog.write({ ...entry, protocol: this.protocol, protocol_source: this.versionSource });
      return;
    }
    this.context.messageLog.write(entry);
  }

  sendToCharger(data: Buffer | string): void {
    if (this.ordered.holds(data)) return;
    const charger = this.charger!;
    charger.send(data, { binary: false });
    if (charger.bufferedAmount > HIGH_WATER_MARK) this.holdBack('toCharger');
  }

  answerCharger(action: string, data: Buffer | string): void {
    const committed = TRANSACTION_ANSWERS.has(action) ? (this.context.store?.whenDurable() ?? null) : null;
    if (committed === null) this.sendToCharger(data);
    else this.ordered.after(committed, data, (frame) => this.ended || this.sendToCharger(frame));
  }

  // ---- the charger's socket ----------------------------------------------------------------------

  private onChargerMessage(data: Buffer, isBinary: boolean): void {
    if (this.ended || this.routing === null) return;
    const now = Date.now();
    this.chargerHeardAt = this.lastChargerFrameAt = now;
    this.rate.spend(data.length, now, this.pauseCharger, this.resumeCharger);
    if (isBinary) {
      this.record({ ts: new Date(now).toISOString(), from: 'charger', to: 'proxy', type: 'INVALID', id: null, action: null, tags: NO_TAGS, raw: `<binary frame, ${data.length} bytes>` });
      this.log.server.warn('binary frame, closing with 1003');
      closeWithin(this.charger!, 1003, 'binary frames are not OCPP-J', CLOSE_GRACE_MS);
      return;
    }
    this.routing.fromCharger.received(data, now, this.closeCharger);
  }

  private readonly closeCharger = (code: number, reason: string): void => {
    if (this.charger !== null) closeWithin(this.charger, code, reason, CLOSE_GRACE_MS);
  };

  private onChargerClose(code: number, reason: string): void {
    this.log.server.info(`disconnected (${code}${reason ? ` ${reason}` : ''})`);
    this.end(mirrorCloseCode(code, 1001), reason || 'charger disconnected');
  }

  // ---- LinkOwner: the upstream links -----------------------------------------------------------

  linkOpened(link: UpstreamLink): void {
    if (this.ended) return;
    if (link === this.primary && this.graceTimer !== null) {
      clearTimeout(this.graceTimer);
      this.graceTimer = null;
      this.log.proxy.info('primary back within primary_grace');
    }
    this.routing?.fromUpstreams.linkOpened(link);
  }

  linkMessage(link: UpstreamLink, data: Buffer, isBinary: boolean): void {
    if (this.ended || this.charger === null || this.routing === null) return;
    this.routing.fromUpstreams.linkMessage(link, data, isBinary);
  }

  linkWire(link: UpstreamLink, direction: 'in' | 'out', frame: WireFrame): void {
    this.context.messageLog.write(wireEntry(this.chargerId, link, direction, frame));
  }

  linkSettled(link: UpstreamLink, id: string): void {
    if (!this.ended) this.routing?.fromUpstreams.settled(link, id);
  }

  linkClosed(link: UpstreamLink, code: number, reason: string): void {
    if (this.ended) return;
    const forgotten = this.slot.drop(link);
    if (forgotten > 0) this.log.proxy.info(`${forgotten} queued calls of ${link.name} dropped, it disconnected`);
    if (link !== this.primary || this.charger === null) return;
    const grace = this.context.config.timeouts.primaryGrace;
    if (grace > 0 && link.state === 'waiting') {
      if (this.graceTimer === null) {
        this.log.proxy.warn(`primary lost (${code}); keeping the charger for up to ${grace} s (primary_grace)`);
        this.graceTimer = setTimeout(() => {
          this.graceTimer = null;
          this.log.proxy.warn(`primary not back within ${grace} s, closing the charger with 1011`);
          void this.shutdown(1011, 1000, 'primary unavailable');
        }, grace * 1000);
      }
      return;
    }
    const chargerCode = mirrorCloseCode(code, 1011);
    this.log.proxy.warn(`primary closed (${code}), closing the charger with ${chargerCode}`);
    void this.shutdown(chargerCode, 1000, reason || 'primary disconnected');
  }

  // ---- backpressure ----------------------------------------------------------------------------

  // `[host] charger_rate` (charger-rate.ts): read more slowly, resumed unless backpressure holds it.
  private readonly pauseCharger = (): void => {
    this.log.server.debug('sends faster than [host] charger_rate, reading it more slowly');
    this.charger?.pause();
  };
  private readonly resumeCharger = (): void => {
    if (!this.ended && this.drainTimer === null) this.charger?.resume();
  };

  /**
   * A socket has more than HIGH_WATER_MARK unsent: stop reading from what feeds it (the charger
   * for frames toward upstreams, the upstreams for frames toward the charger) until it drains; a
   * socket stuck above the mark for call_timeout is closed.
   */
  holdBack(direction: 'toUpstreams' | 'toCharger'): void {
    if (this.drainTimer !== null) return;
    const chargerIsSource = direction === 'toUpstreams';
    if (chargerIsSource) this.charger!.pause();
    else for (const link of this.links) link.pause();
    const since = Date.now();
    this.log.proxy.debug('a reader is slow, pausing its source');
    this.drainTimer = setInterval(() => {
      const backedUp = this.backedUpSockets();
      if (backedUp.length > 0 && Date.now() - since <= this.callTimeoutMs) return;
      clearInterval(this.drainTimer!);
      this.drainTimer = null;
      for (const socket of backedUp) {
        this.log.proxy.warn(`${socket.name} has not read its data for ${this.callTimeoutMs / 1000} s, closing it`);
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

  // ---- the end -----------------------------------------------------------------------------------

  private end(upstreamCode: number, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    for (const link of this.links) link.close(upstreamCode, reason, CLOSE_GRACE_MS);
    this.slot.clear();
    this.memory.knownChargingProfiles?.attach(null);
    this.routing?.fromUpstreams.stop();
    if (this.graceTimer !== null) clearTimeout(this.graceTimer);
    if (this.drainTimer !== null) clearInterval(this.drainTimer);
    this.rate.stop();
    this.graceTimer = this.drainTimer = null;
    this.onEnded(this);
  }
}
