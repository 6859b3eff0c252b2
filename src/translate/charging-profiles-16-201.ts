// Helpers for translating 1.6 Calls to 2.0.1: checking payload fields, and charging profiles and
// composite schedules between the two versions (smart charging). Pure, never throws.

import type { Payload } from '../ocpp/frame.ts';
import { wireTable } from '../ocpp/wire-table.ts';

/** Why a 1.6 payload cannot be translated; the 1.6 CallError code to answer with. */
export interface Problem { error: 'FormationViolation' | 'PropertyConstraintViolation'; description: string }

export const formation = (description: string): Problem => ({ error: 'FormationViolation', description });
export const constraint = (description: string): Problem => ({ error: 'PropertyConstraintViolation', description });

export function isObject(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isInt = (value: unknown): value is number => Number.isSafeInteger(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isDate = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** What a field must hold: a JSON type, a date-time string, or one of a list of strings. */
export type Field = 'int' | 'number' | 'string' | 'date' | 'object' | 'array' | readonly string[];

function fieldProblem(name: string, value: unknown, field: Field): Problem | null {
  if (typeof field !== 'string') {
    if (typeof value !== 'string') return formation(`${name} must be a string`);
    return field.includes(value) ? null : constraint(`${name} must be one of ${field.join(', ')}`);
  }
  const ok =
    field === 'int' ? isInt(value)
    : field === 'number' ? isNumber(value)
    : field === 'string' ? typeof value === 'string'
    : field === 'date' ? isDate(value)
    : field === 'object' ? isObject(value)
    : Array.isArray(value);
  const what = { int: 'an integer', number: 'a number', string: 'a string', date: 'a date-time', object: 'an object', array: 'an array' }[field];
  return ok ? null : formation(`${name} must be ${what}`);
}

/** The first problem with `payload`'s fields: a required one missing, or one of the wrong kind. Extra fields are ignored. */
export function checkFields(payload: Payload, required: Record<string, Field>, optional: Record<string, Field> = {}): Problem | null {
  for (const [name, field] of Object.entries(required)) {
    if (payload[name] === undefined) return formation(`${name} is missing`);
    const problem = fieldProblem(name, payload[name], field);
    if (problem) return problem;
  }
  for (const [name, field] of Object.entries(optional)) {
    const problem = payload[name] === undefined ? null : fieldProblem(name, payload[name], field);
    if (problem) return problem;
  }
  return null;
}

/** A string field longer than the schemas allow. */
export function tooLong(payload: Payload, name: string, max: number): Problem | null {
  const value = payload[name];
  return typeof value === 'string' && value.length > max ? formation(`${name} is longer than ${max} characters`) : null;
}

/** 1.6 chargingProfilePurpose → 2.0.1; 2.0.1 renamed the station-wide maximum. */
export const PURPOSE_16_TO_201: Readonly<Record<string, string>> = wireTable({
  ChargePointMaxProfile: 'ChargingStationMaxProfile',
  TxDefaultProfile: 'TxDefaultProfile',
  TxProfile: 'TxProfile',
});
const PURPOSES_16 = Object.keys(PURPOSE_16_TO_201);
const KINDS = ['Absolute', 'Recurring', 'Relative'];
const RECURRENCIES = ['Daily', 'Weekly'];
const UNITS = ['A', 'W'];
/** 2.0.1 allows 1..1024 periods per schedule. */
const MAX_PERIODS = 1024;

/** Copies the fields of `from` that are set, in order, leaving out the absent ones. */
function present(from: Payload, names: readonly string[]): Payload {
  const out: Payload = {};
  for (const name of names) if (from[name] !== undefined) out[name] = from[name];
  return out;
}

function periodProblem(period: unknown, index: number): Problem | null {
  const name = `chargingSchedulePeriod[${index}]`;
  if (!isObject(period)) return formation(`${name} must be an object`);
  const problem = checkFields(period, { startPeriod: 'int', limit: 'number' }, { numberPhases: 'int' });
  return problem && { ...problem, description: `${name}: ${problem.description}` };
}

/**
 * A 1.6 ChargingProfile (csChargingProfiles, or RemoteStartTransaction's chargingProfile) → the
 * 2.0.1 ChargingProfileType, without transactionId (the caller adds it for a TxProfile: 1.6 has
 * an integer, 2.0.1 the charger's string). The 1.6 schedule becomes a list of one schedule.
 */
export function profile16To201(cs: unknown): { profile: Payload } | Problem {
  if (!isObject(cs)) return formation('the charging profile must be an object');
  const problem = checkFields(
    cs,
    { chargingProfileId: 'int', stackLevel: 'int', chargingProfilePurpose: PURPOSES_16, chargingProfileKind: KINDS, chargingSchedule: 'object' },
    { transactionId: 'int', recurrencyKind: RECURRENCIES, validFrom: 'date', validTo: 'date' },
  );
  if (problem) return problem;
  if ((cs.stackLevel as number) < 0) return constraint('stackLevel must not be negative');
  const schedule = cs.chargingSchedule as Payload;
  const scheduleProblem = checkFields(
    schedule,
    { chargingRateUnit: UNITS, chargingSchedulePeriod: 'array' },
    { duration: 'int', startSchedule: 'date', minChargingRate: 'number' },
  );
  if (scheduleProblem) return { ...scheduleProblem, description: `chargingSchedule: ${scheduleProblem.description}` };
  const periods16 = schedule.chargingSchedulePeriod as unknown[];
  if (periods16.length === 0 || periods16.length > MAX_PERIODS) {
    return constraint(`chargingSchedule must have 1 to ${MAX_PERIODS} periods`);
  }
  const periods: Payload[] = [];
  for (const [index, period] of periods16.entries()) {
    const periodIssue = periodProblem(period, index);
    if (periodIssue) return periodIssue;
    periods.push(present(period as Payload, ['startPeriod', 'limit', 'numberPhases']));
  }
  const profile: Payload = {
    id: cs.chargingProfileId,
    stackLevel: cs.stackLevel,
    chargingProfilePurpose: PURPOSE_16_TO_201[cs.chargingProfilePurpose as string],
    ...present(cs, ['chargingProfileKind', 'recurrencyKind', 'validFrom', 'validTo']),
    chargingSchedule: [{
      // 2.0.1 schedules need an id; the profile's own id keeps them apart across profiles.
      id: cs.chargingProfileId,
      ...present(schedule, ['startSchedule', 'duration', 'chargingRateUnit']),
      chargingSchedulePeriod: periods,
      ...present(schedule, ['minChargingRate']),
    }],
  };
  return { profile };
}

/** 1.6 limits and minChargingRate allow one decimal (multipleOf 0.1). */
const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

/**
 * The schedule of a 2.0.1 GetCompositeSchedule answer → the 1.6 answer's connectorId,
 * scheduleStart and chargingSchedule; null when it is malformed. phaseToUse has no 1.6 field.
 */
export function composite201To16(schedule: unknown): Payload | null {
  if (!isObject(schedule)) return null;
  const problem = checkFields(schedule, { evseId: 'int', duration: 'int', scheduleStart: 'date', chargingRateUnit: UNITS, chargingSchedulePeriod: 'array' });
  if (problem) return null;
  const periods: Payload[] = [];
  for (const period of schedule.chargingSchedulePeriod as unknown[]) {
    if (!isObject(period) || checkFields(period, { startPeriod: 'int', limit: 'number' }, { numberPhases: 'int' })) return null;
    periods.push({ startPeriod: period.startPeriod, limit: oneDecimal(period.limit as number), ...present(period, ['numberPhases']) });
  }
  if (periods.length === 0) return null;
  return {
    connectorId: schedule.evseId,
    scheduleStart: schedule.scheduleStart,
    chargingSchedule: { duration: schedule.duration, chargingRateUnit: schedule.chargingRateUnit, chargingSchedulePeriod: periods },
  };
}
