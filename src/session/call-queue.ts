// Calls from upstreams waiting for the charger (OCPP-J: one outstanding Call per direction).
// The primary's go first; the others wait in arrival order and may be held (boot not accepted).

/** A Call an upstream sent toward the charger. */
export interface UpstreamCall<Source> {
  source: Source;
  /** The upstream's own id, as a value and as the literal from its frame. */
  id: string;
  idLiteral: string;
  action: string;
  text: string;
  queuedAt: number;
}

export class CallQueue<Source> {
  private readonly primaryCalls: UpstreamCall<Source>[] = [];
  private readonly otherCalls: UpstreamCall<Source>[] = [];
  private readonly counts = new Map<Source, number>();
  private readonly primary: Source;

  constructor(primary: Source) {
    this.primary = primary;
  }

  get length(): number {
    return this.primaryCalls.length + this.otherCalls.length;
  }

  countFor(source: Source): number {
    return this.counts.get(source) ?? 0;
  }

  push(call: UpstreamCall<Source>): void {
    (call.source === this.primary ? this.primaryCalls : this.otherCalls).push(call);
    this.counts.set(call.source, this.countFor(call.source) + 1);
  }

  /** The next Call to send: the primary's first; the others only when `releaseOthers`. */
  shift(releaseOthers: boolean): UpstreamCall<Source> | undefined {
    const call = this.primaryCalls.shift() ?? (releaseOthers ? this.otherCalls.shift() : undefined);
    if (call !== undefined) this.counts.set(call.source, this.countFor(call.source) - 1);
    return call;
  }

  /** Forgets the Calls of a source that went away; nobody is left to answer them to. */
  drop(source: Source): number {
    const list = source === this.primary ? this.primaryCalls : this.otherCalls;
    const before = list.length;
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.source === source) list.splice(i, 1);
    this.counts.delete(source);
    return before - list.length;
  }

  clear(): void {
    this.primaryCalls.length = 0;
    this.otherCalls.length = 0;
    this.counts.clear();
  }
}
