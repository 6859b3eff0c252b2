// What each INI key may hold. The `ini` package hands us strings and booleans with the key's
// case kept; these coercers turn them into typed values or throw a message for the user.

import type { LogLevel, UpstreamAuth, UpstreamRole } from './config.ts';
import type { OcppVersion } from '../ocpp/versions.ts';
import { wireTable } from '../ocpp/wire-table.ts';

export type IniValue = string | boolean | undefined;
export type Coerce<T> = (value: IniValue) => T;

export class ValueError extends Error {}

function text(value: IniValue): string {
  if (value === undefined) throw new ValueError('missing value');
  return typeof value === 'boolean' ? String(value) : value.trim();
}

export const coerce = {
  string(value: IniValue): string {
    return text(value);
  },
  nonEmpty(value: IniValue): string {
    const s = text(value);
    if (s === '') throw new ValueError('must not be empty');
    return s;
  },
  host(value: IniValue): string {
    const s = text(value);
    if (s === '' || /[\s/]/.test(s)) throw new ValueError(`'${s}' is not a host name or address`);
    return s;
  },
  port(value: IniValue): number {
    return integer(value, 1, 65535, 'a port (1-65535)');
  },
  portOrOff(value: IniValue): number {
    return integer(value, 0, 65535, 'a port (1-65535, or 0 for off)');
  },
  phases(value: IniValue): number {
    return integer(value, 1, 3, 'a number of phases (1, 2 or 3)');
  },
  count(value: IniValue): number {
    return integer(value, 1, 1_000_000_000, 'a positive whole number');
  },
  logFormat(value: IniValue): 'jsonl' | 'text' {
    const s = text(value).toLowerCase();
    if (s === 'jsonl' || s === 'text') return s;
    throw new ValueError(`'${text(value)}' is not a message log format (jsonl or text)`);
  },
  /** A limit where 0 means none. */
  limit(value: IniValue): number {
    return integer(value, 0, 1_000_000_000_000, 'a whole number >= 0 (0: no limit)');
  },
  price(value: IniValue): number {
    const s = text(value);
    const n = Number(s);
    if (s === '' || !Number.isFinite(n) || n < 0) throw new ValueError(`'${s}' is not a price (a number >= 0)`);
    return n;
  },
  httpUrl(value: IniValue): string {
    const s = text(value);
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      throw new ValueError(`'${s}' is not a URL (expected http://HOST:8123)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ValueError(`'${s}' must start with http:// or https://`);
    return s.replace(/\/+$/, '');
  },
  /** A PostgreSQL URL; never echoed back, since it may hold a password. */
  postgresUrl(value: IniValue): string {
    const s = text(value);
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      throw new ValueError('is not a URL (expected postgres://USER:PASSWORD@HOST[:PORT]/DATABASE)');
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new ValueError('must start with postgres:// or postgresql://');
    return s;
  },
  detection(value: IniValue): 'off' | 'lenient' {
    const s = text(value).toLowerCase();
    if (s === 'off' || s === 'lenient') return s;
    throw new ValueError(`'${text(value)}' is not off or lenient`);
  },
  protocol(value: IniValue): OcppVersion {
    const s = text(value);
    if (s === 'ocpp1.6' || s === 'ocpp2.0.1' || s === 'ocpp2.1') return s;
    throw new ValueError(`'${s}' is not ocpp1.6, ocpp2.0.1 or ocpp2.1`);
  },
  positive(value: IniValue): number {
    const s = text(value);
    const n = Number(s);
    if (s === '' || !Number.isFinite(n) || n <= 0) throw new ValueError(`'${s}' is not a positive number`);
    return n;
  },
  seconds(value: IniValue): number {
    const s = text(value);
    const n = Number(s);
    if (s === '' || !Number.isFinite(n) || n < 0) throw new ValueError(`'${s}' is not a number of seconds (>= 0)`);
    return n;
  },
  bool(value: IniValue): boolean {
    if (typeof value === 'boolean') return value;
    const s = text(value).toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(s)) return true;
    if (['false', 'no', 'off', '0'].includes(s)) return false;
    throw new ValueError(`'${s}' is not true or false`);
  },
  url(value: IniValue): string {
    const s = text(value);
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      throw new ValueError(`'${s}' is not a URL (expected ws://HOST[:PORT][/PATH] or wss://…)`);
    }
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
      throw new ValueError(`'${s}' must start with ws:// or wss://`);
    }
    if (url.hash !== '') throw new ValueError(`'${s}' must not have a #fragment`);
    return s;
  },
  list(value: IniValue): string[] {
    return text(value)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  },
  /** `CARD1:ERE1, CARD2:ERE2`: the charger's id tag and the one an upstream sees (matched case-insensitively). */
  idtagMap(value: IniValue): Array<[string, string]> {
    const pairs: Array<[string, string]> = [];
    for (const item of coerce.list(value)) {
      const [from, to, extra] = item.split(':').map((part) => part.trim());
      if (!from || !to || extra !== undefined) throw new ValueError(`'${item}' is not CHARGER_TAG:UPSTREAM_TAG`);
      if (pairs.some(([known]) => known.toUpperCase() === from.toUpperCase())) throw new ValueError(`'${from}' is mapped twice`);
      pairs.push([from, to]);
    }
    return pairs;
  },
  /** A list matched case-insensitively (RFID tags): upper-cased. */
  upperList(value: IniValue): string[] {
    return coerce.list(value).map((item) => item.toUpperCase());
  },
  level(value: IniValue): LogLevel {
    const s = text(value).toUpperCase();
    if (s === 'DEBUG' || s === 'INFO' || s === 'ERROR') return s;
    if (s === 'WARNING' || s === 'WARN') return 'WARNING';
    if (s === 'CRITICAL' || s === 'FATAL') return 'ERROR';
    throw new ValueError(`'${text(value)}' is not a log level (DEBUG, INFO, WARNING, ERROR)`);
  },
  auth(value: IniValue): UpstreamAuth {
    const s = text(value).toLowerCase();
    if (s === 'forward' || s === 'basic' || s === 'none') return s;
    throw new ValueError(`'${text(value)}' is not an auth mode (forward, basic, none)`);
  },
  role(value: IniValue): UpstreamRole | 'local' {
    const s = text(value).toLowerCase();
    if (s === 'primary' || s === 'secondary' || s === 'observer' || s === 'reporter' || s === 'local') return s;
    throw new ValueError(`'${text(value)}' is not a role (primary, secondary, observer, reporter, local)`);
  },
};

function integer(value: IniValue, min: number, max: number, what: string): number {
  const s = text(value);
  if (!/^\d+$/.test(s)) throw new ValueError(`'${s}' is not ${what}`);
  const n = Number(s);
  if (n < min || n > max) throw new ValueError(`'${s}' is not ${what}`);
  return n;
}

type KeyTable = Record<string, Coerce<unknown>>;

/** Keys of each `[upstream.NAME]` section. */
export const UPSTREAM_KEYS: KeyTable = wireTable({
  url: coerce.url,
  role: coerce.role,
  rfid: coerce.list,
  allow_actions: coerce.list,
  deny_actions: coerce.list,
  auth: coerce.auth,
  username: coerce.nonEmpty,
  password: coerce.string,
  charger_id: coerce.nonEmpty,
  ca: coerce.nonEmpty,
  cert: coerce.nonEmpty,
  key: coerce.nonEmpty,
  insecure: coerce.bool,
  price_per_kwh: coerce.price,
  idtag_map: coerce.idtagMap,
  idtag: coerce.nonEmpty,
  protocol: coerce.protocol,
});

/** Keys of each `[backend.NAME]` section (event API). */
export const BACKEND_KEYS: KeyTable = wireTable({
  token: coerce.nonEmpty,
  price_per_kwh: coerce.price,
});

export const FREE_FORM_SECTIONS = new Set(['logging', 'autoconfig', 'chargers']);
