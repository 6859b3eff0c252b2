// "Did every backend get the last session?": per charger, the Call that ended its last session
// (1.6 StopTransaction, 2.0.1+ TransactionEvent Ended) and what became of it at each upstream:
// answered, refused, sent without an answer yet, or still waiting in the backlog or the durable
// outbox of an upstream that is away.

import type { MessageLogEntry } from '../log/message-log.ts';
import type { SessionStatus } from '../session/charger-session.ts';

const MAX_CHARGERS = 10_000;

export type DeliveryState = 'received' | 'refused' | 'sent' | 'waiting' | 'not sent';

export interface UpstreamDelivery {
  upstream: string;
  state: DeliveryState;
  /** When it was sent or answered. */
  at: string | null;
  /** A sentence for people. */
  detail: string;
}

export interface LastSession {
  transaction: string | null;
  ended_at: string;
  /** From the state store's session row, when the proxy recorded it. */
  energy_kwh: number | null;
  revenue: number | null;
  upstreams: UpstreamDelivery[];
}

interface Ending {
  transaction: string | null;
  endedAt: string;
  callId: string;
  /** When the proxy received it (ms): the key to its outbox entries. */
  receivedAt: number;
  sent: Map<string, string>;
  answered: Map<string, { at: string; ok: boolean; error: string | null }>;
  energyKwh: number | null;
  revenue: number | null;
}

export class DeliveryTracker {
  private readonly endings = new Map<string, Ending>();
  /** Totals told before the Call's log line was taken (events are sent at once, lines at the end of the turn). */
  private readonly early = new Map<string, { transaction: string; energyKwh: number | null; revenue: number | null }>();

  observe(entry: MessageLogEntry): void {
    if (entry.from === 'charger' && entry.type === 'CALL' && entry.to !== 'proxy' && entry.id !== null && endsSession(entry)) {
      let ending = this.endings.get(entry.charger);
      if (ending === undefined || ending.callId !== entry.id) {
        const { transaction, at } = endOf(entry.raw);
        const told = this.early.get(entry.charger);
        const totals = told?.transaction === transaction ? told : { energyKwh: null, revenue: null };
        this.early.delete(entry.charger);
        ending = { transaction, endedAt: at ?? entry.ts, callId: entry.id, receivedAt: Date.parse(entry.ts), sent: new Map(), answered: new Map(), energyKwh: totals.energyKwh, revenue: totals.revenue };
        this.endings.delete(entry.charger);
        this.endings.set(entry.charger, ending);
        if (this.endings.size > MAX_CHARGERS) this.endings.delete(this.endings.keys().next().value!);
      }
      ending.sent.set(entry.to, entry.ts);
      return;
    }
    if ((entry.type === 'CALLRESULT' || entry.type === 'CALLERROR') && entry.from !== 'charger' && entry.from !== 'proxy') {
      const ending = this.endings.get(entry.charger);
      if (ending === undefined || ending.callId !== entry.id || !ending.sent.has(entry.from)) return;
      ending.answered.set(entry.from, { at: entry.ts, ok: entry.type === 'CALLRESULT', error: entry.type === 'CALLERROR' ? errorCodeOf(entry.raw) : null });
    }
  }

  /** The session's totals, as the proxy recorded them (the `transaction_stopped` charger event). */
  recorded(charger: string, transaction: string, energyKwh: number | null, revenue: number | null): void {
    const ending = this.endings.get(charger);
    if (ending === undefined || ending.transaction !== transaction) {
      this.early.delete(charger);
      this.early.set(charger, { transaction, energyKwh, revenue });
      if (this.early.size > MAX_CHARGERS) this.early.delete(this.early.keys().next().value!);
      return;
    }
    ending.energyKwh = energyKwh;
    ending.revenue = revenue;
  }

  /**
   * The charger's last session end and where it went, for the upstreams of its current (or last)
   * connection. `outboxes`: the upstreams whose durable outbox holds a Call of this charger.
   */
  describe(charger: string, links: SessionStatus['upstreams'] | null, outboxes: (callId: string, receivedAt: number) => string[] = () => []): LastSession | null {
    const ending = this.endings.get(charger);
    if (ending === undefined) return null;
    const kept = outboxes(ending.callId, ending.receivedAt);
    const names = links?.map((l) => l.name) ?? [...new Set([...ending.sent.keys(), ...kept])];
    const upstreams = names.map((name): UpstreamDelivery => {
      const link = links?.find((l) => l.name === name);
      const answer = ending.answered.get(name);
      if (answer !== undefined) {
        return answer.ok
          ? { upstream: name, state: 'received', at: answer.at, detail: `${name} received it` }
          : { upstream: name, state: 'refused', at: answer.at, detail: `${name} answered with an error (${answer.error ?? 'CallError'})` };
      }
      const sent = ending.sent.get(name);
      if (sent !== undefined) return { upstream: name, state: 'sent', at: sent, detail: `sent to ${name}, no answer yet` };
      const inOutbox = kept.includes(name);
      if (inOutbox || (link !== undefined && (link.state !== 'open' || link.backlog > 0))) {
        const where = inOutbox ? `kept in ${name}'s outbox` : link!.backlog > 0 ? `${link!.backlog} message${link!.backlog === 1 ? '' : 's'} waiting` : 'waiting';
        const why = link === undefined ? ` until ${name} is back` : `: ${name} is ${link.state === 'open' ? 'catching up' : 'not connected'}`;
        return { upstream: name, state: 'waiting', at: null, detail: `${where}${why}` };
      }
      return { upstream: name, state: 'not sent', at: null, detail: `not sent to ${name} (not its session)` };
    });
    return { transaction: ending.transaction, ended_at: ending.endedAt, energy_kwh: ending.energyKwh, revenue: ending.revenue, upstreams };
  }
}

function endsSession(entry: MessageLogEntry): boolean {
  if (entry.action === 'StopTransaction') return true;
  return entry.action === 'TransactionEvent' && /"eventType"\s*:\s*"Ended"/.test(entry.raw);
}

/** The transaction a session-ending Call names, and when it says the session ended. */
function endOf(raw: string): { transaction: string | null; at: string | null } {
  try {
    const payload = (JSON.parse(raw) as unknown[])[3] as Record<string, unknown>;
    const id = payload.transactionId ?? (payload.transactionInfo as Record<string, unknown> | undefined)?.transactionId;
    const at = typeof payload.timestamp === 'string' && Number.isFinite(Date.parse(payload.timestamp)) ? new Date(payload.timestamp).toISOString() : null;
    return { transaction: id === undefined || id === null ? null : String(id), at };
  } catch {
    return { transaction: null, at: null };
  }
}

function errorCodeOf(raw: string): string | null {
  try {
    const code = (JSON.parse(raw) as unknown[])[2];
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}
