// `[autoconfig]`: the configuration the proxy sends to a charger after each accepted boot, and
// `lock = true`, which keeps upstreams from changing those keys behind the proxy's back.

import type { Payload } from '../ocpp/frame.ts';
import type { OcppVersion } from '../ocpp/versions.ts';

export interface ConfigCall {
  /** The `[autoconfig]` key as written. */
  key: string;
  action: 'ChangeConfiguration' | 'SetVariables';
  payload: Payload;
}

interface VariableRef {
  component: { name: string; evse?: { id: number; connectorId?: number } };
  variable: { name: string; instance?: string };
}

/**
 * 2.0.1/2.1 keys: `Component.Variable`, `Component.Variable.Instance`, with an optional EVSE as
 * `Component[1].Variable` or `Component[1:2].Variable` (EVSE 1, connector 2). Null if malformed.
 */
export function parseVariableKey(key: string): VariableRef | null {
  const match = /^([A-Za-z0-9_*\-:]+?)(?:\[(\d+)(?::(\d+))?\])?\.([A-Za-z0-9_*\-:]+)(?:\.([A-Za-z0-9_*\-:]+))?$/.exec(key);
  if (match === null) return null;
  const [, component, evse, connector, variable, instance] = match;
  const ref: VariableRef = { component: { name: component! }, variable: { name: variable! } };
  if (evse !== undefined) ref.component.evse = connector === undefined ? { id: Number(evse) } : { id: Number(evse), connectorId: Number(connector) };
  if (instance !== undefined) ref.variable.instance = instance;
  return ref;
}

/**
 * The Calls for `entries` in this version, one key per Call, in file order. 1.6 takes plain keys
 * (`LocalPreAuthorize`); 2.0.1+ takes `Component.Variable` keys; each version skips the other's.
 */
export function autoconfigCalls(version: OcppVersion, entries: ReadonlyArray<[string, string]>): ConfigCall[] {
  const calls: ConfigCall[] = [];
  for (const [key, value] of entries) {
    if (version === 'ocpp1.6') {
      if (!key.includes('.')) calls.push({ key, action: 'ChangeConfiguration', payload: { key, value } });
      continue;
    }
    const ref = parseVariableKey(key);
    if (ref !== null) calls.push({ key, action: 'SetVariables', payload: { setVariableData: [{ attributeValue: value, ...ref }] } });
  }
  return calls;
}

/** The status a charger gave one autoconfig Call (Accepted, Rejected, RebootRequired, …). */
export function configStatus(action: ConfigCall['action'], answer: Payload): string {
  if (action === 'ChangeConfiguration') return typeof answer.status === 'string' ? answer.status : 'unknown';
  const results = answer.setVariableResult;
  const first = Array.isArray(results) ? (results[0] as Payload | undefined) : undefined;
  return typeof first?.attributeStatus === 'string' ? first.attributeStatus : 'unknown';
}

export type LockDecision =
  | { kind: 'pass' }
  /** Every key is managed: the proxy answers the upstream itself with this payload. */
  | { kind: 'reject'; answer: Payload; locked: string[] }
  /** Some are: forward `setVariableData` without them; add `rejected` to the charger's answer. */
  | { kind: 'partial'; keep: unknown[]; rejected: Payload[]; locked: string[] };

/** The keys the proxy manages, normalised for comparison (CiString: case-insensitive). */
export function managedKeys(entries: ReadonlyArray<[string, string]>): Set<string> {
  const keys = new Set<string>();
  for (const [key] of entries) {
    const ref = parseVariableKey(key);
    keys.add(ref === null ? key.toLowerCase() : variableId(ref.component.name, ref.variable.name, ref.variable.instance));
  }
  return keys;
}

function variableId(component: unknown, variable: unknown, instance: unknown): string {
  return `${String(component)}.${String(variable)}${instance === undefined ? '' : `.${String(instance)}`}`.toLowerCase();
}

/** What `[autoconfig] lock` does with an upstream's ChangeConfiguration or SetVariables. */
export function lockDecision(action: string, payload: Payload, managed: ReadonlySet<string>): LockDecision {
  if (action === 'ChangeConfiguration') {
    const key = typeof payload.key === 'string' ? payload.key.toLowerCase() : null;
    return key !== null && managed.has(key) ? { kind: 'reject', answer: { status: 'Rejected' }, locked: [String(payload.key)] } : { kind: 'pass' };
  }
  if (action !== 'SetVariables' || !Array.isArray(payload.setVariableData)) return { kind: 'pass' };
  const keep: unknown[] = [];
  const rejected: Payload[] = [];
  const locked: string[] = [];
  for (const item of payload.setVariableData as Payload[]) {
    const component = (item?.component ?? {}) as Payload;
    const variable = (item?.variable ?? {}) as Payload;
    const id = variableId(component.name, variable.name, variable.instance);
    if (!managed.has(id)) {
      keep.push(item);
      continue;
    }
    locked.push(id);
    const result: Payload = { attributeStatus: 'Rejected', component, variable };
    if (item.attributeType !== undefined) result.attributeType = item.attributeType;
    rejected.push(result);
  }
  if (rejected.length === 0) return { kind: 'pass' };
  if (keep.length === 0) return { kind: 'reject', answer: { setVariableResult: rejected }, locked };
  return { kind: 'partial', keep, rejected, locked };
}
