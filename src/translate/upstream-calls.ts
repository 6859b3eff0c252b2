// Version translation for an upstream's Calls: a 1.6 backend talks to a 2.0.1 charger. Each 1.6
// Call becomes the 2.0.1 Call the charger understands, with a function that turns the charger's
// 2.0.1 answer back into the 1.6 answer; or a CallError, or an answer the proxy gives itself.
// Pure: no I/O, and no function here throws, whatever the payloads hold.

import type { Payload } from '../ocpp/frame.ts';
import {
  PURPOSE_16_TO_201,
  checkFields,
  composite201To16,
  constraint,
  formation,
  isObject,
  profile16To201,
  tooLong,
  type Problem,
} from './charging-profiles-16-201.ts';
import { wireTable } from '../ocpp/wire-table.ts';

/** 1.6 configuration key ↔ 2.0.1 component/variable; data, one row per key. */
export interface KeyRow {
  key: string;
  component: string;
  variable: string;
  /** The 2.0.1 variable instance, where the spec names one. */
  instance?: string;
  /** how values convert, if they differ */
  kind?: 'csl' | 'int' | 'bool';
}

/** 2.0.1 names as the spec's standardized components and variables spell them. */
export const CONFIGURATION_KEYS: readonly KeyRow[] = [
  { key: 'MeterValueSampleInterval', component: 'SampledDataCtrlr', variable: 'TxUpdatedInterval', kind: 'int' },
  { key: 'MeterValuesSampledData', component: 'SampledDataCtrlr', variable: 'TxUpdatedMeasurands', kind: 'csl' },
  { key: 'StopTxnSampledData', component: 'SampledDataCtrlr', variable: 'TxEndedMeasurands', kind: 'csl' },
  { key: 'MeterValuesAlignedData', component: 'AlignedDataCtrlr', variable: 'Measurands', kind: 'csl' },
  { key: 'ClockAlignedDataInterval', component: 'AlignedDataCtrlr', variable: 'Interval', kind: 'int' },
  { key: 'StopTxnAlignedData', component: 'AlignedDataCtrlr', variable: 'TxEndedMeasurands', kind: 'csl' },
  { key: 'HeartbeatInterval', component: 'OCPPCommCtrlr', variable: 'HeartbeatInterval', kind: 'int' },
  { key: 'WebSocketPingInterval', component: 'OCPPCommCtrlr', variable: 'WebSocketPingInterval', kind: 'int' },
  { key: 'ResetRetries', component: 'OCPPCommCtrlr', variable: 'ResetRetries', kind: 'int' },
  { key: 'TransactionMessageAttempts', component: 'OCPPCommCtrlr', variable: 'MessageAttempts', instance: 'TransactionEvent', kind: 'int' },
  { key: 'TransactionMessageRetryInterval', component: 'OCPPCommCtrlr', variable: 'MessageAttemptInterval', instance: 'TransactionEvent', kind: 'int' },
  { key: 'UnlockConnectorOnEVSideDisconnect', component: 'OCPPCommCtrlr', variable: 'UnlockOnEVSideDisconnect', kind: 'bool' },
  { key: 'ConnectionTimeOut', component: 'TxCtrlr', variable: 'EVConnectionTimeOut', kind: 'int' },
  { key: 'StopTransactionOnEVSideDisconnect', component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', kind: 'bool' },
  { key: 'StopTransactionOnInvalidId', component: 'TxCtrlr', variable: 'StopTxOnInvalidId', kind: 'bool' },
  { key: 'MaxEnergyOnInvalidId', component: 'TxCtrlr', variable: 'MaxEnergyOnInvalidId', kind: 'int' },
  { key: 'LocalAuthorizeOffline', component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline', kind: 'bool' },
  { key: 'LocalPreAuthorize', component: 'AuthCtrlr', variable: 'LocalPreAuthorize', kind: 'bool' },
  { key: 'AuthorizeRemoteTxRequests', component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', kind: 'bool' },
  { key: 'AllowOfflineTxForUnknownId', component: 'AuthCtrlr', variable: 'OfflineTxForUnknownIdEnabled', kind: 'bool' },
  { key: 'AuthorizationCacheEnabled', component: 'AuthCacheCtrlr', variable: 'Enabled', kind: 'bool' },
  { key: 'LocalAuthListEnabled', component: 'LocalAuthListCtrlr', variable: 'Enabled', kind: 'bool' },
];

/** A 1.6 upstream Call translated for a 2.0.1 charger: the 2.0.1 action and payload, and how the charger's answer goes back. */
export interface Translated {
  action: string;
  payload: Payload;
  /** The charger's 2.0.1 answer payload → the 1.6 answer payload for the upstream. */
  answer(reply: Payload): Payload;
}
/** What to do instead when there is no 2.0.1 counterpart or the Call cannot be carried out: the 1.6 CallError to return. */
export interface Refusal { error: 'NotSupported' | 'PropertyConstraintViolation' | 'FormationViolation' | 'GenericError'; description: string }
/** Or: the proxy answers itself without the charger (e.g. GetConfiguration of keys that all are unknown). */
export interface Answered { answered: Payload }

export interface TranslationContext {
  /** EVSE ids the charger reported; 1.6 connector N is 2.0.1 EVSE N, connector 1. */
  evses: ReadonlySet<number>;
  /** The charger's 2.0.1 transactionId for the upstream's 1.6 integer one; null if unknown. */
  transactionIdFor(upstreamTx: number): string | null;
  /** A fresh RequestStartTransaction.remoteStartId. */
  remoteStartId(): number;
}

type Outcome = Translated | Refusal | Answered;
type Translator = (payload: Payload, context: TranslationContext) => Outcome;

/** 1.6 keys are matched without regard to case, as many chargers do. */
const ROW_BY_KEY = new Map(CONFIGURATION_KEYS.map((row) => [row.key.toLowerCase(), row]));
/** The longest 1.6 configuration key (GetConfiguration.conf echoes keys). */
const MAX_KEY_LENGTH = 50;
/** The longest 1.6 configuration value; a longer 2.0.1 value is left out rather than cut. */
const MAX_VALUE_16 = 500;
/** The longest 2.0.1 SetVariables attributeValue. */
const MAX_VALUE_201 = 1000;

const own = (table: Readonly<Record<string, string>>, key: unknown): string | undefined =>
  typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;

/** An answer of only a status: the 2.0.1 status mapped by `table`; anything else gives `fallback`. */
function statusAnswer(table: Readonly<Record<string, string>>, fallback: string): (reply: Payload) => Payload {
  return (reply) => ({ status: own(table, isObject(reply) ? reply.status : undefined) ?? fallback });
}
/** The same status names in both versions. */
const same = (...names: string[]): Readonly<Record<string, string>> => Object.fromEntries(names.map((name) => [name, name]));

const translated = (action: string, payload: Payload, answer: (reply: Payload) => Payload): Translated => ({ action, payload, answer });
const answered = (payload: Payload): Answered => ({ answered: payload });

/**
 * Where a 1.6 connectorId points on the charger: 'station' (0), an EVSE the charger reported,
 * or 'unknown'. A negative id is a Problem.
 */
function target(connectorId: number, context: TranslationContext): 'station' | 'evse' | 'unknown' | Problem {
  if (connectorId < 0) return constraint('connectorId must not be negative');
  if (connectorId === 0) return 'station';
  return context.evses.has(connectorId) ? 'evse' : 'unknown';
}
const isProblem = (value: unknown): value is Problem => isObject(value);

const remoteStart: Translator = (payload, context) => {
  const problem = checkFields(payload, { idTag: 'string' }, { connectorId: 'int', chargingProfile: 'object' }) ?? tooLong(payload, 'idTag', 36);
  if (problem) return problem;
  let profile: Payload | undefined;
  if (payload.chargingProfile !== undefined) {
    const result = profile16To201(payload.chargingProfile);
    if (!('profile' in result)) return result;
    // 1.6 §5.11 and 2.0.1 F01: only a TxProfile, and without a transactionId (none exists yet).
    if (result.profile.chargingProfilePurpose !== 'TxProfile') return constraint('chargingProfile must be a TxProfile');
    profile = result.profile;
  }
  let evseId: number | undefined;
  if (payload.connectorId !== undefined) {
    const where = target(payload.connectorId as number, context);
    if (isProblem(where)) return where;
    if (where === 'station') return constraint('connectorId must be greater than 0');
    if (where === 'unknown') return answered({ status: 'Rejected' });
    evseId = payload.connectorId as number;
  }
  return translated('RequestStartTransaction', {
    remoteStartId: context.remoteStartId(),
    idToken: { idToken: payload.idTag, type: 'Central' },
    ...(evseId === undefined ? {} : { evseId }),
    ...(profile ? { chargingProfile: profile } : {}),
  }, statusAnswer(same('Accepted', 'Rejected'), 'Rejected'));
};

const remoteStop: Translator = (payload, context) => {
  const problem = checkFields(payload, { transactionId: 'int' });
  if (problem) return problem;
  const transactionId = context.transactionIdFor(payload.transactionId as number);
  if (transactionId === null) return answered({ status: 'Rejected' });
  return translated('RequestStopTransaction', { transactionId }, statusAnswer(same('Accepted', 'Rejected'), 'Rejected'));
};

const reset: Translator = (payload) => {
  const problem = checkFields(payload, { type: ['Hard', 'Soft'] });
  if (problem) return problem;
  // Soft waits for transactions to end, as OnIdle does; 1.6 has no Scheduled, but it was accepted.
  return translated('Reset', { type: payload.type === 'Hard' ? 'Immediate' : 'OnIdle' },
    statusAnswer({ Accepted: 'Accepted', Scheduled: 'Accepted', Rejected: 'Rejected' }, 'Rejected'));
};

const unlockConnector: Translator = (payload, context) => {
  const problem = checkFields(payload, { connectorId: 'int' });
  if (problem) return problem;
  if (!context.evses.has(payload.connectorId as number)) return answered({ status: 'NotSupported' });
  return translated('UnlockConnector', { evseId: payload.connectorId, connectorId: 1 }, statusAnswer({
    Unlocked: 'Unlocked',
    UnlockFailed: 'UnlockFailed',
    OngoingAuthorizedTransaction: 'UnlockFailed',
    UnknownConnector: 'NotSupported',
  }, 'UnlockFailed'));
};

const changeAvailability: Translator = (payload, context) => {
  const problem = checkFields(payload, { connectorId: 'int', type: ['Inoperative', 'Operative'] });
  if (problem) return problem;
  const where = target(payload.connectorId as number, context);
  if (isProblem(where)) return where;
  if (where === 'unknown') return answered({ status: 'Rejected' });
  return translated('ChangeAvailability', {
    operationalStatus: payload.type,
    ...(where === 'evse' ? { evse: { id: payload.connectorId } } : {}),
  }, statusAnswer(same('Accepted', 'Rejected', 'Scheduled'), 'Rejected'));
};

const TRIGGERS: Readonly<Record<string, string>> = wireTable({
  ...same('BootNotification', 'Heartbeat', 'MeterValues', 'StatusNotification', 'FirmwareStatusNotification'),
  DiagnosticsStatusNotification: 'LogStatusNotification',
});

const triggerMessage: Translator = (payload, context) => {
  const problem = checkFields(payload, { requestedMessage: Object.keys(TRIGGERS) }, { connectorId: 'int' });
  if (problem) return problem;
  const requestedMessage = TRIGGERS[payload.requestedMessage as string]!;
  const answer = statusAnswer(same('Accepted', 'Rejected', 'NotImplemented'), 'Rejected');
  const connectorId = payload.connectorId as number | undefined;
  if (connectorId !== undefined && connectorId < 0) return constraint('connectorId must not be negative');
  let evse: Payload | undefined;
  if (requestedMessage === 'StatusNotification') {
    // 2.0.1 F06.FR.12: a StatusNotification is triggered for one EVSE and connector. Without a
    // connectorId 1.6 means every connector; one Call can do that only with a single EVSE.
    // The station itself (0) has no status of its own in 2.0.1.
    const id = connectorId ?? (context.evses.size === 1 ? [...context.evses][0] : undefined);
    if (id === undefined || !context.evses.has(id)) return answered({ status: 'Rejected' });
    evse = { id, connectorId: 1 };
  } else if (requestedMessage === 'MeterValues' && connectorId !== undefined && connectorId !== 0) {
    if (!context.evses.has(connectorId)) return answered({ status: 'Rejected' });
    evse = { id: connectorId };
  }
  // The other messages are about the whole station: 1.6 ignores a connectorId there.
  return translated('TriggerMessage', { requestedMessage, ...(evse ? { evse } : {}) }, answer);
};

/** A 1.6 value → the 2.0.1 attributeValue; null: not a value of that kind. */
function valueTo201(row: KeyRow, value: string): string | null {
  const trimmed = value.trim();
  switch (row.kind) {
    case 'bool': {
      const lower = trimmed.toLowerCase();
      return lower === 'true' || lower === 'false' ? lower : null;
    }
    case 'int':
      return /^-?\d+$/.test(trimmed) ? String(Number(trimmed)) : null;
    case 'csl':
      return trimmed.split(',').map((item) => item.trim()).filter((item) => item !== '').join(',');
    default:
      return value;
  }
}

/** A 2.0.1 attributeValue → the 1.6 value. */
function valueTo16(row: KeyRow, value: string): string {
  if (row.kind === 'bool') return value.trim().toLowerCase();
  if (row.kind === 'csl') return value.split(',').map((item) => item.trim()).filter((item) => item !== '').join(',');
  return value;
}

const componentVariable = (row: KeyRow): Payload => ({
  component: { name: row.component },
  variable: row.instance === undefined ? { name: row.variable } : { name: row.variable, instance: row.instance },
});

const SET_STATUS: Readonly<Record<string, string>> = wireTable({
  ...same('Accepted', 'RebootRequired', 'Rejected'),
  UnknownComponent: 'NotSupported',
  UnknownVariable: 'NotSupported',
  NotSupportedAttributeType: 'NotSupported',
});

const changeConfiguration: Translator = (payload) => {
  const problem = checkFields(payload, { key: 'string', value: 'string' });
  if (problem) return problem;
  const row = ROW_BY_KEY.get((payload.key as string).toLowerCase());
  if (!row) return answered({ status: 'NotSupported' });
  const attributeValue = valueTo201(row, payload.value as string);
  if (attributeValue === null || attributeValue.length > MAX_VALUE_201) return answered({ status: 'Rejected' });
  return translated('SetVariables', { setVariableData: [{ ...componentVariable(row), attributeValue }] }, (reply) => {
    const results = isObject(reply) && Array.isArray(reply.setVariableResult) ? reply.setVariableResult : [];
    const first: unknown = results[0];
    return { status: own(SET_STATUS, isObject(first) ? first.attributeStatus : undefined) ?? 'Rejected' };
  });
};

/** Whether a 2.0.1 GetVariableResult is about `row`. */
function resultFor(result: unknown, row: KeyRow): result is Payload {
  if (!isObject(result) || !isObject(result.component) || !isObject(result.variable)) return false;
  return result.component.name === row.component && result.variable.name === row.variable && result.variable.instance === row.instance;
}

const getConfiguration: Translator = (payload) => {
  const problem = checkFields(payload, {}, { key: 'array' });
  if (problem) return problem;
  const keys = (payload.key as unknown[] | undefined) ?? [];
  if (keys.some((key) => typeof key !== 'string' || key.length > MAX_KEY_LENGTH)) {
    return formation(`every key must be a string of at most ${MAX_KEY_LENGTH} characters`);
  }
  // No key list (or an empty one) asks for every key; here that is every row of the table.
  const asked = keys.length === 0 ? CONFIGURATION_KEYS.map((row) => row.key) : [...new Set(keys as string[])];
  const known: { key: string; row: KeyRow }[] = [];
  const unknownKey: string[] = [];
  for (const key of asked) {
    const row = ROW_BY_KEY.get(key.toLowerCase());
    if (!row) unknownKey.push(key);
    else if (!known.some((entry) => entry.row === row)) known.push({ key, row });
  }
  if (known.length === 0) return answered({ configurationKey: [], unknownKey });
  return translated('GetVariables', { getVariableData: known.map(({ row }) => componentVariable(row)) }, (reply) => {
    const results = isObject(reply) && Array.isArray(reply.getVariableResult) ? reply.getVariableResult : [];
    const configurationKey: Payload[] = [];
    const missing: string[] = [];
    for (const { key, row } of known) {
      const result = results.find((candidate) => resultFor(candidate, row));
      if (!result || result.attributeStatus !== 'Accepted') {
        missing.push(key);
        continue;
      }
      const value = typeof result.attributeValue === 'string' ? valueTo16(row, result.attributeValue) : undefined;
      configurationKey.push({ key, readonly: false, ...(value !== undefined && value.length <= MAX_VALUE_16 ? { value } : {}) });
    }
    return { configurationKey, unknownKey: [...unknownKey, ...missing] };
  });
};

const setChargingProfile: Translator = (payload, context) => {
  const problem = checkFields(payload, { connectorId: 'int', csChargingProfiles: 'object' });
  if (problem) return problem;
  const result = profile16To201(payload.csChargingProfiles);
  if (!('profile' in result)) return result;
  const where = target(payload.connectorId as number, context);
  if (isProblem(where)) return where;
  if (where === 'unknown') return answered({ status: 'Rejected' });
  let profile = result.profile;
  if (profile.chargingProfilePurpose === 'TxProfile') {
    // 2.0.1 K01.FR.03: a TxProfile names its transaction. Without a known one it would be refused.
    const upstreamTx = (payload.csChargingProfiles as Payload).transactionId;
    const transactionId = typeof upstreamTx === 'number' ? context.transactionIdFor(upstreamTx) : null;
    if (transactionId === null) return answered({ status: 'Rejected' });
    profile = { ...profile, transactionId };
  }
  // 2.0.1 answers only Accepted or Rejected; 1.6's NotSupported has no source there.
  return translated('SetChargingProfile', { evseId: payload.connectorId, chargingProfile: profile },
    statusAnswer(same('Accepted', 'Rejected'), 'Rejected'));
};

const clearChargingProfile: Translator = (payload, context) => {
  const problem = checkFields(payload, {}, { id: 'int', connectorId: 'int', chargingProfilePurpose: Object.keys(PURPOSE_16_TO_201), stackLevel: 'int' });
  if (problem) return problem;
  if (payload.connectorId !== undefined) {
    const where = target(payload.connectorId as number, context);
    if (isProblem(where)) return where;
    // Nothing can be installed on an EVSE the charger does not have.
    if (where === 'unknown') return answered({ status: 'Unknown' });
  }
  const criteria: Payload = {};
  if (payload.connectorId !== undefined) criteria.evseId = payload.connectorId;
  if (payload.chargingProfilePurpose !== undefined) criteria.chargingProfilePurpose = PURPOSE_16_TO_201[payload.chargingProfilePurpose as string];
  if (payload.stackLevel !== undefined) criteria.stackLevel = payload.stackLevel;
  return translated('ClearChargingProfile', {
    ...(payload.id === undefined ? {} : { chargingProfileId: payload.id }),
    ...(Object.keys(criteria).length === 0 ? {} : { chargingProfileCriteria: criteria }),
  }, statusAnswer(same('Accepted', 'Unknown'), 'Unknown'));
};

const getCompositeSchedule: Translator = (payload, context) => {
  const problem = checkFields(payload, { connectorId: 'int', duration: 'int' }, { chargingRateUnit: ['A', 'W'] });
  if (problem) return problem;
  const connectorId = payload.connectorId as number;
  const where = target(connectorId, context);
  if (isProblem(where)) return where;
  if (where === 'unknown') return answered({ status: 'Rejected' });
  return translated('GetCompositeSchedule', {
    duration: payload.duration,
    evseId: connectorId,
    ...(payload.chargingRateUnit === undefined ? {} : { chargingRateUnit: payload.chargingRateUnit }),
  }, (reply) => {
    if (!isObject(reply) || reply.status !== 'Accepted') return { status: 'Rejected' };
    if (reply.schedule === undefined) return { status: 'Accepted', connectorId };
    // A schedule the upstream cannot read is no schedule: Rejected rather than a wrong limit.
    const schedule = composite201To16(reply.schedule);
    return schedule ? { status: 'Accepted', ...schedule } : { status: 'Rejected' };
  });
};

const dataTransfer: Translator = (payload) => {
  const problem = checkFields(payload, { vendorId: 'string' }, { messageId: 'string', data: 'string' })
    ?? tooLong(payload, 'vendorId', 255) ?? tooLong(payload, 'messageId', 50);
  if (problem) return problem;
  const request: Payload = { vendorId: payload.vendorId };
  if (payload.messageId !== undefined) request.messageId = payload.messageId;
  if (payload.data !== undefined) request.data = payload.data;
  return translated('DataTransfer', request, (reply) => {
    const status = own(same('Accepted', 'Rejected', 'UnknownMessageId', 'UnknownVendorId'), isObject(reply) ? reply.status : undefined) ?? 'Rejected';
    const data: unknown = isObject(reply) ? reply.data : undefined;
    // 1.6 data is a string; 2.0.1 data may be any JSON, so anything else travels as JSON text.
    if (data === undefined || data === null) return { status };
    return { status, data: typeof data === 'string' ? data : JSON.stringify(data) };
  });
};

const TRANSLATORS: Readonly<Record<string, Translator>> = wireTable({
  RemoteStartTransaction: remoteStart,
  RemoteStopTransaction: remoteStop,
  Reset: reset,
  UnlockConnector: unlockConnector,
  ChangeAvailability: changeAvailability,
  TriggerMessage: triggerMessage,
  ChangeConfiguration: changeConfiguration,
  GetConfiguration: getConfiguration,
  SetChargingProfile: setChargingProfile,
  ClearChargingProfile: clearChargingProfile,
  GetCompositeSchedule: getCompositeSchedule,
  DataTransfer: dataTransfer,
});

/** Translates a 1.6 Call from the upstream for the 2.0.1 charger, or says why not, or answers it. */
export function upstreamCallTo201(action: string, payload: Payload, context: TranslationContext): Outcome {
  const translate = Object.hasOwn(TRANSLATORS, action) ? TRANSLATORS[action] : undefined;
  if (!translate) return { error: 'NotSupported', description: `${action} has no 2.0.1 counterpart here` };
  if (!isObject(payload)) return formation('the payload must be a JSON object');
  try {
    return translate(payload, context);
  } catch (error) {
    // Only the context's callbacks could throw; the upstream still gets an answer.
    return { error: 'GenericError', description: `translating ${action} failed: ${(error as Error)?.message ?? String(error)}` };
  }
}
