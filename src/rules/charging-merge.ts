// Smart charging with several backends (OCPP 1.6 §3.13 / 2.0.1 K): each upstream's charging profiles
// for one connector and purpose, plus an optional homeowner cap, become ONE schedule for the charger
// whose limit at every moment is the lowest any of them imposes. Pure: time is always passed in.

import type { Payload } from '../ocpp/frame.ts';

export type RateUnit = 'A' | 'W';
export interface Period { startPeriod: number; limit: number; numberPhases?: number }
/** One profile, version-neutral. Times are epoch milliseconds; durations seconds. */
export interface ProfileInput {
  stackLevel: number;
  kind: 'Absolute' | 'Recurring' | 'Relative';
  recurrency?: 'Daily' | 'Weekly';
  validFrom?: number;
  validTo?: number;
  startSchedule?: number;
  duration?: number;
  unit: RateUnit;
  /** startPeriod in seconds from the schedule start, ascending, first is 0. */
  periods: Period[];
}
/** from = upstream name, or 'homeowner'. */
export interface MergeInput { from: string; profiles: ProfileInput[] }
export interface MergeOptions {
  now: number;
  /** Seconds the Absolute output covers, e.g. 86400. */
  horizon: number;
  volts: number;
  /** Phases a period without numberPhases is taken to use (for A ↔ W). */
  phases: number;
  transactionStart?: number | null;
  /** Cap on output periods (default 1024, the 2.0.1 schema maximum); beyond it the duration is cut. */
  maxPeriods?: number;
}
export interface MergedSchedule {
  kind: 'Absolute' | 'Relative';
  /** Absolute: now, floored to the whole second. */
  startSchedule?: number;
  /** Seconds. */
  duration: number;
  unit: RateUnit;
  /** Adjacent equal periods joined; startPeriod ascending from 0. */
  periods: Period[];
  /** Per output period, which input set its limit (same length as periods); '' where none limits. */
  from: string[];
}
export interface Limit { limit: number; unit: RateUnit; numberPhases?: number }

/** The stand-in limit where no input limits (a schedule needs a period at every moment); also the largest sane limit. */
export const UNLIMITED: Readonly<Record<RateUnit, number>> = { A: 1000, W: 1_000_000 };
export const DEFAULT_MAX_PERIODS = 1024;
/** The `from` of an output period no input limits. */
export const NO_LIMIT_FROM = '';

const DAY_MS = 86_400_000;
const KINDS: readonly string[] = ['Absolute', 'Recurring', 'Relative'];

const cycleMs = (p: ProfileInput): number => (p.recurrency === 'Weekly' ? 7 * DAY_MS : DAY_MS);

/** When the repetition in force at t began (Recurring), or the schedule start; null: no start known. */
function scheduleStart(p: ProfileInput, t: number, transactionStart: number | null): number | null {
  if (p.kind === 'Relative') return transactionStart;
  if (p.startSchedule === undefined) return null;
  if (p.kind === 'Absolute') return p.startSchedule;
  // The time of day / week of startSchedule is what recurs (1.6 §7.38), before the anchor as after it.
  const cycle = cycleMs(p);
  return p.startSchedule + Math.floor((t - p.startSchedule) / cycle) * cycle;
}

function periodAt(p: ProfileInput, t: number, transactionStart: number | null): Period | null {
  if (p.validFrom !== undefined && t < p.validFrom) return null;
  if (p.validTo !== undefined && t >= p.validTo) return null;
  const start = scheduleStart(p, t, transactionStart);
  if (start === null || t < start) return null;
  const offset = (t - start) / 1000;
  if (p.duration !== undefined && offset >= p.duration) return null;
  let found: Period | null = null;
  for (const period of p.periods) {
    if (period.startPeriod > offset) break;
    found = period;
  }
  return found;
}

/** The limit an input's profiles impose at t (ms), or null. Relative profiles count from transactionStart (null: not in force). */
export function limitAt(profiles: readonly ProfileInput[], t: number, transactionStart: number | null = null): Limit | null {
  let level = -Infinity;
  let found: Limit | null = null;
  for (const p of profiles) {
    if (p.stackLevel < level) continue;
    const period = periodAt(p, t, transactionStart);
    if (period === null) continue;
    // Equal stack levels: the later profile wins, as a later SetChargingProfile replaces.
    level = p.stackLevel;
    found = { limit: period.limit, unit: p.unit, ...(period.numberPhases !== undefined ? { numberPhases: period.numberPhases } : {}) };
  }
  return found;
}

/** Every moment in [from, to) at which p may change what it imposes, pushed onto out. */
function breakpoints(p: ProfileInput, from: number, to: number, transactionStart: number | null, out: number[]): void {
  for (const t of [p.validFrom, p.validTo]) if (t !== undefined) out.push(t);
  const starts: number[] = [];
  if (p.kind === 'Relative') {
    if (transactionStart !== null) starts.push(transactionStart);
  } else if (p.startSchedule !== undefined) {
    if (p.kind === 'Absolute') starts.push(p.startSchedule);
    else {
      const cycle = cycleMs(p);
      const last = Math.floor((to - p.startSchedule) / cycle);
      for (let k = Math.floor((from - p.startSchedule) / cycle); k <= last; k++) starts.push(p.startSchedule + k * cycle);
    }
  }
  for (const start of starts) {
    for (const period of p.periods) out.push(start + period.startPeriod * 1000);
    if (p.duration !== undefined) out.push(start + p.duration * 1000);
  }
}

function convert(limit: number, from: RateUnit, to: RateUnit, volts: number, phases: number): number {
  if (from === to) return limit;
  return from === 'A' ? limit * volts * phases : limit / (volts * phases);
}

interface Piece { at: number; end: number; limit: number; from: string; numberPhases: number | undefined }

/**
 * The lowest of one moment's limits in `unit`. Phases: the fewest any input allows, and conversions
 * use that count, so the result keeps every input's current, power and phase limit at once.
 */
function lowest(values: readonly (Limit | null)[], unit: RateUnit, options: MergeOptions): { limit: number; index: number; numberPhases: number | undefined } {
  let numberPhases: number | undefined;
  for (const v of values) if (v?.numberPhases !== undefined) numberPhases = Math.min(numberPhases ?? Infinity, v.numberPhases);
  let limit = Infinity;
  let index = -1;
  values.forEach((v, i) => {
    if (v === null) return;
    const converted = convert(v.limit, v.unit, unit, options.volts, numberPhases ?? options.phases);
    if (converted < limit) [limit, index] = [converted, i];
  });
  return { limit: Math.min(limit, UNLIMITED[unit]), index, numberPhases };
}

/** Profiles a charger would refuse or that make no sense never take part (the caller rejects them upstream). */
function usable(inputs: readonly MergeInput[]): MergeInput[] {
  return inputs.map((input) => ({ from: input.from, profiles: input.profiles.filter((p) => invalidProfile(p) === null) }));
}

/** In force at every moment with one limit (the homeowner cap): it does not decide Absolute vs Relative. */
function timeless(input: MergeInput): boolean {
  return input.profiles.every((p) => p.kind === 'Recurring' && p.periods.length === 1 && p.duration === undefined && p.validFrom === undefined && p.validTo === undefined);
}

function allRelative(inputs: readonly MergeInput[]): boolean {
  const timed = inputs.filter((input) => input.profiles.length > 0 && !timeless(input));
  return timed.length > 0 && timed.every((input) => input.profiles.every((p) => p.kind === 'Relative'));
}

/** A Relative output lasts as long as the longest input, or the horizon when one runs without end. */
function relativeDuration(inputs: readonly MergeInput[], horizon: number): number {
  const durations = inputs.flatMap((input) => input.profiles.filter((p) => p.kind === 'Relative').map((p) => p.duration));
  return durations.every((d) => d !== undefined) ? Math.ceil(Math.max(...durations)) : Math.floor(horizon);
}

/**
 * Pieces (ms offsets) onto whole seconds, as startPeriod is an integer: each second-aligned interval
 * gets the lowest limit of any piece overlapping it, so no rounding of time ever raises a limit.
 */
function onSeconds(pieces: readonly Piece[], duration: number): Piece[] {
  const cuts = new Set<number>([0]);
  for (const piece of pieces) cuts.add(Math.floor(piece.at / 1000)).add(Math.ceil(piece.at / 1000));
  const sorted = [...cuts].filter((s) => s >= 0 && s < duration).sort((a, b) => a - b);
  const out: Piece[] = [];
  let first = 0;
  sorted.forEach((at, k) => {
    const end = sorted[k + 1] ?? duration;
    while (pieces[first]!.end <= at * 1000) first++;
    let best = pieces[first]!;
    let numberPhases = best.numberPhases;
    for (let i = first + 1; i < pieces.length && pieces[i]!.at < end * 1000; i++) {
      const piece = pieces[i]!;
      if (piece.limit < best.limit) best = piece;
      if (piece.numberPhases !== undefined) numberPhases = Math.min(numberPhases ?? Infinity, piece.numberPhases);
    }
    out.push({ at, end, limit: best.limit, from: best.from, numberPhases });
  });
  return out;
}

/** Down to what the unit is sent in (0.1 A, 1 W); the epsilon keeps 16.3 from becoming 16.2. */
function roundDown(limit: number, unit: RateUnit): number {
  return unit === 'A' ? Math.floor(limit * 10 + 1e-9) / 10 : Math.floor(limit + 1e-9);
}

/** The one schedule for the charger: at each moment the lowest limit of any input; null when none limits in the horizon. */
export function mergeSchedules(inputs: readonly MergeInput[], options: MergeOptions): MergedSchedule | null {
  const valid = usable(inputs);
  const relative = allRelative(valid);
  // Whole seconds keep startSchedule free of fractions some chargers cannot parse; onSeconds stays safe.
  const origin = relative ? (options.transactionStart ?? options.now) : Math.floor(options.now / 1000) * 1000;
  const transactionStart = relative ? origin : (options.transactionStart ?? null);
  const duration = relative ? relativeDuration(valid, options.horizon) : Math.floor(options.horizon);
  if (!(duration > 0)) return null;
  const end = origin + duration * 1000;
  const points = [origin];
  for (const input of valid) for (const p of input.profiles) breakpoints(p, origin, end, transactionStart, points);
  const starts = [...new Set(points)].filter((t) => t >= origin && t < end).sort((a, b) => a - b);
  const values = starts.map((t) => valid.map((input) => limitAt(input.profiles, t, transactionStart)));
  const first = values.find((row) => row.some((v) => v !== null));
  if (first === undefined) return null;
  // The unit of whichever input is lowest at the start (compared as power); ties: the earlier input.
  const unit = first[lowest(first, 'W', options).index]!.unit;
  const pieces = values.map((row, k): Piece => {
    const low = lowest(row, unit, options);
    const from = low.index < 0 ? NO_LIMIT_FROM : valid[low.index]!.from;
    return { at: starts[k]! - origin, end: (starts[k + 1] ?? end) - origin, limit: low.limit, from, numberPhases: low.numberPhases };
  });
  const periods: Period[] = [];
  const from: string[] = [];
  for (const piece of onSeconds(pieces, duration)) {
    const limit = roundDown(piece.limit, unit);
    const last = periods.at(-1);
    if (last !== undefined && last.limit === limit && last.numberPhases === piece.numberPhases) continue;
    periods.push({ startPeriod: piece.at, limit, ...(piece.numberPhases !== undefined ? { numberPhases: piece.numberPhases } : {}) });
    from.push(piece.from);
  }
  const max = Math.max(1, options.maxPeriods ?? DEFAULT_MAX_PERIODS);
  // Too many periods: end where the first dropped one begins; the caller re-installs before then.
  const cut = periods.length > max ? periods[max]!.startPeriod : duration;
  return {
    kind: relative ? 'Relative' : 'Absolute',
    ...(relative ? {} : { startSchedule: origin }),
    duration: cut,
    unit,
    periods: periods.slice(0, max),
    from: from.slice(0, max),
  };
}

/** A merged schedule as a profile, to evaluate it with limitAt (Relative: transactionStart 0 puts t on its own axis). */
export function mergedAsProfile(m: MergedSchedule, stackLevel = 0): ProfileInput {
  return {
    stackLevel,
    kind: m.kind,
    ...(m.kind === 'Absolute' ? { startSchedule: m.startSchedule ?? 0 } : {}),
    duration: m.duration,
    unit: m.unit,
    periods: m.periods,
  };
}

/**
 * Same limit (and numberPhases) at every moment both cover, from the later start to the earlier end:
 * a horizon that slid on is not a change (the caller re-installs before the end anyway). `from` is
 * not compared; different units compare only when `convertWith` gives the volts and default phases.
 */
export function sameSchedule(a: MergedSchedule | null, b: MergedSchedule | null, convertWith?: { volts: number; phases: number }): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  const profiles = [mergedAsProfile(a), mergedAsProfile(b)] as const;
  const from = a.kind === 'Absolute' ? Math.max(a.startSchedule ?? 0, b.startSchedule ?? 0) : 0;
  const until = Math.min(...profiles.map((p) => (p.startSchedule ?? 0) + p.duration! * 1000));
  const points = [from];
  for (const p of profiles) breakpoints(p, from, until, 0, points);
  for (const t of points) {
    if (t < from || t >= until) continue;
    const x = limitAt([profiles[0]], t, 0);
    const y = limitAt([profiles[1]], t, 0);
    if (x === null || y === null) {
      if (x !== y) return false;
      continue;
    }
    if (x.numberPhases !== y.numberPhases) return false;
    if (x.unit !== y.unit && convertWith === undefined) return false;
    const phases = x.numberPhases ?? convertWith?.phases ?? 1;
    const other = convert(y.limit, y.unit, x.unit, convertWith?.volts ?? 1, phases);
    if (Math.abs(x.limit - other) > 1e-6 * Math.max(1, Math.abs(x.limit))) return false;
  }
  return true;
}

/** The homeowner cap as an input: one limit at every moment, whatever the kind of the others. */
export function homeownerCap(limit: number, unit: RateUnit, numberPhases?: number): MergeInput {
  const period: Period = { startPeriod: 0, limit, ...(numberPhases !== undefined ? { numberPhases } : {}) };
  return { from: 'homeowner', profiles: [{ stackLevel: 0, kind: 'Recurring', recurrency: 'Daily', startSchedule: 0, unit, periods: [period] }] };
}

const isObject = (value: unknown): value is Payload => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A required number; anything else becomes NaN so that invalidProfile names it. */
const num = (value: unknown): number => (typeof value === 'number' ? value : NaN);

/** An optional date-time: absent stays undefined, unparsable becomes NaN. */
function time(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? Date.parse(value) : NaN;
}

function periodsOf(value: unknown): Period[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: unknown) => {
    const period = isObject(item) ? item : {};
    const numberPhases = period.numberPhases === undefined ? undefined : num(period.numberPhases);
    return { startPeriod: num(period.startPeriod), limit: num(period.limit), ...(numberPhases !== undefined ? { numberPhases } : {}) };
  });
}

function profileFrom(p: Payload, schedule: Payload, now: number): ProfileInput {
  const kind = p.chargingProfileKind as ProfileInput['kind'];
  // Absolute / Recurring without startSchedule: from the moment it was received.
  const startSchedule = time(schedule.startSchedule) ?? (kind === 'Relative' ? undefined : now);
  const optional = {
    recurrency: p.recurrencyKind as ProfileInput['recurrency'],
    validFrom: time(p.validFrom),
    validTo: time(p.validTo),
    startSchedule,
    duration: schedule.duration === undefined ? undefined : num(schedule.duration),
  };
  const out: ProfileInput = { stackLevel: num(p.stackLevel), kind, unit: schedule.chargingRateUnit as RateUnit, periods: periodsOf(schedule.chargingSchedulePeriod) };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(out, { [key]: value });
  return out;
}

/** A 1.6 csChargingProfiles object; `now` stands in for a missing startSchedule. */
export function profileFrom16(cs: Payload, now: number): ProfileInput {
  return profileFrom(cs, isObject(cs.chargingSchedule) ? cs.chargingSchedule : {}, now);
}

/** A 2.0.1 chargingProfile object; only chargingSchedule[0] counts (the others are for ISO 15118 choices). */
export function profileFrom201(p: Payload, now: number): ProfileInput {
  const schedules = Array.isArray(p.chargingSchedule) ? (p.chargingSchedule as unknown[]) : [];
  return profileFrom(p, isObject(schedules[0]) ? schedules[0] : {}, now);
}

/** Why a profile cannot take part, or null when it is fine. */
export function invalidProfile(p: ProfileInput): string | null {
  if (!Number.isInteger(p.stackLevel) || p.stackLevel < 0) return 'bad stackLevel';
  if (!KINDS.includes(p.kind)) return 'unknown chargingProfileKind';
  if (p.unit !== 'A' && p.unit !== 'W') return 'unknown chargingRateUnit';
  for (const key of ['validFrom', 'validTo', 'startSchedule'] as const) {
    const value = p[key];
    if (value !== undefined && !Number.isFinite(value)) return `bad ${key}`;
  }
  if (p.validFrom !== undefined && p.validTo !== undefined && p.validTo <= p.validFrom) return 'validTo is not after validFrom';
  // Schedules count in whole seconds of a 32-bit integer (1.6 `duration`, `startPeriod`).
  if (p.duration !== undefined && !(Number.isFinite(p.duration) && p.duration > 0 && p.duration <= 2_147_483_647)) return 'bad duration';
  if (p.kind === 'Relative' && p.startSchedule !== undefined) return 'Relative needs no startSchedule';
  if (p.kind !== 'Relative' && p.startSchedule === undefined) return `${p.kind} needs startSchedule`;
  if (p.kind === 'Recurring' && p.recurrency !== 'Daily' && p.recurrency !== 'Weekly') return 'Recurring needs recurrencyKind Daily or Weekly';
  if (p.periods.length === 0) return 'no periods';
  if (p.periods[0]!.startPeriod !== 0) return 'periods do not start at 0';
  let previous = -1;
  for (const period of p.periods) {
    if (!Number.isInteger(period.startPeriod)) return 'bad startPeriod';
    if (period.startPeriod <= previous) return 'periods overlap or are not ascending';
    previous = period.startPeriod;
    if (!Number.isFinite(period.limit)) return 'bad limit';
    if (period.limit < 0) return 'negative limit';
    if (period.limit > UNLIMITED[p.unit]) return 'absurd limit';
    if (period.numberPhases !== undefined && !(Number.isInteger(period.numberPhases) && period.numberPhases >= 1 && period.numberPhases <= 3)) return 'bad numberPhases';
  }
  if (p.kind === 'Recurring' && previous * 1000 >= cycleMs(p)) return 'a period starts after the recurrence repeats';
  return null;
}

function periodsOut(m: MergedSchedule): Payload[] {
  return m.periods.map((p) => ({ startPeriod: p.startPeriod, limit: p.limit, ...(p.numberPhases !== undefined ? { numberPhases: p.numberPhases } : {}) }));
}

function startOut(m: MergedSchedule): Payload {
  return m.kind === 'Absolute' && m.startSchedule !== undefined ? { startSchedule: new Date(m.startSchedule).toISOString() } : {};
}

/** A 1.6 csChargingProfiles object for SetChargingProfile. */
export function render16(m: MergedSchedule, id: number, stackLevel: number, purpose: string, transactionId?: number): Payload {
  return {
    chargingProfileId: id,
    ...(transactionId !== undefined ? { transactionId } : {}),
    stackLevel,
    chargingProfilePurpose: purpose,
    chargingProfileKind: m.kind,
    chargingSchedule: { duration: m.duration, ...startOut(m), chargingRateUnit: m.unit, chargingSchedulePeriod: periodsOut(m) },
  };
}

/** A 2.0.1 chargingProfile object for SetChargingProfile. */
export function render201(m: MergedSchedule, id: number, stackLevel: number, purpose: string, transactionId?: string): Payload {
  return {
    id,
    stackLevel,
    chargingProfilePurpose: purpose,
    chargingProfileKind: m.kind,
    ...(transactionId !== undefined ? { transactionId } : {}),
    chargingSchedule: [{ id: 1, ...startOut(m), duration: m.duration, chargingRateUnit: m.unit, chargingSchedulePeriod: periodsOut(m) }],
  };
}
