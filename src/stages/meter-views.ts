// Stage: `[configuration]` views, charger → upstream. An upstream that does not answer a frame
// gets only the measurands of its own view, and sampled MeterValues at most once per its own
// interval per connector. Samples are kept or left out whole (signed values are never edited);
// the answerer always gets the charger's frame as sent.

import type { Payload } from '../ocpp/frame.ts';
import { removeMember, spliceJson, valueText } from '../ocpp/json-span.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import { listItems, sameValue } from '../rules/config-views.ts';
import type { ConfigViews } from '../sharing/config-views.ts';
import { FORWARD, type Stage, type StageDecision, type StageFrame } from './stage.ts';
import { wireTable } from '../ocpp/wire-table.ts';
import { LazyMap } from '../collections.ts';

/** Per version: the view key (id) that lists the measurands of a sample, by where it is and its context. */
interface MeterKeys {
  measurands(context: string, inStop: boolean): string;
  interval: string;
}

const KEYS_16: MeterKeys = {
  measurands: (context, inStop) => (inStop ? (context === 'Sample.Clock' ? 'stoptxnaligneddata' : 'stoptxnsampleddata') : context === 'Sample.Clock' ? 'metervaluesaligneddata' : 'metervaluessampleddata'),
  interval: 'metervaluesampleinterval',
};

const KEYS_201: MeterKeys = {
  measurands: (context) =>
    context === 'Transaction.Begin'
      ? 'sampleddatactrlr.txstartedmeasurands'
      : context === 'Transaction.End'
        ? 'sampleddatactrlr.txendedmeasurands'
        : context === 'Sample.Clock'
          ? 'aligneddatactrlr.measurands'
          : 'sampleddatactrlr.txupdatedmeasurands',
  interval: 'sampleddatactrlr.txupdatedinterval',
};

/** Where the meter values are in each action's payload. */
const METER_FIELD: Readonly<Record<string, string>> = wireTable({ MeterValues: 'meterValue', StopTransaction: 'transactionData', TransactionEvent: 'meterValue' });

export class MeterViews implements Stage {
  readonly name = 'meter-views';
  private readonly views: ConfigViews;
  private readonly upstream: string;
  private readonly keys: MeterKeys;
  /** Connector → when this upstream last got sampled MeterValues (ms). */
  private readonly lastSampled = new LazyMap<string, number>();
  private readonly now: () => number;

  constructor(views: ConfigViews, upstream: string, protocol: OcppVersion, now: () => number = Date.now) {
    this.views = views;
    this.upstream = upstream;
    this.keys = protocol === 'ocpp1.6' ? KEYS_16 : KEYS_201;
    this.now = now;
  }

  toUpstream(frame: StageFrame): StageDecision {
    const field = METER_FIELD[frame.action];
    if (field === undefined || frame.toAnswerer === true) return FORWARD;
    const meterValues = frame.payload[field];
    if (!Array.isArray(meterValues)) return FORWARD;
    const inStop = frame.action === 'StopTransaction';
    const allowed = new Map<string, Set<string> | null>(); // key id → its measurands, null: no filter
    const measurandsOf = (key: string): Set<string> | null => {
      if (!allowed.has(key)) allowed.set(key, this.filterFor(key));
      return allowed.get(key)!;
    };
    const keptValues: string[] = [];
    let removed = 0;
    let sampled = false;
    meterValues.forEach((raw, i) => {
      const samples = (raw as Payload).sampledValue;
      if (!Array.isArray(samples)) return;
      const kept: string[] = [];
      samples.forEach((sample, j) => {
        const { context = 'Sample.Periodic', measurand = 'Energy.Active.Import.Register' } = sample as { context?: string; measurand?: string };
        const filter = measurandsOf(this.keys.measurands(context, inStop));
        if (filter !== null && !filter.has(measurand.toLowerCase())) return void removed++;
        if (context !== 'Sample.Clock') sampled = true;
        kept.push(valueText(frame.text, [3, field, i, 'sampledValue', j])!);
      });
      if (kept.length === 0) return;
      const element = valueText(frame.text, [3, field, i])!;
      keptValues.push(kept.length === samples.length ? element : spliceJson(element, [{ path: ['sampledValue'], json: `[${kept.join(',')}]` }]));
    });
    if (keptValues.length === 0 && frame.action === 'MeterValues') {
      return { kind: 'drop', note: `none of these measurands is in ${this.upstream}'s configuration view` };
    }
    if (sampled && this.rateLimited(frame.action, frame.payload) && !this.rateAllows(frame.payload)) {
      return { kind: 'drop', note: `${this.upstream}'s configuration view samples less often` };
    }
    if (removed === 0) return FORWARD;
    const text = keptValues.length === 0 ? removeMember(frame.text, [3], field) : spliceJson(frame.text, [{ path: [3, field], json: `[${keptValues.join(',')}]` }]);
    return { kind: 'replace', text, filtered: true, note: `${removed} sampled values not in ${this.upstream}'s configuration view left out` };
  }

  /** The measurands this upstream's view lists for `key`, or null when it needs no filter. */
  private filterFor(key: string): Set<string> | null {
    const view = this.views.viewOf(this.upstream, key);
    if (view === undefined) return null;
    const charger = this.views.chargerValue(key);
    if (charger !== undefined && sameValue('union', view, charger)) return null;
    return new Set(listItems(view).map((item) => item.toLowerCase()));
  }

  /**
   * Frames that only carry periodic samples: MeterValues, and the 2.0.1+ TransactionEvent
   * `Updated` sent for `MeterValuePeriodic` (any other trigger carries a state change and always goes).
   */
  private rateLimited(action: string, payload: Payload): boolean {
    if (action === 'MeterValues') return true;
    return action === 'TransactionEvent' && payload.eventType === 'Updated' && payload.triggerReason === 'MeterValuePeriodic';
  }

  /** Whether sampled values may go to this upstream now (its own interval, per connector); counts it if so. */
  private rateAllows(payload: Payload): boolean {
    const key = this.keys.interval;
    const own = Number(this.views.viewOf(this.upstream, key));
    const charger = Number(this.views.chargerValue(key));
    if (!(own > 0) || own <= charger) return true;
    // A TransactionEvent names its EVSE only in its first event: its transaction stands for it.
    const transaction = (payload.transactionInfo as Payload | undefined)?.transactionId;
    const connector = transaction !== undefined ? `tx ${String(transaction)}` : String(payload.connectorId ?? payload.evseId ?? 0);
    const now = this.now();
    const last = this.lastSampled.get(connector);
    if (last !== undefined && now - last < own * 1000) return false;
    this.lastSampled.set(connector, now);
    return true;
  }
}
