// Translation at the edge of one upstream link: the session speaks the charger's version (2.0.1 or
// 2.1) to every link; a link to a 1.6 upstream turns what goes out into 1.6 frames and what comes
// in back into the charger's version, so stages, the outbox and the transaction bookkeeping work
// on one version. Frames are text in, text out; the link sends, the session logs both sides.

import { randomUUID } from 'node:crypto';
import type { Payload } from '../ocpp/frame.ts';
import { answerTo201, ChargerCallsTo16, type Call16 } from './charger-calls.ts';
import { upstreamCallTo201, type TranslationContext } from './upstream-calls.ts';
import { wireTable } from '../ocpp/wire-table.ts';

const CALL = 2;
const CALLRESULT = 3;
const CALLERROR = 4;

/** One frame on the 1.6 side, for the message log: the frame as it went on the wire. */
export interface WireFrame {
  text: string;
  type: 'CALL' | 'CALLRESULT' | 'CALLERROR';
  id: string;
  action: string | null;
  /** The proxy answered the upstream's Call itself (no counterpart, or known without the charger). */
  blocked?: boolean;
}

export interface Outgoing {
  /** Frames to send now, in order. */
  wire: WireFrame[];
  /** A charger Call that 1.6 has no use for: nothing was sent; the session counts it as answered (its id), and why. */
  settled: { id: string; why: string } | null;
  note: string | null;
}

export interface Incoming {
  /** The frame as it came, for the message log (null: not a frame; the session says what is wrong with it). */
  received: WireFrame | null;
  /** For the session, in the charger's version (null: nothing for it). */
  deliver: string | null;
  /** Frames to send back or on, now (held Calls freed by an answer). */
  wire: WireFrame[];
}

interface Sent {
  /** The charger's action whose answer this is (null: an extra Call of the proxy's, e.g. a derived StatusNotification). */
  action201: string | null;
  action16: string;
  /** StartTransaction: the charger's transaction it starts. */
  chargerTx: string | null;
}

/** 2.0.1 CallError codes that 1.6 spells differently or lacks. */
const ERROR_CODES_16: Readonly<Record<string, string>> = wireTable({
  FormatViolation: 'FormationViolation',
  OccurrenceConstraintViolation: 'OccurenceConstraintViolation',
  MessageTypeNotSupported: 'NotSupported',
  RpcFrameworkError: 'GenericError',
});

export class LinkTranslation {
  private readonly calls: ChargerCallsTo16;
  /** Calls sent to the upstream and not answered yet, by id. */
  private readonly sent = new Map<string, Sent>();
  /** Calls that wait for their transaction's 1.6 id, in order, with the charger's id for the first. */
  private held: Array<{ call: Call16; id: string; action201: string | null }> = [];
  /** The upstream's Calls passed to the charger, by id: how the charger's answer goes back in 1.6. */
  private readonly upstreamCalls = new Map<string, { action: string; answer: (reply: Payload) => Payload }>();
  /** RequestStartTransaction ids this link gives: from a random start, so they do not meet another upstream's. */
  private nextRemoteStartId = 1 + Math.floor(Math.random() * 1_000_000_000);

  /** `state`: a snapshot kept from before (a reconnect, a restart); `save` keeps each new one. */
  constructor(state: string | null = null, save: (snapshot: string) => void = () => undefined) {
    this.calls = ChargerCallsTo16.restored(state);
    this.calls.onChange = () => save(this.calls.snapshot());
  }

  /** A frame the session sends to the 1.6 upstream. */
  outgoing(text: string): Outgoing {
    const frame = parse(text);
    if (frame === null) return { wire: [], settled: null, note: 'not a frame' };
    if (frame[0] !== CALL) return { wire: this.answerUpstream(frame), settled: null, note: null };
    const [, id, action, payload] = frame as [number, string, string, Payload];
    const out = this.calls.translate(action, payload);
    if ('dropped' in out) return { wire: [], settled: { id, why: out.dropped }, note: null };
    if (out.calls.length === 0) return { wire: [], settled: { id, why: out.note ?? `${action} has nothing for 1.6` }, note: null };
    const wire: WireFrame[] = [];
    out.calls.forEach((call, i) => {
      // The first Call keeps the charger's id: its answer is the answer to the charger's Call.
      const callId = i === 0 ? id : randomUUID();
      const action201 = i === 0 ? action : null;
      if (call.waitsFor !== undefined && (this.held.length > 0 || this.calls.fill(call) === null)) {
        this.held.push({ call, id: callId, action201 });
        return;
      }
      wire.push(this.send(this.calls.fill(call)!, callId, action201, chargerTxOf(action, payload)));
    });
    return { wire, settled: null, note: out.note ?? null };
  }

  /** A frame from the 1.6 upstream. */
  incoming(text: string): Incoming {
    const frame = parse(text);
    if (frame === null) return { received: null, deliver: text, wire: [] };
    const id = String(frame[1]);
    const isCall = frame[0] === CALL;
    const action = isCall ? (typeof frame[2] === 'string' ? frame[2] : null) : (this.sent.get(id)?.action16 ?? null);
    const received: WireFrame = { text, type: isCall ? 'CALL' : frame[0] === CALLERROR ? 'CALLERROR' : 'CALLRESULT', id, action };
    return { received, ...(isCall ? this.upstreamCall(frame) : this.answered(frame, id, text)) };
  }

  /** The upstream's answer to a Call of the translation: for the session in the charger's version, and held Calls it frees. */
  private answered(frame: unknown[], id: string, text: string): Omit<Incoming, 'received'> {
    const sent = this.sent.get(id);
    if (sent === undefined) return { deliver: text, wire: [] };
    this.sent.delete(id);
    const wire: WireFrame[] = [];
    if (frame[0] === CALLRESULT && sent.action16 === 'StartTransaction' && sent.chargerTx !== null) {
      const upstreamTx = (frame[2] as Payload).transactionId;
      if (typeof upstreamTx === 'number') {
        this.calls.started(sent.chargerTx, upstreamTx);
        wire.push(...this.release());
      }
    }
    if (sent.action201 === null) return { deliver: null, wire };
    if (frame[0] === CALLERROR) return { deliver: text, wire };
    return { deliver: JSON.stringify([CALLRESULT, id, answerTo201(sent.action201, frame[2] as Payload)]), wire };
  }

  /** The link closed: what was sent and not answered will be sent again from the outbox, translated anew. */
  reset(): void {
    this.sent.clear();
    this.held = [];
    this.upstreamCalls.clear();
  }

  /** An upstream 1.6 Call: to the session as the 2.0.1 Call, or answered here (refused, or known without the charger). */
  private upstreamCall(frame: unknown[]): Omit<Incoming, 'received'> {
    const [, id, action, payload] = frame as [number, string, unknown, unknown];
    const reply = (text: string, type: WireFrame['type']): Omit<Incoming, 'received'> => ({ deliver: null, wire: [{ text, type, id, action: typeof action === 'string' ? action : null, blocked: true }] });
    if (typeof action !== 'string' || typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      return reply(JSON.stringify([CALLERROR, id, 'FormationViolation', 'not a Call', {}]), 'CALLERROR');
    }
    const context: TranslationContext = {
      evses: this.calls.evses(),
      transactionIdFor: (upstreamTx) => this.calls.chargerTxFor(upstreamTx),
      remoteStartId: () => this.nextRemoteStartId++,
    };
    const out = upstreamCallTo201(action, payload as Payload, context);
    if ('answered' in out) return reply(JSON.stringify([CALLRESULT, id, out.answered]), 'CALLRESULT');
    if ('error' in out) return reply(JSON.stringify([CALLERROR, id, out.error, out.description, {}]), 'CALLERROR');
    this.upstreamCalls.set(id, { action, answer: out.answer });
    return { deliver: JSON.stringify([CALL, id, out.action, out.payload]), wire: [] };
  }

  /** The charger's answer (via the session) to an upstream Call: in 1.6. */
  private answerUpstream(frame: unknown[]): WireFrame[] {
    const id = String(frame[1]);
    const pending = this.upstreamCalls.get(id);
    if (pending === undefined) return [];
    this.upstreamCalls.delete(id);
    if (frame[0] === CALLRESULT) {
      const payload = typeof frame[2] === 'object' && frame[2] !== null ? (frame[2] as Payload) : {};
      return [{ text: JSON.stringify([CALLRESULT, id, pending.answer(payload)]), type: 'CALLRESULT', id, action: pending.action }];
    }
    const code = errorCodeTo16(typeof frame[2] === 'string' ? frame[2] : 'GenericError');
    return [{ text: JSON.stringify([CALLERROR, id, code, typeof frame[3] === 'string' ? frame[3] : '', {}]), type: 'CALLERROR', id, action: pending.action }];
  }

  /** Held Calls whose transaction id is known now, in order, up to the first that still waits. */
  private release(): WireFrame[] {
    const out: WireFrame[] = [];
    while (this.held.length > 0) {
      const { call, id, action201 } = this.held[0]!;
      const filled = this.calls.fill(call);
      if (filled === null) break;
      this.held.shift();
      out.push(this.send(filled, id, action201, null));
    }
    return out;
  }

  private send(call: Call16, id: string, action201: string | null, chargerTx: string | null): WireFrame {
    this.sent.set(id, { action201, action16: call.action, chargerTx: call.action === 'StartTransaction' ? chargerTx : null });
    return { text: JSON.stringify([CALL, id, call.action, call.payload]), type: 'CALL', id, action: call.action };
  }
}

/** A 2.0.1 CallError code as 1.6 spells it. */
export function errorCodeTo16(code: string): string {
  return ERROR_CODES_16[code] ?? code;
}

function chargerTxOf(action: string, payload: Payload): string | null {
  if (action !== 'TransactionEvent') return null;
  const id = ((payload.transactionInfo ?? {}) as Payload).transactionId;
  return typeof id === 'string' ? id : null;
}

function parse(text: string): unknown[] | null {
  try {
    const frame = JSON.parse(text) as unknown;
    return Array.isArray(frame) && typeof frame[0] === 'number' && typeof frame[1] === 'string' ? frame : null;
  } catch {
    return null;
  }
}
