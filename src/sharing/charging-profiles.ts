// `[charging] merge`: every upstream's charging profiles of one charger, kept under the
// upstream's own ids per connector (EVSE) and purpose, and what the charger holds of the proxy's:
// per connector and purpose one profile under the proxy's id whose limit at each moment is the
// lowest any upstream (or the homeowner's cap) asked for. The merge itself is rules/charging-merge.ts.

import type { Payload } from '../ocpp/frame.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import { limitAt, mergedAsProfile, profileFrom16, profileFrom201, type RateUnit } from '../rules/charging-merge.ts';
import type { Store } from '../store/store.ts';
import { loadHomeownerCap } from './homeowner-cap.ts';
import { callFor, NONE, sameWanted, UNKNOWN, wantedFor, type StoredProfile, type Target, type Wanted } from './profile-plans.ts';
import { LazyMap, LazySet } from '../collections.ts';

export type { StoredProfile };

/** A merged profile is made again an hour before it ends. */
const REFRESH_BEFORE_MS = 3_600_000;

/** Every hour: merged profiles near their end are made again, profiles that come into the 24 h window are sent. */
const TICK_MS = 3_600_000;

/** A Call for the charger and what to do with its verdict. */
export interface ProfileSend {
  action: 'SetChargingProfile' | 'ClearChargingProfile';
  payload: Payload;
  note: string;
  settle(accepted: boolean): void;
}

/** The charger's answer to a proxy Call: its status, or null (CallError, not sent). */
export type ProfileSender = (action: string, payload: Payload) => Promise<string | null>;

export interface ClearCriteria {
  id?: number;
  connector?: number;
  purpose?: string;
  stackLevel?: number;
}

const keyOf = (connector: number, purpose: string): string => `${connector} ${purpose}`;

export class ChargingProfiles {
  private readonly charger: string;
  private readonly is16: boolean;
  private readonly upstreams: readonly string[];
  private readonly store: Store | null;
  private readonly volts: number;
  private readonly phases: number;
  private readonly now: () => number;
  /** Every upstream's profiles, per connector and purpose. */
  private readonly profiles = new LazyMap<string, StoredProfile[]>();
  /** What the charger accepted of the proxy's, per connector and purpose. */
  private readonly installed = new LazyMap<string, Wanted>();
  /** What was sent and awaits the charger's verdict, per connector and purpose. */
  private readonly sending = new LazyMap<string, Wanted>();
  /** What the charger refused or could not take (a CallError), and when: not asked again within TICK_MS unless the wanted changes or it boots. */
  private readonly refused = new LazyMap<string, { want: Wanted; at: number }>();
  /** 1.6 RemoteStartTransaction profiles, per connector, for the transaction that starts there. */
  private readonly remoteStartProfiles = new LazyMap<number, StoredProfile>();
  /** Running transactions per connector: the charger's id and when it started (ms). */
  private readonly transactions = new LazyMap<number, { id: string | number; start: number }>();
  private cap: { limit: number; unit: RateUnit } | null = null;
  private sender: ProfileSender | null = null;
  /** Keys whose charger profile may be out of date, sent one Call at a time. */
  private readonly dirty = new LazySet<string>();
  private busy = false;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  /** Not yet connected since it was made (loaded): what the charger holds is not known. */
  private fresh = true;
  /** Upstream SetChargingProfile Calls waiting their turn, per key: they decide, no recheck needed. */
  private readonly waitingSets = new LazyMap<string, number>();
  /** Said on the console: what was sent and how the charger took it. */
  private readonly say: (line: string) => void;

  constructor(charger: string, protocol: OcppVersion, upstreams: readonly string[], store: Store | null, options: { volts: number; phases: number; say: (line: string) => void; now?: () => number }) {
    this.charger = charger;
    this.is16 = protocol === 'ocpp1.6';
    this.upstreams = upstreams;
    this.store = store;
    this.volts = options.volts;
    this.phases = options.phases;
    this.say = options.say;
    this.now = options.now ?? Date.now;
    for (const row of store?.chargingProfiles(charger) ?? []) {
      try {
        const { raw, received } = JSON.parse(row.profile) as { raw: Payload; received: number };
        const input = this.is16 ? profileFrom16(raw, received) : profileFrom201(raw, received);
        this.listOf(keyOf(row.connector, row.purpose)).push({ upstream: row.upstream, connector: row.connector, purpose: row.purpose, id: row.profile_id, raw, input });
      } catch {
        this.say(`charging profile ${row.profile_id} of ${row.upstream} in the state store is unreadable, skipped`);
      }
    }
    for (const row of store?.runningSessions(charger) ?? []) {
      const start = row.started_at === null ? NaN : Date.parse(row.started_at);
      if (row.place !== null) this.transactions.set(row.place, { id: row.charger_tx, start: Number.isFinite(start) ? start : this.now() });
    }
  }

  /** The charger is connected (sender) or gone (null). Nothing goes until `resume()` or `resendAll()`. */
  attach(sender: ProfileSender | null): void {
    this.sender = sender;
    this.busy = false;
    // What was on its way when the connection changed may or may not have arrived.
    for (const key of this.sending.keys()) this.installed.set(key, UNKNOWN);
    this.sending.clear();
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  /**
   * The charger is connected and its boot accepted (a 1.6 charger reconnecting without a boot):
   * what changed while it was away goes now; after a restart of the proxy, everything.
   */
  resume(): void {
    if (this.store !== null) this.cap = loadHomeownerCap(this.store); // set meanwhile, maybe while the charger was away
    for (const key of this.allKeys()) {
      if (this.fresh) this.installed.set(key, UNKNOWN);
      this.dirty.add(key);
    }
    this.fresh = false;
    this.tick();
  }

  /** A boot was accepted: a charger may have lost its profiles, so everything wanted goes again. */
  resendAll(): void {
    this.installed.clear();
    this.sending.clear();
    this.refused.clear();
    this.fresh = false;
    if (this.store !== null) this.cap = loadHomeownerCap(this.store); // set meanwhile, maybe while the charger was away
    for (const key of this.allKeys()) this.dirty.add(key);
    this.tick();
  }

  /** The homeowner's cap (null: none), respected by every merge; installed alone on connector 0 when no upstream has a max profile. */
  setCap(cap: { limit: number; unit: RateUnit } | null): void {
    this.cap = cap;
    for (const key of this.allKeys()) this.dirty.add(key);
    this.pump();
  }

  /**
   * An upstream's SetChargingProfile: kept at once; the returned Call (null: the charger's
   * profile stays as it is, the proxy accepts) goes in place of the upstream's, and its verdict
   * keeps or gives back the change.
   */
  set(profile: StoredProfile): ProfileSend | null {
    return this.setLater(profile).decide();
  }

  /**
   * The same for a Call that waits its turn at the charger: the profile counts at once, and
   * `decide()` plans the charger's Call when it goes, from every profile known by then, so a
   * burst ends in one Call with the latest merge; `abandon()` when it never goes.
   */
  setLater(profile: StoredProfile): { decide(): ProfileSend | null; abandon(): void } {
    const key = keyOf(profile.connector, profile.purpose);
    // The same id replaces wherever it was; in 1.6 also the same purpose and stack level.
    const displaced: StoredProfile[] = [];
    for (const [other, list] of this.profiles) {
      const kept = list.filter((p) => p.upstream !== profile.upstream || (p.id !== profile.id && (other !== key || p.input.stackLevel !== profile.input.stackLevel)));
      if (kept.length === list.length) continue;
      displaced.push(...list.filter((p) => !kept.includes(p)));
      this.profiles.set(other, kept);
    }
    this.listOf(key).push(profile);
    this.waitingSets.set(key, (this.waitingSets.get(key) ?? 0) + 1);
    const done = () => {
      const left = (this.waitingSets.get(key) ?? 1) - 1;
      if (left > 0) this.waitingSets.set(key, left);
      else this.waitingSets.delete(key);
    };
    const keep = () => {
      for (const gone of displaced) this.persist(gone, null);
      this.persist(profile, profile.raw);
    };
    const giveBack = () => {
      const list = this.listOf(key);
      if (list.includes(profile)) list.splice(list.indexOf(profile), 1);
      for (const old of displaced) {
        const own = this.listOf(keyOf(old.connector, old.purpose));
        if (!own.some((p) => p.upstream === old.upstream && p.id === old.id)) own.push(old);
      }
    };
    return {
      decide: () => {
        done();
        // Against what the charger accepted: a Call of the proxy's still on its way may yet be refused.
        const send = this.plan(key, false);
        if (send === null) {
          keep();
          return null;
        }
        this.say(send.note);
        return {
          ...send,
          settle: (accepted) => {
            if (accepted) keep();
            else giveBack();
            send.settle(accepted);
          },
        };
      },
      abandon: () => {
        done();
        giveBack();
        this.dirty.add(key);
        this.pump();
      },
    };
  }

  /** An upstream's ClearChargingProfile: its matching profiles go; true when any matched. The charger is brought in line after. */
  clear(upstream: string, criteria: ClearCriteria): boolean {
    let matched = false;
    for (const [key, list] of this.profiles) {
      const kept = list.filter((p) => p.upstream !== upstream || !matches(p, criteria));
      if (kept.length === list.length) continue;
      matched = true;
      for (const gone of list) if (!kept.includes(gone)) this.persist(gone, null);
      this.profiles.set(key, kept);
      this.dirty.add(key);
    }
    this.pump();
    return matched;
  }

  /** 2.0.1+ GetChargingProfiles: this upstream's own profiles that match, as it sent them. */
  own(upstream: string, criteria: ClearCriteria & { ids?: number[] }): StoredProfile[] {
    return [...this.profiles.values()].flat().filter((p) => p.upstream === upstream && matches(p, criteria) && (criteria.ids === undefined || criteria.ids.includes(p.id)));
  }

  /** A 1.6 RemoteStartTransaction's profile: it joins the merge for the transaction that starts on that connector. */
  remoteStartProfile(profile: StoredProfile): void {
    this.remoteStartProfiles.set(profile.connector, profile);
  }

  /** The charger did not start the remote start that brought this profile: it joins nothing. */
  dropRemoteStartProfile(profile: StoredProfile): void {
    if (this.remoteStartProfiles.get(profile.connector) === profile) this.remoteStartProfiles.delete(profile.connector);
  }

  transactionStarted(connector: number, id: string | number, at: number): void {
    this.transactions.set(connector, { id, start: at });
    const fromRemoteStart = this.remoteStartProfiles.get(connector) ?? this.remoteStartProfiles.get(0);
    if (fromRemoteStart !== undefined) {
      this.remoteStartProfiles.clear();
      const profile = { ...fromRemoteStart, connector, raw: { ...fromRemoteStart.raw, transactionId: this.is16 ? Number(id) : String(id) } };
      this.listOf(keyOf(connector, 'TxProfile')).push(profile);
      this.persist(profile, profile.raw);
    }
    this.touchConnector(connector);
  }

  /** The transaction ended: its TxProfiles are gone at the charger too. */
  transactionEnded(id: string | number): void {
    for (const [connector, tx] of this.transactions) {
      if (tx.id !== id) continue;
      this.transactions.delete(connector);
      const key = keyOf(connector, 'TxProfile');
      for (const gone of this.profiles.get(key) ?? []) this.persist(gone, null);
      this.profiles.delete(key);
      this.installed.delete(key);
      this.touchConnector(connector);
    }
  }

  /** For /api/status: per connector and purpose, the limit in force now and whose it is. */
  status(): Record<string, Record<string, { limit_now: number | null; unit: RateUnit; from: string | null }>> {
    const out: Record<string, Record<string, { limit_now: number | null; unit: RateUnit; from: string | null }>> = {};
    const now = this.now();
    for (const [key, wanted] of this.installed) {
      if (wanted.kind === 'none' || wanted.kind === 'unknown') continue;
      const [connector, purpose] = key.split(' ') as [string, string];
      const start = this.transactions.get(Number(connector))?.start ?? null;
      let entry: { limit_now: number | null; unit: RateUnit; from: string | null };
      if (wanted.kind === 'one') {
        entry = { limit_now: limitAt([wanted.profile.input], now, start)?.limit ?? null, unit: wanted.profile.input.unit, from: wanted.profile.upstream };
      } else {
        const m = wanted.merged;
        const offset = m.kind === 'Absolute' ? (now - (m.startSchedule ?? now)) / 1000 : start === null ? -1 : (now - start) / 1000;
        const index = m.periods.findLastIndex((p) => p.startPeriod <= offset);
        const limit = limitAt([mergedAsProfile(m)], m.kind === 'Absolute' ? now : offset * 1000, 0)?.limit ?? null;
        entry = { limit_now: limit, unit: m.unit, from: index < 0 ? null : m.from[index] || null };
      }
      (out[connector] ??= {})[purpose] = entry;
    }
    return out;
  }

  // ——— what the charger is to hold ———

  private listOf(key: string): StoredProfile[] {
    let list = this.profiles.get(key);
    if (list === undefined) this.profiles.set(key, (list = []));
    return list;
  }

  private allKeys(): Set<string> {
    const keys = new Set([...this.profiles.keys(), ...this.installed.keys()]);
    keys.add(keyOf(0, this.is16 ? 'ChargePointMaxProfile' : 'ChargingStationMaxProfile'));
    return keys;
  }

  private touchConnector(connector: number): void {
    for (const key of this.allKeys()) if (key.startsWith(`${connector} `) || key.startsWith('0 ')) this.dirty.add(key);
    this.pump();
  }

  private wanted(key: string): Target {
    const [connectorText, purpose] = key.split(' ') as [string, string];
    const connector = Number(connectorText);
    return wantedFor({ list: this.profiles.get(key) ?? [], connector, purpose, upstreams: this.upstreams, cap: this.cap, transaction: this.transactionFor(connector), now: this.now(), volts: this.volts, phases: this.phases });
  }

  /** The Call that brings the charger to what is wanted for `key` now, or null when it holds that. */
  private plan(key: string, countSending = true): ProfileSend | null {
    const want = this.wanted(key);
    // The proxy's own Calls: a profile on its way counts as held (its verdict ticks again).
    const have = (countSending ? this.sending.get(key) : undefined) ?? this.installed.get(key) ?? NONE;
    const options = { volts: this.volts, phases: this.phases };
    if (sameWanted(want, have, options)) return null;
    // Asking again at once what the charger just refused would ask it forever.
    const refused = this.refused.get(key);
    if (refused !== undefined && this.now() - refused.at < TICK_MS && sameWanted(want, refused.want, options)) return null;
    this.refused.delete(key);
    this.sending.set(key, want);
    const [connectorText, purpose] = key.split(' ') as [string, string];
    const connector = Number(connectorText);
    const settleWith = (accepted: boolean) => {
      if (this.sending.get(key) === want) this.sending.delete(key);
      if (accepted) this.installed.set(key, want);
      else this.refused.set(key, { want, at: this.now() });
      this.tick();
    };
    return { ...callFor(want, connector, purpose, this.is16, this.transactionFor(connector)?.id), settle: settleWith };
  }

  /** Sends the proxy's own Calls one at a time, each planned when it goes (so a burst ends in the latest state). */
  private pump(): void {
    while (!this.busy && this.sender !== null && this.dirty.size > 0) {
      const key = this.dirty.values().next().value!;
      this.dirty.delete(key);
      // Upstream Calls for this key wait their turn: the last of them brings the charger in line.
      if (this.waitingSets.has(key)) continue;
      const send = this.plan(key);
      if (send === null) continue;
      this.busy = true;
      const sender = this.sender;
      this.say(send.note);
      void sender(send.action, send.payload).then((status) => {
        if (this.sender !== sender) return;
        // A clear the charger did not know (Unknown) still leaves it without the proxy's profile.
        const accepted = status === 'Accepted' || (send.action === 'ClearChargingProfile' && status === 'Unknown');
        if (!accepted && send.action === 'SetChargingProfile') this.say(`${this.charger}: the charger answered ${status ?? 'with an error'} to ${send.note}; its previous profile stays`);
        send.settle(accepted);
        this.busy = false;
        this.pump();
      });
    }
  }

  /**
   * Hourly, and after each verdict: merged profiles an hour from their end are made again, and
   * profiles that came into the 24 h window are sent; then the next tick is armed.
   */
  private tick(): void {
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    if (this.sender === null) return;
    const now = this.now();
    let next = now + TICK_MS;
    for (const [key, wanted] of this.installed) {
      const end = this.endOf(key, wanted);
      if (end === null) continue;
      if (end - REFRESH_BEFORE_MS <= now) this.installed.delete(key);
      else next = Math.min(next, end - REFRESH_BEFORE_MS);
    }
    for (const key of this.allKeys()) this.dirty.add(key);
    this.pump();
    this.refreshTimer = setTimeout(() => this.tick(), Math.max(1000, next - now));
    this.refreshTimer.unref?.();
  }

  /** When the merged profile the charger holds for `key` runs out (null: it does not). */
  private endOf(key: string, wanted: Wanted): number | null {
    if (wanted.kind !== 'merged') return null;
    const m = wanted.merged;
    if (m.kind === 'Absolute') return (m.startSchedule ?? 0) + m.duration * 1000;
    const start = this.transactionFor(Number(key.split(' ')[0]))?.start;
    return start === undefined ? null : start + m.duration * 1000;
  }

  /** The transaction on a connector (EVSE); for connector 0, the one that started first. */
  private transactionFor(connector: number): { id: string | number; start: number } | undefined {
    if (connector !== 0) return this.transactions.get(connector);
    let first: { id: string | number; start: number } | undefined;
    for (const tx of this.transactions.values()) if (first === undefined || tx.start < first.start) first = tx;
    return first;
  }

  /** Whether a transaction runs there (a TxProfile needs one). */
  hasTransaction(connector: number): boolean {
    return this.transactionFor(connector) !== undefined;
  }

  private persist(profile: StoredProfile, raw: Payload | null): void {
    try {
      this.store?.setChargingProfile(this.charger, profile.upstream, profile.connector, profile.purpose, profile.id, raw === null ? null : JSON.stringify({ raw, received: this.now() }));
    } catch (error) {
      this.say(`${this.charger}: state database: ${(error as Error).message}`);
    }
  }
}

function matches(p: StoredProfile, criteria: ClearCriteria): boolean {
  if (criteria.id !== undefined && p.id !== criteria.id) return false;
  if (criteria.connector !== undefined && p.connector !== criteria.connector) return false;
  if (criteria.purpose !== undefined && p.purpose !== criteria.purpose) return false;
  if (criteria.stackLevel !== undefined && p.input.stackLevel !== criteria.stackLevel) return false;
  return true;
}
