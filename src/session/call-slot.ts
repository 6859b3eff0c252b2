// The one Call at a time toward the charger (OCPP-J): the queue of upstream and proxy Calls, the
// Call in flight and its timer. A Call goes out under a fresh id; the charger's answer goes back
// to its source alone, under the source's own id.

import { randomUUID } from 'node:crypto';
import { redactAnswerSecrets, redactSecrets } from '../log/redact.ts';
import { CALL, CALLRESULT, TYPE_NAMES, withId, type Frame, type Payload } from '../ocpp/frame.ts';
import { autoconfigCalls, configStatus } from '../rules/autoconfig.ts';
import { variableKeyId, variableRef } from '../rules/config-views.ts';
import type { UpstreamLink } from '../upstream/upstream-link.ts';
import { CallQueue, type UpstreamCall } from './call-queue.ts';
import { DROPPED, INJECTED, NO_TAGS, QUEUED, type SessionCore } from './session-core.ts';
import type { Tag } from '../log/message-log.ts';
import { ProxyError } from '../errors.ts';

/** Commands (web, event API) that may wait for one charger at once; more are refused, not queued. */
export const MAX_WAITING_PROXY_CALLS = 20;

export type ProxyCallAnswer = { type: 'CALLRESULT' | 'CALLERROR'; payload: Payload | null };

interface CallInFlight {
  call: UpstreamCall<UpstreamLink>;
  proxyId: string;
  timer: NodeJS.Timeout;
}

export class CallSlot {
  private readonly session: SessionCore;
  private readonly queue: CallQueue<UpstreamLink>;
  private inFlight: CallInFlight | null = null;
  /** The configuration views were read on this connection. */
  private viewsRead = false;

  constructor(session: SessionCore) {
    this.session = session;
    this.queue = new CallQueue(session.primary);
  }

  /** Upstream Calls waiting for the charger, and whether one is out. */
  get queuedCalls(): number {
    return this.queue.length + (this.inFlight === null ? 0 : 1);
  }

  countFor(link: UpstreamLink): number {
    return this.queue.countFor(link);
  }

  /**
   * A Call of the proxy's own (web commands): through the one-at-a-time queue, logged `injected`;
   * resolves with the charger's answer, which goes to no upstream.
   */
  proxyCall(action: string, payload: Payload): Promise<ProxyCallAnswer> {
    const session = this.session;
    return new Promise((resolve, reject) => {
      if (!session.chargerReady) {
        reject(new ProxyError('ERR_NOT_CONNECTED', `${session.chargerId} is not connected`));
        return;
      }
      if (this.queue.proxyCallCount >= MAX_WAITING_PROXY_CALLS) {
        reject(new ProxyError('ERR_BUSY', `${session.chargerId} already has ${MAX_WAITING_PROXY_CALLS} commands waiting; try again once they are answered`));
        return;
      }
      // The wait covers the queue ahead of it and the charger's own call_timeout. A command its
      // caller was told had failed must not reach the charger later: it leaves the queue.
      const call = this.queueProxyCall(action, payload, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      const timer = setTimeout(() => {
        this.queue.remove(call);
        reject(new ProxyError('ERR_CALL_TIMEOUT', `no answer from ${session.chargerId} in time`));
      }, session.callTimeoutMs * 2);
      this.sendNext();
    });
  }

  /** `[autoconfig]`: after each accepted boot, every key goes to the charger, ahead of held calls. */
  startAutoconfig(): void {
    const { context, memory, log } = this.session;
    for (const { key, action, payload } of autoconfigCalls(this.session.protocol, context.config.autoconfig)) {
      this.queueProxyCall(action, payload, (answer) => {
        const status = answer.payload === null ? 'CallError' : configStatus(action, answer.payload);
        memory.autoconfigResults.set(key, status);
        if (status === 'Accepted') log.proxy.info(`autoconfig ${key}: Accepted`);
        else log.proxy.warn(`autoconfig ${key}: ${status}`);
      });
    }
    this.readConfigViews();
  }

  /**
   * The charger connected: one whose boot the primary accepted on an earlier connection (a 1.6
   * charger that reconnects without booting) has its configuration views read now, and gets the
   * charging profiles that changed while it was away.
   */
  connected(): void {
    if (!this.session.memory.bootAccepted()) return;
    this.readConfigViews();
    this.session.memory.knownChargingProfiles?.resume();
    this.sendNext();
  }

  /**
   * `[configuration]` views: the charger's own values of the shared keys, read once per connection
   * after an accepted boot (answers consumed); where the charger lost the effective value, it is
   * sent again.
   */
  private readConfigViews(): void {
    const { context, memory, log, protocol } = this.session;
    const views = memory.knownConfigViews;
    if (views === null || views.keyList.length === 0 || this.viewsRead) return;
    this.viewsRead = true;
    const autoconfig = new Map(context.config.autoconfig.map(([key, value]) => [key.toLowerCase(), value]));
    const names = views.keyList.map(([, key]) => key.name);
    const is16 = protocol === 'ocpp1.6';
    const read = is16 ? { key: names } : { getVariableData: names.map(variableRef).filter((ref) => ref !== null) };
    this.queueProxyCall(is16 ? 'GetConfiguration' : 'GetVariables', read, (answer) => {
      const values = new Map<string, string>();
      for (const item of (answer.payload?.[is16 ? 'configurationKey' : 'getVariableResult'] ?? []) as Payload[]) {
        if (is16 && typeof item.key === 'string' && typeof item.value === 'string') values.set(item.key.toLowerCase(), item.value);
        else if (!is16 && item.attributeStatus === 'Accepted' && typeof item.attributeValue === 'string') values.set(variableKeyId(item.component, item.variable), item.attributeValue);
      }
      if (answer.payload === null) log.proxy.warn('the charger did not answer the read of the configuration views; they start from [autoconfig]');
      for (const [key, value] of views.chargerRead(values, autoconfig)) {
        log.proxy.info(`configuration view ${key}: the charger holds another value, sending the effective ${value} again`);
        const payload = is16 ? { key, value } : { setVariableData: [{ attributeValue: value, ...variableRef(key)! }] };
        this.queueProxyCall(is16 ? 'ChangeConfiguration' : 'SetVariables', payload, (result) => {
          const status = result.payload === null ? 'CallError' : configStatus(is16 ? 'ChangeConfiguration' : 'SetVariables', result.payload);
          if (status !== 'Accepted' && status !== 'RebootRequired') log.proxy.warn(`configuration view ${key}: the charger answered ${status}`);
        });
      }
      this.sendNext();
    });
  }

  /** An upstream's Call, ready to go: queued, and sent at once if the slot is free (`payload`: its parse, if its text is unchanged). */
  push(call: UpstreamCall<UpstreamLink>, payload?: Payload): void {
    this.queue.push(call);
    this.sendNext(call, payload);
  }

  /** Sends the next Call if the slot is free; `arrived` is the one just queued (not tagged `queued` if it goes at once). */
  sendNext(arrived?: UpstreamCall<UpstreamLink>, payload?: Payload): void {
    if (this.inFlight !== null || !this.session.chargerReady) return;
    // Non-primary Calls wait until the primary has accepted the charger's boot.
    const call = this.queue.shift(this.session.memory.bootAccepted());
    if (call === undefined) return;
    const decided = call.atSend?.();
    if (decided !== undefined && 'answer' in decided) {
      this.answerAtSend(call, decided.answer, decided.note);
      this.sendNext();
      return;
    }
    if (decided !== undefined) call.text = decided.text;
    if (call === arrived) this.send(call, NO_TAGS, decided === undefined ? (payload ?? null) : null);
    else this.send(call, QUEUED, null);
  }

  /** A waiting Call a stage no longer needs sent: the proxy answers its source. */
  private answerAtSend(call: UpstreamCall<UpstreamLink>, answer: Payload, note: string): void {
    const link = call.source!;
    const ts = new Date().toISOString();
    this.session.record({ ts, from: link.name, to: 'proxy', type: 'CALL', id: call.id, action: call.action, tags: NO_TAGS, raw: redactSecrets(call.action, JSON.parse(call.text)[3] as Payload, call.text) });
    this.session.log.proxy.info(note);
    if (!link.isOpen) return;
    const out = `[${CALLRESULT},${call.idLiteral},${JSON.stringify(answer)}]`;
    link.send(out);
    this.session.record({ ts, from: 'proxy', to: link.name, type: 'CALLRESULT', id: call.id, action: call.action, tags: NO_TAGS, raw: out });
  }

  /** The charger answered the Call in flight: back to its source alone, under the source's own id. */
  answered(frame: Exclude<Frame, { type: 2 | 5 | 6 }>, text: string, ts: string): void {
    const session = this.session;
    const typeName = TYPE_NAMES[frame.type]! as 'CALLRESULT' | 'CALLERROR';
    const proxyId = frame.id;
    const inFlight = this.inFlight;
    if (inFlight === null || inFlight.proxyId !== proxyId) {
      session.record({ ts, from: 'charger', to: 'proxy', type: typeName, id: proxyId, action: null, tags: DROPPED, raw: text });
      session.log.proxy.info(`${typeName} ${proxyId} answers no pending call (late or unknown), dropped`);
      return;
    }
    clearTimeout(inFlight.timer);
    this.inFlight = null;
    const { call } = inFlight;
    const link = call.source;
    const answerPayload = frame.type === CALLRESULT ? frame.payload : null;
    const hop = { ts, type: typeName, action: call.action };
    call.onChargerAnswer?.(answerPayload);
    if (link === null) {
      // The proxy's own Call: its answer is the proxy's, never an upstream's.
      session.record({ ...hop, from: 'charger', to: 'proxy', id: proxyId, tags: INJECTED, raw: redactAnswerSecrets(call.action, answerPayload, text) });
      call.onAnswer?.({ type: typeName, payload: answerPayload });
    } else if (!link.isOpen) {
      session.record({ ...hop, from: 'charger', to: 'proxy', id: proxyId, tags: DROPPED, raw: redactAnswerSecrets(call.action, answerPayload, text) });
      session.log.proxy.info(`answer to ${link.name}'s ${call.action} dropped, ${link.name} is not connected`);
    } else {
      const answer = call.rewriteAnswer !== undefined && frame.type === CALLRESULT ? call.rewriteAnswer(text) : text;
      const out = withId(answer, call.idLiteral);
      link.send(out);
      session.record({ ...hop, from: 'charger', to: link.name, id: call.id, tags: NO_TAGS, raw: redactAnswerSecrets(call.action, answerPayload, out) });
    }
    this.sendNext();
  }

  /** Forgets the Calls of a source that went away; nobody is left to answer them to. */
  drop(link: UpstreamLink): number {
    return this.queue.drop(link);
  }

  /** The session ended: nothing more goes out. */
  clear(): void {
    const inFlight = this.inFlight;
    this.inFlight = null;
    if (inFlight !== null) {
      clearTimeout(inFlight.timer);
      inFlight.call.onChargerAnswer?.(null);
    }
    this.queue.clear();
  }

  /** Queues a Call of the proxy's own; its id is assigned when it goes, its answer goes to `onAnswer`. */
  private queueProxyCall(action: string, payload: Payload, onAnswer: NonNullable<UpstreamCall<UpstreamLink>['onAnswer']>): UpstreamCall<UpstreamLink> {
    const call: UpstreamCall<UpstreamLink> = { source: null, id: '', idLiteral: '""', action, text: JSON.stringify([CALL, '', action, payload]), onAnswer };
    this.queue.push(call);
    return call;
  }

  private send(call: UpstreamCall<UpstreamLink>, tags: Tag[], payload: Payload | null): void {
    const proxyId = randomUUID();
    const out = withId(call.text, `"${proxyId}"`);
    this.inFlight = { call, proxyId, timer: setTimeout(() => this.timedOut(proxyId), this.session.callTimeoutMs) };
    this.session.sendToCharger(out);
    const raw = payload === null ? redactSecrets(call.action, JSON.parse(out)[3] as Payload, out) : redactSecrets(call.action, payload, out);
    const from = call.source === null ? 'proxy' : call.source.name;
    this.session.record({ ts: new Date().toISOString(), from, to: 'charger', type: 'CALL', id: proxyId, action: call.action, tags: call.source === null ? INJECTED : tags, raw });
  }

  private timedOut(proxyId: string): void {
    if (this.inFlight?.proxyId !== proxyId) return;
    const { call } = this.inFlight;
    this.session.log.proxy.warn(`no answer to ${call.source?.name ?? 'the proxy'}'s ${call.action} within call_timeout, slot freed`);
    call.onChargerAnswer?.(null);
    this.inFlight = null;
    this.sendNext();
  }
}
