// What /api/status says of one charger session.

import type { ChargingProfiles } from '../sharing/charging-profiles.ts';
import type { ConfigViews } from '../sharing/config-views.ts';

export interface SessionStatus {
  id: string;
  protocol: string;
  protocol_source: string;
  connected_since: string | null;
  queued_calls: number;
  upstreams: Array<{ name: string; role: string; url: string; state: string; since: string; reconnect_attempts: number; backlog: number }>;
  autoconfig: Record<string, string>;
  /** `[configuration]` views: per shared key, the effective value and each upstream's view. */
  configuration: ReturnType<ConfigViews['status']>;
  charging: ReturnType<ChargingProfiles['status']>;
}
