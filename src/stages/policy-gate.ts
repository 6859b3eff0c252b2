// Stage: which Calls this upstream may send to the charger at all (role, allow/deny_actions).
// A refused Call gets CallError SecurityError and never reaches the charger.

import type { CallPolicy } from '../config/policy.ts';
import { FORWARD, type Stage, type StageDecision, type StageFrame } from './stage.ts';

export class PolicyGate implements Stage {
  readonly name = 'policy';
  private readonly policy: CallPolicy;
  private readonly upstream: string;

  constructor(policy: CallPolicy, upstream: string) {
    this.policy = policy;
    this.upstream = upstream;
  }

  fromUpstream(frame: StageFrame): StageDecision {
    const refusal = this.policy.refusal(frame.action);
    if (refusal === null) return FORWARD;
    return { kind: 'error', code: 'SecurityError', description: `${this.upstream}: ${refusal}`, note: `${this.upstream}'s ${frame.action} blocked: ${refusal}` };
  }
}
