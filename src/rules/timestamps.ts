// `[fixups] timestamps`: repair the date-time fields of charger Calls, and only those that are
// date-times in the OCPP schema of the negotiated version.

import { expandPath, type FieldChange, type FixupRule } from './rule-types.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import { wireTable } from '../ocpp/wire-table.ts';

/** Date-time fields per charger Call, by version family. */
const FIELDS_16: Record<string, string[][]> = wireTable({
  StatusNotification: [['timestamp']],
  StartTransaction: [['timestamp']],
  StopTransaction: [['timestamp'], ['transactionData', '*', 'timestamp']],
  MeterValues: [['meterValue', '*', 'timestamp']],
});
const FIELDS_2: Record<string, string[][]> = wireTable({
  StatusNotification: [['timestamp']],
  TransactionEvent: [['timestamp'], ['meterValue', '*', 'timestamp']],
  MeterValues: [['meterValue', '*', 'timestamp']],
  NotifyEvent: [['generatedAt'], ['eventData', '*', 'timestamp']],
  SecurityEventNotification: [['timestamp']],
  NotifyReport: [['generatedAt']],
  NotifyMonitoringReport: [['generatedAt']],
  NotifyCustomerInformation: [['generatedAt']],
  NotifyDisplayMessages: [],
});

const NO_FIELDS: string[][] = [];
/** Shared and never written: callers only read a rule's changes. */
const NO_CHANGES: FieldChange[] = [];

function fieldsOf(version: OcppVersion): Record<string, string[][]> {
  return version === 'ocpp1.6' ? FIELDS_16 : FIELDS_2;
}

/** Before this the charger's clock was surely not set (pre-boot 1970/2000 values). */
const EARLIEST_MS = Date.UTC(2010, 0, 1);
/** What `repairOf` returns for an unusable value; never a rewrite of a real one. */
const UNUSABLE = '';
/** A date-time in a form RFC 3339 does not allow, but whose instant is clear (space for `T`, no zone, `+0000`). */
const LOOSE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Null when `value` is a usable RFC 3339 date-time, in any form RFC 3339 allows: it stays as sent.
 * A date-time in a form RFC 3339 does not allow becomes the same instant written in RFC 3339 (its
 * own digits kept; no zone is taken as UTC). An unusable value (not a string, empty, zeros,
 * garbage, an impossible date, before 2010) becomes `receivedAt`.
 */
export function repairTimestamp(value: unknown, receivedAt: string): string | null {
  const repair = repairOf(value);
  return repair === UNUSABLE ? receivedAt : repair;
}

/** As `repairTimestamp`, with UNUSABLE in place of the receive time (formatted only when needed). */
function repairOf(value: unknown): string | null {
  if (typeof value !== 'string') return UNUSABLE;
  const instant = rfc3339Instant(value);
  if (!Number.isNaN(instant)) return instant >= EARLIEST_MS ? null : UNUSABLE; // valid RFC 3339: as sent, if the clock was set
  const loose = LOOSE.exec(value.trim());
  if (loose === null) return UNUSABLE;
  const [, date, time, zone] = loose;
  const rewritten = `${date}T${time}${rfc3339Offset(zone)}`;
  return rfc3339Instant(rewritten) >= EARLIEST_MS ? rewritten : UNUSABLE;
}

function rfc3339Offset(zone: string | undefined): string {
  if (zone === undefined || zone.length === 1) return 'Z';
  if (zone.length === 3) return `${zone}:00`;
  return zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
}

const DASH = 0x2d;
const COLON = 0x3a;
const DOT = 0x2e;
const PLUS = 0x2b;
const MINUS = 0x2d;
const LOWER_T = 0x74;
const LOWER_Z = 0x7a;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The instant (ms) of an RFC 3339 date-time (section 5.6: any number of fraction digits, `Z` or
 * ±hh:mm, `T`/`Z` in either case, a leap second at 23:59:60 UTC), NaN when `value` is not one or
 * names a day that does not exist. Reads character codes: nothing allocated per frame.
 */
export function rfc3339Instant(value: string): number {
  const length = value.length;
  if (length < 20) return NaN;
  if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH || (value.charCodeAt(10) | 0x20) !== LOWER_T) return NaN;
  if (value.charCodeAt(13) !== COLON || value.charCodeAt(16) !== COLON) return NaN;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return NaN;
  const leapYear = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leapYear ? 29 : DAYS_IN_MONTH[month - 1]!)) return NaN;
  let i = 19;
  let ms = 0;
  if (value.charCodeAt(i) === DOT) {
    const first = ++i;
    while (i < length && isDigit(value.charCodeAt(i))) {
      if (i - first < 3) ms = ms * 10 + value.charCodeAt(i) - 0x30;
      i++;
    }
    if (i === first) return NaN;
    for (let place = i - first; place < 3; place++) ms *= 10;
  }
  let offsetMinutes = 0;
  const zone = value.charCodeAt(i);
  if ((zone | 0x20) === LOWER_Z) {
    if (i + 1 !== length) return NaN;
  } else if (zone === PLUS || zone === MINUS) {
    if (i + 6 !== length || value.charCodeAt(i + 3) !== COLON) return NaN;
    const offsetHour = digits(value, i + 1, 2);
    const offsetMinute = digits(value, i + 4, 2);
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return NaN;
    offsetMinutes = (zone === PLUS ? 1 : -1) * (offsetHour * 60 + offsetMinute);
  } else {
    return NaN;
  }
  // A leap second can only be the last second of a UTC day.
  if (second === 60 && (((hour * 60 + minute - offsetMinutes) % 1440) + 1440) % 1440 !== 1439) return NaN;
  // Date.UTC takes years 0-99 as 1900-1999: before 2010 either way.
  return Date.UTC(year, month - 1, day, hour, minute - offsetMinutes, second, ms);
}

/** The decimal number in `count` digits at `at`, or -1 when one of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let number = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    number = number * 10 + code - 0x30;
  }
  return number;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export const timestampRule: FixupRule = {
  name: 'timestamps',
  actions: (version) => Object.keys(fieldsOf(version)),
  fix(action, payload, context): FieldChange[] {
    let changes: FieldChange[] | null = null;
    for (const pattern of fieldsOf(context.version)[action] ?? NO_FIELDS) {
      for (const { path, value } of expandPath(payload, pattern)) {
        const repair = repairOf(value);
        if (repair !== null) (changes ??= []).push({ path, value: repair === UNUSABLE ? context.receivedAt : repair, was: value });
      }
    }
    return changes ?? NO_CHANGES;
  },
};
