// What every fixup rule is made of: the rule's shape, the change it asks for, and the path
// walker the rules use. The rules (timestamps.ts, quirks.ts) and the pipeline (fixups.ts) import
// this; nothing here imports them.

import type { JsonPath } from '../ocpp/json-span.ts';
import type { Payload } from '../ocpp/frame.ts';
import type { OcppVersion } from '../ocpp/versions.ts';

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

export interface FixupRule {
  name: string;
  /** Charger Call actions the rule looks at, per version. */
  actions(version: OcppVersion): readonly string[];
  /** Limits the rule to some chargers: ids, or BootNotification vendor/model (case-insensitive). */
  only?: { chargerIds?: string[]; vendor?: string; model?: string };
  fix(action: string, payload: Payload, context: FixupContext): FieldChange[];
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
