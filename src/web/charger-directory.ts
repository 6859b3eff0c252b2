// Every charger the pages know, online or not: connected now, served since start or before (the
// state store), or refused at the door. With when each was last seen, its last refusal and the
// fix to try — "my charger cannot connect" is answered here (`GET /api/chargers`).

import type { MessageLogEntry } from '../log/message-log.ts';
import type { ConnectionRefusal } from '../listener/refusals.ts';
import type { ProxyServer } from '../listener/proxy-server.ts';
import type { ChargerSeen, Store } from '../store/store.ts';
import type { DashboardState } from './dashboard-state.ts';

/** Chargers whose last frame time is kept in memory; the store keeps the latest 1,000. */
const MAX_CHARGERS = 10_000;
const STORED_CHARGERS = 1000;
/** Refusals of one charger listed with it (the latest). */
const REFUSALS_PER_CHARGER = 5;

export interface ChargerSummary {
  id: string;
  online: boolean;
  connected_since: string | null;
  /** The charger's last frame (now, while it is online), or null when it was only refused. */
  last_seen: string | null;
  first_seen: string | null;
  protocol: string | null;
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  /** Refused connection attempts since the proxy started. */
  refused_attempts: number;
  last_refusal: ConnectionRefusal | null;
  recent_refusals: ConnectionRefusal[];
}

export class ChargerDirectory {
  private readonly proxy: ProxyServer;
  private readonly store: Store | null;
  private readonly dashboard: DashboardState;
  /** When each charger last sent a frame, or was last found connected, since start. */
  private readonly lastFrame = new Map<string, string>();
  private readonly firstSeen = new Map<string, string>();
  private readonly dirty = new Set<string>();
  /** What the store knew at start, and what was written since. */
  private readonly stored = new Map<string, ChargerSeen>();

  constructor(proxy: ProxyServer, store: Store | null, dashboard: DashboardState) {
    this.proxy = proxy;
    this.store = store;
    this.dashboard = dashboard;
    for (const row of store?.history.chargersSeen(STORED_CHARGERS) ?? []) this.stored.set(row.charger, row);
  }

  observe(entry: MessageLogEntry): void {
    if (entry.from === 'charger') this.seen(entry.charger, entry.ts);
  }

  private seen(charger: string, at: string): void {
    if (!this.lastFrame.has(charger) && this.lastFrame.size >= MAX_CHARGERS) {
      const oldest = this.lastFrame.keys().next().value!;
      this.lastFrame.delete(oldest);
      this.firstSeen.delete(oldest);
    }
    this.lastFrame.delete(charger); // most recent last
    this.lastFrame.set(charger, at);
    if (!this.firstSeen.has(charger)) this.firstSeen.set(charger, at);
    this.dirty.add(charger);
  }

  /** The chargers connected now count as seen now: one that goes away was last seen then (to a few seconds). */
  private online(now: Date): string[] {
    const ids = [...this.proxy.sessions.values()].filter((s) => !s.isEnded && s.connectedSince !== null).map((s) => s.chargerId);
    for (const id of ids) this.seen(id, now.toISOString());
    return ids;
  }

  /** Writes the chargers seen since the last flush (the web server calls this every few seconds). */
  flush(now = new Date()): void {
    this.online(now);
    if (this.store === null || this.dirty.size === 0) return;
    const rows: ChargerSeen[] = [];
    for (const id of this.dirty) {
      const view = this.dashboard.chargers.get(id);
      const session = this.proxy.sessions.get(id);
      const lastSeen = session !== undefined && !session.isEnded ? now.toISOString() : (this.lastFrame.get(id) ?? now.toISOString());
      const row: ChargerSeen = {
        charger: id,
        first_seen: this.stored.get(id)?.first_seen ?? this.firstSeen.get(id) ?? lastSeen,
        last_seen: lastSeen,
        protocol: session?.protocol ?? null,
        vendor: view?.vendor ?? null,
        model: view?.model ?? null,
        firmware: view?.firmware ?? null,
      };
      rows.push(row);
      const known = this.stored.get(id);
      this.stored.delete(id);
      this.stored.set(id, {
        ...row,
        protocol: row.protocol ?? known?.protocol ?? null,
        vendor: row.vendor ?? known?.vendor ?? null,
        model: row.model ?? known?.model ?? null,
        firmware: row.firmware ?? known?.firmware ?? null,
      });
      if (this.stored.size > STORED_CHARGERS) this.stored.delete(this.stored.keys().next().value!);
    }
    this.dirty.clear();
    this.store.history.saveChargersSeen(rows, STORED_CHARGERS);
  }

  /** One charger as the pages show it, or null when nothing is known of it. */
  summary(id: string, now = new Date()): ChargerSummary | null {
    const session = this.proxy.sessions.get(id);
    const online = session !== undefined && !session.isEnded && session.connectedSince !== null;
    const view = this.dashboard.chargers.get(id);
    const stored = this.stored.get(id);
    const memory = this.proxy.memories.get(id);
    const refusals = this.proxy.refusals.forCharger(id);
    if (!online && view === undefined && stored === undefined && memory === undefined && refusals === undefined && !this.lastFrame.has(id)) return null;
    const lastFrame = this.lastFrame.get(id) ?? null;
    return {
      id,
      online,
      connected_since: online ? (session.connectedSince?.toISOString() ?? null) : null,
      last_seen: online ? now.toISOString() : latest(lastFrame, stored?.last_seen ?? null),
      first_seen: stored?.first_seen ?? this.firstSeen.get(id) ?? null,
      protocol: session?.protocol ?? stored?.protocol ?? null,
      vendor: view?.vendor ?? memory?.vendor ?? stored?.vendor ?? null,
      model: view?.model ?? memory?.model ?? stored?.model ?? null,
      firmware: view?.firmware ?? stored?.firmware ?? null,
      refused_attempts: refusals?.refused ?? 0,
      last_refusal: refusals?.last ?? null,
      recent_refusals: refusals === undefined ? [] : this.proxy.refusals.recent().filter((r) => r.charger === id).slice(-REFUSALS_PER_CHARGER),
    };
  }

  /**
   * Every charger known: online first, then the most recently seen, then those only refused
   * (the most recent refusal first). `refusedOnly: false` leaves out ids that never connected.
   */
  list(options: { refusedOnly?: boolean } = {}): ChargerSummary[] {
    const now = new Date();
    const ids = new Set<string>(this.online(now));
    for (const id of this.proxy.memories.keys()) ids.add(id);
    for (const id of this.stored.keys()) ids.add(id);
    for (const id of this.lastFrame.keys()) ids.add(id);
    if (options.refusedOnly !== false) for (const [id] of this.proxy.refusals.chargers()) ids.add(id);
    const all = [...ids].map((id) => this.summary(id, now)).filter((s): s is ChargerSummary => s !== null);
    const rank = (s: ChargerSummary) => (s.online ? 0 : s.last_seen !== null ? 1 : 2);
    const time = (s: ChargerSummary) => s.last_seen ?? s.last_refusal?.at ?? '';
    return all.sort((a, b) => rank(a) - rank(b) || time(b).localeCompare(time(a)) || a.id.localeCompare(b.id));
  }
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
