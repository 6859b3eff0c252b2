// The per-upstream stage chain, in the order a frame meets the stages. To add behaviour per
// upstream, write a stage (stage.ts) and put it here.
//
//   upstream → charger:  policy → control → transaction-ids → id-tokens → autoconfig-lock → config-views → charging-profiles
//   charger → upstream:  transaction-ids → id-tokens → meter-views

import type { CallPolicy } from '../config/policy.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import type { ControlArbiter } from '../sharing/control.ts';
import type { RoutedLink, Transactions } from './transactions.ts';
import { AutoconfigLock } from './autoconfig-lock.ts';
import { ControlGate } from './control-gate.ts';
import { PolicyGate } from './policy-gate.ts';
import type { ConfigViews } from '../sharing/config-views.ts';
import { ConfigViewsStage } from './config-views.ts';
import type { ChargingProfiles } from '../sharing/charging-profiles.ts';
import { ChargingProfilesStage } from './charging-profiles.ts';
import { MeterViews } from './meter-views.ts';
import type { Stage } from './stage.ts';
import { TransactionIds } from './transaction-ids.ts';
import { IdTokens } from './id-tokens.ts';

export interface ChainInputs<L extends RoutedLink> {
  link: L;
  upstream: string;
  chargerId: string;
  protocol: OcppVersion;
  policy: CallPolicy;
  control: ControlArbiter;
  transactions: Transactions<L>;
  /** `[autoconfig] lock`: the keys upstreams may not change, or null. */
  lockedKeys: ReadonlySet<string> | null;
  /** `[configuration] views`: this charger's views, or null when off. */
  views: ConfigViews | null;
  /** `[configuration] exclusive`: the one upstream that may change other keys, or null. */
  exclusive: string | null;
  /** `[charging] merge`: this charger's profiles of every upstream, or null when off. */
  profiles: ChargingProfiles | null;
  /** Connectors the charger reported (for profiles of connectors it does not have). */
  connectors: () => ReadonlySet<number>;
  /** `[upstream.NAME] idtag_map` / `idtag` (nothing to do when both are empty). */
  idTokens?: { map: ReadonlyArray<[string, string]>; single: string | null };
}

/** The stages between one charger connection and one of its upstreams, in order. */
export function stageChain<L extends RoutedLink>(inputs: ChainInputs<L>): Stage[] {
  const stages: Stage[] = [
    new PolicyGate(inputs.policy, inputs.upstream),
    new ControlGate(inputs.control, inputs.chargerId, inputs.upstream, inputs.protocol),
    new TransactionIds(inputs.transactions, inputs.link),
  ];
  const tokens = inputs.idTokens;
  if (tokens !== undefined && (tokens.map.length > 0 || tokens.single !== null)) stages.push(new IdTokens(inputs.upstream, inputs.protocol, tokens.map, tokens.single));
  if (inputs.lockedKeys !== null) stages.push(new AutoconfigLock(inputs.lockedKeys, inputs.upstream));
  if (inputs.views !== null) stages.push(new ConfigViewsStage(inputs.views, inputs.upstream, inputs.exclusive), new MeterViews(inputs.views, inputs.upstream, inputs.protocol));
  if (inputs.profiles !== null) stages.push(new ChargingProfilesStage(inputs.profiles, inputs.upstream, inputs.protocol, inputs.connectors));
  return stages;
}
