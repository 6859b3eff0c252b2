// Stage: `[configuration]` views, upstream → charger. A write of a shared key changes this
// upstream's view; the charger gets the effective value only when that changes (else the proxy
// accepts itself). A read shows this upstream its own view. `exclusive`: other keys only from one
// upstream.

import type { Payload } from '../ocpp/frame.ts';
import { spliceJson, spliceValues, valueText } from '../ocpp/json-span.ts';
import { invalidValue, variableKeyId } from '../rules/config-views.ts';
import type { ConfigViews, ViewWrite } from '../sharing/config-views.ts';
import { FORWARD, type Stage, type StageDecision, type StageFrame } from './stage.ts';

const ACCEPTING = new Set(['Accepted', 'RebootRequired']);

export class ConfigViewsStage implements Stage {
  readonly name = 'config-views';
  private readonly views: ConfigViews;
  private readonly upstream: string;
  /** `[configuration] exclusive`: only this upstream may change keys outside the views (null: anyone). */
  private readonly exclusive: string | null;

  constructor(views: ConfigViews, upstream: string, exclusive: string | null) {
    this.views = views;
    this.upstream = upstream;
    this.exclusive = exclusive;
  }

  fromUpstream(frame: StageFrame): StageDecision {
    if (frame.type !== 'CALL') return FORWARD;
    switch (frame.action) {
      case 'ChangeConfiguration':
        return this.changeConfiguration(frame);
      case 'SetVariables':
        return this.setVariables(frame);
      case 'GetConfiguration':
        return { kind: 'replace', text: frame.text, rewriteAnswer: (answer) => this.ownConfiguration(answer) };
      case 'GetVariables':
        return { kind: 'replace', text: frame.text, rewriteAnswer: (answer) => this.ownVariables(answer) };
      default:
        return FORWARD;
    }
  }

  private mayChangeOthers(): boolean {
    return this.exclusive === null || this.exclusive === this.upstream;
  }

  private changeConfiguration(frame: StageFrame): StageDecision {
    const { key, value } = frame.payload as { key: unknown; value: unknown };
    if (typeof key !== 'string' || typeof value !== 'string') return FORWARD;
    const id = key.toLowerCase();
    const viewKey = this.views.key(id);
    if (viewKey === undefined) {
      if (this.mayChangeOthers()) return FORWARD;
      return { kind: 'answer', payload: { status: 'Rejected' }, note: `${this.upstream} may not change ${key} ([configuration] exclusive = ${this.exclusive})` };
    }
    const invalid = invalidValue(viewKey.kind, value);
    if (invalid !== null) return { kind: 'answer', payload: { status: 'Rejected' }, note: `${this.upstream}'s ${key}: ${invalid}, Rejected` };
    const write = this.views.write(this.upstream, id, value);
    if (write.send === null) {
      return { kind: 'answer', payload: { status: 'Accepted' }, granted: true, note: `${this.upstream}'s view of ${key} is now ${value}; the charger keeps ${this.views.chargerValue(id) ?? value}` };
    }
    return {
      kind: 'replace',
      text: spliceValues(frame.text, [{ path: [3, 'value'], value: write.send }]),
      note: `${this.upstream}'s view of ${key} is ${value}: the charger gets ${write.send}`,
      onChargerAnswer: (answer) => write.settle(typeof answer?.status === 'string' && ACCEPTING.has(answer.status)),
    };
  }

  /**
   * View variables are answered by the proxy or sent with the effective value; the rest pass (or
   * are Rejected under `exclusive`); the answer is one list in the request's order.
   */
  private setVariables(frame: StageFrame): StageDecision {
    // Parsed from the text as it stands: an earlier stage (the lock) may have removed items.
    const items = (JSON.parse(frame.text) as [number, string, string, Payload])[3].setVariableData;
    if (!Array.isArray(items)) return FORWARD;
    /** Per item: the proxy's own result, or the index among the forwarded items. */
    const plan: Array<{ own: Payload } | { forwarded: number; write: ViewWrite | null }> = [];
    const forwarded: string[] = [];
    const notes: string[] = [];
    items.forEach((raw, index) => {
      const item = raw as Payload;
      const id = variableKeyId(item.component, item.variable);
      const viewKey = item.attributeType === undefined || item.attributeType === 'Actual' ? this.views.key(id) : undefined;
      const original = valueText(frame.text, [3, 'setVariableData', index])!;
      const result = (status: string): Payload => {
        const own: Payload = { attributeStatus: status, component: item.component, variable: item.variable };
        if (item.attributeType !== undefined) own.attributeType = item.attributeType;
        return own;
      };
      if (viewKey === undefined) {
        if (this.mayChangeOthers()) {
          plan.push({ forwarded: forwarded.length, write: null });
          forwarded.push(original);
        } else {
          plan.push({ own: result('Rejected') });
          notes.push(`${this.upstream} may not change ${id} ([configuration] exclusive = ${this.exclusive})`);
        }
        return;
      }
      const value = String(item.attributeValue);
      const invalid = invalidValue(viewKey.kind, value);
      if (invalid !== null) {
        plan.push({ own: result('Rejected') });
        notes.push(`${this.upstream}'s ${viewKey.name}: ${invalid}, Rejected`);
        return;
      }
      const write = this.views.write(this.upstream, id, value);
      if (write.send === null) {
        plan.push({ own: result('Accepted') });
        notes.push(`${this.upstream}'s view of ${viewKey.name} is now ${value}; the charger keeps it as it is`);
        return;
      }
      plan.push({ forwarded: forwarded.length, write });
      forwarded.push(spliceValues(original, [{ path: ['attributeValue'], value: write.send }]));
      notes.push(`${this.upstream}'s view of ${viewKey.name} is ${value}: the charger gets ${write.send}`);
    });
    const note = notes.join('; ');
    if (forwarded.length === 0) {
      const answer = { setVariableResult: plan.map((step) => ('own' in step ? step.own : null)) };
      const granted = plan.every((step) => 'own' in step && step.own.attributeStatus === 'Accepted');
      return { kind: 'answer', payload: answer, note, granted };
    }
    if (notes.length === 0) return FORWARD;
    return {
      kind: 'replace',
      text: spliceJson(frame.text, [{ path: [3, 'setVariableData'], json: `[${forwarded.join(',')}]` }]),
      note,
      onChargerAnswer: (answer) => {
        const results = Array.isArray(answer?.setVariableResult) ? (answer.setVariableResult as Payload[]) : [];
        for (const step of plan) {
          if ('forwarded' in step && step.write !== null) {
            const status = results[step.forwarded]?.attributeStatus;
            step.write.settle(typeof status === 'string' && ACCEPTING.has(status));
          }
        }
      },
      rewriteAnswer: (answer) => {
        const parts = plan.map((step) => ('own' in step ? JSON.stringify(step.own) : valueText(answer, [2, 'setVariableResult', step.forwarded])));
        if (parts.some((part) => part === null)) return answer; // not one result per item: as the charger said it
        return spliceJson(answer, [{ path: [2, 'setVariableResult'], json: `[${parts.join(',')}]` }]);
      },
    };
  }

  /** A GetConfiguration answer with this upstream's view of the shared keys. */
  private ownConfiguration(answer: string): string {
    const keys = (JSON.parse(answer) as [number, string, Payload])[2].configurationKey;
    if (!Array.isArray(keys)) return answer;
    const changes: Array<{ path: Array<string | number>; value: string }> = [];
    keys.forEach((entry, index) => {
      const key = (entry as Payload).key;
      if (typeof key !== 'string' || this.views.key(key.toLowerCase()) === undefined) return;
      const own = this.views.viewOf(this.upstream, key.toLowerCase());
      if (own !== undefined && own !== (entry as Payload).value) changes.push({ path: [2, 'configurationKey', index, 'value'], value: own });
    });
    return changes.length === 0 ? answer : spliceValues(answer, changes);
  }

  /** A GetVariables answer with this upstream's view of the shared variables. */
  private ownVariables(answer: string): string {
    const results = (JSON.parse(answer) as [number, string, Payload])[2].getVariableResult;
    if (!Array.isArray(results)) return answer;
    const changes: Array<{ path: Array<string | number>; value: string }> = [];
    results.forEach((raw, index) => {
      const result = raw as Payload;
      if (result.attributeStatus !== 'Accepted' || (result.attributeType !== undefined && result.attributeType !== 'Actual')) return;
      const id = variableKeyId(result.component, result.variable);
      if (this.views.key(id) === undefined) return;
      const own = this.views.viewOf(this.upstream, id);
      if (own !== undefined && own !== result.attributeValue) changes.push({ path: [2, 'getVariableResult', index, 'attributeValue'], value: own });
    });
    return changes.length === 0 ? answer : spliceValues(answer, changes);
  }
}
