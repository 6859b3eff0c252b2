// Stage: sharing one charger — a charging-control Call goes through only when the control
// arbiter (holder, lease, homeowner's override, Home Assistant) allows this upstream; otherwise
// the upstream gets the action's own refusal (e.g. `Rejected`), never a CallError.

import type { OcppVersion } from '../ocpp/versions.ts';
import { controlRefusal, type ControlArbiter } from '../sharing/control.ts';
import { FORWARD, type Stage, type StageDecision, type StageFrame } from './stage.ts';

export class ControlGate implements Stage {
  readonly name = 'control';
  private readonly control: ControlArbiter;
  private readonly chargerId: string;
  private readonly upstream: string;
  private readonly protocol: OcppVersion;

  constructor(control: ControlArbiter, chargerId: string, upstream: string, protocol: OcppVersion) {
    this.control = control;
    this.chargerId = chargerId;
    this.upstream = upstream;
    this.protocol = protocol;
  }

  fromUpstream(frame: StageFrame): StageDecision {
    if (frame.type !== 'CALL') return FORWARD;
    const refusal = controlRefusal(this.protocol, frame.action);
    if (refusal === null) return FORWARD;
    const decision = this.control.decide(this.chargerId, this.upstream, frame.action);
    if (!decision.allowed) return { kind: 'answer', payload: refusal, note: `${this.upstream}'s ${frame.action} refused: ${decision.reason}` };
    return { kind: 'forward', note: `${this.upstream}'s ${frame.action} allowed: ${decision.reason}` };
  }
}
