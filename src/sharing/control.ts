// Sharing one charger between backends: at most one holds charging control at a time, the
// homeowner's override always wins, Home Assistant can block, and nothing fails open.
// Decisions are pure over the state below; every one is kept with its reason.

import type { Config } from '../config/config.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import { CHARGING_CONTROL_ACTIONS } from '../ocpp/actions.ts';

/** Control Calls and the refusal each gets, in its own answer shape (not a CallError). */
const CONTROL_REFUSALS: Record<'ocpp1.6' | 'ocpp2', Record<string, Record<string, unknown>>> = {
  'ocpp1.6': {
    RemoteStartTransaction: { status: 'Rejected' },
    RemoteStopTransaction: { status: 'Rejected' },
    SetChargingProfile: { status: 'Rejected' },
    ClearChargingProfile: { status: 'Unknown' },
    ChangeAvailability: { status: 'Rejected' },
    Reset: { status: 'Rejected' },
    UnlockConnector: { status: 'UnlockFailed' },
  },
  ocpp2: {
    RequestStartTransaction: { status: 'Rejected' },
    RequestStopTransaction: { status: 'Rejected' },
    SetChargingProfile: { status: 'Rejected' },
    ClearChargingProfile: { status: 'Unknown' },
    ChangeAvailability: { status: 'Rejected' },
    Reset: { status: 'Rejected' },
    UnlockConnector: { status: 'UnlockFailed' },
  },
};

/** The refusal payload when `action` is a control Call in `version`, else null (not a control Call). */
export function controlRefusal(version: OcppVersion, action: string): Record<string, unknown> | null {
  if (!CHARGING_CONTROL_ACTIONS.has(action)) return null;
  return CONTROL_REFUSALS[version === 'ocpp1.6' ? 'ocpp1.6' : 'ocpp2'][action] ?? null;
}

export type OverrideMode = 'block' | 'allow' | 'give';
export interface Override {
  mode: OverrideMode;
  to?: string;
  since: string;
}

/** What Home Assistant says right now. */
export interface HomeVerdict {
  blocked: boolean;
  reason: string;
}

export interface Decision {
  at: string;
  backend: string;
  action: string;
  allowed: boolean;
  reason: string;
}

const KEEP_DECISIONS = 20;

/** Control of one charger. */
export class ChargerControl {
  holder: string | null = null;
  since: string | null = null;
  /** When the holder last sent a control Call (ms). */
  lastControlAt = 0;
  /** The holder started a session that is still running: it keeps control until it ends. */
  sessionHeld = false;
  /** Connectors currently Faulted. */
  readonly faulted = new Set<string>();
  readonly lastCallBy = new Map<string, number>();
  readonly decisions: Decision[] = [];
}

export class ControlArbiter {
  readonly chargers = new Map<string, ChargerControl>();
  override: Override | null = null;
  private readonly config: Config['sharing'];
  private readonly primary: string;
  private readonly home: () => HomeVerdict | null;
  private readonly onChange: (charger: string, control: ChargerControl) => void;

  constructor(config: Config, home: () => HomeVerdict | null, onChange: (charger: string, control: ChargerControl) => void = () => {}) {
    this.config = config.sharing;
    this.primary = config.upstreams.find((u) => u.role === 'primary')?.name ?? 'primary';
    this.home = home;
    this.onChange = onChange;
  }

  get enabled(): boolean {
    return this.config.enabled;
  }

  control(charger: string): ChargerControl {
    let control = this.chargers.get(charger);
    if (control === undefined) this.chargers.set(charger, (control = new ChargerControl()));
    return control;
  }

  /** May `backend` send the control Call `action` to `charger` now? Records the decision. */
  decide(charger: string, backend: string, action: string, now = Date.now()): Decision {
    const control = this.control(charger);
    const [allowed, reason] = this.evaluate(control, backend, now);
    if (allowed) control.lastCallBy.set(backend, now);
    const decision: Decision = { at: new Date(now).toISOString(), backend, action, allowed, reason };
    control.decisions.push(decision);
    if (control.decisions.length > KEEP_DECISIONS) control.decisions.shift();
    return decision;
  }

  /** A transaction began on the charger: a holder who asked for it keeps control for the whole session. */
  sessionStarted(charger: string, startedBy: string | null): void {
    const control = this.control(charger);
    if (control.holder !== null && (startedBy === null || startedBy === control.holder)) control.sessionHeld = true;
  }

  sessionEnded(charger: string): void {
    this.control(charger).sessionHeld = false;
  }

  /** StatusNotification: Faulted revokes control at once; it can be taken again once the connector recovers. */
  connectorStatus(charger: string, connector: string, status: string): void {
    const control = this.control(charger);
    if (status === 'Faulted') {
      control.faulted.add(connector);
      if (control.holder !== null) this.setHolder(charger, control, null, 'charger faulted: control revoked');
    } else {
      control.faulted.delete(connector);
    }
  }

  setOverride(override: Override | null): void {
    this.override = override;
    if (override?.mode === 'give' && override.to !== undefined) {
      for (const [charger, control] of this.chargers) this.setHolder(charger, control, override.to, `homeowner gave control to ${override.to}`);
    }
  }

  /** For /api/status. */
  describe(charger: string, now = Date.now()): Record<string, unknown> {
    const control = this.control(charger);
    const leaseUntil = control.holder === null || control.sessionHeld ? null : new Date(control.lastControlAt + this.config.lease * 1000).toISOString();
    const home = this.home();
    return {
      enabled: this.enabled,
      holder: control.holder,
      since: control.since,
      lease_until: leaseUntil !== null && Date.parse(leaseUntil) < now ? null : leaseUntil,
      session_held: control.sessionHeld,
      faulted: [...control.faulted],
      override: this.override,
      home_assistant: home,
      decisions: control.decisions,
    };
  }

  private evaluate(control: ChargerControl, backend: string, now: number): [boolean, string] {
    const override = this.override;
    if (override?.mode === 'block') return [false, 'homeowner override: all backend control blocked'];
    if (override?.mode === 'give') {
      return override.to === backend ? [true, 'homeowner gave control to this backend'] : [false, `homeowner gave control to ${override.to ?? 'nobody'}`];
    }
    if (override?.mode === 'allow') return [true, 'homeowner override: every backend allowed'];
    const home = this.home();
    if (home?.blocked) return [false, `Home Assistant: ${home.reason}`];
    if (!this.config.enabled) return [true, 'sharing is off: every upstream may control'];
    if (control.faulted.size > 0) return [false, `charger faulted (connector ${[...control.faulted].join(', ')})`];
    if (this.config.blocked.includes(backend)) return [false, 'backend is in [sharing] blocked'];
    if (this.config.allowed.length > 0 && !this.config.allowed.includes(backend)) return [false, 'backend is not in [sharing] allowed'];
    const last = control.lastCallBy.get(backend);
    if (this.config.rateLimitSeconds > 0 && last !== undefined && now - last < this.config.rateLimitSeconds * 1000) {
      return [false, `rate limit: one control call per ${this.config.rateLimitSeconds} s`];
    }
    if (this.config.primaryAlways && backend === this.primary) return [true, 'the primary always has control'];
    const leaseOver = !control.sessionHeld && now - control.lastControlAt > this.config.lease * 1000;
    if (control.holder === null || control.holder === backend || leaseOver) {
      const reason = control.holder === backend ? 'holds control' : control.holder === null ? 'control was free' : `lease of ${control.holder} expired`;
      this.setHolder(this.chargerOf(control), control, backend, reason, now);
      control.lastControlAt = now;
      return [true, reason];
    }
    if (backend === this.config.preferred) {
      const reason = `preferred backend takes control from ${control.holder}`;
      this.setHolder(this.chargerOf(control), control, backend, reason, now);
      control.lastControlAt = now;
      control.sessionHeld = false;
      return [true, reason];
    }
    return [false, `${control.holder} holds control${control.sessionHeld ? ' for its session' : ` until its lease ends`}`];
  }

  private setHolder(charger: string, control: ChargerControl, holder: string | null, reason: string, now = Date.now()): void {
    if (control.holder === holder) return;
    control.holder = holder;
    control.since = holder === null ? null : new Date(now).toISOString();
    if (holder === null) control.sessionHeld = false;
    control.decisions.push({ at: new Date(now).toISOString(), backend: holder ?? '-', action: 'control', allowed: holder !== null, reason });
    if (control.decisions.length > KEEP_DECISIONS) control.decisions.shift();
    this.onChange(charger, control);
  }

  private chargerOf(control: ChargerControl): string {
    for (const [charger, c] of this.chargers) if (c === control) return charger;
    return '?';
  }
}
