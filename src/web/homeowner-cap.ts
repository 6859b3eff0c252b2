// The homeowner's cap: `POST /api/override {"mode":"limit","amps":N}` (or `"watts"`) limits
// every charger whatever the backends ask; `{"mode":"none"}` removes it. Kept across restarts in
// the state store, apart from the control override.
//
// A charger with several upstreams and `[charging] merge` takes the cap into its merged profiles
// (sharing/charging-profiles.ts). Otherwise it is installed on its own, as the CONTRACT has it when
// no backend has a profile of that purpose: a ChargePointMaxProfile (2.0.1+:
// ChargingStationMaxProfile) on connector/EVSE 0 under the proxy's profile id, sent to every
// connected charger when set, again whenever a charger's boot is accepted, and cleared with
// ClearChargingProfile.

import type { Logger } from '../log/console-log.ts';
import type { MessageLogEntry } from '../log/message-log.ts';
import type { ProxyServer } from '../listener/proxy-server.ts';
import type { ChargerSession } from '../session/charger-session.ts';
import { HOMEOWNER_CAP_SETTING, loadHomeownerCap, type HomeownerCap } from '../sharing/homeowner-cap.ts';
import type { Store } from '../store/store.ts';

export type { HomeownerCap };

/** The proxy's own profile id (the CONTRACT's range 900000–999999). */
export const CAP_PROFILE_ID = 900000;
const MAX_CHARGERS = 10_000;

export class HomeownerCapKeeper {
  private current: HomeownerCap | null;
  private readonly proxy: ProxyServer;
  private readonly store: Store | null;
  private readonly logger: Logger;
  /** Per charger: the charger's answer to the last cap (or clear) sent. */
  private readonly results = new Map<string, { status: string; at: string }>();

  constructor(proxy: ProxyServer, store: Store | null, logger: Logger) {
    this.proxy = proxy;
    this.store = store;
    this.logger = logger;
    this.current = loadHomeownerCap(store);
  }

  get cap(): HomeownerCap | null {
    return this.current;
  }

  /** The charger's answer to the last cap sent to it, or null. */
  result(charger: string): { status: string; at: string } | null {
    return this.results.get(charger) ?? null;
  }

  /** Sets (or with null removes) the cap, persists it and sends it to every connected charger. */
  async set(cap: HomeownerCap | null): Promise<void> {
    const previous = this.current;
    this.current = cap;
    this.store?.setSetting(HOMEOWNER_CAP_SETTING, cap === null ? null : JSON.stringify(cap));
    const sessions = [...this.proxy.sessions.values()].filter((s) => !s.isEnded && s.connectedSince !== null);
    if (cap === null && previous === null) return;
    await Promise.all(sessions.map((session) => this.apply(session)));
  }

  /** A charger's boot was accepted: it gets the cap (a charger may forget its profiles on a reboot). */
  observe(entry: MessageLogEntry): void {
    if (this.current === null || entry.to !== 'charger' || entry.type !== 'CALLRESULT' || entry.action !== 'BootNotification') return;
    if (!/"status"\s*:\s*"Accepted"/.test(entry.raw)) return;
    const session = this.proxy.sessions.get(entry.charger);
    // Once the session has finished handling the answer (it queues its autoconfig next), not from inside it.
    if (session !== undefined && session.memory.knownChargingProfiles === null) setTimeout(() => void this.apply(session), 0);
  }

  private async apply(session: ChargerSession): Promise<void> {
    const merge = session.memory.knownChargingProfiles;
    if (merge !== null) {
      // `[charging] merge` takes the cap into every merge, and installs it alone where nothing else limits.
      merge.setCap(this.current);
      this.results.set(session.chargerId, { status: 'merged', at: new Date().toISOString() });
      return;
    }
    const [action, payload] = this.current === null ? clearCall(session.protocol) : capCall(session.protocol, this.current);
    let status: string;
    try {
      const answer = await session.proxyCall(action, payload);
      status = answer.type === 'CALLERROR' ? 'CallError' : typeof answer.payload?.status === 'string' ? answer.payload.status : 'answered';
    } catch (error) {
      status = `not sent: ${(error as Error).message}`;
    }
    this.results.delete(session.chargerId);
    this.results.set(session.chargerId, { status, at: new Date().toISOString() });
    if (this.results.size > MAX_CHARGERS) this.results.delete(this.results.keys().next().value!);
    const what = this.current === null ? 'homeowner cap removed' : `homeowner cap ${this.current.limit} ${this.current.unit}`;
    if (status === 'Accepted' || (this.current === null && status === 'Unknown')) this.logger.info(`${session.chargerId}: ${what}: ${status}`);
    else this.logger.warn(`${session.chargerId}: ${what}: ${status}`);
  }
}

/** Parses the body of `POST /api/override` in limit/none mode: the cap, null to remove it, or an error sentence. */
export function capFromBody(body: { mode?: unknown; amps?: unknown; watts?: unknown }, now = new Date()): HomeownerCap | null | string {
  if (body.mode === 'none') return null;
  const amps = body.amps;
  const watts = body.watts;
  if ((amps === undefined) === (watts === undefined)) return 'limit needs "amps" or "watts" (one of them)';
  const limit = amps ?? watts;
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 0 || limit > (amps !== undefined ? 1000 : 1_000_000)) {
    return `${amps !== undefined ? 'amps' : 'watts'} must be a number from 0 to ${amps !== undefined ? '1000' : '1000000'}`;
  }
  return { limit: Math.round(limit * 10) / 10, unit: amps !== undefined ? 'A' : 'W', since: now.toISOString() };
}

function capCall(protocol: string, cap: HomeownerCap): [string, Record<string, unknown>] {
  const schedule = { startSchedule: new Date(Date.parse(cap.since) - 60_000).toISOString(), chargingRateUnit: cap.unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: cap.limit }] };
  const profile = { stackLevel: 0, chargingProfileKind: 'Absolute' };
  return protocol === 'ocpp1.6'
    ? ['SetChargingProfile', { connectorId: 0, csChargingProfiles: { chargingProfileId: CAP_PROFILE_ID, ...profile, chargingProfilePurpose: 'ChargePointMaxProfile', chargingSchedule: schedule } }]
    : ['SetChargingProfile', { evseId: 0, chargingProfile: { id: CAP_PROFILE_ID, ...profile, chargingProfilePurpose: 'ChargingStationMaxProfile', chargingSchedule: [{ id: CAP_PROFILE_ID, ...schedule }] } }];
}

function clearCall(protocol: string): [string, Record<string, unknown>] {
  return protocol === 'ocpp1.6' ? ['ClearChargingProfile', { id: CAP_PROFILE_ID }] : ['ClearChargingProfile', { chargingProfileId: CAP_PROFILE_ID }];
}
