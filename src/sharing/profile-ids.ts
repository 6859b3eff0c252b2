// The proxy's own charging profile ids: one per connector (EVSE) and purpose, in the CONTRACT's
// range 900000–999999, stable so that a new merged profile replaces the last.

/** The proxy's own profile ids (1.6 chargingProfileId, 2.0.1+ id); the cap alone on connector 0 is the first. */
export const PROXY_PROFILE_ID_FIRST = 900000;
const PROXY_PROFILE_ID_LAST = 999999;
export const MAX_PURPOSES: ReadonlySet<string> = new Set(['ChargePointMaxProfile', 'ChargingStationMaxProfile']);
/** Every chargingProfilePurpose of 1.6, 2.0.1 and 2.1. */
export const PURPOSES = ['ChargePointMaxProfile', 'ChargingStationMaxProfile', 'TxDefaultProfile', 'TxProfile', 'ChargingStationExternalConstraints', 'PriorityCharging', 'LocalGeneration'];

/** The proxy's id for a connector and purpose (stable, so a new merge replaces the last). */
export function proxyProfileId(connector: number, purpose: string): number {
  if (connector === 0 && MAX_PURPOSES.has(purpose)) return PROXY_PROFILE_ID_FIRST;
  const index = Math.max(0, PURPOSES.indexOf(purpose));
  return PROXY_PROFILE_ID_FIRST + 1 + ((connector * PURPOSES.length + index) % (PROXY_PROFILE_ID_LAST - PROXY_PROFILE_ID_FIRST));
}
