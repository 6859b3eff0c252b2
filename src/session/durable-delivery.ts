// Durable delivery for one charger session: which of the charger's Calls go to an upstream's
// outbox (store/outbox.ts), which outbox entry an upstream's answer settles, and what a link
// gets first when it is (back) open. The frames themselves travel as before; this only keeps
// them until their upstream has them.

import type { Payload } from '../ocpp/frame.ts';
import type { Outbox, OutboxKey } from '../store/outbox.ts';
import type { OutboxFrame } from '../upstream/catch-up.ts';
import type { UpstreamLink } from '../upstream/upstream-link.ts';
import { LazyMap } from '../collections.ts';

const REPLAYED_FROM_OUTBOX = ['replayed' as const];

/** The charger's transaction Calls: what billing and report-only backends must never miss. */
export function isTransactionCall(action: string, payload: Payload): boolean {
  if (action === 'TransactionEvent' || action === 'StartTransaction' || action === 'StopTransaction') return true;
  return action === 'MeterValues' && payload.transactionId !== undefined;
}

export class DurableDelivery {
  private readonly outbox: Outbox;
  private readonly charger: string;
  /** Per link: the charger's Call id → its outbox entry (and, for a StartTransaction, the charger's transaction id). */
  private readonly sent = new LazyMap<UpstreamLink, Map<string, { key: OutboxKey; chargerTx: string | null }>>();
  /** StartTransaction Calls not yet answered by their answerer → their entries. */
  private readonly starts = new LazyMap<string, OutboxKey[]>();

  constructor(outbox: Outbox, charger: string) {
    this.outbox = outbox;
    this.charger = charger;
  }

  /**
   * A charger transaction Call for a link that does not answer it: kept until that link answers.
   * `sentLive`: the link takes it now (else it waits in the link's backlog). Returns its seq.
   */
  keep(link: UpstreamLink, id: string, action: string, text: string, at: number, sentLive: boolean): number {
    const key = this.outbox.put({ charger: this.charger, upstream: link.name, callId: id, action, text, at }, sentLive);
    this.track(link, id, key, null);
    if (action === 'StartTransaction') this.starts.set(id, [...(this.starts.get(id) ?? []), key]);
    return key.seq;
  }

  /** The answerer gave the charger's transaction id: a replay of that Start can map the upstream's own id. */
  startAnswered(id: string, chargerTx: string): void {
    for (const key of this.starts.get(id) ?? []) this.outbox.startedAs(key, chargerTx);
    this.starts.delete(id);
  }

  /**
   * An upstream answered a Call (CallResult, or a CallError: `refused`, counted): its entry goes.
   * Returns the charger's transaction id of a replayed StartTransaction (its answer carries this
   * upstream's id), else null; null also when the Call was not kept for this link.
   */
  answered(link: UpstreamLink, id: string, refused = false): { chargerTx: string | null } | null {
    const own = this.sent.get(link);
    const entry = own?.get(id);
    if (entry === undefined) return null;
    own!.delete(id);
    this.outbox.done(entry.key);
    if (refused) this.outbox.refused++;
    return { chargerTx: entry.chargerTx };
  }

  /** The link is (back) open: everything it has not answered, from the outbox, oldest first. */
  pendingFrames(link: UpstreamLink): OutboxFrame[] {
    const own = new LazyMap<string, { key: OutboxKey; chargerTx: string | null }>();
    this.sent.set(link, own);
    return this.outbox.pending(this.charger, link.name).map((entry) => {
      own.set(entry.callId, { key: { charger: entry.charger, upstream: entry.upstream, seq: entry.seq }, chargerTx: entry.chargerTx });
      return { data: entry.text, text: entry.text, type: 'CALL', id: entry.callId, action: entry.action, tags: REPLAYED_FROM_OUTBOX, seq: entry.seq };
    });
  }

  private track(link: UpstreamLink, id: string, key: OutboxKey, chargerTx: string | null): void {
    let own = this.sent.get(link);
    if (own === undefined) this.sent.set(link, (own = new Map()));
    own.set(id, { key, chargerTx });
  }
}
