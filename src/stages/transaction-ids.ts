// Stage: each upstream's own transaction ids (1.6 RFID split and secondaries that number their
// transactions themselves): the charger's id becomes this upstream's on the way up, and this
// upstream's id becomes the charger's in its Calls (RemoteStop, …) on the way down.

import { spliceValues } from '../ocpp/json-span.ts';
import type { IdChange, RoutedLink, Transactions } from './transactions.ts';
import { FORWARD, type Stage, type StageDecision, type StageFrame } from './stage.ts';

export function spliceIds(text: string, ids: IdChange[]): string {
  return spliceValues(text, ids.map((change) => ({ path: [3, ...change.path], value: change.value })));
}

export class TransactionIds<L extends RoutedLink> implements Stage {
  readonly name = 'transaction-ids';
  private readonly transactions: Transactions<L>;
  private readonly link: L;

  constructor(transactions: Transactions<L>, link: L) {
    this.transactions = transactions;
    this.link = link;
  }

  toUpstream(frame: StageFrame): StageDecision {
    const ids = this.transactions.idsForUpstream(this.link, frame.action, frame.payload);
    return ids.length === 0 ? FORWARD : { kind: 'replace', text: spliceIds(frame.text, ids) };
  }

  fromUpstream(frame: StageFrame): StageDecision {
    if (frame.type !== 'CALL') return FORWARD;
    const ids = this.transactions.upstreamCall(this.link, frame.action, frame.payload);
    return ids.length === 0 ? FORWARD : { kind: 'replace', text: spliceIds(frame.text, ids) };
  }
}
