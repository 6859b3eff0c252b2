// The charger's frames, on their way to the upstreams: parsed once, repaired by the fixup rules,
// routed (RFID split, transaction owners), passed through each upstream's stage chain, and sent
// or kept in the backlog of an upstream that is away. Bad frames get a CallError of the
// negotiated version and go nowhere.

import { isTransactionCall } from './durable-delivery.ts';
import { redactSecrets } from '../log/redact.ts';
import { CALL, CALLRESULTERROR, SEND, callError, parseFrame, withId, type ParseResult, type Payload } from '../ocpp/frame.ts';
import type { versionRules } from '../ocpp/versions.ts';
import type { FixupPipeline } from '../rules/fixups.ts';
import { runChain, type Stage } from '../stages/stage.ts';
import type { Transactions } from '../stages/transactions.ts';
import type { UpstreamLink } from '../upstream/upstream-link.ts';
import type { CallSlot } from './call-slot.ts';
import { DROPPED, FILTERED, FIXED, HIGH_WATER_MARK, NO_TAGS, internalError, type Hop, type SessionCore } from './session-core.ts';
import type { UpstreamFrames } from './upstream-frames.ts';

/** Bad frames in a row from the charger before the proxy gives up on it (1002). */
const MAX_BAD_FRAMES = 10;

export interface ChargerFramesParts {
  rules: ReturnType<typeof versionRules>;
  fixups: FixupPipeline;
  transactions: Transactions<UpstreamLink>;
  /** Per upstream, the stages of its chain that look at charger Calls. */
  toUpstreamStages: ReadonlyMap<UpstreamLink, readonly Stage[]>;
  slot: CallSlot;
  upstreams: UpstreamFrames;
}

export class ChargerFrames {
  private readonly session: SessionCore;
  private readonly parts: ChargerFramesParts;
  private badFrameStreak = 0;

  constructor(session: SessionCore, parts: ChargerFramesParts) {
    this.session = session;
    this.parts = parts;
  }

  /** A text frame from the charger (`now`: when it arrived). */
  received(data: Buffer, now: number, closeCharger: (code: number, reason: string) => void): void {
    const text = data.toString();
    try {
      this.handle(data, text, now, closeCharger);
    } catch (error) {
      internalError(this.session, 'the charger', text, error);
    }
  }

  private handle(data: Buffer, text: string, now: number, closeCharger: (code: number, reason: string) => void): void {
    const session = this.session;
    const ts = new Date(now).toISOString();
    if (text === '') {
      session.record({ ts, from: 'charger', to: 'proxy', type: 'INVALID', id: null, action: null, tags: NO_TAGS, raw: text }); // some firmwares send these; ignored
      return;
    }
    const parsed = parseFrame(text, this.parts.rules.messageTypes);
    if (!parsed.ok) {
      this.reject(parsed, text, ts, closeCharger);
      return;
    }
    this.badFrameStreak = 0;
    const frame = parsed.frame;
    switch (frame.type) {
      case CALL:
        this.call(data, text, frame.id, frame.action, frame.payload, now, ts);
        return;
      case SEND:
        for (const link of session.links) this.toUpstream(link, data, { ts, type: 'SEND', id: frame.id, action: frame.action, tags: NO_TAGS, raw: text });
        return;
      case CALLRESULTERROR:
        // Refers to the primary's CallResult the charger received (2.1): it goes back there, id unchanged.
        this.toUpstream(session.primary, data, { ts, type: 'CALLRESULTERROR', id: frame.id, action: null, tags: NO_TAGS, raw: text });
        return;
      default:
        this.parts.slot.answered(frame, text, ts);
    }
  }

  private call(data: Buffer, text: string, id: string, action: string, payload: Payload, now: number, ts: string): void {
    const { session, parts } = this;
    parts.upstreams.chargerCallArrived(action);
    let out: Buffer | string = data;
    let outText = text;
    let tags = NO_TAGS;
    const fixed = parts.fixups.apply(action, payload, text, session.memory, now);
    if (fixed !== null) {
      out = outText = fixed.text;
      tags = FIXED;
      for (const fix of fixed.fixes) session.log.proxy.info(`${fix.rule} fixed ${action} ${fix.field}: ${JSON.stringify(fix.was)} → ${JSON.stringify(fix.now)}`);
    }
    const route = parts.transactions.routeChargerCall(action, payload, id);
    if (route === 'resent') {
      session.memory.rememberCall(action, payload, outText);
      this.answerResentStart(id, payload, outText, ts);
      return;
    }
    const answerer = route?.answerer ?? session.primary;
    if (answerer !== session.primary) parts.upstreams.expectAnswer(id, answerer);
    const logText = redactSecrets(action, payload, outText);
    const hop = { ts, type: 'CALL' as const, id, action, tags };
    // Transaction Calls are kept for every upstream that does not answer them, until it has.
    const durable = parts.upstreams.durable !== null && isTransactionCall(action, payload) ? parts.upstreams.durable : null;
    for (const link of route?.targets ?? session.links) {
      const stages = parts.toUpstreamStages.get(link)!;
      const result = stages.length === 0 ? null : runChain(stages, 'toUpstream', { type: 'CALL', id, action, payload, text: outText, toAnswerer: link === answerer });
      if (result === null || (result.stopped === null && result.text === outText)) {
        const seq = durable !== null && link !== answerer ? durable.keep(link, id, action, outText, now, link.isWritable) : undefined;
        this.toUpstream(link, out, { ...hop, raw: logText }, seq);
      } else if (result.stopped === null) {
        // e.g. this upstream's own transaction id, or only the measurands of its configuration view
        const seq = durable !== null && link !== answerer ? durable.keep(link, id, action, result.text, now, link.isWritable) : undefined;
        this.toUpstream(link, result.text, { ...hop, tags: result.filtered ? FILTERED : hop.tags, raw: result.text }, seq);
        for (const note of result.notes) session.log.proxy.info(note);
      } else {
        session.record({ ts, from: 'charger', to: 'proxy', type: 'CALL', id, action, tags: DROPPED, raw: logText });
        session.log.proxy.info(`not for ${link.name}: ${result.stopped.note}`);
      }
      if (action === 'StartTransaction' && link !== answerer) parts.upstreams.awaitStart(link, id);
    }
    // What is not needed to route the frame comes after it is sent.
    session.memory.rememberCall(action, payload, outText);
    parts.transactions.chargerCallForwarded(action, payload);
    this.chargerEvent(action, payload, ts);
  }

  /** A charger frame to one upstream: sent now, or kept in its backlog while it is away or catching up. */
  private toUpstream(link: UpstreamLink, data: Buffer | string, hop: Omit<Hop, 'from' | 'to'> & { id: string }, seq?: number): void {
    const session = this.session;
    if (link.isWritable) {
      link.send(data);
      if (hop.type === 'CALL') link.awaitingReplies.set(hop.id, hop.action!);
      session.record({ ...hop, from: 'charger', to: link.name });
      if (link.bufferedAmount > HIGH_WATER_MARK) session.holdBack('toUpstreams');
      return;
    }
    for (const dropped of link.catchUp.push({ data, text: hop.raw, type: hop.type, id: hop.id, action: hop.action, tags: hop.tags, ...(seq !== undefined ? { seq } : {}) })) {
      if (dropped.seq !== undefined) continue; // only this copy: the outbox keeps it, and the link gets it from there
      session.record({ ts: hop.ts, from: 'charger', to: 'proxy', type: dropped.type, id: dropped.id, action: dropped.action, tags: DROPPED, raw: dropped.text });
      session.log.proxy.warn(`backlog for ${link.name} is full, dropped ${dropped.action ?? dropped.type} ${dropped.id}`);
    }
  }

  /** The charger sent a StartTransaction again: never start it twice upstream; give it the owner's answer. */
  private answerResentStart(callId: string, payload: Payload, text: string, ts: string): void {
    const session = this.session;
    session.record({ ts, from: 'charger', to: 'proxy', type: 'CALL', id: callId, action: 'StartTransaction', tags: DROPPED, raw: text });
    const answer = this.parts.transactions.resentStart(payload, callId);
    session.log.proxy.info(`StartTransaction ${callId} is a resend; ${answer === null ? 'the owner\'s answer will carry its id' : 'answering with the owner\'s answer'}`);
    if (answer === null) return;
    const out = withId(answer, JSON.stringify(callId));
    session.answerCharger('StartTransaction', out);
    session.record({ ts, from: 'proxy', to: 'charger', type: 'CALLRESULT', id: callId, action: 'StartTransaction', tags: NO_TAGS, raw: out });
  }

  /** Boot, status and meter events for listeners (event API, sharing rules). */
  private chargerEvent(action: string, payload: Payload, at: string): void {
    const { chargerId, context, memory, protocol } = this.session;
    switch (action) {
      case 'BootNotification':
        context.events.emit({ event: 'boot', charger: chargerId, at, vendor: memory.vendor, model: memory.model, protocol });
        return;
      case 'StatusNotification': {
        const connector = payload.evseId === undefined ? String(payload.connectorId) : `${String(payload.evseId)}/${String(payload.connectorId)}`;
        const status = String(payload.status ?? payload.connectorStatus);
        context.control.connectorStatus(chargerId, connector, status);
        context.events.emit({ event: 'status', charger: chargerId, at, connector, status, errorCode: payload.errorCode ?? null });
        return;
      }
      case 'MeterValues':
        context.events.emit({ event: 'meter', charger: chargerId, at, connector: payload.connectorId ?? payload.evseId ?? null, transactionId: payload.transactionId ?? null, meterValue: payload.meterValue });
        return;
    }
  }

  private reject(parsed: Exclude<ParseResult, { ok: true }>, text: string, ts: string, closeCharger: (code: number, reason: string) => void): void {
    const session = this.session;
    session.record({ ts, from: 'charger', to: 'proxy', type: 'INVALID', id: parsed.id, action: null, tags: NO_TAGS, raw: text });
    session.log.server.warn(`bad frame: ${parsed.detail}`);
    const rules = this.parts.rules;
    const code = parsed.problem === 'unknown-type' ? (rules.unknownMessageType === 'ignore' ? null : rules.unknownMessageType) : rules.errorCodes[parsed.problem];
    if (code !== null) {
      const id = parsed.id ?? '-1';
      const reply = callError(id, code, parsed.detail);
      if (!session.chargerWritable) {
        // A charger that sends without reading would grow our buffer without bound: stop reading
        // it until it drains (closed if it never does), and say nothing more to it meanwhile.
        session.record({ ts, from: 'proxy', to: 'charger', type: 'CALLERROR', id, action: null, tags: DROPPED, raw: reply });
        session.holdBack('toUpstreams');
        return;
      }
      session.sendToCharger(reply);
      session.record({ ts, from: 'proxy', to: 'charger', type: 'CALLERROR', id, action: null, tags: NO_TAGS, raw: reply });
    }
    if (++this.badFrameStreak >= MAX_BAD_FRAMES) {
      session.log.server.warn(`${MAX_BAD_FRAMES} bad frames in a row, closing with 1002`);
      closeCharger(1002, 'too many malformed frames');
    }
  }
}
