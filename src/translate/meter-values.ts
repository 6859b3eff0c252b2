// Meter values between 2.0.1/2.1 and 1.6: numbers become strings, a unit's multiplier is applied
// to the value (1.6 has none), and what 1.6 cannot say (its measurand or unit lists lack it) is
// left out and named, never guessed.

import type { Payload } from '../ocpp/frame.ts';

const MEASURANDS_16 = new Set([
  'Energy.Active.Export.Register', 'Energy.Active.Import.Register', 'Energy.Reactive.Export.Register', 'Energy.Reactive.Import.Register',
  'Energy.Active.Export.Interval', 'Energy.Active.Import.Interval', 'Energy.Reactive.Export.Interval', 'Energy.Reactive.Import.Interval',
  'Power.Active.Export', 'Power.Active.Import', 'Power.Offered', 'Power.Reactive.Export', 'Power.Reactive.Import', 'Power.Factor',
  'Current.Import', 'Current.Export', 'Current.Offered', 'Voltage', 'Frequency', 'Temperature', 'SoC', 'RPM',
]);
const UNITS_16 = new Set(['Wh', 'kWh', 'varh', 'kvarh', 'W', 'kW', 'VA', 'kVA', 'var', 'kvar', 'A', 'V', 'K', 'Celsius', 'Fahrenheit', 'Percent']);
const CONTEXTS_16 = new Set(['Interruption.Begin', 'Interruption.End', 'Sample.Clock', 'Sample.Periodic', 'Transaction.Begin', 'Transaction.End', 'Trigger', 'Other']);
const PHASES_16 = new Set(['L1', 'L2', 'L3', 'N', 'L1-N', 'L2-N', 'L3-N', 'L1-L2', 'L2-L3', 'L3-L1']);
const LOCATIONS_16 = new Set(['Cable', 'EV', 'Inlet', 'Outlet', 'Body']);

export interface MeterValues16 {
  meterValue: Payload[];
  /** What was left out, for the log ("Energy.Apparent.Net (no 1.6 measurand)"). */
  left: string[];
}

/** 2.0.1 `meterValue` entries → 1.6 ones; entries with nothing left are dropped. */
export function meterValuesTo16(meterValue: unknown): MeterValues16 {
  const out: Payload[] = [];
  const left: string[] = [];
  if (!Array.isArray(meterValue)) return { meterValue: out, left };
  for (const entry of meterValue as Payload[]) {
    if (typeof entry !== 'object' || entry === null || typeof entry.timestamp !== 'string' || !Array.isArray(entry.sampledValue)) continue;
    const sampled: Payload[] = [];
    for (const value of entry.sampledValue as Payload[]) {
      const converted = sampledValueTo16(value, left);
      if (converted !== null) sampled.push(converted);
    }
    if (sampled.length > 0) out.push({ timestamp: entry.timestamp, sampledValue: sampled });
  }
  return { meterValue: out, left };
}

function sampledValueTo16(value: Payload, left: string[]): Payload | null {
  if (typeof value !== 'object' || value === null || typeof value.value !== 'number' || !Number.isFinite(value.value)) return null;
  const measurand = typeof value.measurand === 'string' ? value.measurand : 'Energy.Active.Import.Register';
  if (!MEASURANDS_16.has(measurand)) {
    left.push(`${measurand} (no 1.6 measurand)`);
    return null;
  }
  const unitOfMeasure = (value.unitOfMeasure ?? {}) as Payload;
  const unit = typeof unitOfMeasure.unit === 'string' ? unitOfMeasure.unit : null;
  if (unit !== null && !UNITS_16.has(unit)) {
    left.push(`${measurand} in ${unit} (no 1.6 unit)`);
    return null;
  }
  if (typeof value.phase === 'string' && !PHASES_16.has(value.phase)) {
    left.push(`${measurand} phase ${value.phase} (no 1.6 phase)`);
    return null;
  }
  const multiplier = typeof unitOfMeasure.multiplier === 'number' ? unitOfMeasure.multiplier : 0;
  const out: Payload = { value: numberText(value.value * 10 ** multiplier) };
  if (typeof value.context === 'string' && CONTEXTS_16.has(value.context)) out.context = value.context;
  out.format = 'Raw';
  out.measurand = measurand;
  if (typeof value.phase === 'string') out.phase = value.phase;
  if (typeof value.location === 'string' && LOCATIONS_16.has(value.location)) out.location = value.location;
  if (unit !== null) out.unit = unit;
  return out;
}

/** A number as 1.6 writes it: no exponent, no float noise from the multiplier. */
function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/** The Energy.Active.Import.Register of a 2.0.1 `meterValue` in Wh (the last one given), or null. */
export function energyRegisterWh(meterValue: unknown, context?: string): number | null {
  if (!Array.isArray(meterValue)) return null;
  let found: number | null = null;
  for (const entry of meterValue as Payload[]) {
    if (typeof entry !== 'object' || entry === null || !Array.isArray(entry.sampledValue)) continue;
    for (const value of entry.sampledValue as Payload[]) {
      if (typeof value !== 'object' || value === null || typeof value.value !== 'number') continue;
      if ((value.measurand ?? 'Energy.Active.Import.Register') !== 'Energy.Active.Import.Register' || value.phase !== undefined) continue;
      if (context !== undefined && value.context !== undefined && value.context !== context) continue;
      const unitOfMeasure = (value.unitOfMeasure ?? {}) as Payload;
      const scale = unitOfMeasure.unit === 'kWh' ? 1000 : 1;
      const multiplier = typeof unitOfMeasure.multiplier === 'number' ? unitOfMeasure.multiplier : 0;
      found = value.value * scale * 10 ** multiplier;
    }
  }
  return found === null ? null : Math.round(found);
}
