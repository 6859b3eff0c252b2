// Stage: `[autoconfig] lock` — the keys the proxy configures at every boot may not be changed by
// an upstream. A ChangeConfiguration of one is Rejected; a SetVariables loses the locked
// variables, and their Rejected results are added back to the charger's answer.

import { appendToArray, spliceValues } from '../ocpp/json-span.ts';
import { lockDecision } from '../rules/autoconfig.ts';
import { FORWARD, type Stage, type StageDecision, type StageFrame } from './stage.ts';

export class AutoconfigLock implements Stage {
  readonly name = 'autoconfig-lock';
  private readonly locked: ReadonlySet<string>;
  private readonly upstream: string;

  constructor(locked: ReadonlySet<string>, upstream: string) {
    this.locked = locked;
    this.upstream = upstream;
  }

  fromUpstream(frame: StageFrame): StageDecision {
    if (frame.type !== 'CALL' || (frame.action !== 'ChangeConfiguration' && frame.action !== 'SetVariables')) return FORWARD;
    const decision = lockDecision(frame.action, frame.payload, this.locked);
    if (decision.kind === 'reject') {
      return { kind: 'answer', payload: decision.answer, note: `${this.upstream} may not change ${decision.locked.join(', ')} ([autoconfig] lock)` };
    }
    if (decision.kind === 'partial') {
      const rejected = decision.rejected.map((result) => JSON.stringify(result));
      return {
        kind: 'replace',
        text: spliceValues(frame.text, [{ path: [3, 'setVariableData'], value: decision.keep }]),
        note: `${decision.locked.join(', ')} removed from ${this.upstream}'s SetVariables ([autoconfig] lock)`,
        rewriteAnswer: (answer) => appendToArray(answer, [2, 'setVariableResult'], rejected), // what the lock kept back
      };
    }
    return FORWARD;
  }
}
