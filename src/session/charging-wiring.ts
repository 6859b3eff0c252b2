// `[charging] merge` for one charger session: the profile keeper made from the session's
// configuration, and the charger's answers to the keeper's own Calls.

import type { ChargerEvent } from '../events/charger-events.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import { ChargingProfiles } from '../sharing/charging-profiles.ts';
import type { ProxyCallAnswer } from './call-slot.ts';
import type { SessionContext } from './session-context.ts';

interface SessionLike {
  readonly chargerId: string;
  readonly context: SessionContext;
  readonly upstreamNames: readonly string[];
}

export function chargingProfilesOf(session: SessionLike, protocol: OcppVersion): ChargingProfiles {
  const { context, chargerId } = session;
  const say = (line: string) => context.loggers.proxy.info(`${chargerId}: ${line}`);
  const profiles = new ChargingProfiles(chargerId, protocol, session.upstreamNames, context.store, { volts: context.config.charging.volts, phases: context.config.charging.phases, say });
  return profiles;
}

/** The status the charger answered (null for a CallError or none). */
export function statusOf(answer: ProxyCallAnswer): string | null {
  return answer.type === 'CALLRESULT' && typeof answer.payload?.status === 'string' ? answer.payload.status : null;
}

/** Transaction starts and stops: TxProfiles live with their transaction, Relative profiles count from its start. */
export function transactionToProfiles(profiles: ChargingProfiles, event: ChargerEvent): void {
  const id = event.transactionId as string | number;
  // 2.0.1+ profiles are per EVSE; 1.6 per connector.
  const place = typeof event.evse === 'number' ? event.evse : typeof event.connector === 'number' ? event.connector : 0;
  if (event.event === 'transaction_started') profiles.transactionStarted(place, id, Date.parse(event.at));
  else if (event.event === 'transaction_stopped') profiles.transactionEnded(id);
}
