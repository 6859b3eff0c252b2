// How transactions differ between OCPP versions, in one table: routing of the charger's
// transaction Calls, which ids each upstream numbers itself, and how a transaction ends.

import type { JsonPath } from '../ocpp/json-span.ts';
import type { Payload } from '../ocpp/frame.ts';
import { wireTable } from '../ocpp/wire-table.ts';

export interface CallRoute<L> {
  /** The upstreams that get this Call; null: all of them. */
  targets: L[] | null;
  /** Whose answer reaches the charger. */
  answerer: L;
}

interface StopInfo {
  chargerTx: string;
  stoppedAt: string | null;
  meterStop: number | null;
  reason: string;
}

/** What the routing needs to decide a charger Call's route, whatever the version. */
export interface Router<L> {
  routeTo(owner: L): CallRoute<L>;
  ownerOfTag(tag: string | null): L;
  ownerOfTx(chargerTx: string): L;
  ownerOfEvent(payload: Payload): L;
  routeStart(payload: Payload, callId: string): CallRoute<L> | 'resent';
}

/** How transactions differ between OCPP versions: one entry per version, nothing else tests it. */
export interface VersionTransactions {
  /** Where a charger Call goes (null: charger-wide). */
  route<L>(router: Router<L>, action: string, payload: Payload, callId: string): CallRoute<L> | null | 'resent';
  /** Charger Calls whose transactionId each upstream knows by its own id (translated for non-owners). */
  chargerTxPaths: Readonly<Record<string, JsonPath>>;
  /** Upstream Calls carrying the upstream's own transactionId (mapped back for the charger). */
  upstreamTxPaths: Readonly<Record<string, JsonPath>>;
  /** Upstreams number transactions themselves (their StartTransaction answers give their ids). */
  upstreamsNumberTransactions: boolean;
  /** The end of a transaction, from the charger Call that ends it. */
  stopOf(action: string, payload: Payload): StopInfo | null;
}

export const OCPP16: VersionTransactions = {
  route(router, action, payload, callId) {
    switch (action) {
      case 'Authorize':
        return router.routeTo(router.ownerOfTag(str(payload.idTag)));
      case 'StartTransaction':
        return router.routeStart(payload, callId);
      case 'MeterValues':
        return payload.transactionId === undefined ? null : router.routeTo(router.ownerOfTx(String(payload.transactionId)));
      case 'StopTransaction':
        return router.routeTo(router.ownerOfTx(String(payload.transactionId)));
      default:
        return null;
    }
  },
  chargerTxPaths: wireTable({ MeterValues: ['transactionId'], StopTransaction: ['transactionId'] }),
  upstreamTxPaths: wireTable({
    RemoteStopTransaction: ['transactionId'],
    SetChargingProfile: ['csChargingProfiles', 'transactionId'],
    GetCompositeSchedule: ['transactionId'],
  }),
  upstreamsNumberTransactions: true,
  stopOf(action, payload) {
    if (action !== 'StopTransaction') return null;
    return { chargerTx: String(payload.transactionId), stoppedAt: str(payload.timestamp), meterStop: num(payload.meterStop), reason: str(payload.reason) ?? 'Local' };
  },
};

/** 2.0.1 and 2.1: the charger numbers transactions (strings) for everyone; owners come from idTokens and remote starts. */
export const OCPP2: VersionTransactions = {
  route(router, action, payload) {
    if (action === 'Authorize') return router.routeTo(router.ownerOfTag(str((payload.idToken as Payload | undefined)?.idToken)));
    if (action === 'TransactionEvent') return router.routeTo(router.ownerOfEvent(payload));
    return null;
  },
  chargerTxPaths: wireTable({}),
  upstreamTxPaths: wireTable({}),
  upstreamsNumberTransactions: false,
  stopOf(action, payload) {
    if (action !== 'TransactionEvent' || payload.eventType !== 'Ended') return null;
    const info = (payload.transactionInfo ?? {}) as Payload;
    return { chargerTx: String(info.transactionId), stoppedAt: str(payload.timestamp), meterStop: energyWh(payload), reason: str(info.stoppedReason) ?? 'Local' };
  },
};

export function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The Energy.Active.Import.Register reading of a 2.0.1 TransactionEvent, in Wh. */
export function energyWh(payload: Payload): number | null {
  const meterValues = payload.meterValue;
  if (!Array.isArray(meterValues)) return null;
  for (const meterValue of meterValues as Payload[]) {
    for (const sample of (meterValue.sampledValue ?? []) as Payload[]) {
      const measurand = sample.measurand ?? 'Energy.Active.Import.Register';
      if (measurand !== 'Energy.Active.Import.Register' || typeof sample.value !== 'number') continue;
      const unit = ((sample.unitOfMeasure ?? {}) as Payload).unit;
      const multiplier = ((sample.unitOfMeasure ?? {}) as Payload).multiplier;
      const scale = (unit === 'kWh' ? 1000 : 1) * 10 ** (typeof multiplier === 'number' ? multiplier : 0);
      return sample.value * scale;
    }
  }
  return null;
}
