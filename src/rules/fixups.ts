// Charger quirk repair: named rules as data, each a pure function from a parsed Call payload to
// the values it would change. The pipeline splices those values into the original bytes, so a
// frame no rule touches leaves as it came, and a repaired one differs only inside the repaired values.

import type { Config } from '../config/config.ts';
import { spliceValues } from '../ocpp/json-span.ts';
import type { Payload } from '../ocpp/frame.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import { timestampRule } from './timestamps.ts';
import { idTagLengthRule, powerScaleRule } from './quirks.ts';
import type { FieldChange, FixupContext, FixupRule } from './rule-types.ts';

export type { FieldChange, FixupContext, FixupRule };

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

/** Pipelines that apply to every charger, per rule list and version (most configurations). */
const sharedPipelines = new WeakMap<readonly FixupRule[], Map<OcppVersion, FixupPipeline>>();

/** The rules of a configuration, indexed by action for one charger connection (or shared, see `for`). */
export class FixupPipeline {
  /**
   * The pipeline for one charger: shared by all chargers of a version when no rule names charger
   * ids (a pipeline holds no state between frames, and frames are handled one at a time).
   */
  static for(rules: readonly FixupRule[], version: OcppVersion, chargerId: string): FixupPipeline {
    if (rules.some((rule) => rule.only?.chargerIds !== undefined)) return new FixupPipeline(rules, version, chargerId);
    let byVersion = sharedPipelines.get(rules);
    if (byVersion === undefined) sharedPipelines.set(rules, (byVersion = new Map()));
    let pipeline = byVersion.get(version);
    if (pipeline === undefined) byVersion.set(version, (pipeline = new FixupPipeline(rules, version, chargerId)));
    return pipeline;
  }

  private readonly byAction = new Map<string, FixupRule[]>();
  private readonly context: FrameContext;

  constructor(rules: readonly FixupRule[], version: OcppVersion, chargerId: string) {
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
