// Stage: `[upstream.NAME] idtag_map` / `idtag`. This upstream knows the charger's cards under
// other tokens (an ERE broker's, an employer's): toward it the charger's id tags are replaced,
// and in its Calls to the charger its tokens are replaced back. `idtag` reports every session
// under one token (nothing to map back).

import type { JsonPath } from '../ocpp/json-span.ts';
import { spliceValues } from '../ocpp/json-span.ts';
import type { Payload } from '../ocpp/frame.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import { FORWARD, type Stage, type StageDecision, type StageFrame } from './stage.ts';
import { wireTable } from '../ocpp/wire-table.ts';

/** Where an id tag sits, per action: charger Calls toward the upstream, and the upstream's Calls to the charger. */
const TO_UPSTREAM_16: Readonly<Record<string, JsonPath>> = wireTable({ Authorize: [3, 'idTag'], StartTransaction: [3, 'idTag'], StopTransaction: [3, 'idTag'] });
const TO_UPSTREAM_2: Readonly<Record<string, JsonPath>> = wireTable({ Authorize: [3, 'idToken', 'idToken'], TransactionEvent: [3, 'idToken', 'idToken'] });
const FROM_UPSTREAM_16: Readonly<Record<string, JsonPath>> = wireTable({ RemoteStartTransaction: [3, 'idTag'], ReserveNow: [3, 'idTag'] });
const FROM_UPSTREAM_2: Readonly<Record<string, JsonPath>> = wireTable({ RequestStartTransaction: [3, 'idToken', 'idToken'], ReserveNow: [3, 'idToken', 'idToken'] });

function at(payload: Payload, path: JsonPath): unknown {
  let value: unknown = payload;
  for (const step of path.slice(1)) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[step as string] : undefined;
  return value;
}

export class IdTokens implements Stage {
  readonly name = 'id-tokens';
  private readonly upstream: string;
  /** Charger tag (upper-cased) → this upstream's; and back. */
  private readonly toUpstreamTags: ReadonlyMap<string, string>;
  private readonly toChargerTags: ReadonlyMap<string, string>;
  private readonly single: string | null;
  private readonly toUpstreamPaths: Readonly<Record<string, JsonPath>>;
  private readonly fromUpstreamPaths: Readonly<Record<string, JsonPath>>;

  constructor(upstream: string, protocol: OcppVersion, map: ReadonlyArray<[string, string]>, single: string | null) {
    this.upstream = upstream;
    this.toUpstreamTags = new Map(map.map(([charger, own]) => [charger.toUpperCase(), own]));
    this.toChargerTags = new Map(map.map(([charger, own]) => [own.toUpperCase(), charger]));
    this.single = single;
    const is16 = protocol === 'ocpp1.6';
    this.toUpstreamPaths = is16 ? TO_UPSTREAM_16 : TO_UPSTREAM_2;
    this.fromUpstreamPaths = is16 ? FROM_UPSTREAM_16 : FROM_UPSTREAM_2;
  }

  toUpstream(frame: StageFrame): StageDecision {
    const path = this.toUpstreamPaths[frame.action];
    if (path === undefined) return FORWARD;
    const tag = at(frame.payload, path);
    if (typeof tag !== 'string') return FORWARD;
    const own = this.single ?? this.toUpstreamTags.get(tag.toUpperCase());
    if (own === undefined || own === tag) return FORWARD;
    return { kind: 'replace', text: spliceValues(frame.text, [{ path, value: own }]) };
  }

  fromUpstream(frame: StageFrame): StageDecision {
    const path = this.fromUpstreamPaths[frame.action];
    if (path === undefined || this.toChargerTags.size === 0) return FORWARD;
    const tag = at(frame.payload, path);
    if (typeof tag !== 'string') return FORWARD;
    const charger = this.toChargerTags.get(tag.toUpperCase());
    if (charger === undefined) return FORWARD;
    return { kind: 'replace', text: spliceValues(frame.text, [{ path, value: charger }]), note: `${this.upstream}'s ${frame.action} for its token: the charger gets its own card` };
  }
}
