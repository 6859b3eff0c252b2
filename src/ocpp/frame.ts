// OCPP-J framing as pure functions: parse the envelope once, find the id's bytes, build errors.

import type { FrameProblemKind } from './versions.ts';
import type { OcppErrorCode } from '../errors.ts';

export const CALL = 2;
export const CALLRESULT = 3;
export const CALLERROR = 4;
export const CALLRESULTERROR = 5;
export const SEND = 6;

export type Payload = Record<string, unknown>;

export type Frame =
  | { type: typeof CALL | typeof SEND; id: string; action: string; payload: Payload }
  | { type: typeof CALLRESULT; id: string; payload: Payload }
  | { type: typeof CALLERROR | typeof CALLRESULTERROR; id: string; code: string; description: string; details: unknown };

export type ParseResult =
  | { ok: true; frame: Frame }
  | { ok: false; problem: FrameProblemKind; id: string | null; detail: string }
  | { ok: false; problem: 'unknown-type'; id: string | null; detail: string; messageType: unknown };

export const TYPE_NAMES: Record<number, 'CALL' | 'CALLRESULT' | 'CALLERROR' | 'CALLRESULTERROR' | 'SEND'> = {
  [CALL]: 'CALL',
  [CALLRESULT]: 'CALLRESULT',
  [CALLERROR]: 'CALLERROR',
  [CALLRESULTERROR]: 'CALLRESULTERROR',
  [SEND]: 'SEND',
};

/** OCPP-J §4.1.3 (1.6) / §4.2.1 (2.x): message ids are at most 36 characters. */
export const MAX_MESSAGE_ID_LENGTH = 36;
/** Every OCPP action name is an identifier; custom (vendor) ones are bounded the same way. */
export const MAX_ACTION_LENGTH = 64;
const ACTION_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

function isObject(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses an OCPP-J frame; `knownTypes` are the message types valid on this connection. */
export function parseFrame(text: string, knownTypes: ReadonlySet<number>): ParseResult {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (error) {
    // RangeError (deep nesting) lands here too.
    return { ok: false, problem: 'not-json', id: null, detail: `not valid JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(message)) return { ok: false, problem: 'not-array', id: null, detail: 'an OCPP-J message is a JSON array' };
  const [type, id] = message;
  const readableId = typeof id === 'string' ? id : null;
  if (typeof type !== 'number' || !Number.isInteger(type)) {
    return { ok: false, problem: 'bad-envelope', id: readableId, detail: 'the message type id is not an integer' };
  }
  if (!knownTypes.has(type)) {
    return { ok: false, problem: 'unknown-type', id: readableId, detail: `message type ${type} is not supported`, messageType: type };
  }
  if (readableId === null) return { ok: false, problem: 'bad-envelope', id: null, detail: 'the message id is not a string' };
  // OCPP-J: at most 36 characters. A longer one is not echoed back (nor kept anywhere).
  if (readableId.length > MAX_MESSAGE_ID_LENGTH) {
    return { ok: false, problem: 'bad-envelope', id: null, detail: `the message id is longer than ${MAX_MESSAGE_ID_LENGTH} characters` };
  }
  switch (type) {
    case CALL:
    case SEND: {
      if (message.length !== 4) return badLength(readableId, type, 4, message.length);
      const action = message[2];
      if (typeof action !== 'string' || action === '') {
        return { ok: false, problem: 'bad-envelope', id: readableId, detail: 'the action is not a string' };
      }
      if (!ACTION_NAME.test(action)) {
        return { ok: false, problem: 'bad-envelope', id: readableId, detail: `the action is not an OCPP action name (letters, digits and _ . -, at most ${MAX_ACTION_LENGTH})` };
      }
      if (!isObject(message[3])) return { ok: false, problem: 'bad-payload', id: readableId, detail: 'the payload is not a JSON object' };
      return { ok: true, frame: { type, id: readableId, action, payload: message[3] } };
    }
    case CALLRESULT:
      if (message.length !== 3) return badLength(readableId, type, 3, message.length);
      if (!isObject(message[2])) return { ok: false, problem: 'bad-payload', id: readableId, detail: 'the payload is not a JSON object' };
      return { ok: true, frame: { type, id: readableId, payload: message[2] } };
    default: {
      // CALLERROR, CALLRESULTERROR
      if (message.length !== 5) return badLength(readableId, type, 5, message.length);
      const [, , code, description, details] = message;
      if (typeof code !== 'string' || typeof description !== 'string') {
        return { ok: false, problem: 'bad-envelope', id: readableId, detail: 'the error code or description is not a string' };
      }
      if (!isObject(details)) return { ok: false, problem: 'bad-payload', id: readableId, detail: 'the error details are not a JSON object' };
      return { ok: true, frame: { type: type as typeof CALLERROR, id: readableId, code, description, details } };
    }
  }
}

function badLength(id: string, type: number, expected: number, actual: number): ParseResult {
  return { ok: false, problem: 'bad-envelope', id, detail: `a ${TYPE_NAMES[type]} has ${expected} elements, this one has ${actual}` };
}

/**
 * Start and end (exclusive) of the message id's JSON string literal in a frame that parsed.
 * Lets the router swap ids by splicing bytes instead of re-serialising the frame.
 */
export function idSpan(text: string): [number, number] {
  let i = text.indexOf(',') + 1; // the type id is a plain integer, so the first ',' ends it
  while (text.charCodeAt(i) !== 0x22 /* " */) i++;
  const start = i;
  for (i = start + 1; ; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x22) return [start, i + 1];
  }
}

/** The frame with its id literal replaced by `idLiteral` (a JSON string literal). */
export function withId(text: string, idLiteral: string): string {
  const [start, end] = idSpan(text);
  return text.slice(0, start) + idLiteral + text.slice(end);
}

export function idLiteralOf(text: string): string {
  const [start, end] = idSpan(text);
  return text.slice(start, end);
}

/** A CALLERROR frame the proxy sends itself; the description is cut to the 255 characters OCPP allows. */
export function callError(id: string, code: OcppErrorCode, description: string, details: Payload = {}): string {
  return JSON.stringify([CALLERROR, id, code, description.slice(0, 255), details]);
}
