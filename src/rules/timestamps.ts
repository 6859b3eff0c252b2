// `[fixups] timestamps`: repair the date-time fields of charger Calls, and only those that are
// date-times in the OCPP schema of the negotiated version.

import type { FieldChange, FixupRule } from './fixups.ts';
import { expandPath } from './fixups.ts';
import type { OcppVersion } from '../ocpp/versions.ts';

/** Date-time fields per charger Call, by version family. */
const FIELDS_16: Record<string, string[][]> = {
  StatusNotification: [['timestamp']],
  StartTransaction: [['timestamp']],
  StopTransaction: [['timestamp'], ['transactionData', '*', 'timestamp']],
  MeterValues: [['meterValue', '*', 'timestamp']],
};
const FIELDS_2: Record<string, string[][]> = {
  StatusNotification: [['timestamp']],
  TransactionEvent: [['timestamp'], ['meterValue', '*', 'timestamp']],
  MeterValues: [['meterValue', '*', 'timestamp']],
  NotifyEvent: [['generatedAt'], ['eventData', '*', 'timestamp']],
  SecurityEventNotification: [['timestamp']],
  NotifyReport: [['generatedAt']],
  NotifyMonitoringReport: [['generatedAt']],
  NotifyCustomerInformation: [['generatedAt']],
  NotifyDisplayMessages: [],
};

function fieldsOf(version: OcppVersion): Record<string, string[][]> {
  return version === 'ocpp1.6' ? FIELDS_16 : FIELDS_2;
}

/** Before this the charger's clock was surely not set (pre-boot 1970/2000 values). */
const EARLIEST_YEAR = 2010;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;
const LOOSE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(\.\d+)?\s*([Zz]|[+-]\d{2}:?\d{2})?$/;

/**
 * Null when `value` is a usable RFC 3339 date-time; the same instant in RFC 3339 (UTC, ms) when it
 * is usable but mis-formatted; `receivedAt` when it is unusable (empty, zeros, garbage, too old).
 */
export function repairTimestamp(value: unknown, receivedAt: string): string | null {
  if (typeof value !== 'string') return receivedAt;
  if (RFC3339.test(value) && usable(Date.parse(value))) return null;
  const loose = LOOSE.exec(value.trim());
  if (loose === null) return receivedAt;
  const [, date, time, fraction, zone] = loose;
  const offset = zone === undefined || zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const instant = Date.parse(`${date}T${time}${(fraction ?? '').slice(0, 4)}${offset}`);
  return usable(instant) ? new Date(instant).toISOString() : receivedAt;
}

function usable(instant: number): boolean {
  return Number.isFinite(instant) && new Date(instant).getUTCFullYear() >= EARLIEST_YEAR;
}

export const timestampRule: FixupRule = {
  name: 'timestamps',
  actions: (version) => Object.keys(fieldsOf(version)),
  fix(action, payload, context): FieldChange[] {
    const changes: FieldChange[] = [];
    for (const pattern of fieldsOf(context.version)[action] ?? []) {
      for (const { path, value } of expandPath(payload, pattern)) {
        const repaired = repairTimestamp(value, context.receivedAt);
        if (repaired !== null) changes.push({ path, value: repaired, was: value });
      }
    }
    return changes;
  },
};
