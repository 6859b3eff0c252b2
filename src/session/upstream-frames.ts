// The upstreams' frames, on their way to the charger: an upstream's Call passes its stage chain
// (policy, control, transaction ids, lock) and waits for the call slot; an answer reaches the
// charger only from the primary or the session's owner. Also what an upstream that (re)connects
// missed: the replay of boot and statuses (held until the charger's first Call shows whether it
// boots again) and its backlog, one Call at a time.

import { randomUUID } from 'node:crypto';
import { redactSecrets } from '../log/redact.ts';
import { CALL, CALLRESULT, CALLRESULTERROR, SEND, TYPE_NAMES, callError, idLiteralOf, parseFrame, withId, type Frame, type ParseResult, type Payload } from '../ocpp/frame.ts';
import type { versionRules } from '../ocpp/versions.ts';
import { runChain, type ChainResult, type Stage } from '../stages/stage.ts';
import { spliceIds } from '../stages/transaction-ids.ts';
import type { Transactions } from '../stages/transactions.ts';
import type { Tag } from '../log/message-log.ts';
import type { OcppErrorCode } from '../errors.ts';
import type { UpstreamLink } from '../upstream/upstream-link.ts';
import type { UpstreamCall } from './call-queue.ts';
import type { CallSlot } from './call-slot.ts';
import { DurableDelivery } from './durable-delivery.ts';
import { untranslatableAnswer } from '../translate/charger-calls.ts';
import { BLOCKED, DROPPED, INJECTED, NO_TAGS, internalError, QUEUED, REPLAYED, type SessionCore } from './session-core.ts';

/**
 * A charger that says nothing for this long after connecting is taken not to boot again: links
 * that opened meanwhile get their replay. Long enough for a slow boot to arrive first (a replay
 * followed by the real boot is a duplicate boot upstream); a silent charger only delays the replay.
 */
export const FIRST_CALL_WAIT_MS = 10_000;

export interface UpstreamFramesParts {
  rules: ReturnType<typeof versionRules>;
  transactions: Transactions<UpstreamLink>;
  chains: ReadonlyMap<UpstreamLink, readonly Stage[]>;
  slot: CallSlot;
}

export class UpstreamFrames {
  private readonly session: SessionCore;
  private readonly parts: UpstreamFramesParts;
  /** Charger Calls answered by an upstream other than the primary (a session owner) → that upstream. */
  private readonly answerers = new Map<string, UpstreamLink>();
  /**
   * Links that opened before the charger's first Call on this connection: whether they get the
   * replay (rule 8) depends on whether the charger boots again. Null once that is known.
   */
  private heldReplays: Set<UpstreamLink> | null = new Set();
  private firstCallTimer: NodeJS.Timeout | null;
  /** Durable delivery of transaction Calls (null without a state store). */
  readonly durable: DurableDelivery | null;

  constructor(session: SessionCore, parts: UpstreamFramesParts) {
    this.session = session;
    this.parts = parts;
    const store = session.context.store;
    this.durable = store !== null ? new DurableDelivery(store.outbox, session.chargerId) : null;
    this.firstCallTimer = setTimeout(() => this.releaseReplays(false), session.context.firstCallWaitMs ?? FIRST_CALL_WAIT_MS);
  }

  /** The charger's Call `callId` is answered by `link`, not the primary (the session's owner). */
  expectAnswer(callId: string, link: UpstreamLink): void {
    this.answerers.set(callId, link);
  }

  /** A charger Call arrived: the first one on a connection says whether the charger boots again. */
  chargerCallArrived(action: string): void {
    if (this.heldReplays !== null) this.releaseReplays(action === 'BootNotification');
  }

  linkOpened(link: UpstreamLink): void {
    if (this.heldReplays !== null) {
      // Too early to tell whether the charger boots on this connection: everything for this link
      // waits (catching up) until its first Call says so.
      link.catchUp.hold();
      this.heldReplays.add(link);
      return;
    }
    this.catchUp(link, true);
  }

  /**
   * A 1.6 upstream that is not the session owner answers StartTransaction with its own id: hold
   * its next frames until that answer is in, so they can carry its id.
   */
  awaitStart(link: UpstreamLink, callId: string): void {
    if (!link.isOpen || link.catchUp.waiting || this.session.protocol !== 'ocpp1.6') return;
    link.catchUp.awaitAnswer(callId, this.session.callTimeoutMs, () => this.catchUpNext(link));
  }

  linkMessage(link: UpstreamLink, data: Buffer, isBinary: boolean): void {
    const text = isBinary ? `<binary frame, ${data.length} bytes>` : data.toString();
    try {
      this.handle(link, data, isBinary, text);
    } catch (error) {
      internalError(this.session, link.name, text, error);
    }
  }

  private handle(link: UpstreamLink, data: Buffer, isBinary: boolean, text: string): void {
    const session = this.session;
    const ts = new Date().toISOString();
    const parsed: ParseResult = isBinary ? { ok: false, problem: 'bad-envelope', id: null, detail: 'binary frame' } : parseFrame(text, this.parts.rules.messageTypes);
    if (!parsed.ok) {
      // Garbage from an upstream never reaches the charger.
      session.record({ ts, from: link.name, to: 'proxy', type: 'INVALID', id: parsed.id, action: null, tags: DROPPED, raw: text });
      session.log.client.warn(`bad frame from ${link.name} dropped: ${parsed.detail}`);
      return;
    }
    const frame = parsed.frame;
    switch (frame.type) {
      case CALL:
      case SEND:
        this.call(link, frame, text, ts);
        return;
      case CALLRESULTERROR:
        session.record({ ts, from: link.name, to: 'proxy', type: 'CALLRESULTERROR', id: frame.id, action: null, tags: DROPPED, raw: text });
        return;
      default:
        this.answer(link, frame, data, text, ts);
    }
  }

  /**
   * A translating link had nothing to send for the charger's Call `id`: it counts as answered
   * there; when that link answers the charger, the charger gets what 1.6 allows to say.
   */
  settled(link: UpstreamLink, id: string): void {
    const session = this.session;
    const action = link.awaitingReplies.get(id);
    link.awaitingReplies.delete(id);
    this.durable?.answered(link, id);
    if (link.catchUp.answered(id)) this.catchUpNext(link);
    if (action === undefined || link !== (this.answerers.get(id) ?? session.primary)) return;
    this.answerers.delete(id);
    const answer = untranslatableAnswer(action);
    const out = 'payload' in answer ? JSON.stringify([CALLRESULT, id, answer.payload]) : callError(id, answer.code, answer.description);
    session.answerCharger(action, out);
    session.record({ ts: new Date().toISOString(), from: 'proxy', to: 'charger', type: 'payload' in answer ? 'CALLRESULT' : 'CALLERROR', id, action, tags: BLOCKED, raw: out });
  }

  /** The session ended. */
  stop(): void {
    if (this.firstCallTimer !== null) clearTimeout(this.firstCallTimer);
    this.firstCallTimer = null;
    this.heldReplays = null;
  }

  /**
   * The charger's first Call on this connection is in (or it stayed silent for the bound): a
   * charger that boots gives each held link its own boot, so those get no replay; otherwise they
   * get the replay first.
   */
  private releaseReplays(chargerBoots: boolean): void {
    const held = this.heldReplays;
    if (held === null) return;
    this.heldReplays = null;
    if (this.firstCallTimer !== null) clearTimeout(this.firstCallTimer);
    this.firstCallTimer = null;
    for (const link of held) if (link.isOpen) this.catchUp(link, !chargerBoots);
  }

  /**
   * A (re)connected upstream first learns what it missed: with `replay`, the boot and each
   * connector's status (unless the charger's own boot is already waiting for it), then the
   * charger's waiting calls.
   */
  private catchUp(link: UpstreamLink, replay: boolean): void {
    if (replay && !link.catchUp.hasBacklogged('BootNotification')) {
      for (const { action, text } of this.session.memory.replayFrames()) {
        const proxyId = randomUUID();
        const out = withId(text, `"${proxyId}"`);
        link.catchUp.addReplay({ data: out, text: out, type: 'CALL', id: proxyId, action, tags: REPLAYED });
      }
    }
    // Every transaction Call this link has not answered, from the outbox, before anything newer.
    if (this.durable !== null) link.catchUp.takeDurable(this.durable.pendingFrames(link));
    if (link.catchUp.start()) this.catchUpNext(link);
  }

  /** Sends what a link missed one Call at a time, as a CSMS expects; the next goes on its answer. */
  private catchUpNext(link: UpstreamLink): void {
    const session = this.session;
    while (!link.catchUp.waiting && !session.isEnded && link.isOpen) {
      const next = link.catchUp.next();
      if (next === undefined) return;
      const { frame, replayed } = next;
      if (frame.type === 'CALL' && !replayed && (frame.action === 'MeterValues' || frame.action === 'StopTransaction')) {
        // Its transaction may have started while this upstream was away: use the id it knows.
        const ids = this.parts.transactions.idsForUpstream(link, frame.action, JSON.parse(frame.text)[3] as Payload);
        if (ids.length > 0) frame.data = frame.text = spliceIds(frame.text, ids);
      }
      link.send(frame.data);
      if (frame.type === 'CALL' && !replayed) link.awaitingReplies.set(frame.id, frame.action!);
      const tags = replayed ? frame.tags : frame.tags.length === 0 ? QUEUED : [...frame.tags, 'queued' as const];
      session.record({ ts: new Date().toISOString(), from: replayed ? 'proxy' : 'charger', to: link.name, type: frame.type, id: frame.id, action: frame.action, tags, raw: frame.text });
      if (frame.type === 'CALL') link.catchUp.awaitAnswer(frame.id, session.callTimeoutMs, () => this.catchUpNext(link));
    }
  }

  private call(link: UpstreamLink, frame: Extract<Frame, { type: 2 | 6 }>, text: string, ts: string): void {
    const session = this.session;
    const typeName = TYPE_NAMES[frame.type]! as 'CALL' | 'SEND';
    const result = runChain(this.parts.chains.get(link)!, 'fromUpstream', { type: typeName, id: frame.id, action: frame.action, payload: frame.payload, text });
    for (const note of result.notes) session.log.proxy.info(note);
    if (result.stopped !== null) {
      this.refuse(link, frame, typeName, text, result.stopped, ts);
      return;
    }
    if (frame.type === SEND) {
      // 2.1 SEND expects no answer, so it needs no slot; a fresh id still keeps upstreams apart.
      const proxyId = randomUUID();
      const out = withId(result.text, `"${proxyId}"`);
      session.sendToCharger(out);
      session.record({ ts, from: link.name, to: 'charger', type: typeName, id: proxyId, action: frame.action, tags: NO_TAGS, raw: redactSecrets(frame.action, frame.payload, out) });
      return;
    }
    const limit = session.context.config.queueLimit;
    if (this.parts.slot.countFor(link) >= limit) {
      session.log.proxy.warn(`${link.name}'s ${frame.action} refused, ${limit} calls already wait`);
      result.onChargerAnswer?.(null); // a stage that took the Call into account learns it never goes
      this.reply(link, frame.id, frame.action, 'GenericError', 'proxy queue full', DROPPED, ts);
      return;
    }
    const call: UpstreamCall<UpstreamLink> = { source: link, id: frame.id, idLiteral: idLiteralOf(text), action: frame.action, text: result.text };
    if (result.rewriteAnswer !== null) call.rewriteAnswer = result.rewriteAnswer;
    if (result.onChargerAnswer !== null) call.onChargerAnswer = result.onChargerAnswer;
    if (result.atSend !== null) call.atSend = result.atSend;
    this.parts.slot.push(call, result.text === text ? frame.payload : undefined);
  }

  /** The one "reply and log" path for a Call a stage stopped: the Call is logged, the sender answered. */
  private refuse(link: UpstreamLink, frame: Extract<Frame, { type: 2 | 6 }>, typeName: 'CALL' | 'SEND', text: string, stop: NonNullable<ChainResult['stopped']>, ts: string): void {
    const session = this.session;
    const tags = stop.kind === 'drop' ? DROPPED : stop.kind === 'answer' && stop.granted === true ? NO_TAGS : BLOCKED;
    session.record({ ts, from: link.name, to: 'proxy', type: typeName, id: frame.id, action: frame.action, tags, raw: redactSecrets(frame.action, frame.payload, text) });
    session.log.proxy.info(stop.note);
    if (frame.type !== CALL) return; // a SEND is answered by nobody
    if (stop.kind === 'error') this.reply(link, frame.id, frame.action, stop.code, stop.description, BLOCKED, ts);
    else if (stop.kind === 'answer') {
      const answer = JSON.stringify([CALLRESULT, frame.id, stop.payload]);
      link.send(answer);
      session.record({ ts, from: 'proxy', to: link.name, type: 'CALLRESULT', id: frame.id, action: frame.action, tags, raw: answer });
      if (stop.then !== undefined) this.proxyCalls(link, stop.then);
    }
  }

  /** The proxy's own Calls to an upstream (e.g. the reports it asked for): one at a time, before its backlog; answers are the proxy's. */
  private proxyCalls(link: UpstreamLink, calls: ReadonlyArray<{ action: string; payload: Payload }>): void {
    for (const { action, payload } of calls) {
      const proxyId = randomUUID();
      const out = JSON.stringify([CALL, proxyId, action, payload]);
      link.catchUp.addReplay({ data: out, text: out, type: 'CALL', id: proxyId, action, tags: INJECTED });
    }
    if (!link.catchUp.isActive && link.catchUp.start()) this.catchUpNext(link);
  }

  private answer(link: UpstreamLink, frame: Exclude<Frame, { type: 2 | 6 }>, data: Buffer, text: string, ts: string): void {
    const session = this.session;
    const type = TYPE_NAMES[frame.type]!;
    const { id } = frame;
    const catchUpStep = link.catchUp.answered(id);
    const replayedAction = link.catchUp.takeReplayed(id);
    if (replayedAction !== undefined) {
      session.record({ ts, from: link.name, to: 'proxy', type, id, action: replayedAction, tags: REPLAYED, raw: text }); // answers to replays are the proxy's
    } else {
      const action = link.awaitingReplies.get(id);
      if (action !== undefined) link.awaitingReplies.delete(id);
      const answerer = this.answerers.get(id) ?? session.primary;
      if (action !== undefined) this.parts.transactions.upstreamAnswered(link, action, id, frame.type === CALLRESULT ? frame.payload : null, text);
      const kept = this.durable?.answered(link, id, frame.type !== CALLRESULT) ?? null;
      if (kept !== null && frame.type === CALLRESULT && kept.chargerTx !== null && action === 'StartTransaction') {
        this.parts.transactions.replayedStartAnswered(link, kept.chargerTx, frame.payload);
      } else if (kept !== null && frame.type !== CALLRESULT) {
        session.log.proxy.warn(`${link.name} answered ${action ?? 'a kept Call'} ${id} with a CallError: it leaves the outbox all the same`);
      }
      if (link !== answerer || action === undefined) {
        // Only the primary (or the session's owner) answers the charger, and only once per Call.
        session.record({ ts, from: link.name, to: 'proxy', type, id, action: action ?? null, tags: DROPPED, raw: text });
      } else {
        this.answerers.delete(id);
        const chargerId = this.parts.transactions.answerIdFor(action, id);
        const out = chargerId === id ? data : withId(text, JSON.stringify(chargerId));
        const started = action === 'StartTransaction' && frame.type === CALLRESULT ? frame.payload.transactionId : undefined;
        if (typeof started === 'number' || typeof started === 'string') this.durable?.startAnswered(id, String(started));
        session.answerCharger(action, out);
        session.record({ ts, from: link.name, to: 'charger', type, id: chargerId, action, tags: NO_TAGS, raw: typeof out === 'string' ? out : text });
        if (action === 'BootNotification' && frame.type === CALLRESULT) {
          const accepted = frame.payload.status === 'Accepted';
          session.memory.bootAnswered(accepted);
          if (accepted) {
            this.parts.slot.startAutoconfig();
            session.memory.knownChargingProfiles?.resendAll();
          }
          this.parts.slot.sendNext(); // autoconfig first, then the held calls
        }
      }
    }
    if (catchUpStep) this.catchUpNext(link);
  }

  private reply(link: UpstreamLink, id: string, action: string, code: OcppErrorCode, description: string, tags: Tag[], ts: string): void {
    const reply = callError(id, code, description);
    link.send(reply);
    this.session.record({ ts, from: 'proxy', to: link.name, type: 'CALLERROR', id, action, tags, raw: reply });
  }
}
