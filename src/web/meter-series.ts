// The sessions' charts: as the charger's meter values pass (1.6 MeterValues, StartTransaction,
// StopTransaction; 2.0.1+ TransactionEvent), one compact point per sample time and session —
// power (W), the energy register (Wh), the current per phase (A) — is kept in memory and
// written to the state store in one batch every few seconds and when a session ends, never
// while the frame is being forwarded. Each session's series is thinned past a bound.

import type { Logger } from '../log/console-log.ts';
import type { MessageLogEntry } from '../log/message-log.ts';
import type { MeterSample, Store } from '../store/store.ts';

type Json = Record<string, unknown>;

export const FLUSH_INTERVAL_MS = 5000;
/** Points kept per session; beyond, the series keeps its shape at a coarser step. */
export const MAX_POINTS_PER_SESSION = 1000;
/** Series older than this are dropped (checked once an hour). */
export const KEEP_DAYS = 400;
/** Points waiting for a write; if the database cannot take them, the oldest go. */
const MAX_PENDING = 20_000;
const MAX_OPEN_STARTS = 100;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

const SERIES_ACTIONS = new Set(['MeterValues', 'StartTransaction', 'StopTransaction', 'TransactionEvent']);

export class MeterSeriesRecorder {
  private readonly store: Store | null;
  private readonly currentTx: (charger: string) => string | null;
  private readonly logger: Logger;
  private pending: MeterSample[] = [];
  /** The last charger Call folded in per charger: a Call logged once per hop is read once. */
  private readonly lastCall = new Map<string, string>();
  /** 1.6 StartTransaction Calls waiting for the transaction id in their answer: `charger|id`. */
  private readonly openStarts = new Map<string, { at: number; energyWh: number | null }>();
  private timer: NodeJS.Timeout | null = null;
  private lastPrune = 0;
  private failing = false;

  /** `currentTx`: the transaction running on a charger, for MeterValues that name none. */
  constructor(store: Store | null, currentTx: (charger: string) => string | null, logger: Logger) {
    this.store = store;
    this.currentTx = currentTx;
    this.logger = logger;
  }

  observe(entry: MessageLogEntry): void {
    if (this.store === null || entry.action === null || !SERIES_ACTIONS.has(entry.action)) return;
    if (entry.from === 'charger' && entry.type === 'CALL') {
      if (this.lastCall.get(entry.charger) === entry.id) return;
      this.lastCall.set(entry.charger, entry.id!);
      if (this.lastCall.size > 10_000) this.lastCall.delete(this.lastCall.keys().next().value!);
      const payload = payloadOf(entry.raw, 3);
      if (payload !== null) this.chargerCall(entry, entry.action, payload);
    } else if (entry.to === 'charger' && entry.type === 'CALLRESULT' && entry.action === 'StartTransaction') {
      const start = this.openStarts.get(`${entry.charger}|${entry.id}`);
      const payload = payloadOf(entry.raw, 2);
      if (start === undefined || payload === null || payload.transactionId === undefined) return;
      this.openStarts.delete(`${entry.charger}|${entry.id}`);
      this.add(entry.charger, String(payload.transactionId), { at: start.at, powerW: null, energyWh: start.energyWh, currentL1: null, currentL2: null, currentL3: null });
    }
  }

  /** A session's series, oldest first: what is stored and what still waits to be. */
  series(charger: string, chargerTx: string, from = 0, to = Number.MAX_SAFE_INTEGER): MeterSample[] {
    if (this.store === null) return [];
    let stored: MeterSample[] = [];
    try {
      stored = this.store.history.meterSamples(charger, chargerTx, from, to);
    } catch (error) {
      this.logger.error(`web: meter series of ${charger} ${chargerTx} not read: ${(error as Error).message}`);
    }
    const waiting = this.pending.filter((s) => s.charger === charger && s.chargerTx === chargerTx && s.at >= from && s.at <= to);
    if (waiting.length === 0) return stored;
    const byTime = new Map(stored.map((s) => [s.at, s]));
    for (const s of waiting) byTime.set(s.at, mergeSample(byTime.get(s.at), s));
    return [...byTime.values()].sort((a, b) => a.at - b.at);
  }

  /** Writes what waits in one transaction, thins the sessions it touched, now and then drops old series. */
  flush(now = Date.now()): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.store === null || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.store.history.addMeterSamples(batch);
      const touched = new Map(batch.map((s) => [`${s.charger}\u0000${s.chargerTx}`, s]));
      for (const s of touched.values()) this.store.history.thinMeterSamples(s.charger, s.chargerTx, MAX_POINTS_PER_SESSION);
      if (now - this.lastPrune > PRUNE_EVERY_MS) {
        this.lastPrune = now;
        this.store.history.pruneMeterSamples(now - KEEP_DAYS * 86_400_000);
      }
      this.failing = false;
    } catch (error) {
      // Kept for the next try; a database that stays unwritable loses the oldest points, not the proxy.
      this.pending = batch.concat(this.pending).slice(-MAX_PENDING);
      if (!this.failing) this.logger.error(`web: meter series not written (retried): ${(error as Error).message}`);
      this.failing = true;
      this.schedule(FLUSH_INTERVAL_MS);
    }
  }

  close(): void {
    this.flush();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private chargerCall(entry: MessageLogEntry, action: string, p: Json): void {
    const at = timeOf(p.timestamp, entry.ts);
    switch (action) {
      case 'StartTransaction':
        this.openStarts.set(`${entry.charger}|${entry.id}`, { at, energyWh: num(p.meterStart) });
        if (this.openStarts.size > MAX_OPEN_STARTS) this.openStarts.delete(this.openStarts.keys().next().value!);
        return;
      case 'MeterValues': {
        const tx = p.transactionId === undefined || p.transactionId === null ? this.currentTx(entry.charger) : String(p.transactionId);
        if (tx !== null) this.meterValues(entry, tx, p.meterValue);
        return;
      }
      case 'StopTransaction': {
        const tx = String(p.transactionId);
        this.meterValues(entry, tx, p.transactionData);
        const energyWh = num(p.meterStop);
        if (energyWh !== null) this.add(entry.charger, tx, { at, powerW: null, energyWh, currentL1: null, currentL2: null, currentL3: null });
        this.flushSoon();
        return;
      }
      case 'TransactionEvent': {
        const info = (p.transactionInfo ?? {}) as Json;
        if (info.transactionId === undefined) return;
        this.meterValues(entry, String(info.transactionId), p.meterValue);
        if (p.eventType === 'Ended') this.flushSoon();
        return;
      }
    }
  }

  private meterValues(entry: MessageLogEntry, chargerTx: string, meterValues: unknown): void {
    if (!Array.isArray(meterValues)) return;
    for (const meterValue of meterValues as Json[]) {
      const point = pointOf(meterValue);
      if (point !== null) this.add(entry.charger, chargerTx, { ...point, at: timeOf(meterValue?.timestamp, entry.ts) });
    }
  }

  private add(charger: string, chargerTx: string, point: Omit<MeterSample, 'charger' | 'chargerTx'>): void {
    this.pending.push({ charger, chargerTx, ...point });
    if (this.pending.length > MAX_PENDING) this.pending.shift();
    this.schedule(FLUSH_INTERVAL_MS);
  }

  /** A session ended: its last points are written once the frame has gone on. */
  private flushSoon(): void {
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer !== null && ms > 0) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), ms);
    this.timer.unref();
  }
}

/** Power, energy and phase currents of one meterValue element (1.6 or 2.0.1), or null when it has none. */
export function pointOf(meterValue: Json | null | undefined): Omit<MeterSample, 'charger' | 'chargerTx' | 'at'> | null {
  const samples = meterValue?.sampledValue;
  if (!Array.isArray(samples)) return null;
  let powerW: number | null = null;
  let energyWh: number | null = null;
  let phasePower: number | null = null;
  let phaseEnergy: number | null = null;
  const current: Array<number | null> = [null, null, null];
  for (const sample of samples as Json[]) {
    if (typeof sample !== 'object' || sample === null) continue;
    if (sample.location === 'EV') continue; // what the car reports is not the meter
    const value = valueOf(sample);
    if (value === null) continue;
    const measurand = typeof sample.measurand === 'string' ? sample.measurand : 'Energy.Active.Import.Register';
    const phase = typeof sample.phase === 'string' ? sample.phase : null;
    if (measurand === 'Power.Active.Import') {
      if (phase === null) powerW = value;
      else if (/^L\d(-N)?$/.test(phase)) phasePower = (phasePower ?? 0) + value;
    } else if (measurand === 'Energy.Active.Import.Register') {
      if (phase === null) energyWh = value;
      else if (/^L\d(-N)?$/.test(phase)) phaseEnergy = (phaseEnergy ?? 0) + value;
    } else if (measurand === 'Current.Import') {
      const line = phase === null ? 1 : Number(/^L([123])(-N)?$/.exec(phase)?.[1] ?? 0);
      if (line >= 1 && line <= 3) current[line - 1] = value;
    }
  }
  const point = { powerW: powerW ?? phasePower, energyWh: energyWh ?? phaseEnergy, currentL1: current[0]!, currentL2: current[1]!, currentL3: current[2]! };
  return Object.values(point).every((v) => v === null) ? null : point;
}

/** A sampled value in W, Wh or A: 1.6 `unit` (kW, kWh), 2.0.1 `unitOfMeasure` with its multiplier. */
function valueOf(sample: Json): number | null {
  const raw = typeof sample.value === 'number' ? sample.value : typeof sample.value === 'string' ? Number(sample.value) : NaN;
  if (!Number.isFinite(raw)) return null;
  const measure = (sample.unitOfMeasure ?? {}) as Json;
  const unit = typeof sample.unit === 'string' ? sample.unit : typeof measure.unit === 'string' ? measure.unit : null;
  const multiplier = typeof measure.multiplier === 'number' && Number.isInteger(measure.multiplier) ? 10 ** measure.multiplier : 1;
  const kilo = unit === 'kW' || unit === 'kWh' ? 1000 : 1;
  return raw * multiplier * kilo;
}

function mergeSample(older: MeterSample | undefined, newer: MeterSample): MeterSample {
  if (older === undefined) return newer;
  return {
    ...newer,
    powerW: newer.powerW ?? older.powerW,
    energyWh: newer.energyWh ?? older.energyWh,
    currentL1: newer.currentL1 ?? older.currentL1,
    currentL2: newer.currentL2 ?? older.currentL2,
    currentL3: newer.currentL3 ?? older.currentL3,
  };
}

function timeOf(value: unknown, fallback: string): number {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(at) ? at : Date.parse(fallback);
}

function payloadOf(raw: string, index: number): Json | null {
  try {
    const frame = JSON.parse(raw) as unknown[];
    const payload = frame[index];
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Json) : null;
  } catch {
    return null;
  }
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
