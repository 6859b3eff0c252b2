// What the dashboard shows per charger, kept up to date from the message log entries: boot
// information, connector statuses, the current session, the latest electrical readings and the
// latest charging limit. Only a few actions are parsed, once per frame (not once per hop).

import type { MessageLogEntry } from '../log/message-log.ts';

type Json = Record<string, unknown>;

export interface ChargerView {
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  connectors: Record<string, { status: string; errorCode: string | null; at: string }>;
  transaction: { id: string | null; idTag: string | null; connector: string | null; startedAt: string; meterStartWh: number | null } | null;
  /** Latest reading per measurand (and phase), in W, Wh, A, V. */
  readings: Record<string, number>;
  readingsAt: string | null;
  limit: { value: number; unit: string; by: string; at: string } | null;
  /** The latest limit each sender (an upstream, or the proxy's homeowner cap) set and did not clear. */
  limits: Record<string, { value: number; unit: string; purpose: string | null; at: string }>;
}

/** Chargers and connectors per charger the dashboard keeps. */
const MAX_CHARGERS = 10_000;
const MAX_CONNECTORS = 64;
/** Measurand/phase readings per charger (OCPP names 22 measurands, × 10 phases at most in use). */
const MAX_READINGS = 100;
/** Senders of limits kept per charger (upstreams are configured; more would be made up). */
const MAX_LIMIT_SENDERS = 20;

const CHARGER_ACTIONS = new Set(['BootNotification', 'StatusNotification', 'MeterValues', 'StartTransaction', 'StopTransaction', 'TransactionEvent']);

export class DashboardState {
  readonly chargers = new Map<string, ChargerView>();
  /** The last charger Call id folded in per charger: a Call logged once per hop is read once. */
  private readonly lastCall = new Map<string, string>();

  apply(entry: MessageLogEntry): boolean {
    const { action } = entry;
    if (action === null) return false;
    if (entry.from === 'charger' && entry.type === 'CALL' && CHARGER_ACTIONS.has(action)) {
      if (this.lastCall.get(entry.charger) === entry.id) return false;
      this.lastCall.set(entry.charger, entry.id!);
      const payload = payloadOf(entry.raw, 3);
      if (payload !== null) this.chargerCall(this.view(entry.charger), action, payload, entry.ts);
      return payload !== null;
    }
    if (entry.to === 'charger' && entry.type === 'CALLRESULT' && action === 'StartTransaction') {
      const payload = payloadOf(entry.raw, 2);
      const view = this.view(entry.charger);
      if (payload !== null && view.transaction !== null) view.transaction.id = String(payload.transactionId);
      return true;
    }
    if (entry.to === 'charger' && entry.type === 'CALL' && action === 'SetChargingProfile') {
      const payload = payloadOf(entry.raw, 3);
      const limit = payload === null ? null : firstLimit(payload);
      if (limit === null) return false;
      const view = this.view(entry.charger);
      view.limit = { value: limit.value, unit: limit.unit, by: entry.from, at: entry.ts };
      if (view.limits[entry.from] !== undefined || Object.keys(view.limits).length < MAX_LIMIT_SENDERS) view.limits[entry.from] = { ...limit, at: entry.ts };
      return true;
    }
    if (entry.to === 'charger' && entry.type === 'CALL' && action === 'ClearChargingProfile') {
      const view = this.chargers.get(entry.charger);
      if (view === undefined || view.limits[entry.from] === undefined) return false;
      delete view.limits[entry.from];
      if (view.limit?.by === entry.from) view.limit = null;
      return true;
    }
    return false;
  }

  private view(charger: string): ChargerView {
    let view = this.chargers.get(charger);
    if (view === undefined) {
      view = { vendor: null, model: null, firmware: null, connectors: Object.create(null) as ChargerView['connectors'], transaction: null, readings: Object.create(null) as ChargerView['readings'], readingsAt: null, limit: null, limits: {} };
      if (this.chargers.size >= MAX_CHARGERS) {
        // The oldest first seen goes: ids made up by someone who is not a charger cannot pile up.
        const oldest = this.chargers.keys().next().value!;
        this.chargers.delete(oldest);
        this.lastCall.delete(oldest);
      }
      this.chargers.set(charger, view);
    }
    return view;
  }

  private chargerCall(view: ChargerView, action: string, p: Json, ts: string): void {
    switch (action) {
      case 'BootNotification': {
        const station = (p.chargingStation ?? {}) as Json;
        view.vendor = text(p.chargePointVendor ?? station.vendorName);
        view.model = text(p.chargePointModel ?? station.model);
        view.firmware = text(p.firmwareVersion ?? station.firmwareVersion);
        return;
      }
      case 'StatusNotification': {
        const connector = p.evseId === undefined ? String(p.connectorId) : `${String(p.evseId)}/${String(p.connectorId)}`;
        if (view.connectors[connector] === undefined && Object.keys(view.connectors).length >= MAX_CONNECTORS) return; // a peer naming connectors without end
        view.connectors[connector] = { status: text(p.status ?? p.connectorStatus) ?? '?', errorCode: text(p.errorCode), at: ts };
        return;
      }
      case 'StartTransaction':
        view.transaction = { id: null, idTag: text(p.idTag), connector: String(p.connectorId), startedAt: text(p.timestamp) ?? ts, meterStartWh: num(p.meterStart) };
        return;
      case 'StopTransaction':
        view.transaction = null;
        this.readings(view, (p.transactionData ?? []) as Json[], ts);
        return;
      case 'MeterValues':
        this.readings(view, (p.meterValue ?? []) as Json[], ts);
        return;
      case 'TransactionEvent': {
        const info = (p.transactionInfo ?? {}) as Json;
        const token = text(((p.idToken ?? {}) as Json).idToken);
        if (p.eventType === 'Ended') view.transaction = null;
        else if (view.transaction === null || view.transaction.id !== String(info.transactionId)) {
          view.transaction = { id: String(info.transactionId), idTag: token, connector: text(String(((p.evse ?? {}) as Json).id ?? '')), startedAt: text(p.timestamp) ?? ts, meterStartWh: null };
        } else if (token !== null) view.transaction.idTag = token;
        this.readings(view, (p.meterValue ?? []) as Json[], ts);
        return;
      }
    }
  }

  private readings(view: ChargerView, meterValues: Json[], ts: string): void {
    for (const meterValue of Array.isArray(meterValues) ? meterValues : []) {
      if (typeof meterValue !== 'object' || meterValue === null) continue; // the charger's frame, not checked against a schema
      for (const sample of (Array.isArray(meterValue.sampledValue) ? meterValue.sampledValue : []) as Json[]) {
        if (typeof sample !== 'object' || sample === null) continue;
        const raw = typeof sample.value === 'number' ? sample.value : Number(sample.value);
        if (!Number.isFinite(raw)) continue;
        const measurand = text(sample.measurand) ?? 'Energy.Active.Import.Register';
        const unit = text(sample.unit) ?? text(((sample.unitOfMeasure ?? {}) as Json).unit);
        const value = unit === 'kW' || unit === 'kWh' || unit === 'kvar' ? raw * 1000 : raw;
        const phase = text(sample.phase);
        const key = phase === null ? measurand : `${measurand}.${phase}`;
        if (view.readings[key] === undefined && Object.keys(view.readings).length >= MAX_READINGS) continue; // measurand names are the charger's to choose
        view.readings[key] = value;
        view.readingsAt = text(meterValue.timestamp) ?? ts;
        if (measurand === 'Energy.Active.Import.Register' && view.transaction !== null && view.transaction.meterStartWh === null) {
          view.transaction.meterStartWh = value;
        }
      }
    }
  }
}

/** The first schedule period's limit of a SetChargingProfile (1.6 or 2.0.1), and the profile's purpose. */
function firstLimit(p: Json): { value: number; unit: string; purpose: string | null } | null {
  const profiles = p.csChargingProfiles ?? p.chargingProfile;
  const profile = (profiles ?? {}) as Json;
  const schedules = profile.chargingSchedule;
  const schedule = (Array.isArray(schedules) ? schedules[0] : schedules) as Json | undefined;
  const period = (Array.isArray(schedule?.chargingSchedulePeriod) ? schedule!.chargingSchedulePeriod[0] : undefined) as Json | undefined;
  const value = num(period?.limit);
  return value === null ? null : { value, unit: text(schedule?.chargingRateUnit) ?? '?', purpose: text(profile.chargingProfilePurpose) };
}

function payloadOf(raw: string, index: number): Json | null {
  try {
    const frame = JSON.parse(raw) as unknown[];
    const payload = frame[index];
    return typeof payload === 'object' && payload !== null ? (payload as Json) : null;
  } catch {
    return null;
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
