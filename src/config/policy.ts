// Which Calls an upstream may send to the charger, decided once per link and looked up per Call.

import { receivesOnly, type Config, type UpstreamConfig } from './config.ts';
import { CHARGING_CONTROL_ACTIONS } from '../ocpp/actions.ts';

export class CallPolicy {
  private readonly allowed: ReadonlySet<string> | null;
  private readonly denied: ReadonlySet<string>;
  private readonly observer: boolean;

  constructor(upstream: UpstreamConfig) {
    this.observer = receivesOnly(upstream.role);
    this.allowed = upstream.allowActions.length > 0 ? new Set(upstream.allowActions) : null;
    this.denied = new Set(upstream.denyActions);
  }

  /** Null when the upstream may send `action`, else why not. */
  refusal(action: string): string | null {
    if (this.observer) return 'observers may not send calls to the charger';
    if (this.allowed !== null && !this.allowed.has(action)) return `${action} is not in allow_actions`;
    if (this.denied.has(action)) return `${action} is in deny_actions`;
    return null;
  }
}

const shared = new WeakMap<UpstreamConfig, CallPolicy>();

/** One policy per upstream's configuration, shared by every charger's link to it. */
export function policyOf(upstream: UpstreamConfig): CallPolicy {
  let policy = shared.get(upstream);
  if (policy === undefined) shared.set(upstream, (policy = new CallPolicy(upstream)));
  return policy;
}

/** `check` warnings: more than one upstream may steer charging and sharing is not set up. */
export function controlWarnings(config: Config): string[] {
  if (config.sharing.enabled || config.sharing.sharedControl) return [];
  // With [charging] merge, profiles do not fight: the lowest limit wins, each clears only its own.
  const merged = config.charging.merge ? new Set(['SetChargingProfile', 'ClearChargingProfile']) : new Set<string>();
  const actions = [...CHARGING_CONTROL_ACTIONS].filter((action) => !merged.has(action));
  const controllers = config.upstreams.filter((upstream) => {
    const policy = new CallPolicy(upstream);
    return actions.some((action) => policy.refusal(action) === null);
  });
  if (controllers.length < 2) return [];
  return [
    `${controllers.map((u) => u.name).join(', ')} may all send charging-control calls (${actions.join(', ')}${merged.size > 0 ? '; charging profiles are merged, the lowest limit wins' : ''}); ` +
      'narrow it with [ext-server] secondary_deny_actions or [upstream.NAME] deny_actions / allow_actions, ' +
      'or set [sharing] enabled = true (or shared_control = true) if that is intended',
  ];
}
