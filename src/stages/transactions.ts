// Transaction-aware routing for one charger: who owns each session (RFID split, remote starts),
// which upstreams get a transaction's messages and whose answer the charger gets, and each
// upstream's own 1.6 transaction ids. Decisions are made here; the session applies them.

import type { Logger } from '../log/console-log.ts';
import type { JsonPath } from '../ocpp/json-span.ts';
import type { Payload } from '../ocpp/frame.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import type { Store } from '../store/store.ts';
import type { ChargerEvent, ChargerEvents } from '../events/charger-events.ts';
import { OCPP16, OCPP2, energyWh, num, str, type CallRoute, type VersionTransactions } from './transaction-versions.ts';
import { LazyMap, LazySet } from '../collections.ts';

export type { CallRoute };

/** What the transaction rules need of an upstream link. */
export interface RoutedLink {
  readonly name: string;
  readonly role: 'primary' | 'secondary' | 'observer' | 'reporter';
}


/** A value in a frame's payload to replace (a translated transaction id). */
export interface IdChange {
  path: JsonPath;
  value: unknown;
}

export interface SplitConfig {
  /** RFID tag (upper case) → upstream name. */
  tagOwners: ReadonlyMap<string, string>;
  /** Owner of tags nobody claims. */
  defaultOwner: string;
}

interface PendingStart<L> {
  owner: L;
  key: string;
  connectorId: number | null;
  idTag: string | null;
  meterStart: number | null;
  timestamp: string | null;
  /** Each non-owner upstream's transaction id, as its answers arrive. */
  otherIds: Map<string, string>;
  chargerTx: string | null;
}

/** Remote starts remembered per charger connection (the oldest go first). */
const MAX_REMOTE_STARTS = 100;
/** A remote start is matched to the charger's start within this window. */
const REMOTE_START_TTL_MS = 10 * 60 * 1000;

export class Transactions<L extends RoutedLink> {
  /** Also told of transaction starts and stops (the charging-profile merge of this charger). */
  onTransaction: ((event: ChargerEvent) => void) | null = null;

  private readonly chargerId: string;
  private readonly rules: VersionTransactions;
  private readonly byName = new Map<string, L>();
  private readonly observers: L[];
  private readonly defaultOwner: L;
  private readonly split: SplitConfig;
  /** True when any tag is assigned: transaction messages then go to their owner (and observers) only. */
  private readonly splitMode: boolean;
  private readonly store: Store | null;
  private readonly logger: Logger;
  /** charger transaction id → owner name */
  private readonly owners: Map<string, string>;
  /** charger transaction id → upstream name → that upstream's id (1.6 non-owners) */
  private readonly upstreamIds: Map<string, Map<string, string>>;
  private readonly pendingStarts = new LazyMap<string, PendingStart<L>>();
  /** StartTransaction content → the charger Call id it first came with, and the owner's answer once known. */
  private readonly startsSeen = new LazyMap<string, { callId: string; latestId: string; answer: string | null }>();
  private readonly remoteStartTags = new LazyMap<string, { link: L; at: number }>();
  private readonly remoteStartIds = new LazyMap<string, L>();
  /** 2.0.1 transactions whose owner is still the default guess (no idToken seen yet). */
  private readonly undecided: Set<string>;

  private readonly events: ChargerEvents | null;
  private readonly prices: ReadonlyMap<string, number>;

  constructor(
    chargerId: string,
    version: OcppVersion,
    links: readonly L[],
    split: SplitConfig,
    store: Store | null,
    logger: Logger,
    events: ChargerEvents | null = null,
    prices: ReadonlyMap<string, number> = new Map(),
  ) {
    this.events = events;
    this.prices = prices;
    this.chargerId = chargerId;
    this.rules = version === 'ocpp1.6' ? OCPP16 : OCPP2;
    for (const link of links) this.byName.set(link.name, link);
    this.observers = links.filter((link) => link.role === 'observer' || link.role === 'reporter');
    this.split = split;
    this.splitMode = split.tagOwners.size > 0;
    this.defaultOwner = this.byName.get(split.defaultOwner) ?? links[0]!;
    this.store = store;
    this.logger = logger;
    const loaded = store?.loadCharger(chargerId) ?? { owners: new LazyMap<string, string>(), guessed: new LazySet<string>(), upstreamIds: new LazyMap<string, Map<string, string>>() };
    this.owners = loaded.owners;
    this.undecided = loaded.guessed;
    this.upstreamIds = loaded.upstreamIds;
  }

  /** Where a charger Call goes. Null: charger-wide (every upstream; the primary answers). 'resent': see resentStart. */
  routeChargerCall(action: string, payload: Payload, callId: string): CallRoute<L> | null | 'resent' {
    return this.rules.route(this, action, payload, callId);
  }

  /**
   * A StartTransaction the charger sent again (its answer was lost or late): the owner's answer
   * under the new id if it is known, else null (it will go to the new id when it comes).
   */
  resentStart(payload: Payload, callId: string): string | null {
    const seen = this.startsSeen.get(startKey(payload));
    if (seen === undefined) return null;
    seen.latestId = callId;
    return seen.answer;
  }

  /** The charger Call id the owner's answer must carry (a resent start moves it to the newest). */
  answerIdFor(action: string, callId: string): string {
    if (action !== 'StartTransaction') return callId;
    const pending = this.pendingStarts.get(callId);
    return pending === undefined ? callId : (this.startsSeen.get(pending.key)?.latestId ?? callId);
  }

  /** An upstream answered a charger Call: learn transaction ids from StartTransaction answers. */
  upstreamAnswered(link: L, action: string, callId: string, payload: Payload | null, answerText: string): void {
    if (action !== 'StartTransaction' || !this.rules.upstreamsNumberTransactions) return;
    const pending = this.pendingStarts.get(callId);
    if (pending === undefined || payload === null) return;
    const tx = payload.transactionId;
    if (typeof tx !== 'number' && typeof tx !== 'string') return;
    if (link === pending.owner) {
      pending.chargerTx = String(tx);
      const seen = this.startsSeen.get(pending.key);
      if (seen !== undefined) seen.answer = answerText;
      this.recordStart(pending);
    } else {
      pending.otherIds.set(link.name, String(tx));
    }
    if (pending.chargerTx !== null) {
      for (const [name, upstreamTx] of pending.otherIds) this.recordUpstreamTx(pending.chargerTx, name, upstreamTx);
      pending.otherIds.clear();
    }
  }

  /**
   * A StartTransaction replayed from an upstream's outbox (after a restart, its pending start is
   * gone) was answered: that upstream's id for the charger's transaction `chargerTx`.
   */
  replayedStartAnswered(link: L, chargerTx: string, payload: Payload): void {
    const tx = payload.transactionId;
    if (!this.rules.upstreamsNumberTransactions || (typeof tx !== 'number' && typeof tx !== 'string')) return;
    if (this.upstreamIds.get(chargerTx)?.get(link.name) === undefined) this.recordUpstreamTx(chargerTx, link.name, String(tx));
  }

  /** Charger Call → one upstream: the transaction id that upstream knows, if it is not the owner. */
  idsForUpstream(link: L, action: string, payload: Payload): IdChange[] {
    const path = this.rules.chargerTxPaths[action];
    if (path === undefined || payload.transactionId === undefined) return [];
    const theirs = this.upstreamIds.get(String(payload.transactionId))?.get(link.name);
    if (theirs === undefined) return [];
    return [{ path, value: numericLike(theirs) }];
  }

  /** Upstream Call → charger: notes remote starts, and maps the upstream's transaction ids to the charger's. */
  upstreamCall(link: L, action: string, payload: Payload): IdChange[] {
    if (action === 'RemoteStartTransaction' && typeof payload.idTag === 'string') {
      this.remoteStartTags.set(payload.idTag.toUpperCase(), { link, at: Date.now() });
      if (this.remoteStartTags.size > MAX_REMOTE_STARTS) this.remoteStartTags.delete(this.remoteStartTags.keys().next().value!);
    } else if (action === 'RequestStartTransaction' && payload.remoteStartId !== undefined) {
      this.remoteStartIds.set(String(payload.remoteStartId), link);
      if (this.remoteStartIds.size > MAX_REMOTE_STARTS) this.remoteStartIds.delete(this.remoteStartIds.keys().next().value!);
    }
    const path = this.rules.upstreamTxPaths[action];
    if (path === undefined) return [];
    let value: unknown = payload;
    for (const step of path) value = (value as Payload | undefined)?.[step as string];
    if (value === undefined) return [];
    for (const [chargerTx, ids] of this.upstreamIds) {
      if (ids.get(link.name) === String(value)) return [{ path, value: numericLike(chargerTx) }];
    }
    return [];
  }

  /** 1.6 StopTransaction or 2.0.1 TransactionEvent Ended: close the session row. */
  chargerCallForwarded(action: string, payload: Payload): void {
    const stop = this.rules.stopOf(action, payload);
    if (stop === null) return;
    const owner = this.ownerOfTx(stop.chargerTx).name;
    let finished: { energy_kwh: number | null; revenue: number | null } = { energy_kwh: null, revenue: null };
    try {
      if (this.store !== null) finished = this.store.stopTransaction({ charger: this.chargerId, ...stop }, owner, this.prices.get(owner) ?? null);
    } catch (error) {
      this.logger.error(`${this.chargerId}: state database: ${(error as Error).message}`);
    }
    this.emit({
      event: 'transaction_stopped',
      charger: this.chargerId,
      at: new Date().toISOString(),
      transactionId: stop.chargerTx,
      owner,
      reason: stop.reason,
      energy_kwh: finished.energy_kwh,
      revenue: finished.revenue,
    });
  }

  ownerOf(chargerTx: string): string | undefined {
    return this.owners.get(chargerTx);
  }

  // ---- decisions ---------------------------------------------------------------------------

  /** A routing step (`Router`), used by the version rules. */
  routeTo(owner: L): CallRoute<L> {
    return { targets: this.splitMode ? [owner, ...this.observers.filter((o) => o !== owner)] : null, answerer: owner };
  }

  /** A routing step (`Router`), used by the version rules. */
  ownerOfTag(tag: string | null): L {
    if (tag === null) return this.defaultOwner;
    const upper = tag.toUpperCase();
    const remote = this.remoteStartTags.get(upper);
    if (remote !== undefined && Date.now() - remote.at < REMOTE_START_TTL_MS) return remote.link;
    const name = this.split.tagOwners.get(upper);
    return (name === undefined ? undefined : this.byName.get(name)) ?? this.defaultOwner;
  }

  /** A routing step (`Router`), used by the version rules. */
  ownerOfTx(chargerTx: string): L {
    const name = this.owners.get(chargerTx);
    return (name === undefined ? undefined : this.byName.get(name)) ?? this.defaultOwner;
  }

  /** A routing step (`Router`), used by the version rules. */
  routeStart(payload: Payload, callId: string): CallRoute<L> | 'resent' {
    const key = startKey(payload);
    if (this.startsSeen.has(key)) return 'resent';
    const idTag = str(payload.idTag);
    const owner = this.ownerOfTag(idTag);
    if (idTag !== null) this.remoteStartTags.delete(idTag.toUpperCase());
    this.startsSeen.set(key, { callId, latestId: callId, answer: null });
    if (this.startsSeen.size > 100) this.startsSeen.delete(this.startsSeen.keys().next().value!);
    this.pendingStarts.set(callId, {
      owner,
      key,
      connectorId: num(payload.connectorId),
      idTag,
      meterStart: num(payload.meterStart),
      timestamp: str(payload.timestamp),
      otherIds: new Map(),
      chargerTx: null,
    });
    if (this.pendingStarts.size > 100) this.pendingStarts.delete(this.pendingStarts.keys().next().value!);
    return this.routeTo(owner);
  }

  /** 2.0.1: the owner of a TransactionEvent's transaction, decided by a remote start or the first idToken. */
  /** A routing step (`Router`), used by the version rules. */
  ownerOfEvent(payload: Payload): L {
    const info = (payload.transactionInfo ?? {}) as Payload;
    const chargerTx = String(info.transactionId);
    const known = this.owners.get(chargerTx);
    if (known !== undefined && !this.undecided.has(chargerTx)) return this.byName.get(known) ?? this.defaultOwner;
    const remote = info.remoteStartId === undefined ? undefined : this.remoteStartIds.get(String(info.remoteStartId));
    const token = str((payload.idToken as Payload | undefined)?.idToken);
    const decided = remote !== undefined || token !== null;
    const owner = remote ?? this.ownerOfTag(token);
    if (known === undefined || decided) {
      if (decided) this.undecided.delete(chargerTx);
      else this.undecided.add(chargerTx);
      this.recordStart({
        owner,
        key: '',
        connectorId: num((payload.evse as Payload | undefined)?.connectorId),
        idTag: token,
        meterStart: energyWh(payload),
        timestamp: str(payload.timestamp),
        otherIds: new Map(),
        chargerTx,
      }, num((payload.evse as Payload | undefined)?.id));
    }
    return owner;
  }

  private emit(event: ChargerEvent): void {
    this.events?.emit(event);
    this.onTransaction?.(event);
  }

  private recordStart(pending: PendingStart<L>, evse: number | null = null): void {
    const chargerTx = pending.chargerTx!;
    const known = this.owners.get(chargerTx) === pending.owner.name;
    this.owners.set(chargerTx, pending.owner.name);
    if (!known) {
      this.emit({
        event: 'transaction_started',
        charger: this.chargerId,
        at: new Date().toISOString(),
        transactionId: chargerTx,
        owner: pending.owner.name,
        connector: pending.connectorId ?? evse,
        ...(evse !== null ? { evse } : {}),
        idTag: pending.idTag,
      });
    }
    this.logger.info(`${this.chargerId}: transaction ${chargerTx} (${pending.idTag === null ? 'no idTag' : 'idTag set'}) belongs to ${pending.owner.name}`);
    try {
      this.store?.startTransaction({
        charger: this.chargerId,
        chargerTx,
        owner: pending.owner.name,
        connector: pending.connectorId,
        evse,
        idTag: pending.idTag,
        startedAt: pending.timestamp,
        meterStart: pending.meterStart,
        guessed: this.undecided.has(chargerTx),
      });
    } catch (error) {
      this.logger.error(`${this.chargerId}: state database: ${(error as Error).message}`);
    }
  }

  private recordUpstreamTx(chargerTx: string, upstream: string, upstreamTx: string): void {
    let ids = this.upstreamIds.get(chargerTx);
    if (ids === undefined) this.upstreamIds.set(chargerTx, (ids = new Map()));
    ids.set(upstream, upstreamTx);
    try {
      this.store?.setUpstreamTx(this.chargerId, chargerTx, upstream, upstreamTx);
    } catch (error) {
      this.logger.error(`${this.chargerId}: state database: ${(error as Error).message}`);
    }
  }
}

function startKey(payload: Payload): string {
  return JSON.stringify([payload.connectorId, payload.idTag, payload.meterStart, payload.timestamp, payload.reservationId]);
}



/** 1.6 transaction ids are integers: keep them numbers on the wire. */
function numericLike(id: string): string | number {
  return /^-?\d+$/.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id;
}

