// A 2.0.1/2.1 charger's Calls as a 1.6 upstream expects them, and that upstream's answers as the
// charger expects them. One instance per charger and 1.6 upstream: it follows the transactions
// (the 2.0.1 transactionId ↔ the upstream's integer id, the idTag, the latest chargingState) and
// each EVSE's status, because 1.6 says in StatusNotification what 2.0.1 says in TransactionEvent.

import type { Payload } from '../ocpp/frame.ts';
import { energyRegisterWh, meterValuesTo16 } from './meter-values.ts';
import { wireTable } from '../ocpp/wire-table.ts';

/** A 1.6 Call to send; `waitsFor`: the 2.0.1 transaction whose 1.6 id it needs (see `fill`). */
export interface Call16 {
  action: string;
  payload: Payload;
  waitsFor?: string;
}

/** What one charger Call becomes: 0..n 1.6 Calls (with a note for the log), or nothing at all. */
export type ChargerCall16 = { calls: Call16[]; note?: string } | { dropped: string };

interface Transaction {
  evse: number;
  idTag: string | null;
  /** StartTransaction went (or is held back for want of an idTag). */
  started: boolean;
  /** The upstream's transactionId, once it answered StartTransaction. */
  upstreamTx: number | null;
  chargingState: string | null;
  energyWh: number | null;
  /** Refused for this upstream (an idToken 1.6 cannot carry): its later events go nowhere. */
  refused: boolean;
  /** Ended; kept until its StopTransaction has the upstream's id. */
  ended: boolean;
}

const ID_TAG_MAX = 20;
/** Ended transactions kept for their StopTransaction's id. */
const KEPT_ENDED = 16;
const STATES_16: Readonly<Record<string, string>> = wireTable({ Charging: 'Charging', SuspendedEV: 'SuspendedEV', SuspendedEVSE: 'SuspendedEVSE', EVConnected: 'SuspendedEV', Idle: 'Finishing' });
const REASONS_16 = new Set(['DeAuthorized', 'EmergencyStop', 'EVDisconnected', 'Local', 'Other', 'PowerLoss', 'Reboot', 'Remote']);
const AUTH_STATUS_201: Readonly<Record<string, string>> = wireTable({ Accepted: 'Accepted', Blocked: 'Blocked', Expired: 'Expired', Invalid: 'Invalid', ConcurrentTx: 'ConcurrentTx' });

export class ChargerCallsTo16 {
  private readonly transactions = new Map<string, Transaction>();
  /** Each EVSE's latest 2.0.1 connector status. */
  private readonly statuses = new Map<number, string>();
  /** Told when what must survive a reconnect or a restart changed (see `snapshot`). */
  onChange: () => void = () => undefined;

  /** The state as JSON: transactions (with the upstream's ids) and statuses. */
  snapshot(): string {
    return JSON.stringify({ transactions: [...this.transactions], statuses: [...this.statuses] });
  }

  /** A translator from a snapshot; an unreadable one gives a fresh translator. */
  static restored(text: string | null): ChargerCallsTo16 {
    const calls = new ChargerCallsTo16();
    if (text === null) return calls;
    try {
      const { transactions, statuses } = JSON.parse(text) as { transactions: Array<[string, Transaction]>; statuses: Array<[number, string]> };
      for (const [id, transaction] of transactions) if (typeof id === 'string' && typeof transaction?.evse === 'number') calls.transactions.set(id, transaction);
      for (const [evse, status] of statuses) if (typeof evse === 'number' && typeof status === 'string') calls.statuses.set(evse, status);
    } catch {
      // a fresh translator: transactions it does not know start anew when they report
    }
    return calls;
  }

  /** A 2.0.1 charger Call for the 1.6 upstream. */
  translate(action: string, payload: Payload): ChargerCall16 {
    switch (action) {
      case 'Heartbeat':
        return { calls: [{ action, payload: {} }] };
      case 'BootNotification':
        return boot(payload);
      case 'Authorize': {
        const idTag = tokenOf(payload.idToken);
        if (idTag === null) return { dropped: 'Authorize without an idToken' };
        if (idTag.length > ID_TAG_MAX) return { dropped: tooLong(idTag) };
        return { calls: [{ action, payload: { idTag } }] };
      }
      case 'StatusNotification': {
        const out = this.status(payload);
        this.onChange();
        return out;
      }
      case 'MeterValues': {
        const { meterValue, left } = meterValuesTo16(payload.meterValue);
        if (typeof payload.evseId !== 'number' || meterValue.length === 0) return { dropped: `MeterValues with nothing 1.6 can carry${leftNote(left)}` };
        return { calls: [{ action, payload: { connectorId: payload.evseId, meterValue } }], ...noteOf(left) };
      }
      case 'TransactionEvent': {
        const out = this.transactionEvent(payload);
        this.onChange();
        return out;
      }
      case 'DataTransfer': {
        if (typeof payload.vendorId !== 'string') return { dropped: 'DataTransfer without a vendorId' };
        const out: Payload = { vendorId: payload.vendorId };
        if (typeof payload.messageId === 'string') out.messageId = payload.messageId;
        if (payload.data !== undefined) out.data = typeof payload.data === 'string' ? payload.data : JSON.stringify(payload.data);
        return { calls: [{ action, payload: out }] };
      }
      default:
        return { dropped: `${action} has no 1.6 counterpart` };
    }
  }

  /** The 1.6 upstream answered the StartTransaction of the charger's transaction `chargerTx`. */
  started(chargerTx: string, upstreamTx: number): void {
    const transaction = this.transactions.get(chargerTx);
    if (transaction === undefined) return;
    transaction.upstreamTx = upstreamTx;
    this.onChange();
  }

  /** The 1.6 id of a charger transaction (null: not started there, or not answered yet). */
  upstreamTxFor(chargerTx: string): number | null {
    return this.transactions.get(chargerTx)?.upstreamTx ?? null;
  }

  /** The EVSEs the charger reported. */
  evses(): Set<number> {
    const out = new Set(this.statuses.keys());
    for (const transaction of this.transactions.values()) out.add(transaction.evse);
    return out;
  }

  /** The charger's transaction for the upstream's id (its RemoteStop, its TxProfile). */
  chargerTxFor(upstreamTx: number): string | null {
    for (const [chargerTx, transaction] of this.transactions) if (transaction.upstreamTx === upstreamTx) return chargerTx;
    return null;
  }

  /** A Call that waited for its transaction's 1.6 id, with that id; null while it is not known. */
  fill(call: Call16): Call16 | null {
    if (call.waitsFor === undefined) return call;
    const transaction = this.transactions.get(call.waitsFor);
    if (transaction === undefined || transaction.upstreamTx === null) return null;
    return { action: call.action, payload: { ...call.payload, transactionId: transaction.upstreamTx } };
  }

  /** Ended transactions are kept a while: their StopTransaction may still wait for the upstream's id. */
  private ended(chargerTx: string, transaction: Transaction): void {
    transaction.ended = true;
    let ended = 0;
    for (const [id, t] of [...this.transactions].reverse()) {
      if (t.ended && ++ended > KEPT_ENDED && id !== chargerTx) this.transactions.delete(id);
    }
  }

  private status(payload: Payload): ChargerCall16 {
    const { evseId, connectorStatus } = payload;
    if (typeof evseId !== 'number' || typeof connectorStatus !== 'string') return { dropped: 'StatusNotification without evseId or connectorStatus' };
    this.statuses.set(evseId, connectorStatus);
    return { calls: [this.status16(evseId, typeof payload.timestamp === 'string' ? payload.timestamp : undefined)] };
  }

  /** The 1.6 StatusNotification for an EVSE now: Occupied says more in 1.6, from its transaction. */
  private status16(evse: number, timestamp: string | undefined): Call16 {
    const status = this.statuses.get(evse) ?? 'Available';
    let status16 = status;
    if (status === 'Occupied') {
      const transaction = this.runningOn(evse);
      status16 = transaction === null ? 'Preparing' : transaction.chargingState === null ? 'Preparing' : (STATES_16[transaction.chargingState] ?? 'Charging');
    }
    const payload: Payload = { connectorId: evse, errorCode: status === 'Faulted' ? 'OtherError' : 'NoError', status: status16 };
    if (timestamp !== undefined) payload.timestamp = timestamp;
    return { action: 'StatusNotification', payload };
  }

  private runningOn(evse: number): Transaction | null {
    for (const transaction of this.transactions.values()) if (transaction.evse === evse && !transaction.refused && !transaction.ended) return transaction;
    return null;
  }

  private transactionEvent(payload: Payload): ChargerCall16 {
    const info = (payload.transactionInfo ?? {}) as Payload;
    const chargerTx = info.transactionId;
    const { eventType, timestamp } = payload;
    if (typeof chargerTx !== 'string' || typeof timestamp !== 'string' || typeof eventType !== 'string') return { dropped: 'TransactionEvent without transactionId, eventType or timestamp' };
    let transaction = this.transactions.get(chargerTx);
    const evse = ((payload.evse ?? {}) as Payload).id;
    if (transaction === undefined) {
      if (eventType === 'Ended' && typeof evse !== 'number') return { dropped: `transaction ${chargerTx} ended before 1.6 knew it` };
      transaction = { evse: typeof evse === 'number' ? evse : 1, idTag: null, started: false, upstreamTx: null, chargingState: null, energyWh: null, refused: false, ended: false };
      this.transactions.set(chargerTx, transaction);
    }
    if (transaction.refused) {
      if (eventType === 'Ended') this.transactions.delete(chargerTx);
      return { dropped: `transaction ${chargerTx} is not reported to this 1.6 upstream (its idToken)` };
    }
    const energy = energyRegisterWh(payload.meterValue);
    if (energy !== null) transaction.energyWh = energy;
    const idTag = tokenOf(payload.idToken);
    if (idTag !== null && transaction.idTag === null) {
      if (idTag.length > ID_TAG_MAX) {
        transaction.refused = true;
        return { dropped: tooLong(idTag) };
      }
      transaction.idTag = idTag;
    }
    const calls: Call16[] = [];
    const notes: string[] = [];
    // 1.6 starts a transaction with its idTag: until one is known, nothing of it goes.
    if (!transaction.started && transaction.idTag !== null) {
      transaction.started = true;
      const meterStart = energyRegisterWh(payload.meterValue, 'Transaction.Begin') ?? transaction.energyWh ?? 0;
      calls.push({ action: 'StartTransaction', payload: { connectorId: transaction.evse, idTag: transaction.idTag, meterStart, timestamp } });
    }
    if (!transaction.started) {
      if (eventType === 'Ended') this.transactions.delete(chargerTx);
      return { calls: [], note: `transaction ${chargerTx} has no idToken yet: 1.6 cannot start it` };
    }
    const state = typeof info.chargingState === 'string' ? info.chargingState : null;
    const stateChanged = state !== null && state !== transaction.chargingState;
    if (state !== null) transaction.chargingState = state;
    if (eventType === 'Ended') {
      const meterStop = energyRegisterWh(payload.meterValue, 'Transaction.End') ?? transaction.energyWh ?? 0;
      const reason = typeof info.stoppedReason === 'string' ? info.stoppedReason : 'Local';
      const stop: Payload = { meterStop, timestamp, reason: reason === 'ImmediateReset' ? 'HardReset' : REASONS_16.has(reason) ? reason : 'Other' };
      if (transaction.idTag !== null) stop.idTag = transaction.idTag;
      this.ended(chargerTx, transaction);
      calls.push({ action: 'StopTransaction', payload: stop, waitsFor: chargerTx });
      // Still plugged in after the end: 1.6 calls that Finishing.
      if (this.statuses.get(transaction.evse) === 'Occupied') calls.push({ action: 'StatusNotification', payload: { connectorId: transaction.evse, errorCode: 'NoError', status: 'Finishing', timestamp } });
      return { calls };
    }
    const { meterValue, left } = meterValuesTo16(payload.meterValue);
    if (left.length > 0) notes.push(`left out for 1.6: ${left.join(', ')}`);
    if (meterValue.length > 0 && eventType === 'Updated') {
      calls.push({ action: 'MeterValues', payload: { connectorId: transaction.evse, meterValue }, waitsFor: chargerTx });
    }
    if (stateChanged && this.statuses.get(transaction.evse) === 'Occupied') calls.push(this.status16(transaction.evse, timestamp));
    return notes.length === 0 ? { calls } : { calls, note: notes.join('; ') };
  }
}

/**
 * The 1.6 upstream's answer to a translated Call, as the 2.0.1 charger expects the answer to its
 * own Call (`action201`): for a 1.6 primary.
 */
export function answerTo201(action201: string, answer16: Payload): Payload {
  switch (action201) {
    case 'Authorize':
      return { idTokenInfo: idTokenInfo(answer16.idTagInfo) ?? { status: 'Unknown' } };
    case 'TransactionEvent': {
      const info = idTokenInfo(answer16.idTagInfo);
      return info === null ? {} : { idTokenInfo: info };
    }
    case 'DataTransfer':
      return typeof answer16.data === 'string' ? { status: answer16.status, data: answer16.data } : { status: answer16.status };
    default:
      // BootNotification (status, currentTime, interval) and Heartbeat (currentTime) have the same fields; the others answer {}.
      return action201 === 'BootNotification' || action201 === 'Heartbeat' ? answer16 : {};
  }
}

/** 2.0.1 answers that may be empty: what the charger gets when its Call had nothing for a 1.6 answerer. */
const EMPTY_ANSWERS = new Set([
  'Heartbeat', 'StatusNotification', 'MeterValues', 'TransactionEvent', 'NotifyReport', 'NotifyEvent', 'NotifyMonitoringReport', 'SecurityEventNotification',
  'LogStatusNotification', 'FirmwareStatusNotification', 'NotifyChargingLimit', 'ClearedChargingLimit', 'NotifyCustomerInformation', 'NotifyDisplayMessages',
  'PublishFirmwareStatusNotification', 'ReservationStatusUpdate', 'ReportChargingProfiles',
]);

/**
 * The answer a 2.0.1 charger gets when its Call had no 1.6 counterpart and the 1.6 upstream is its
 * answerer: what the charger may take as "received" ({}), an idToken 1.6 cannot carry is not
 * valid there, and otherwise NotImplemented (the proxy makes up no content).
 */
export function untranslatableAnswer(action201: string): { payload: Payload } | { code: 'NotImplemented'; description: string } {
  if (EMPTY_ANSWERS.has(action201)) return { payload: {} };
  if (action201 === 'Authorize') return { payload: { idTokenInfo: { status: 'Invalid' } } };
  return { code: 'NotImplemented', description: `${action201} has no counterpart at the 1.6 backend` };
}

function idTokenInfo(idTagInfo: unknown): Payload | null {
  if (typeof idTagInfo !== 'object' || idTagInfo === null) return null;
  const { status, expiryDate } = idTagInfo as Payload;
  const out: Payload = { status: typeof status === 'string' ? (AUTH_STATUS_201[status] ?? 'Unknown') : 'Unknown' };
  if (typeof expiryDate === 'string') out.cacheExpiryDateTime = expiryDate;
  return out;
}

function boot(payload: Payload): ChargerCall16 {
  const station = (payload.chargingStation ?? {}) as Payload;
  if (typeof station.vendorName !== 'string' || typeof station.model !== 'string') return { dropped: 'BootNotification without vendorName or model' };
  const cut: string[] = [];
  const fit = (value: string, max: number, field: string) => {
    if (value.length <= max) return value;
    cut.push(`${field} cut to 1.6's ${max} characters`);
    return value.slice(0, max);
  };
  const out: Payload = { chargePointVendor: fit(station.vendorName, 20, 'vendorName'), chargePointModel: fit(station.model, 20, 'model') };
  if (typeof station.serialNumber === 'string') out.chargePointSerialNumber = fit(station.serialNumber, 25, 'serialNumber');
  if (typeof station.firmwareVersion === 'string') out.firmwareVersion = fit(station.firmwareVersion, 50, 'firmwareVersion');
  const modem = (station.modem ?? {}) as Payload;
  if (typeof modem.iccid === 'string') out.iccid = fit(modem.iccid, 20, 'iccid');
  if (typeof modem.imsi === 'string') out.imsi = fit(modem.imsi, 20, 'imsi');
  return { calls: [{ action: 'BootNotification', payload: out }], ...(cut.length > 0 ? { note: cut.join('; ') } : {}) };
}

function tokenOf(idToken: unknown): string | null {
  if (typeof idToken !== 'object' || idToken === null) return null;
  const token = (idToken as Payload).idToken;
  return typeof token === 'string' ? token : null;
}

function tooLong(idTag: string): string {
  return `idToken of ${idTag.length} characters is longer than 1.6's ${ID_TAG_MAX}; map it with [upstream.NAME] idtag_map`;
}

function leftNote(left: string[]): string {
  return left.length === 0 ? '' : ` (left out: ${left.join(', ')})`;
}

function noteOf(left: string[]): { note?: string } {
  return left.length === 0 ? {} : { note: `left out for 1.6: ${left.join(', ')}` };
}
