// `[charging] merge`: what the charger is to hold for one connector (EVSE) and purpose, given
// every upstream's profiles there, the homeowner's cap and the running transaction; and the Call
// that puts it there under the proxy's id. Pure.

import type { Payload } from '../ocpp/frame.ts';
import { homeownerCap, mergeSchedules, render16, render201, sameSchedule, type MergedSchedule, type MergeInput, type ProfileInput, type RateUnit } from '../rules/charging-merge.ts';
import { MAX_PURPOSES, proxyProfileId } from './profile-ids.ts';

/** A merged Absolute profile covers a day from the moment it is made. */
const HORIZON_S = 86_400;

export interface StoredProfile {
  upstream: string;
  connector: number;
  purpose: string;
  id: number;
  /** The profile object as the upstream sent it (1.6 csChargingProfiles, 2.0.1+ chargingProfile). */
  raw: Payload;
  input: ProfileInput;
}

/** What the charger holds, or is to hold, for one connector and purpose. */
export type Wanted =
  | { kind: 'none' }
  /** What the charger holds is not known (after a restart, or a connection lost mid-Call): anything wanted is sent. */
  | { kind: 'unknown' }
  | { kind: 'one'; profile: StoredProfile }
  | { kind: 'merged'; merged: MergedSchedule; stackLevel: number };

export const NONE = { kind: 'none' } as const;
export const UNKNOWN: Wanted = { kind: 'unknown' };
/** What can be wanted (anything but unknown). */
export type Target = Exclude<Wanted, { kind: 'unknown' }>;
export interface WantedInputs {
  list: readonly StoredProfile[];
  connector: number;
  purpose: string;
  /** Upstream names in configuration order (the merged profile names the lowest first). */
  upstreams: readonly string[];
  cap: { limit: number; unit: RateUnit } | null;
  transaction: { start: number } | undefined;
  now: number;
  volts: number;
  phases: number;
}

/** What the charger is to hold for one connector and purpose. */
export function wantedFor(inputs: WantedInputs): Target {
  const { list, connector, purpose, cap, transaction, now } = inputs;
  const capApplies = cap !== null && (list.length > 0 || (connector === 0 && MAX_PURPOSES.has(purpose)));
  if (list.length === 0 && !capApplies) return NONE;
  // A TxProfile lives with its transaction: none runs, nothing to hold.
  if (purpose === 'TxProfile' && transaction === undefined) return NONE;
  // One upstream, one profile, no cap: its profile as sent, under the proxy's id.
  if (list.length === 1 && !capApplies) return { kind: 'one', profile: list[0]! };
  const merge: MergeInput[] = [];
  for (const upstream of inputs.upstreams) {
    const own = list.filter((p) => p.upstream === upstream).map((p) => p.input);
    if (own.length > 0) merge.push({ from: upstream, profiles: own });
  }
  if (capApplies) merge.push(homeownerCap(cap.limit, cap.unit));
  // Relative profiles alone merge into a Relative one, counted from the transaction start: it covers up to a day from now.
  const sinceStart = transaction !== undefined && list.every((p) => p.input.kind === 'Relative') ? Math.max(0, Math.floor((now - transaction.start) / 1000)) : 0;
  const merged = mergeSchedules(merge, { now, horizon: HORIZON_S + sinceStart, volts: inputs.volts, phases: inputs.phases, transactionStart: transaction?.start ?? null });
  if (merged === null) return NONE;
  return { kind: 'merged', merged, stackLevel: Math.max(0, ...list.map((p) => p.input.stackLevel)) };
}

/** The same limits at the charger (a merge made later compares over the time both cover). */
export function sameWanted(a: Wanted, b: Wanted, units: { volts: number; phases: number }): boolean {
  if (a.kind === 'unknown' || b.kind === 'unknown') return false;
  if (a.kind === 'none' || b.kind === 'none') return a.kind === b.kind;
  // Compared as understood (a missing startSchedule is the time it was received): a profile sent again later is new.
  if (a.kind === 'one' && b.kind === 'one') return a.profile === b.profile || (a.profile.upstream === b.profile.upstream && JSON.stringify(a.profile.input) === JSON.stringify(b.profile.input));
  if (a.kind === 'merged' && b.kind === 'merged') return a.stackLevel === b.stackLevel && sameSchedule(a.merged, b.merged, { volts: units.volts, phases: units.phases });
  return false;
}

/** The Call that puts `want` at the charger under the proxy's id (`tx`: the running transaction's id, for a TxProfile). */
export function callFor(want: Target, connector: number, purpose: string, is16: boolean, tx: string | number | undefined): { action: 'SetChargingProfile' | 'ClearChargingProfile'; payload: Payload; note: string } {
  const id = proxyProfileId(connector, purpose);
  if (want.kind === 'none') {
    return { action: 'ClearChargingProfile', payload: is16 ? { id } : { chargingProfileId: id }, note: `charging profile ${id} (connector ${connector}, ${purpose}) cleared: no upstream limits it` };
  }
  let profile: Payload;
  let note: string;
  if (want.kind === 'one') {
    profile = is16 ? { ...want.profile.raw, chargingProfileId: id } : { ...want.profile.raw, id };
    note = `${want.profile.upstream}'s charging profile ${want.profile.id} goes to the charger as ${id} (connector ${connector}, ${purpose})`;
  } else {
    const m = want.merged;
    profile = is16 ? render16(m, id, want.stackLevel, purpose, purpose === 'TxProfile' ? Number(tx) : undefined) : render201(m, id, want.stackLevel, purpose, purpose === 'TxProfile' ? String(tx) : undefined);
    const first = m.periods[0]!;
    note = `charging profile ${id} (connector ${connector}, ${purpose}): the lowest limit of ${[...new Set(m.from.filter((f) => f !== ''))].join(', ')}, now ${first.limit} ${m.unit}`;
  }
  return { action: 'SetChargingProfile', payload: is16 ? { connectorId: connector, csChargingProfiles: profile } : { evseId: connector, chargingProfile: profile }, note };
}
