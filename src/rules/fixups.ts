// Charger quirk repair: named rules as data, each a pure function from a parsed Call payload to
// the values it would change. The pipeline splices those values into the original bytes, so a
// frame no rule touches leaves as it came, and a repaired one differs only inside the repaired values.

import type { Config } from '../config/config.ts';
import { spliceValues, type JsonPath } from '../ocpp/json-span.ts';
import type { Payload } from '../ocpp/frame.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import { timestampRule } from './timestamps.ts';
import { idTagLengthRule, powerScaleRule } from './quirks.ts';

/** What a rule wants changed: the value at `path` (inside the payload) becomes `value`. */
export interface FieldChange {
  path: JsonPath;
  value: unknown;
  /** The value as sent, for the log. */
  was: unknown;
}

export interface FixupContext {
  readonly version: OcppVersion;
  /** When the proxy received the frame, RFC 3339 UTC with milliseconds. */
  readonly receivedAt: string;
}

/** One per pipeline, reused for every frame: the receive time is formatted only when a rule uses it. */
class FrameContext implements FixupContext {
  readonly version: OcppVersion;
  private now = 0;
  private formatted: string | null = null;

  constructor(version: OcppVersion) {
    this.version = version;
  }

  get receivedAt(): string {
    return (this.formatted ??= new Date(this.now).toISOString());
  }

  receivedNow(now: number): this {
    this.now = now;
    this.formatted = null;
    return this;
  }
}

export interface FixupRule {
  name: string;
  /** Charger Call actions the rule looks at, per version. */
  actions(version: OcppVersion): readonly string[];
  /** Limits the rule to some chargers: ids, or BootNotification vendor/model (case-insensitive). */
  only?: { chargerIds?: string[]; vendor?: string; model?: string };
  fix(action: string, payload: Payload, context: FixupContext): FieldChange[];
}

export interface AppliedFix {
  rule: string;
  field: string;
  was: unknown;
  now: unknown;
}

/** From the charger's BootNotification (the session's ChargerMemory has these). */
export interface ChargerIdentity {
  vendor: string | null;
  model: string | null;
}

/** The rules of a configuration, indexed by action for one charger connection. */
export class FixupPipeline {
  private readonly byAction = new Map<string, FixupRule[]>();
  private readonly context: FrameContext;

  constructor(rules: FixupRule[], version: OcppVersion, chargerId: string) {
    this.context = new FrameContext(version);
    for (const rule of rules) {
      if (rule.only?.chargerIds !== undefined && !rule.only.chargerIds.includes(chargerId)) continue;
      for (const action of rule.actions(version)) {
        const list = this.byAction.get(action) ?? [];
        list.push(rule);
        this.byAction.set(action, list);
      }
    }
  }

  /** Null when nothing changes (the common case costs one map lookup), else the new text and what changed. */
  apply(action: string, payload: Payload, text: string, charger: ChargerIdentity, now: number): { text: string; fixes: AppliedFix[] } | null {
    const rules = this.byAction.get(action);
    if (rules === undefined) return null;
    const context = this.context.receivedNow(now);
    let changes: FieldChange[] | null = null;
    let fixes: AppliedFix[] | null = null;
    for (const rule of rules) {
      if (!matches(rule, charger)) continue;
      for (const change of rule.fix(action, payload, context)) {
        (changes ??= []).push(change);
        (fixes ??= []).push({ rule: rule.name, field: change.path.join('.'), was: change.was, now: change.value });
      }
    }
    if (changes === null || fixes === null) return null;
    // The payload is element 3 of a CALL frame.
    return { text: spliceValues(text, changes.map((c) => ({ path: [3, ...c.path], value: c.value }))), fixes };
  }
}

function matches(rule: FixupRule, charger: ChargerIdentity): boolean {
  const only = rule.only;
  if (only === undefined) return true;
  if (only.vendor !== undefined && only.vendor.toLowerCase() !== charger.vendor?.toLowerCase()) return false;
  if (only.model !== undefined && only.model.toLowerCase() !== charger.model?.toLowerCase()) return false;
  return true;
}

/** The rules `[fixups]` turns on. */
export function configuredRules(fixups: Config['fixups']): FixupRule[] {
  const rules: FixupRule[] = [];
  if (fixups.timestamps) rules.push(timestampRule);
  if (fixups.idTagMaxLength !== null) rules.push(idTagLengthRule(fixups.idTagMaxLength));
  if (fixups.powerScale !== null) rules.push(powerScaleRule(fixups.powerScale, fixups.powerMeasurands));
  return rules;
}

/** Every concrete path matching `pattern` in `payload`, where '*' stands for each array index. */
export function expandPath(payload: unknown, pattern: readonly string[]): Array<{ path: Array<string | number>; value: unknown }> {
  let found: Array<{ path: Array<string | number>; value: unknown }> = [{ path: [], value: payload }];
  for (const step of pattern) {
    const next: typeof found = [];
    for (const { path, value } of found) {
      if (step === '*') {
        if (Array.isArray(value)) value.forEach((item, i) => next.push({ path: [...path, i], value: item }));
      } else if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, step)) {
        next.push({ path: [...path, step], value: (value as Record<string, unknown>)[step] });
      }
    }
    found = next;
  }
  return found;
}
