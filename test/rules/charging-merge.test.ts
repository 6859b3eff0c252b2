// Charging-profile merge: hand-computed schedules, spec payloads validated by ocpp-rpc's own
// schemas, and properties: the merged limit is the minimum of the upstreams' limits at every moment.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { createValidator } from 'ocpp-rpc';
import {
  UNLIMITED,
  homeownerCap,
  invalidProfile,
  limitAt,
  mergeSchedules,
  mergedAsProfile,
  profileFrom16,
  profileFrom201,
  render16,
  render201,
  sameSchedule,
  type MergeInput,
  type MergeOptions,
  type MergedSchedule,
  type Period,
  type ProfileInput,
} from '../../src/rules/charging-merge.ts';

const require = createRequire(import.meta.url);
const NOW = Date.parse('2026-03-06T12:00:00Z'); // a Friday
const H = 3_600_000;
const OPTIONS: MergeOptions = { now: NOW, horizon: 86400, volts: 230, phases: 3 };

function flat(limit: number, extra: Partial<ProfileInput> = {}): ProfileInput {
  return { stackLevel: 0, kind: 'Absolute', startSchedule: NOW - H, unit: 'A', periods: [{ startPeriod: 0, limit }], ...extra };
}
function input(from: string, ...profiles: ProfileInput[]): MergeInput {
  return { from, profiles };
}
function merge(inputs: MergeInput[], options: Partial<MergeOptions> = {}): MergedSchedule | null {
  return mergeSchedules(inputs, { ...OPTIONS, ...options });
}
/** Periods and attribution, the part hand computation checks. */
function shape(m: MergedSchedule | null): { periods: Period[]; from: string[] } | null {
  return m && { periods: m.periods, from: m.from };
}

test('two flat Absolute inputs: one period at the lower limit, from its upstream', () => {
  const m = merge([input('a', flat(16)), input('b', flat(10))]);
  assert.deepEqual(m, { kind: 'Absolute', startSchedule: NOW, duration: 86400, unit: 'A', periods: [{ startPeriod: 0, limit: 10 }], from: ['b'] });
});

test('time-varying: the lower input changes over time', () => {
  const a = flat(0, { startSchedule: NOW, periods: [{ startPeriod: 0, limit: 16 }, { startPeriod: 3600, limit: 32 }] });
  assert.deepEqual(shape(merge([input('a', a), input('b', flat(20))])), {
    periods: [{ startPeriod: 0, limit: 16 }, { startPeriod: 3600, limit: 20 }],
    from: ['a', 'b'],
  });
});

test('per upstream the highest stackLevel in force wins; equal levels: the later profile', () => {
  const low = flat(32);
  const high = flat(8, { stackLevel: 1, validTo: NOW + H });
  const expected = { periods: [{ startPeriod: 0, limit: 8 }, { startPeriod: 3600, limit: 32 }], from: ['a', 'a'] };
  assert.deepEqual(shape(merge([input('a', low, high)])), expected);
  assert.deepEqual(shape(merge([input('a', high, low)])), expected);
  assert.deepEqual(limitAt([flat(10), flat(20)], NOW), { limit: 20, unit: 'A' });
  assert.deepEqual(limitAt([flat(20), flat(10)], NOW), { limit: 10, unit: 'A' });
  // A higher level not in force does not hide a lower one.
  assert.deepEqual(limitAt([flat(10), flat(6, { stackLevel: 5, validFrom: NOW + H })], NOW), { limit: 10, unit: 'A' });
});

test('validFrom / validTo bound a profile; outside every input the UNLIMITED stand-in fills in', () => {
  const expiring = flat(10, { validTo: NOW + 2 * H });
  assert.deepEqual(shape(merge([input('a', expiring), input('b', flat(20))])), {
    periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 7200, limit: 20 }],
    from: ['a', 'b'],
  });
  const window = flat(10, { validFrom: NOW + H, validTo: NOW + 2 * H });
  assert.deepEqual(shape(merge([input('a', window)])), {
    periods: [{ startPeriod: 0, limit: UNLIMITED.A }, { startPeriod: 3600, limit: 10 }, { startPeriod: 7200, limit: UNLIMITED.A }],
    from: ['', 'a', ''],
  });
  // An Absolute schedule ends with its duration.
  assert.deepEqual(shape(merge([input('a', flat(10, { startSchedule: NOW, duration: 600 })), input('b', flat(12))])), {
    periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 600, limit: 12 }],
    from: ['a', 'b'],
  });
});

test('nothing limiting anywhere in the horizon gives null', () => {
  assert.equal(merge([]), null);
  assert.equal(merge([input('a')]), null);
  assert.equal(merge([input('a', flat(10, { validTo: NOW }))]), null);
  assert.equal(merge([input('a', flat(10, { startSchedule: NOW + 90_000 * 1000 }))]), null);
  // A Relative profile with an Absolute one and no transaction: never in force.
  assert.deepEqual(shape(merge([input('a', flat(10, { kind: 'Relative', startSchedule: undefined })), input('b', flat(20))])), { periods: [{ startPeriod: 0, limit: 20 }], from: ['b'] });
});

test('Daily recurrence crossing midnight; Daily with a duration', () => {
  const now = Date.parse('2026-03-06T20:00:00Z');
  const night: ProfileInput = {
    stackLevel: 0, kind: 'Recurring', recurrency: 'Daily', startSchedule: Date.parse('2026-03-01T00:00:00Z'), unit: 'A',
    periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 6 * 3600, limit: 32 }, { startPeriod: 22 * 3600, limit: 10 }],
  };
  // 20:00–22:00 32 A, 22:00–06:00 10 A across midnight (joined), 06:00–20:00 32 A.
  assert.deepEqual(shape(merge([input('house', night)], { now })), {
    periods: [{ startPeriod: 0, limit: 32 }, { startPeriod: 7200, limit: 10 }, { startPeriod: 36000, limit: 32 }],
    from: ['house', 'house', 'house'],
  });
  const evening: ProfileInput = { stackLevel: 0, kind: 'Recurring', recurrency: 'Daily', startSchedule: Date.parse('2026-03-01T18:00:00Z'), duration: 4 * 3600, unit: 'A', periods: [{ startPeriod: 0, limit: 10 }] };
  assert.deepEqual(shape(merge([input('a', evening), input('b', flat(32))])), {
    periods: [{ startPeriod: 0, limit: 32 }, { startPeriod: 6 * 3600, limit: 10 }, { startPeriod: 10 * 3600, limit: 32 }],
    from: ['b', 'a', 'b'],
  });
});

test('Weekly recurrence: the weekday of startSchedule recurs, even when the anchor is later', () => {
  const week = (anchor: string): ProfileInput => ({
    stackLevel: 0, kind: 'Recurring', recurrency: 'Weekly', startSchedule: Date.parse(anchor), unit: 'A',
    periods: [{ startPeriod: 0, limit: 16 }, { startPeriod: 5 * 86400, limit: 32 }],
  });
  const expected = { periods: [{ startPeriod: 0, limit: 16 }, { startPeriod: 43200, limit: 32 }], from: ['w', 'w'] };
  assert.deepEqual(shape(merge([input('w', week('2026-03-02T00:00:00Z'))])), expected); // Monday
  assert.deepEqual(shape(merge([input('w', week('2026-03-09T00:00:00Z'))])), expected);
  assert.deepEqual(shape(merge([input('w', week('2026-03-02T00:00:00Z'))], { horizon: 8 * 86400 }))?.periods.map((p) => p.startPeriod), [0, 43200, 43200 + 2 * 86400, 43200 + 7 * 86400]);
});

test('A and W: the unit of the lowest input at now, others converted with volts × phases, rounded down', () => {
  const w = (limit: number, numberPhases?: number) => flat(0, { unit: 'W', periods: [{ startPeriod: 0, limit, ...(numberPhases ? { numberPhases } : {}) }] });
  // 16 A × 230 V × 3 = 11040 W: equal, the earlier input decides.
  assert.deepEqual(merge([input('w', w(11040)), input('a', flat(16))]), { kind: 'Absolute', startSchedule: NOW, duration: 86400, unit: 'W', periods: [{ startPeriod: 0, limit: 11040 }], from: ['w'] });
  assert.deepEqual(shape(merge([input('a', flat(16)), input('w', w(11040))])), { periods: [{ startPeriod: 0, limit: 16 }], from: ['a'] });
  assert.equal(merge([input('a', flat(16)), input('w', w(11040))])?.unit, 'A');
  const lowW = merge([input('a', flat(16)), input('w', w(7000))]);
  assert.equal(lowW?.unit, 'W');
  assert.deepEqual(shape(lowW), { periods: [{ startPeriod: 0, limit: 7000 }], from: ['w'] });
  // Output in A, a W input converted: 5000 / 690 = 7.246… → 7.2 (down).
  const a = flat(0, { startSchedule: NOW, periods: [{ startPeriod: 0, limit: 6 }, { startPeriod: 3600, limit: 32 }] });
  const mixed = merge([input('a', a), input('w', w(5000))]);
  assert.equal(mixed?.unit, 'A');
  assert.deepEqual(shape(mixed), { periods: [{ startPeriod: 0, limit: 6 }, { startPeriod: 3600, limit: 7.2 }], from: ['a', 'w'] });
  // W output, A converted: 7.3 A × 230 × 3 = 5037 W.
  const inW = merge([input('w', w(5000, undefined)), input('a', flat(7.3, { validFrom: NOW + H }))], {});
  assert.deepEqual(shape(inW), { periods: [{ startPeriod: 0, limit: 5000 }], from: ['w'] });
  const phaseOne = merge([input('w', w(6000)), input('a', flat(0, { periods: [{ startPeriod: 0, limit: 16, numberPhases: 1 }] }))]);
  // 16 A on one phase = 3680 W < 6000 W: unit A; 6000 W over that one phase is 26 A: 16 A stays.
  assert.deepEqual(phaseOne && { unit: phaseOne.unit, ...shape(phaseOne) }, { unit: 'A', periods: [{ startPeriod: 0, limit: 16, numberPhases: 1 }], from: ['a'] });
});

test('numberPhases: the fewest any limiting input allows, and conversions use it', () => {
  const one = flat(0, { unit: 'W', periods: [{ startPeriod: 0, limit: 7000, numberPhases: 1 }] });
  // 10 A over one phase = 2300 W < 7000 W; the output keeps 10 A and the single phase of the W input.
  assert.deepEqual(shape(merge([input('a', flat(10)), input('w', one)])), { periods: [{ startPeriod: 0, limit: 10, numberPhases: 1 }], from: ['a'] });
  const twoPhase = flat(0, { periods: [{ startPeriod: 0, limit: 32, numberPhases: 2 }] });
  assert.deepEqual(shape(merge([input('a', flat(10)), input('b', twoPhase)])), { periods: [{ startPeriod: 0, limit: 10, numberPhases: 2 }], from: ['a'] });
  assert.deepEqual(limitAt([twoPhase], NOW), { limit: 32, unit: 'A', numberPhases: 2 });
});

test('Relative inputs only: a Relative schedule on the seconds-since-transaction-start axis', () => {
  const a: ProfileInput = { stackLevel: 0, kind: 'Relative', duration: 7200, unit: 'A', periods: [{ startPeriod: 0, limit: 16 }, { startPeriod: 1800, limit: 10 }] };
  const b: ProfileInput = { stackLevel: 0, kind: 'Relative', duration: 3600, unit: 'A', periods: [{ startPeriod: 0, limit: 12 }] };
  assert.deepEqual(merge([input('a', a), input('b', b)]), {
    kind: 'Relative', duration: 7200, unit: 'A', periods: [{ startPeriod: 0, limit: 12 }, { startPeriod: 1800, limit: 10 }], from: ['b', 'a'],
  });
  const endless = { ...b, duration: undefined };
  assert.equal(merge([input('a', a), input('b', endless)])?.duration, 86400);
  // The homeowner cap limits at every moment and leaves the output Relative.
  assert.deepEqual(merge([input('a', a), homeownerCap(11, 'A')]), {
    kind: 'Relative', duration: 7200, unit: 'A', periods: [{ startPeriod: 0, limit: 11 }, { startPeriod: 1800, limit: 10 }], from: ['homeowner', 'a'],
  });
  assert.deepEqual(shape(merge([input('a', flat(20)), homeownerCap(11, 'A')])), { periods: [{ startPeriod: 0, limit: 11 }], from: ['homeowner'] });
});

test('Relative with Absolute: Absolute output, the Relative one counted from transactionStart', () => {
  const rel: ProfileInput = { stackLevel: 0, kind: 'Relative', unit: 'A', periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 3600, limit: 20 }] };
  const m = merge([input('r', rel), input('b', flat(16))], { transactionStart: NOW - 1800 * 1000 });
  assert.deepEqual(m && { kind: m.kind, start: m.startSchedule, ...shape(m) }, {
    kind: 'Absolute', start: NOW, periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 1800, limit: 16 }], from: ['r', 'b'],
  });
  assert.deepEqual(shape(merge([input('r', rel), input('b', flat(16))], { transactionStart: null })), { periods: [{ startPeriod: 0, limit: 16 }], from: ['b'] });
  assert.equal(limitAt([rel], NOW, null), null);
  assert.deepEqual(limitAt([rel], NOW, NOW - 3600 * 1000), { limit: 20, unit: 'A' });
});

test('fractional seconds: time is rounded so that no limit is ever raised', () => {
  const now = NOW + 400; // received mid-second
  const a = flat(0, { startSchedule: now + 10_300, periods: [{ startPeriod: 0, limit: 8 }, { startPeriod: 60, limit: 20 }] });
  const m = merge([input('a', a), input('b', flat(16))], { now });
  assert.equal(m?.startSchedule, NOW);
  // 8 A from 10.7 s after NOW → from second 10; 20 A (so b's 16) until 70.7 s → through second 71.
  assert.deepEqual(shape(m), { periods: [{ startPeriod: 0, limit: 16 }, { startPeriod: 10, limit: 8 }, { startPeriod: 71, limit: 16 }], from: ['b', 'a', 'b'] });
});

test('too many periods: kept up to maxPeriods, the duration ends where the first dropped one begins', () => {
  const periods = Array.from({ length: 10 }, (_, i) => ({ startPeriod: i * 600, limit: i % 2 ? 10 : 16 }));
  const m = merge([input('a', flat(0, { startSchedule: NOW, periods }))], { maxPeriods: 4 });
  assert.equal(m?.periods.length, 4);
  assert.equal(m?.from.length, 4);
  assert.equal(m?.duration, 2400);
});

test('invalidProfile names what is wrong; mergeSchedules leaves such profiles out', () => {
  const ok = flat(16);
  assert.equal(invalidProfile(ok), null);
  const cases: [Partial<ProfileInput>, string][] = [
    [{ periods: [] }, 'no periods'],
    [{ periods: [{ startPeriod: 10, limit: 6 }] }, 'periods do not start at 0'],
    [{ periods: [{ startPeriod: 0, limit: 6 }, { startPeriod: 0, limit: 8 }] }, 'periods overlap or are not ascending'],
    [{ periods: [{ startPeriod: 0, limit: 6 }, { startPeriod: 600, limit: 8 }, { startPeriod: 300, limit: 8 }] }, 'periods overlap or are not ascending'],
    [{ periods: [{ startPeriod: 0, limit: -1 }] }, 'negative limit'],
    [{ periods: [{ startPeriod: 0, limit: 1000.1 }] }, 'absurd limit'],
    [{ unit: 'W', periods: [{ startPeriod: 0, limit: 1_000_001 }] }, 'absurd limit'],
    [{ periods: [{ startPeriod: 0, limit: NaN }] }, 'bad limit'],
    [{ periods: [{ startPeriod: 0, limit: 6, numberPhases: 4 }] }, 'bad numberPhases'],
    [{ kind: 'Relative' }, 'Relative needs no startSchedule'],
    [{ startSchedule: undefined }, 'Absolute needs startSchedule'],
    [{ kind: 'Recurring' }, 'Recurring needs recurrencyKind Daily or Weekly'],
    [{ kind: 'Recurring', recurrency: 'Daily', periods: [{ startPeriod: 0, limit: 6 }, { startPeriod: 86400, limit: 8 }] }, 'a period starts after the recurrence repeats'],
    [{ validFrom: NOW, validTo: NOW }, 'validTo is not after validFrom'],
    [{ validTo: NaN }, 'bad validTo'],
    [{ duration: 0 }, 'bad duration'],
    [{ stackLevel: -1 }, 'bad stackLevel'],
    [{ kind: 'Sometimes' as 'Absolute' }, 'unknown chargingProfileKind'],
    [{ unit: 'kW' as 'W' }, 'unknown chargingRateUnit'],
  ];
  for (const [change, reason] of cases) assert.equal(invalidProfile({ ...ok, ...change }), reason, reason);
  assert.equal(invalidProfile(homeownerCap(16, 'A').profiles[0]!), null);
  assert.deepEqual(shape(merge([input('a', flat(-5), flat(20)), input('b', flat(25))])), { periods: [{ startPeriod: 0, limit: 20 }], from: ['a'] });
});

test('profileFrom16 / profileFrom201 on real-shaped payloads', () => {
  const cs16 = {
    chargingProfileId: 12, transactionId: 345, stackLevel: 1, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Absolute',
    validTo: '2026-03-07T00:00:00Z',
    chargingSchedule: {
      duration: 7200, startSchedule: '2026-03-06T12:00:00.000Z', chargingRateUnit: 'A', minChargingRate: 6,
      chargingSchedulePeriod: [{ startPeriod: 0, limit: 16.0, numberPhases: 3 }, { startPeriod: 1800, limit: 10.5 }],
    },
  };
  assert.deepEqual(profileFrom16(cs16, 0), {
    stackLevel: 1, kind: 'Absolute', validTo: Date.parse('2026-03-07T00:00:00Z'), startSchedule: NOW, duration: 7200, unit: 'A',
    periods: [{ startPeriod: 0, limit: 16, numberPhases: 3 }, { startPeriod: 1800, limit: 10.5 }],
  });
  const tx16 = { chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }] } };
  assert.deepEqual(profileFrom16(tx16, NOW + 5), { stackLevel: 0, kind: 'Absolute', startSchedule: NOW + 5, unit: 'W', periods: [{ startPeriod: 0, limit: 11000 }] });
  const daily = { chargingProfileId: 2, stackLevel: 0, chargingProfilePurpose: 'ChargePointMaxProfile', chargingProfileKind: 'Recurring', recurrencyKind: 'Daily', chargingSchedule: { startSchedule: '2026-01-01T00:00:00Z', chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 32 }] } };
  assert.deepEqual(profileFrom16(daily, NOW), { stackLevel: 0, kind: 'Recurring', recurrency: 'Daily', startSchedule: Date.parse('2026-01-01T00:00:00Z'), unit: 'A', periods: [{ startPeriod: 0, limit: 32 }] });
  const p201 = {
    id: 100, stackLevel: 2, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', validFrom: '2026-03-06T00:00:00Z',
    chargingSchedule: [
      { id: 1, chargingRateUnit: 'W', duration: 3600, chargingSchedulePeriod: [{ startPeriod: 0, limit: 7400, numberPhases: 1, phaseToUse: 1 }, { startPeriod: 900, limit: 3700 }] },
      { id: 2, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }] },
    ],
  };
  const parsed = profileFrom201(p201, NOW);
  assert.deepEqual(parsed, {
    stackLevel: 2, kind: 'Relative', validFrom: Date.parse('2026-03-06T00:00:00Z'), duration: 3600, unit: 'W',
    periods: [{ startPeriod: 0, limit: 7400, numberPhases: 1 }, { startPeriod: 900, limit: 3700 }],
  });
  assert.equal(invalidProfile(parsed), null);
  // Malformed fields come through as something invalidProfile names.
  assert.equal(invalidProfile(profileFrom16({ ...cs16, stackLevel: '1' }, NOW)), 'bad stackLevel');
  assert.equal(invalidProfile(profileFrom16({ ...cs16, validTo: 'tomorrow' }, NOW)), 'bad validTo');
  assert.equal(invalidProfile(profileFrom201({ ...p201, chargingSchedule: [] }, NOW)), 'unknown chargingRateUnit');
  assert.equal(invalidProfile(profileFrom201({ ...p201, chargingSchedule: [{ id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [] }] }, NOW)), 'no periods');
  assert.equal(invalidProfile(profileFrom16({ ...tx16, chargingProfileKind: 'Relative', chargingSchedule: { ...tx16.chargingSchedule, startSchedule: '2026-03-06T12:00:00Z' } }, NOW)), 'Relative needs no startSchedule');
});

const validators = {
  v16: createValidator('ocpp1.6', require('ocpp-rpc/lib/schemas/ocpp1_6.json')),
  v201: createValidator('ocpp2.0.1', require('ocpp-rpc/lib/schemas/ocpp2_0_1.json')),
};

test('render16 / render201 pass the official SetChargingProfile request schemas', () => {
  const a = flat(0, { startSchedule: NOW, periods: [{ startPeriod: 0, limit: 6.5, numberPhases: 1 }, { startPeriod: 3600, limit: 32 }] });
  const m = merge([input('a', a), input('b', flat(20))])!;
  const cs = render16(m, 7, 3, 'TxDefaultProfile');
  assert.deepEqual(cs, {
    chargingProfileId: 7, stackLevel: 3, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute',
    chargingSchedule: {
      duration: 86400, startSchedule: '2026-03-06T12:00:00.000Z', chargingRateUnit: 'A',
      chargingSchedulePeriod: [{ startPeriod: 0, limit: 6.5, numberPhases: 1 }, { startPeriod: 3600, limit: 20 }],
    },
  });
  assert.equal(validators.v16.validate('urn:SetChargingProfile.req', { connectorId: 1, csChargingProfiles: cs }), true);
  assert.equal(validators.v16.validate('urn:SetChargingProfile.req', { connectorId: 1, csChargingProfiles: render16(m, 8, 3, 'TxProfile', 42) }), true);
  const cp = render201(m, 7, 3, 'TxProfile', 'tx-9');
  assert.deepEqual(cp, {
    id: 7, stackLevel: 3, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Absolute', transactionId: 'tx-9',
    chargingSchedule: [{ id: 1, startSchedule: '2026-03-06T12:00:00.000Z', duration: 86400, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6.5, numberPhases: 1 }, { startPeriod: 3600, limit: 20 }] }],
  });
  assert.equal(validators.v201.validate('urn:SetChargingProfile.req', { evseId: 1, chargingProfile: cp }), true);
  const relative = merge([input('r', { stackLevel: 0, kind: 'Relative', duration: 600, unit: 'W', periods: [{ startPeriod: 0, limit: 3700.9 }] })])!;
  const rel16 = render16(relative, 1, 0, 'TxDefaultProfile');
  assert.deepEqual(rel16.chargingSchedule, { duration: 600, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 3700 }] });
  assert.equal(validators.v16.validate('urn:SetChargingProfile.req', { connectorId: 0, csChargingProfiles: rel16 }), true);
  assert.equal(validators.v201.validate('urn:SetChargingProfile.req', { evseId: 0, chargingProfile: render201(relative, 1, 0, 'TxDefaultProfile') }), true);
  // What is rendered reads back as the same schedule.
  assert.equal(sameSchedule(m, merge([input('x', profileFrom16(cs, 0))])), true);
  assert.equal(sameSchedule(m, merge([input('x', profileFrom201(cp, 0))])), true);
});

test('sameSchedule compares limits over time, not structure', () => {
  const m = merge([input('a', flat(10))])!;
  assert.equal(sameSchedule(m, m), true);
  assert.equal(sameSchedule(null, null), true);
  assert.equal(sameSchedule(m, null), false);
  // A minute later, the same flat limit: same from the later start on (attribution does not count).
  assert.equal(sameSchedule(m, merge([input('b', flat(10))], { now: NOW + 60_000 })), true);
  // Split into equal periods by hand: same.
  const split: MergedSchedule = { ...m, periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 600, limit: 10 }], from: ['a', 'b'] };
  assert.equal(sameSchedule(m, split), true);
  assert.equal(sameSchedule(m, { ...split, periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 600, limit: 9.9 }] }), false);
  // Only the time both cover counts: a slid or shorter horizon is no change.
  assert.equal(sameSchedule(m, { ...m, duration: 3600 }), true);
  assert.equal(sameSchedule(m, { ...m, startSchedule: NOW + 86400 * 1000 }), true);
  assert.equal(sameSchedule(m, { ...m, startSchedule: NOW + 3600 * 1000, periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 60, limit: 12 }] }), false);
  assert.equal(sameSchedule(m, { ...m, periods: [{ startPeriod: 0, limit: 10, numberPhases: 1 }] }), false);
  const inW: MergedSchedule = { ...m, unit: 'W', periods: [{ startPeriod: 0, limit: 6900 }] };
  assert.equal(sameSchedule(m, inW), false);
  assert.equal(sameSchedule(m, inW, { volts: 230, phases: 3 }), true);
  assert.equal(sameSchedule(m, { ...m, kind: 'Relative', startSchedule: undefined }), false);
});

// Properties: random upstreams of random Absolute profiles, all in A, on whole seconds.
const HORIZON = 86400;
const periodsArb = fc.uniqueArray(fc.integer({ min: 1, max: 20000 }), { maxLength: 4 }).chain((starts) =>
  fc.array(fc.integer({ min: 60, max: 320 }), { minLength: starts.length + 1, maxLength: starts.length + 1 }).map((limits) =>
    [0, ...starts.sort((a, b) => a - b)].map((startPeriod, i) => ({ startPeriod, limit: limits[i]! / 10 })),
  ),
);
const offsetMs = (jitter: boolean) => fc.tuple(fc.integer({ min: -3600, max: HORIZON }), jitter ? fc.integer({ min: 0, max: 999 }) : fc.constant(0)).map(([s, ms]) => s * 1000 + ms);
const profileArb = (jitter: boolean) =>
  fc.record(
    {
      stackLevel: fc.integer({ min: 0, max: 3 }),
      kind: fc.constant('Absolute' as const),
      startSchedule: offsetMs(jitter).map((o) => NOW + o),
      duration: fc.integer({ min: 60, max: HORIZON }),
      validFrom: offsetMs(jitter).map((o) => NOW + o),
      validTo: offsetMs(jitter).map((o) => NOW + H + o),
      unit: fc.constant('A' as const),
      periods: periodsArb,
    },
    { requiredKeys: ['stackLevel', 'kind', 'startSchedule', 'unit', 'periods'] },
  ).filter((p) => invalidProfile(p) === null);
const inputsArb = (jitter: boolean) =>
  fc.array(fc.array(profileArb(jitter), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }).map((sets) => sets.map((profiles, i) => input(`u${i}`, ...profiles)));

/** Sample times: random seconds plus every input boundary, where mistakes would show. */
function samples(inputs: MergeInput[], random: number[]): number[] {
  const edges = inputs.flatMap((i) => i.profiles.flatMap((p) => [p.validFrom, p.validTo, p.startSchedule! + p.duration! * 1000, ...p.periods.map((q) => p.startSchedule! + q.startPeriod * 1000)]));
  return [...random.map((s) => NOW + s * 1000), ...edges.filter((t): t is number => t !== undefined && t >= NOW && t < NOW + HORIZON * 1000)];
}

test('property: the merged limit is the minimum over the limiting inputs, UNLIMITED where none limits', () => {
  fc.assert(
    fc.property(inputsArb(false), fc.array(fc.integer({ min: 0, max: HORIZON - 1 }), { minLength: 10, maxLength: 30 }), (inputs, random) => {
      const m = merge(inputs, { horizon: HORIZON });
      const merged = m && mergedAsProfile(m);
      for (const t of samples(inputs, random)) {
        const limits = inputs.map((i) => limitAt(i.profiles, t)).map((l) => l?.limit ?? null);
        const present = limits.filter((l): l is number => l !== null);
        if (merged === null) {
          assert.equal(present.length, 0);
          continue;
        }
        const got = limitAt([merged], t);
        assert.ok(got !== null, 'the merged schedule covers the whole horizon');
        if (present.length === 0) {
          assert.equal(got.limit, UNLIMITED.A);
          continue;
        }
        const min = Math.min(...present);
        for (const l of present) assert.ok(got.limit <= l + 1e-9);
        assert.ok(Math.abs(got.limit - min) < 1e-9, `at ${t - NOW}: ${got.limit} vs ${min}`);
      }
      // Each period names the input whose limit it took where it starts.
      m?.periods.forEach((p, k) => {
        const named = inputs.find((i) => i.from === m.from[k]);
        if (named === undefined) assert.equal(p.limit, UNLIMITED.A);
        else assert.equal(limitAt(named.profiles, NOW + p.startPeriod * 1000)?.limit, p.limit);
      });
      assert.equal(sameSchedule(m, merge([...inputs].reverse(), { horizon: HORIZON })), true);
    }),
    { numRuns: 200 },
  );
});

test('property: with times off the whole second, the merged limit never exceeds any input', () => {
  fc.assert(
    fc.property(inputsArb(true), fc.integer({ min: 0, max: 999 }), fc.array(fc.integer({ min: 0, max: HORIZON * 1000 - 1 }), { minLength: 20, maxLength: 40 }), (inputs, nowMs, random) => {
      const now = NOW + nowMs;
      const m = merge(inputs, { now, horizon: HORIZON });
      if (m === null) return;
      const merged = mergedAsProfile(m);
      const edges = samples(inputs, []).flatMap((t) => [t - 1, t, t + 1]);
      for (const t of [...random.map((o) => now + o), ...edges]) {
        if (t < now || t >= now + HORIZON * 1000 - 1000) continue;
        const got = limitAt([merged], t);
        assert.ok(got !== null);
        for (const i of inputs) {
          const l = limitAt(i.profiles, t);
          if (l !== null) assert.ok(got.limit <= l.limit + 1e-9, `at ${t - now} ms: ${got.limit} > ${l.limit}`);
        }
      }
    }),
    { numRuns: 200 },
  );
});
