// The one typed configuration object, with every default in one place.
// Built by load-config.ts from CLI > INI > DEFAULTS and validated once at start.

import type { OcppVersion } from '../ocpp/versions.ts';
import { hostname } from 'node:os';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';
export type UpstreamRole = 'primary' | 'secondary' | 'observer' | 'reporter';

/** Observers and reporters receive every charger message and may send the charger nothing. */
export function receivesOnly(role: UpstreamRole): boolean {
  return role === 'observer' || role === 'reporter';
}
export type UpstreamAuth = 'forward' | 'basic' | 'none';

export interface UpstreamConfig {
  /** Name used in logs and the API: `primary`, `secondary`, `secondary2`… or NAME of `[upstream.NAME]`. */
  name: string;
  /** Base URL (ws:// or wss://); the charger id is appended as one path segment. */
  url: string;
  role: UpstreamRole;
  /** RFID tags owned by this upstream, upper-cased for case-insensitive matching. */
  rfid: string[];
  /** Actions this upstream may send to the charger (empty: all). */
  allowActions: string[];
  /** Actions this upstream may never send to the charger. */
  denyActions: string[];
  /** forward: the charger's own Authorization (primary only); basic: username/password below; none. */
  auth: UpstreamAuth;
  /** Basic Auth username (default: the charger id used upstream). */
  username: string | null;
  password: string | null;
  /** The charger id used toward this upstream instead of the charger's own. */
  chargerId: string | null;
  /** TLS toward a wss:// upstream: PEM files, read once at start. */
  ca: string | null;
  cert: string | null;
  key: string | null;
  /** Accept any server certificate; only when set explicitly. */
  insecure: boolean;
  /** `role = local`: the proxy itself answers as a minimal CSMS (this upstream is then the primary). */
  local: boolean;
  /** `idtag_map`: the charger's id tag → the one this upstream sees, and back in its Calls. */
  idtagMap: Array<[string, string]>;
  /** `idtag`: every id tag toward this upstream becomes this one (null: as sent). */
  idtag: string | null;
  /** `protocol`: the OCPP version spoken to this upstream whatever the charger's (null: the charger's). */
  protocol: OcppVersion | null;
}

export interface Config {
  /** The INI file read, or null when none was. */
  configFile: string | null;
  listen: {
    host: string;
    port: number;
    /** Both set: the listener speaks wss. */
    certChain: string | null;
    certKey: string | null;
  };
  /** All durations in seconds. */
  timeouts: {
    pingInterval: number;
    pingTimeout: number;
    watchdogStale: number;
    watchdogInterval: number;
    callTimeout: number;
    primaryGrace: number;
    /** s a charger connection may take from TCP accept (TLS included) to a complete upgrade request. */
    handshake: number;
  };
  /** Largest accepted frame in bytes, on every link. */
  maxMessageSize: number;
  /** For chargers that offer no subprotocol: `off` (OCPP-J: accept, then close) or `lenient`. */
  versionDetection: 'off' | 'lenient';
  /** The version a lenient detection falls back to (null: none). */
  defaultProtocol: OcppVersion | null;
  /** Upstream Calls that may wait for the charger, per upstream. */
  queueLimit: number;
  /** Durable outboxes: entries older than `days` are dropped; one older than `alertSeconds` is shown as an alert. */
  outbox: { days: number; alertSeconds: number };
  /** Charger Calls kept for an upstream that is down, per upstream. */
  backlogLimit: number;
  /** `[host] charger_rate`: bytes/s a charger may send after a burst before it is read more slowly (0: no limit). */
  chargerRate: number;
  /** Bytes of charger calls kept for an upstream that is down, per upstream (a hard bound). */
  backlogBytes: number;
  /** Charger authentication: `[chargers] ID = <scrypt hash>` and `[host] require_auth`. */
  chargerAuth: {
    required: boolean;
    hashes: Map<string, string>;
  };
  /** Primary first, then the others in configuration order. */
  upstreams: UpstreamConfig[];
  /** The upstream that owns sessions of RFID tags nobody claims. */
  defaultOwner: string;
  web: {
    host: string;
    /** 0 turns the web server off. */
    port: number;
    username: string | null;
    password: string | null;
    buffer: number;
    showIdTags: boolean;
    /** `[web] ingress_from`: addresses whose requests were authenticated before they reached us
     * (Home Assistant's Supervisor, 172.30.32.2, for ingress); they need no password. */
    ingressFrom: string[];
    /** `[web] allowed_hosts`: Host names besides localhost, IP addresses and this machine's names
     * that may reach the monitor (a name that could be rebound to another address is refused). */
    allowedHosts: string[];
    /** `[web] live_clients`: live views (`/api/live` streams) open at once. */
    liveClients: number;
  };
  messageLogFile: string;
  /** `[messages] max_size` in bytes: past it the log moves to FILE.1 and a new one starts (0: no cap). */
  messageLogMaxBytes: number;
  /** `[messages] format`: JSON Lines (default, for tools) or text (for `tail -f`). */
  messageLogFormat: 'jsonl' | 'text';
  logLevels: {
    proxy: LogLevel;
    client: LogLevel;
    server: LogLevel;
  };
  fixups: {
    url: boolean;
    timestamps: boolean;
    /** Cut 1.6 idTags longer than this (null: off). */
    idTagMaxLength: number | null;
    /** Multiply these power measurands by this factor (null: off). */
    powerScale: number | null;
    powerMeasurands: string[];
  };
  /** `[autoconfig]` in file order: key and value exactly as written (`lock` excluded). */
  autoconfig: Array<[string, string]>;
  /** `[autoconfig] lock = true`: upstreams may not change the keys the proxy manages. */
  autoconfigLock: boolean;
  /** `[charging]`: several upstreams' charging profiles merged, the lowest limit winning. */
  charging: {
    merge: boolean;
    /** To compare W with A: W = A × volts × phases. */
    volts: number;
    /** Phases of a period that does not say. */
    phases: number;
  };
  /** `[configuration]`: each upstream's own view of the keys several backends write. */
  configuration: {
    /** false: every ChangeConfiguration/SetVariables passes as before. */
    views: boolean;
    /** Keys whose effective value is the union of the views (1.6 names, or `Component.Variable`). */
    unionKeys: string[];
    /** Keys whose effective value is the smallest positive value of the views. */
    minKeys: string[];
    /** Only this upstream may change keys outside the views (null: `none`, anyone may). */
    exclusive: string | null;
  };
  statePath: string;
  /** Shared state for several instances (PostgreSQL); url null: SQLite at statePath. */
  store: {
    url: string | null;
    /** This instance's name (unique among the instances sharing the database); default: hostname. */
    instance: string;
    /** PostgreSQL unreachable at start: wait for it (true) or exit 2 (false). */
    wait: boolean;
    /** Seconds after which a silent instance's chargers are free. */
    lease: number;
  };
  sharing: {
    /** Arbitrate charging control between backends (one holder at a time). */
    enabled: boolean;
    /** Several upstreams sending control calls is intended (silences the `check` warning). */
    sharedControl: boolean;
    /** May take control from the holder. */
    preferred: string | null;
    /** s after the holder's last control call until control is free again. */
    lease: number;
    /** s a backend must wait between control calls (0: no limit). */
    rateLimitSeconds: number;
    /** Backends that may hold control (empty: all). */
    allowed: string[];
    blocked: string[];
    /** The primary may always send control calls, whoever holds control. */
    primaryAlways: boolean;
  };
  /** `[homeassistant]`: the homeowner's say through Home Assistant; url null: off. */
  homeAssistant: {
    url: string | null;
    token: string | null;
    presenceSensor: string | null;
    overrideEntity: string | null;
    blockWhenHome: boolean;
    /** s to keep the last known state when HA is unreachable; then control is blocked. */
    staleAfter: number;
    /** s between polls. */
    pollInterval: number;
    notify: boolean;
  };
  /** `[backend.NAME]`: non-OCPP backends on the event API. */
  backends: Array<{ name: string; token: string; pricePerKwh: number | null }>;
  /** Price per kWh by upstream or backend name, for session revenue. */
  prices: Map<string, number>;
  /** `[local]`: the built-in minimal CSMS of a `role = local` upstream. */
  local: {
    /** Tags it accepts (upper case); empty: all. */
    acceptTags: string[];
    heartbeatInterval: number;
  };
}

export const DEFAULT_CONFIG_FILE = './ocpp-2w-proxy.ini';
/** Where systemd/install.sh puts the configuration; `logs` and `sessions` look there too. */
export const INSTALLED_CONFIG_FILE = '/etc/ocpp-proxy/ocpp-2w-proxy.ini';
export const DEFAULT_TARGET_PORT = 8887;

export const DEFAULTS: Omit<Config, 'configFile' | 'upstreams' | 'defaultOwner'> = {
  listen: { host: '0.0.0.0', port: 8888, certChain: null, certKey: null },
  timeouts: {
    pingInterval: 30,
    pingTimeout: 60,
    watchdogStale: 500,
    watchdogInterval: 100,
    callTimeout: 30,
    primaryGrace: 0,
    handshake: 10,
  },
  maxMessageSize: 1024 * 1024,
  versionDetection: 'off',
  defaultProtocol: null,
  queueLimit: 50,
  outbox: { days: 30, alertSeconds: 3600 },
  backlogLimit: 1000,
  backlogBytes: 4 * 1024 * 1024,
  chargerRate: 256 * 1024,
  chargerAuth: { required: false, hashes: new Map() },
  web: { host: '127.0.0.1', port: 8889, username: null, password: null, buffer: 500, showIdTags: false, ingressFrom: [], allowedHosts: [], liveClients: 50 },
  messageLogFile: './ocpp_messages.log',
  messageLogMaxBytes: 0,
  messageLogFormat: 'jsonl',
  logLevels: { proxy: 'INFO', client: 'INFO', server: 'INFO' },
  fixups: { url: true, timestamps: true, idTagMaxLength: null, powerScale: null, powerMeasurands: ['Power.Active.Import'] },
  autoconfig: [],
  autoconfigLock: false,
  charging: { merge: true, volts: 230, phases: 3 },
  configuration: {
    views: true,
    unionKeys: ['MeterValuesSampledData', 'MeterValuesAlignedData', 'StopTxnSampledData', 'StopTxnAlignedData'],
    minKeys: ['MeterValueSampleInterval', 'ClockAlignedDataInterval'],
    exclusive: null,
  },
  statePath: './ocpp-proxy.db',
  store: { url: null, instance: hostname(), wait: false, lease: 30 },
  sharing: { enabled: false, sharedControl: false, preferred: null, lease: 300, rateLimitSeconds: 0, allowed: [], blocked: [], primaryAlways: false },
  homeAssistant: { url: null, token: null, presenceSensor: null, overrideEntity: null, blockWhenHome: false, staleAfter: 300, pollInterval: 10, notify: true },
  backends: [],
  prices: new Map(),
  local: { acceptTags: [], heartbeatInterval: 300 },
};
