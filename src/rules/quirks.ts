// Optional quirk repairs, each off unless its `[fixups]` key is set.

import { expandPath, type FieldChange, type FixupRule } from './rule-types.ts';
import { wireTable } from '../ocpp/wire-table.ts';

/**
 * `[fixups] idtag_max_length = 20`: OCPP 1.6 limits idTag to 20 characters (CiString20Type);
 * some RFID readers report longer UIDs, which a strict CSMS rejects. Cut them to the limit.
 */
export function idTagLengthRule(maxLength: number): FixupRule {
  return {
    name: 'idtag_max_length',
    actions: (version) => (version === 'ocpp1.6' ? ['Authorize', 'StartTransaction', 'StopTransaction'] : []),
    fix(_action, payload): FieldChange[] {
      const idTag = payload.idTag;
      if (typeof idTag !== 'string' || idTag.length <= maxLength) return [];
      return [{ path: ['idTag'], value: idTag.slice(0, maxLength), was: idTag }];
    },
  };
}

/** Where sampled values live in each charger Call that carries meter values. */
const SAMPLED_VALUES: Record<string, string[]> = wireTable({
  MeterValues: ['meterValue', '*', 'sampledValue', '*'],
  TransactionEvent: ['meterValue', '*', 'sampledValue', '*'],
  StopTransaction: ['transactionData', '*', 'sampledValue', '*'],
});

/**
 * `[fixups] power_scale = 10` (with `power_measurands`, default Power.Active.Import): for firmwares
 * that report power in the wrong unit (10× too low). Signed values are never touched: changing
 * them would break their signature.
 */
export function powerScaleRule(factor: number, measurands: string[]): FixupRule {
  const wanted = new Set(measurands);
  return {
    name: 'power_scale',
    actions: () => Object.keys(SAMPLED_VALUES),
    fix(action, payload): FieldChange[] {
      const changes: FieldChange[] = [];
      for (const { path, value: sample } of expandPath(payload, SAMPLED_VALUES[action]!)) {
        if (typeof sample !== 'object' || sample === null) continue;
        const s = sample as Record<string, unknown>;
        if (s.format === 'SignedData' || s.signedMeterValue !== undefined) continue;
        if (typeof s.measurand !== 'string' || !wanted.has(s.measurand)) continue;
        const number = typeof s.value === 'number' ? s.value : typeof s.value === 'string' ? Number(s.value) : NaN;
        if (!Number.isFinite(number)) continue;
        const scaled = Math.round(number * factor * 1000) / 1000;
        // 1.6 carries the value as a string, 2.0.1+ as a number: keep the sender's type.
        changes.push({ path: [...path, 'value'], value: typeof s.value === 'string' ? String(scaled) : scaled, was: s.value });
      }
      return changes;
    },
  };
}
