// Calls waiting for the charger (OCPP-J: one outstanding Call per direction). The proxy's own go
// first, then the primary's; the others wait in arrival order and may be held (boot not accepted).

import { LazyMap } from '../collections.ts';

/** A Call toward the charger: from an upstream, or the proxy's own (`source` null). */
export interface UpstreamCall<Source> {
  source: Source | null;
  /** The upstream's own id, as a value and as the literal from its frame. */
  id: string;
  idLiteral: string;
  action: string;
  text: string;
  /** The proxy's own Calls: what to do with the charger's answer (it goes to no upstream). */
  onAnswer?: (answer: { type: 'CALLRESULT' | 'CALLERROR'; payload: Record<string, unknown> | null }) => void;
  /** Changes the charger's CallResult on its way back to the source (a stage's, e.g. the lock's). */
  rewriteAnswer?: (answer: string) => string;
  /** A stage learns the charger's answer (payload; null for a CallError or none in time). */
  onChargerAnswer?: (answer: Record<string, unknown> | null) => void;
  /** A stage decides again when the Call's turn comes: other bytes, or the proxy's own answer. */
  atSend?: () => { text: string } | { answer: Record<string, unknown>; note: string };
}

export class CallQueue<Source> {
  private readonly proxyCalls: UpstreamCall<Source>[] = [];
  private readonly primaryCalls: UpstreamCall<Source>[] = [];
  private readonly otherCalls: UpstreamCall<Source>[] = [];
  private readonly counts = new LazyMap<Source, number>();
  private readonly primary: Source;

  constructor(primary: Source) {
    this.primary = primary;
  }

  get length(): number {
    return this.proxyCalls.length + this.primaryCalls.length + this.otherCalls.length;
  }

  /** The proxy's own Calls waiting. */
  get proxyCallCount(): number {
    return this.proxyCalls.length;
  }

  countFor(source: Source): number {
    return this.counts.get(source) ?? 0;
  }

  push(call: UpstreamCall<Source>): void {
    if (call.source === null) {
      this.proxyCalls.push(call);
      return;
    }
    (call.source === this.primary ? this.primaryCalls : this.otherCalls).push(call);
    this.counts.set(call.source, this.countFor(call.source) + 1);
  }

  /** The next Call to send: the proxy's, then the primary's; the others only when `releaseOthers`. */
  shift(releaseOthers: boolean): UpstreamCall<Source> | undefined {
    const call = this.proxyCalls.shift() ?? this.primaryCalls.shift() ?? (releaseOthers ? this.otherCalls.shift() : undefined);
    if (call?.source != null) this.counts.set(call.source, this.countFor(call.source) - 1);
    return call;
  }

  /** Takes a Call out before it went (its caller gave up); false when it is no longer queued. */
  remove(call: UpstreamCall<Source>): boolean {
    for (const list of [this.proxyCalls, this.primaryCalls, this.otherCalls]) {
      const at = list.indexOf(call);
      if (at < 0) continue;
      list.splice(at, 1);
      if (call.source !== null) this.counts.set(call.source, this.countFor(call.source) - 1);
      return true;
    }
    return false;
  }

  /**
   * Forgets the Calls of a source that went away; nobody is left to answer them to. A stage that
   * waits for the charger's verdict on one learns it never went (`onChargerAnswer(null)`).
   */
  drop(source: Source): number {
    const list = source === this.primary ? this.primaryCalls : this.otherCalls;
    const before = list.length;
    for (let i = list.length - 1; i >= 0; i--) {
      const call = list[i]!;
      if (call.source !== source) continue;
      list.splice(i, 1);
      call.onChargerAnswer?.(null);
    }
    this.counts.delete(source);
    return before - list.length;
  }

  /** Forgets every Call (the charger went away); stages waiting for a verdict learn there is none. */
  clear(): void {
    for (const list of [this.proxyCalls, this.primaryCalls, this.otherCalls]) for (const call of list) call.onChargerAnswer?.(null);
    this.proxyCalls.length = 0;
    this.primaryCalls.length = 0;
    this.otherCalls.length = 0;
    this.counts.clear();
  }
}
