// The message log's text format (`[messages] format = text`): one line per frame per hop, to read
// with `tail -f`, that `ocpp-proxy logs` parses back into the entry the JSON format would hold.
//
//   2026-11-21 21:44:54.123+01:00 CP1 charger→primary CALL BootNotification 42 [] {"chargePointVendor":"V"}
//
// Fields, one space apart, always in this order: local date, local time with milliseconds and
// offset, charger, from→to, type, action, id, [tags and extra keys], body. Only the body may hold
// spaces; it runs to the end of the line. Text fields are `-` for null, `""` for empty, else the
// text with spaces, `%`, `→`, control and invisible characters percent-encoded (UTF-8, as in a
// URL). The body is one of:
//   - the payload part of a plain frame (`[2,"ID","ACTION",` … `]`), as it is on the wire;
//   - `raw ` and the whole frame as it is on the wire (INVALID frames, frames with spaces, ids
//     that JSON escapes);
//   - `raw% ` and the whole frame with `%`, control and invisible characters percent-encoded
//     (a frame with line breaks or terminal escapes cannot break the line or colour a terminal).
// docs/operations.md says the same for users.

import type { FrameType, MessageLogEntry, Tag } from './message-log-entry.ts';

/** Characters that would break a line, colour a terminal or hide themselves: C0, DEL, C1, zero-width, bidi, line separators. */
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const BODY_ESCAPES = /[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff%]/g;
/** In a field, also the separators: space, `%` and the hop's arrow. */
const FIELD_UNSAFE = /[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff%→]/;
const FIELD_ESCAPES = /[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff%→]/g;
/** In a `key=value` of the brackets, also `,`, `=` and `]`. */
const VALUE_ESCAPES = /[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff%→,=\]]/g;

/** The OCPP-J MessageTypeId of each type, as the character code of its digit. */
const TYPE_DIGIT: Record<FrameType, number> = { CALL: 50, CALLRESULT: 51, CALLERROR: 52, CALLRESULTERROR: 53, SEND: 54, INVALID: -1 };
const FRAME_TYPES = new Set<string>(Object.keys(TYPE_DIGIT));

const RAW = 'raw ';
const RAW_ESCAPED = 'raw% ';

/** Turns entries into text lines. Keeps the last local time stamp: the hops of one frame share it. */
export class TextLineFormatter {
  private lastTs = '';
  private lastStamp = '';
  /** `YYYY-MM-DDTHH:MM:SS` of the UTC second whose local form is `secondStamp` (with `offset`). */
  private secondKey = '';
  private secondStamp = '';
  private offset = '';

  /** The entry's line, with its newline. */
  line(e: MessageLogEntry): string {
    return `${this.stamp(e.ts)} ${field(e.charger)} ${field(e.from)}→${field(e.to)} ${e.type} ${field(e.action)} ${field(e.id)} ${brackets(e)} ${body(e)}\n`;
  }

  private stamp(ts: string): string {
    if (ts === this.lastTs) return this.lastStamp;
    const stamp = this.secondKey !== '' && sameSecondMillis(ts, this.secondKey) ? `${this.secondStamp}${ts.slice(19, 23)}${this.offset}` : this.newSecond(ts);
    this.lastTs = ts;
    this.lastStamp = stamp;
    return stamp;
  }

  /** Local date, time and offset for a new second (the offset can change with daylight saving). */
  private newSecond(ts: string): string {
    this.secondKey = '';
    const ms = ISO_UTC.test(ts) ? Date.parse(ts) : Number.NaN;
    if (Number.isNaN(ms)) return `- ${field(ts)}`; // not the form the proxy writes: kept as it is
    let minutes = -new Date(ms).getTimezoneOffset();
    if (!Number.isInteger(minutes)) minutes = 0; // historical offsets in seconds would not parse back
    const local = new Date(ms + minutes * 60_000).toISOString();
    if (local.length !== 24) return `- ${field(ts)}`; // a local year outside 0000-9999
    this.secondKey = ts.slice(0, 19);
    this.secondStamp = `${local.slice(0, 10)} ${local.slice(11, 19)}`;
    const abs = Math.abs(minutes);
    this.offset = `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
    return `${this.secondStamp}${ts.slice(19, 23)}${this.offset}`;
  }
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** `ts` is `secondKey` + `.mmmZ`: checked by character, without making strings. */
function sameSecondMillis(ts: string, secondKey: string): boolean {
  return ts.length === 24 && ts.startsWith(secondKey) && ts.charCodeAt(19) === 46 && isDigit(ts.charCodeAt(20)) && isDigit(ts.charCodeAt(21)) && isDigit(ts.charCodeAt(22)) && ts.charCodeAt(23) === 90;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function field(text: string | null): string {
  if (text === null) return '-';
  if (text === '') return '""';
  if (text === '-') return '%2D';
  if (text === '""') return '%22"';
  return FIELD_UNSAFE.test(text) ? text.replace(FIELD_ESCAPES, encodeURIComponent) : text;
}

function brackets(e: MessageLogEntry): string {
  const { tags, protocol, protocol_source: source } = e;
  if (protocol === undefined && source === undefined) {
    if (tags.length === 0) return '[]';
    return tags.length === 1 ? `[${tags[0]}]` : `[${tags.join(',')}]`;
  }
  // A connection's first line: its OCPP version and how it was found, as key=value after the tags.
  const items: string[] = [...tags];
  if (protocol !== undefined) items.push(`protocol=${protocol.replace(VALUE_ESCAPES, encodeURIComponent)}`);
  if (source !== undefined) items.push(`protocol_source=${source.replace(VALUE_ESCAPES, encodeURIComponent)}`);
  return `[${items.join(',')}]`;
}

function body(e: MessageLogEntry): string {
  const raw = e.raw;
  if (UNSAFE.test(raw)) return `${RAW_ESCAPED}${raw.replace(BODY_ESCAPES, encodeURIComponent)}`;
  const start = payloadStart(e);
  return start < 0 ? `${RAW}${raw}` : raw.slice(start, raw.length - 1);
}

/**
 * Where the payload part begins in a frame that the line's fields rebuild exactly (`[2,"ID",` then
 * `"ACTION",` for CALL and SEND, the payload, `]`), or -1 for any other frame.
 */
function payloadStart(e: MessageLogEntry): number {
  const { raw, id } = e;
  const digit = TYPE_DIGIT[e.type];
  if (digit < 0 || id === null || !plain(id)) return -1;
  if (raw.charCodeAt(0) !== 91 || raw.charCodeAt(1) !== digit || raw.charCodeAt(2) !== 44 || raw.charCodeAt(3) !== 34 || !raw.startsWith(id, 4)) return -1;
  let at = 4 + id.length;
  if (raw.charCodeAt(at) !== 34 || raw.charCodeAt(at + 1) !== 44) return -1;
  at += 2;
  if (e.type === 'CALL' || e.type === 'SEND') {
    const action = e.action;
    if (action === null || !plain(action) || raw.charCodeAt(at) !== 34 || !raw.startsWith(action, at + 1)) return -1;
    at += 1 + action.length;
    if (raw.charCodeAt(at) !== 34 || raw.charCodeAt(at + 1) !== 44) return -1;
    at += 2;
  }
  const last = raw.length - 1;
  if (at >= last || raw.charCodeAt(last) !== 93 || !startsJsonValue(raw.charCodeAt(at))) return -1;
  return at;
}

/** A JSON string literal of this text is the text between quotes: no `"`, no `\`. */
function plain(text: string): boolean {
  return !text.includes('"') && !text.includes('\\');
}

/** `{ [ " - 0-9 t f n`: never `r`, so a payload is never taken for `raw `. */
function startsJsonValue(code: number): boolean {
  return code === 123 || code === 91 || code === 34 || code === 45 || isDigit(code) || code === 116 || code === 102 || code === 110;
}

// ---- reading it back ---------------------------------------------------------------------------

const DATE = /^\d{4}-\d\d-\d\d$/;
const TIME = /^\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/;

/** The entry a text line was written from; throws an Error saying what is wrong with the line. */
export function parseTextLine(line: string): MessageLogEntry {
  const tokens: string[] = [];
  let at = 0;
  while (tokens.length < 8) {
    const space = line.indexOf(' ', at);
    if (space < 0) throw new Error(tokens.length === 0 ? 'not a message log entry' : `not a message log entry (${tokens.length + 1} of 9 fields)`);
    tokens.push(line.slice(at, space));
    at = space + 1;
  }
  const [date, time, charger, hop, type, action, id, annotations] = tokens as [string, string, string, string, string, string, string, string];
  const rest = line.slice(at);

  let ts: string;
  if (date === '-') ts = unfield(time, 'time') ?? '';
  else if (DATE.test(date) && TIME.test(time)) ts = new Date(Date.parse(`${date}T${time}`)).toISOString();
  else throw new Error(`not a message log entry (no time stamp: '${date} ${time}')`);
  const arrow = hop.indexOf('→');
  if (arrow < 0) throw new Error(`not a message log entry (no from→to in '${hop}')`);
  if (!FRAME_TYPES.has(type)) throw new Error(`unknown type '${type}'`);
  if (!annotations.startsWith('[') || !annotations.endsWith(']')) throw new Error(`no [tags] in '${annotations}'`);

  const entry: MessageLogEntry = {
    ts,
    charger: unfield(charger, 'charger') ?? '',
    from: unfield(hop.slice(0, arrow), 'from') ?? '',
    to: unfield(hop.slice(arrow + 1), 'to') ?? '',
    type: type as FrameType,
    id: unfield(id, 'id'),
    action: unfield(action, 'action'),
    tags: [],
    raw: '',
  };
  const extra: Record<string, string> = {};
  for (const item of annotations.length > 2 ? annotations.slice(1, -1).split(',') : []) {
    const eq = item.indexOf('=');
    if (eq < 0) entry.tags.push(item as Tag);
    else extra[item.slice(0, eq)] = decode(item.slice(eq + 1), item);
  }
  entry.raw = rawOf(entry, rest);
  return Object.assign(entry, extra);
}

/** A field back to its text: `-` is null, `""` empty. */
function unfield(text: string, name: string): string | null {
  if (text === '-') return null;
  if (text === '""') return '';
  return decode(text, name);
}

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new Error(`bad %-escape in ${what} '${text}'`);
  }
}

function rawOf(e: MessageLogEntry, text: string): string {
  if (text.startsWith(RAW_ESCAPED)) return decode(text.slice(RAW_ESCAPED.length), 'the frame');
  if (text.startsWith(RAW)) return text.slice(RAW.length);
  if (text === 'raw') return ''; // an empty frame, its trailing space trimmed away
  const digit = TYPE_DIGIT[e.type];
  if (text === '' || digit < 0 || e.id === null) throw new Error(`a ${e.type} line needs an id and a payload, or raw`);
  const head = `[${String.fromCharCode(digit)},"${e.id}",`;
  if (e.type !== 'CALL' && e.type !== 'SEND') return `${head}${text}]`;
  if (e.action === null) throw new Error(`a ${e.type} line needs an action, or raw`);
  return `${head}"${e.action}",${text}]`;
}
