// Every key of the fixed INI sections, declared once: its coercer, where its value lands in
// Config (the default is DEFAULTS at the same place, config.ts), and the command-line option
// that overrides it. The known-key check and the built Config both come from this table. Keys
// with `lands: null` are read where they need more than one value (upstreams, sharing, …).

import type { Coerce } from './ini-schema.ts';
import { coerce } from './ini-schema.ts';

/** Options as yargs hands them over: strings, validated here like INI values. */
export interface CliOptions {
  config?: string;
  listenHost?: string;
  listenPort?: string;
  targetHost?: string;
  targetPort?: string;
  primary?: string;
  secondary?: string[];
  webHost?: string;
  webPort?: string;
  logFile?: string;
  logFormat?: string;
  logLevel?: string;
  state?: string;
  debug?: boolean;
}

export interface Setting {
  section: string;
  key: string;
  coerce: Coerce<unknown>;
  /** The place in Config, e.g. ['timeouts', 'pingInterval']; null: read by a resolver in load-config.ts. */
  lands: readonly string[] | null;
  /** The command-line option that overrides it, and its flag for messages. */
  cli?: { option: Exclude<keyof CliOptions, 'secondary' | 'debug'>; flag: string };
}

const key = (section: string, name: string, convert: Coerce<unknown>, lands: readonly string[] | null, cli?: Setting['cli']): Setting => {
  const setting: Setting = { section, key: name, coerce: convert, lands };
  if (cli !== undefined) setting.cli = cli;
  return setting;
};

export const SETTINGS: readonly Setting[] = [
  key('host', 'addr', coerce.host, ['listen', 'host'], { option: 'listenHost', flag: '--listen-host' }),
  key('host', 'port', coerce.port, ['listen', 'port'], { option: 'listenPort', flag: '--listen-port' }),
  key('host', 'cert_chain', coerce.nonEmpty, ['listen', 'certChain']),
  key('host', 'cert_key', coerce.nonEmpty, ['listen', 'certKey']),
  key('host', 'ping_interval', coerce.seconds, ['timeouts', 'pingInterval']),
  key('host', 'ping_timeout', coerce.seconds, ['timeouts', 'pingTimeout']),
  key('host', 'watchdog_stale', coerce.seconds, ['timeouts', 'watchdogStale']),
  key('host', 'watchdog_interval', coerce.seconds, ['timeouts', 'watchdogInterval']),
  key('host', 'call_timeout', coerce.seconds, ['timeouts', 'callTimeout']),
  key('host', 'primary_grace', coerce.seconds, ['timeouts', 'primaryGrace']),
  key('host', 'handshake_timeout', coerce.positive, ['timeouts', 'handshake']),
  key('host', 'max_message_size', coerce.count, ['maxMessageSize']),
  key('host', 'queue_limit', coerce.count, ['queueLimit']),
  key('host', 'outbox_days', coerce.count, ['outbox', 'days']),
  key('host', 'outbox_alert', coerce.seconds, ['outbox', 'alertSeconds']),
  key('host', 'backlog_limit', coerce.count, ['backlogLimit']),
  key('host', 'backlog_bytes', coerce.count, ['backlogBytes']),
  key('host', 'charger_rate', coerce.limit, ['chargerRate']),
  key('host', 'require_auth', coerce.bool, ['chargerAuth', 'required']),
  key('host', 'version_detection', coerce.detection, ['versionDetection']),
  key('host', 'default_protocol', coerce.protocol, ['defaultProtocol']),

  key('ext-server', 'server', coerce.url, null),
  key('ext-server', 'secondary_server', coerce.string, null), // empty means 1-way mode; checked as a URL when set
  key('ext-server', 'primary_protocol', coerce.protocol, null),
  key('ext-server', 'secondary_protocol', coerce.protocol, null),
  key('ext-server', 'primary_rfid', coerce.list, null),
  key('ext-server', 'secondary_rfid', coerce.list, null),
  key('ext-server', 'secondary_deny_actions', coerce.list, null),
  key('ext-server', 'default_owner', coerce.nonEmpty, null),
  key('ext-server', 'primary_price_per_kwh', coerce.price, null),
  key('ext-server', 'secondary_price_per_kwh', coerce.price, null),

  key('web', 'host', coerce.host, ['web', 'host'], { option: 'webHost', flag: '--web-host' }),
  key('web', 'port', coerce.portOrOff, ['web', 'port'], { option: 'webPort', flag: '--web-port' }),
  key('web', 'username', coerce.string, ['web', 'username']),
  key('web', 'password', coerce.string, ['web', 'password']),
  key('web', 'buffer', coerce.count, ['web', 'buffer']),
  key('web', 'show_idtags', coerce.bool, ['web', 'showIdTags']),
  key('web', 'ingress_from', coerce.list, ['web', 'ingressFrom']),
  key('web', 'allowed_hosts', coerce.list, ['web', 'allowedHosts']),
  key('web', 'live_clients', coerce.count, ['web', 'liveClients']),

  key('messages', 'file', coerce.nonEmpty, ['messageLogFile'], { option: 'logFile', flag: '--log-file' }),
  key('messages', 'max_size', coerce.limit, ['messageLogMaxBytes']),
  key('messages', 'format', coerce.logFormat, ['messageLogFormat'], { option: 'logFormat', flag: '--log-format' }),

  key('local', 'accept_tags', coerce.upperList, ['local', 'acceptTags']),
  key('local', 'heartbeat_interval', coerce.count, ['local', 'heartbeatInterval']),

  key('fixups', 'url', coerce.bool, ['fixups', 'url']),
  key('fixups', 'timestamps', coerce.bool, ['fixups', 'timestamps']),
  key('fixups', 'idtag_max_length', coerce.count, ['fixups', 'idTagMaxLength']),
  key('fixups', 'power_scale', coerce.positive, ['fixups', 'powerScale']),
  key('fixups', 'power_measurands', coerce.list, ['fixups', 'powerMeasurands']),

  key('configuration', 'views', coerce.bool, ['configuration', 'views']),
  key('configuration', 'union_keys', coerce.list, ['configuration', 'unionKeys']),
  key('configuration', 'min_keys', coerce.list, ['configuration', 'minKeys']),
  key('configuration', 'exclusive', coerce.nonEmpty, null),

  key('charging', 'merge', coerce.bool, ['charging', 'merge']),
  key('charging', 'volts', coerce.positive, ['charging', 'volts']),
  key('charging', 'phases', coerce.phases, ['charging', 'phases']),

  key('store', 'path', coerce.nonEmpty, ['statePath'], { option: 'state', flag: '--state' }),
  key('store', 'url', coerce.postgresUrl, ['store', 'url']),
  key('store', 'instance', coerce.nonEmpty, ['store', 'instance']),
  key('store', 'wait', coerce.bool, ['store', 'wait']),
  key('store', 'lease', coerce.positive, ['store', 'lease']),

  key('sharing', 'enabled', coerce.bool, ['sharing', 'enabled']),
  key('sharing', 'shared_control', coerce.bool, ['sharing', 'sharedControl']),
  key('sharing', 'preferred', coerce.nonEmpty, ['sharing', 'preferred']),
  key('sharing', 'lease', coerce.seconds, ['sharing', 'lease']),
  key('sharing', 'rate_limit_seconds', coerce.seconds, ['sharing', 'rateLimitSeconds']),
  key('sharing', 'allowed', coerce.list, ['sharing', 'allowed']),
  key('sharing', 'blocked', coerce.list, ['sharing', 'blocked']),
  key('sharing', 'primary_always', coerce.bool, ['sharing', 'primaryAlways']),

  key('homeassistant', 'url', coerce.httpUrl, ['homeAssistant', 'url']),
  key('homeassistant', 'token', coerce.nonEmpty, ['homeAssistant', 'token']),
  key('homeassistant', 'presence_sensor', coerce.nonEmpty, ['homeAssistant', 'presenceSensor']),
  key('homeassistant', 'override_entity', coerce.nonEmpty, ['homeAssistant', 'overrideEntity']),
  key('homeassistant', 'block_when_home', coerce.bool, ['homeAssistant', 'blockWhenHome']),
  key('homeassistant', 'stale_after', coerce.seconds, ['homeAssistant', 'staleAfter']),
  key('homeassistant', 'poll_interval', coerce.positive, ['homeAssistant', 'pollInterval']),
  key('homeassistant', 'notify', coerce.bool, ['homeAssistant', 'notify']),
];

/** Each fixed section's keys and their coercers, from SETTINGS (for the known-key check). */
export const SECTION_KEYS: Readonly<Record<string, Readonly<Record<string, Coerce<unknown>>>>> = (() => {
  // No prototype: a key or section called "constructor" is unknown, not inherited.
  const sections: Record<string, Record<string, Coerce<unknown>>> = Object.create(null);
  for (const setting of SETTINGS) (sections[setting.section] ??= Object.create(null))[setting.key] = setting.coerce;
  return sections;
})();

/** The value in `target` at `path` (the default, when `target` is DEFAULTS). */
export function valueAt(target: object, path: readonly string[]): unknown {
  let value: unknown = target;
  for (const step of path) value = (value as Record<string, unknown>)[step];
  return value;
}

/** Puts `value` at `path` in `target`. */
export function setAt(target: object, path: readonly string[], value: unknown): void {
  let node = target as Record<string, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string, unknown>;
  node[path.at(-1)!] = value;
}
