// `[configuration]` views: which keys are shared by several upstreams, how their effective value
// is computed from every upstream's view, and which values the proxy refuses outright. Pure.

import type { OcppVersion } from '../ocpp/versions.ts';
import { parseVariableKey } from './autoconfig.ts';
import { wireTable } from '../ocpp/wire-table.ts';

export type ViewKind = 'union' | 'min';

export interface ViewKey {
  /** The key as the charger spells it: a 1.6 key, or `Component.Variable` for 2.0.1+. */
  name: string;
  kind: ViewKind;
}

/** The 2.0.1+ variables that stand for a 1.6 key of the defaults (`Component.Variable`). */
const VARIABLES_FOR_16: Readonly<Record<string, readonly string[]>> = wireTable({
  metervaluessampleddata: ['SampledDataCtrlr.TxUpdatedMeasurands', 'SampledDataCtrlr.TxStartedMeasurands'],
  stoptxnsampleddata: ['SampledDataCtrlr.TxEndedMeasurands'],
  metervaluesaligneddata: ['AlignedDataCtrlr.Measurands'],
  stoptxnaligneddata: ['AlignedDataCtrlr.TxEndedMeasurands'],
  metervaluesampleinterval: ['SampledDataCtrlr.TxUpdatedInterval'],
  clockaligneddatainterval: ['AlignedDataCtrlr.Interval'],
});

/** Per configured union-key list: the tables made for it, by version and min-key list. */
const keysOf = new WeakMap<readonly string[], Map<string, ReadonlyMap<string, ViewKey>>>();

/**
 * The view keys in `version`, by their case-insensitive id (`key.toLowerCase()`): one table per
 * version and configuration, shared by every charger.
 */
export function viewKeys(version: OcppVersion, unionKeys: readonly string[], minKeys: readonly string[]): ReadonlyMap<string, ViewKey> {
  let made = keysOf.get(unionKeys);
  if (made === undefined) keysOf.set(unionKeys, (made = new Map()));
  const id = `${version} ${minKeys.join(',')}`;
  const known = made.get(id);
  if (known !== undefined) return known;
  const keys = new Map<string, ViewKey>();
  const add = (configured: readonly string[], kind: ViewKind) => {
    for (const key of configured) {
      const names = version === 'ocpp1.6' ? (key.includes('.') ? [] : [key]) : key.includes('.') ? [key] : (VARIABLES_FOR_16[key.toLowerCase()] ?? []);
      for (const name of names) keys.set(name.toLowerCase(), { name, kind });
    }
  };
  add(unionKeys, 'union');
  add(minKeys, 'min');
  made.set(id, keys);
  return keys;
}

/** The id of a 2.0.1+ variable as in viewKeys (instances and EVSEs are not view keys). */
export function variableKeyId(component: unknown, variable: unknown): string {
  return `${String((component as { name?: unknown } | undefined)?.name)}.${String((variable as { name?: unknown } | undefined)?.name)}`.toLowerCase();
}

/** `Component.Variable` as a GetVariables / SetVariables item's component and variable. */
export function variableRef(name: string): { component: { name: string }; variable: { name: string } } | null {
  const ref = parseVariableKey(name);
  return ref === null ? null : { component: { name: ref.component.name }, variable: { name: ref.variable.name } };
}

/** The items of a comma list, trimmed, without empties. */
export function listItems(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** Why the proxy refuses `value` for a key of this kind itself (the charger is not asked), or null. */
export function invalidValue(kind: ViewKind, value: string): string | null {
  if (kind === 'min' && !/^\s*\d+\s*$/.test(value)) return `'${value}' is not a non-negative whole number of seconds`;
  return null;
}

/**
 * The effective value from the views in order (the primary's first): for a union key the items of
 * every view, no duplicates (case-insensitive); for a min key the smallest positive one, 0 only
 * when every view is 0.
 */
export function effectiveValue(kind: ViewKind, views: readonly string[]): string {
  if (kind === 'union') {
    const seen = new Set<string>();
    const items: string[] = [];
    for (const view of views) {
      for (const item of listItems(view)) {
        if (seen.has(item.toLowerCase())) continue;
        seen.add(item.toLowerCase());
        items.push(item);
      }
    }
    return items.join(',');
  }
  let smallest = 0;
  for (const view of views) {
    const seconds = Number(view.trim());
    if (Number.isFinite(seconds) && seconds > 0 && (smallest === 0 || seconds < smallest)) smallest = seconds;
  }
  return String(smallest);
}

/** Whether two values of a key are the same (a union key as a set, case-insensitive). */
export function sameValue(kind: ViewKind, a: string, b: string): boolean {
  if (kind === 'min') return Number(a.trim()) === Number(b.trim());
  const left = new Set(listItems(a).map((item) => item.toLowerCase()));
  const right = listItems(b).map((item) => item.toLowerCase());
  return left.size === new Set(right).size && right.every((item) => left.has(item));
}
