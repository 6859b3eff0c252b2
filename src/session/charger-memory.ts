// What the proxy remembers of a charger across its connections: its last BootNotification and
// whether the primary accepted it, and its latest StatusNotification per connector. Upstreams
// that (re)connect mid-session get these replayed (a 1.6 charger does not boot again).

import type { Payload } from '../ocpp/frame.ts';
import type { ChargingProfiles } from '../sharing/charging-profiles.ts';
import type { ConfigViews } from '../sharing/config-views.ts';
import { LazyMap } from '../collections.ts';

/** A cached boot acceptance lets held calls through on a reconnect within this window. */
export const BOOT_ACCEPTANCE_TTL_MS = 24 * 60 * 60 * 1000;

/** Connectors (1.6) or EVSE/connector pairs (2.x) whose status is kept for replay. */
export const MAX_REMEMBERED_CONNECTORS = 64;
const MAX_CONNECTOR_NUMBER = 1000;

function isConnectorNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_CONNECTOR_NUMBER;
}

export class ChargerMemory {
  /** The charger's last BootNotification Call, as forwarded. */
  boot: string | null = null;
  /** When the primary last answered a BootNotification Accepted (null: not, or later not). */
  bootAcceptedAt: number | null = null;
  /** Latest StatusNotification Call per connector, in first-seen connector order. */
  readonly statuses = new Map<string, string>();
  /** From the BootNotification (1.6 chargePointVendor/Model, 2.0.1+ chargingStation). */
  vendor: string | null = null;
  model: string | null = null;
  /** `[autoconfig]` key → the status the charger answered at the last boot. */
  readonly autoconfigResults = new LazyMap<string, string>();
  private views: ConfigViews | null = null;
  /** Told when the boot, its acceptance or a status changed (the state store keeps them across restarts). */
  onChange: (() => void) | null = null;
  private profiles: ChargingProfiles | null = null;

  /** `[configuration]` views of this charger, made (loaded from the store) on first use. */
  configViews(create: () => ConfigViews): ConfigViews {
    return (this.views ??= create());
  }

  /** The views, if this charger has any yet (status). */
  get knownConfigViews(): ConfigViews | null {
    return this.views;
  }

  /** `[charging] merge`: every upstream's charging profiles of this charger, made (loaded) on first use. */
  chargingProfiles(create: () => ChargingProfiles): ChargingProfiles {
    return (this.profiles ??= create());
  }

  get knownChargingProfiles(): ChargingProfiles | null {
    return this.profiles;
  }

  /** Connectors (1.6) or EVSEs (2.0.1+) the charger reported a status for. */
  knownConnectors(): Set<number> {
    const out = new Set<number>();
    for (const key of this.statuses.keys()) {
      const [evse, connector] = key.split(':');
      const n = Number(evse === '' ? connector : evse);
      if (Number.isInteger(n)) out.add(n);
    }
    return out;
  }

  rememberCall(action: string, payload: Payload, text: string): void {
    if (action === 'BootNotification') {
      this.boot = text;
      const station = (payload.chargingStation ?? {}) as Payload;
      const vendor = payload.chargePointVendor ?? station.vendorName;
      const model = payload.chargePointModel ?? station.model;
      this.vendor = typeof vendor === 'string' ? vendor : null;
      this.model = typeof model === 'string' ? model : null;
      this.onChange?.();
    } else if (action === 'StatusNotification') {
      // Only real connector numbers, and no more than a charger can have: what is kept here is
      // replayed to every upstream that (re)connects.
      if (!isConnectorNumber(payload.connectorId) || (payload.evseId !== undefined && !isConnectorNumber(payload.evseId))) return;
      const key = connectorKey(payload);
      if (this.statuses.has(key) || this.statuses.size < MAX_REMEMBERED_CONNECTORS) {
        this.statuses.set(key, text);
        this.onChange?.();
      }
    }
  }

  bootAnswered(accepted: boolean, now = Date.now()): void {
    this.bootAcceptedAt = accepted ? now : null;
    this.onChange?.();
  }

  /** What survives a restart: the boot, its acceptance and the statuses (JSON). */
  snapshot(): string {
    return JSON.stringify({ boot: this.boot, bootAcceptedAt: this.bootAcceptedAt, vendor: this.vendor, model: this.model, statuses: [...this.statuses] });
  }

  /** A memory from a snapshot; an unreadable one gives an empty memory. */
  static restored(text: string | null): ChargerMemory {
    const memory = new ChargerMemory();
    if (text === null) return memory;
    try {
      const saved = JSON.parse(text) as { boot: unknown; bootAcceptedAt: unknown; vendor: unknown; model: unknown; statuses: unknown };
      if (typeof saved.boot === 'string') memory.boot = saved.boot;
      if (typeof saved.bootAcceptedAt === 'number') memory.bootAcceptedAt = saved.bootAcceptedAt;
      if (typeof saved.vendor === 'string') memory.vendor = saved.vendor;
      if (typeof saved.model === 'string') memory.model = saved.model;
      if (Array.isArray(saved.statuses)) {
        for (const pair of saved.statuses.slice(0, MAX_REMEMBERED_CONNECTORS)) {
          if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') memory.statuses.set(pair[0], pair[1]);
        }
      }
    } catch {
      // not JSON: start afresh
    }
    return memory;
  }

  bootAccepted(now = Date.now()): boolean {
    return this.bootAcceptedAt !== null && now - this.bootAcceptedAt < BOOT_ACCEPTANCE_TTL_MS;
  }

  /** Frames to replay to an upstream that just connected: the boot, then each connector's status. */
  replayFrames(): Array<{ action: string; text: string }> {
    if (this.boot === null) return [];
    const statuses = [...this.statuses.values()].map((text) => ({ action: 'StatusNotification', text }));
    return [{ action: 'BootNotification', text: this.boot }, ...statuses];
  }
}

/** 1.6 names a connector by connectorId; 2.0.1/2.1 by evseId and connectorId. */
export function connectorKey(payload: Payload): string {
  return `${String(payload.evseId ?? '')}:${String(payload.connectorId ?? '')}`;
}
