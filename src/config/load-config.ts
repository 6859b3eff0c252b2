// Builds the Config from command-line options > INI file > DEFAULTS, collecting every problem
// as `FILE: [section] key: message` so `check` can list them all and `run` can stop on the first.

import { existsSync, readFileSync } from 'node:fs';
import ini from 'ini';
import { didYouMean } from './suggest.ts';
import {
  DEFAULTS,
  DEFAULT_CONFIG_FILE,
  DEFAULT_TARGET_PORT,
  INSTALLED_CONFIG_FILE,
  receivesOnly,
  type Config,
  type UpstreamConfig,
} from './config.ts';
import { SECTION_KEYS, SETTINGS, setAt, type CliOptions } from './settings.ts';
import { CLI, CliReader, IniReader, formatProblem, type ConfigProblem, type Section } from './ini-reader.ts';

export { CLI, formatProblem };
export type { ConfigProblem };
import {
  FREE_FORM_SECTIONS,
  coerce,
} from './ini-schema.ts';

export type { CliOptions };

export interface LoadResult {
  config: Config | null;
  problems: ConfigProblem[];
  /** True when the configuration could not be read at all (missing explicit file). */
  unreadable: boolean;
}


/** Commands that read what the daemon wrote (`logs`, `sessions`) also find the configuration
 * systemd/install.sh installed, when there is none in the working directory. */
export function readerOptions(options: CliOptions, installedConfig = INSTALLED_CONFIG_FILE): CliOptions {
  if (options.config !== undefined || existsSync(DEFAULT_CONFIG_FILE) || !existsSync(installedConfig)) return options;
  return { ...options, config: installedConfig };
}

/** `env`: the process environment; only the Home Assistant add-on's SUPERVISOR_TOKEN (and OCPP_PROXY_SUPERVISOR_URL) are read. */
export function loadConfig(cli: CliOptions, env: Record<string, string | undefined> = process.env): LoadResult {
  const problems: ConfigProblem[] = [];
  let configFile: string | null = null;
  let sections: Section = {};

  if (cli.config !== undefined) {
    configFile = cli.config;
    if (!existsSync(configFile)) {
      problems.push({ file: configFile, section: null, key: null, message: 'configuration file not found' });
      return { config: null, problems, unreadable: true };
    }
  } else if (existsSync(DEFAULT_CONFIG_FILE)) {
    configFile = DEFAULT_CONFIG_FILE;
  }
  if (configFile !== null) {
    try {
      sections = ini.parse(withoutHeaderComments(readFileSync(configFile, 'utf8'))) as Section;
    } catch (error) {
      problems.push({ file: configFile, section: null, key: null, message: `cannot be read: ${(error as Error).message}` });
      return { config: null, problems, unreadable: true };
    }
  }

  const file = configFile ?? CLI;
  const reader = new IniReader(file, sections, problems);
  const fromCli = new CliReader(problems);

  const upstreamSections = reader.upstreamSections();
  for (const [name, value] of Object.entries(sections)) {
    if (typeof value !== 'object') {
      problems.push({ file, section: null, key: name, message: 'is outside any section' });
      continue;
    }
    if (name === 'upstream' || name === 'backend' || SECTION_KEYS[name] !== undefined || FREE_FORM_SECTIONS.has(name)) continue;
    problems.push({ file, section: name, key: null, message: `unknown section${didYouMean(name, [...Object.keys(SECTION_KEYS), ...FREE_FORM_SECTIONS], (s) => `[${s}]`)}` });
  }
  for (const [name, table] of Object.entries(SECTION_KEYS)) reader.checkKeys(name, table);

  const levels = reader.logLevels();
  const cliLevel = cli.debug === true ? 'DEBUG' : fromCli.value('--log-level', cli.logLevel, coerce.level);
  if (cliLevel !== undefined) levels.proxy = cliLevel;

  // DEFAULTS first, then each key of SETTINGS from the INI file, then its command-line option.
  const config: Config = {
    ...structuredClone(DEFAULTS),
    configFile,
    upstreams: [],
    defaultOwner: 'primary',
  };
  for (const setting of SETTINGS) {
    if (setting.lands === null) continue;
    const fromCommandLine = setting.cli === undefined ? undefined : fromCli.value(setting.cli.flag, cli[setting.cli.option], setting.coerce);
    const fromFile = reader.get(setting.section, setting.key, setting.coerce);
    const value = fromCommandLine ?? fromFile;
    if (value !== undefined) setAt(config, setting.lands, value);
  }
  config.logLevels = levels;
  config.chargerAuth.hashes = reader.chargerHashes();
  config.autoconfig = reader.autoconfig();
  config.autoconfigLock = reader.get('autoconfig', 'lock', coerce.bool) ?? DEFAULTS.autoconfigLock;
  config.backends = reader.backends();

  if (config.chargerAuth.required && config.chargerAuth.hashes.size === 0) {
    problems.push({ file, section: 'host', key: 'require_auth', message: 'no charger is listed in [chargers] (ID = hash from `ocpp-proxy hash-password`)' });
  }
  if ((config.listen.certChain === null) !== (config.listen.certKey === null)) {
    const missing = config.listen.certChain === null ? 'cert_chain' : 'cert_key';
    problems.push({ file, section: 'host', key: missing, message: 'cert_chain and cert_key must be set together' });
  }

  config.upstreams = resolveUpstreams(cli, reader, fromCli, upstreamSections, problems);
  resolveSharing(config, reader, upstreamSections, env, problems);
  const primaryName = config.upstreams.find((u) => u.role === 'primary')?.name ?? 'primary';
  const defaultOwner = reader.get('ext-server', 'default_owner', coerce.nonEmpty);
  config.defaultOwner = defaultOwner ?? primaryName;
  if (defaultOwner !== undefined && !config.upstreams.some((u) => u.name === defaultOwner && !receivesOnly(u.role))) {
    problems.push({ file, section: 'ext-server', key: 'default_owner', message: `'${defaultOwner}' is not the name of a primary or secondary upstream` });
  }
  const claimed = new Map<string, string>();
  for (const upstream of config.upstreams) {
    for (const tag of upstream.rfid) {
      const other = claimed.get(tag);
      if (other !== undefined && other !== upstream.name) {
        problems.push({ file, section: upstream.name === 'primary' || upstream.name === 'secondary' ? 'ext-server' : `upstream.${upstream.name}`, key: upstream.name === 'secondary' ? 'secondary_rfid' : upstream.name === 'primary' ? 'primary_rfid' : 'rfid', message: `tag ${tag} is already owned by ${other}` });
      }
      claimed.set(tag, upstream.name);
    }
    if (receivesOnly(upstream.role) && upstream.rfid.length > 0) {
      problems.push({ file, section: `upstream.${upstream.name}`, key: 'rfid', message: `an ${upstream.role} cannot own sessions` });
    }
  }
  return { config: problems.length === 0 ? config : null, problems, unreadable: false };
}

/** Prices, the Home Assistant bridge's token, and names the sharing rules refer to. */
function resolveSharing(config: Config, reader: IniReader, upstreamSections: Array<[string, Section]>, env: Record<string, string | undefined>, problems: ConfigProblem[]): void {
  const file = reader.file;
  const primaryPrice = reader.get('ext-server', 'primary_price_per_kwh', coerce.price);
  const secondaryPrice = reader.get('ext-server', 'secondary_price_per_kwh', coerce.price);
  for (const upstream of config.upstreams) {
    if (upstream.name === 'primary' && primaryPrice !== undefined) config.prices.set('primary', primaryPrice);
    if (upstream.name === 'secondary' && secondaryPrice !== undefined) config.prices.set('secondary', secondaryPrice);
  }
  for (const [name, section] of upstreamSections) {
    const price = reader.get(`upstream.${name}`, 'price_per_kwh', coerce.price, section);
    if (price !== undefined) config.prices.set(name, price);
  }
  for (const backend of config.backends) {
    if (backend.pricePerKwh !== null) config.prices.set(backend.name, backend.pricePerKwh);
    if (config.upstreams.some((u) => u.name === backend.name)) {
      problems.push({ file, section: `backend.${backend.name}`, key: null, message: 'a backend cannot have the name of an upstream' });
    }
  }
  const known = new Set([...config.upstreams.map((u) => u.name), ...config.backends.map((b) => b.name)]);
  const { sharing, homeAssistant } = config;
  const exclusive = reader.get('configuration', 'exclusive', coerce.nonEmpty);
  if (exclusive !== undefined && exclusive.toLowerCase() !== 'none') {
    if (config.upstreams.some((u) => u.name === exclusive)) config.configuration.exclusive = exclusive;
    else problems.push({ file, section: 'configuration', key: 'exclusive', message: `'${exclusive}' is not an upstream (none, or an upstream's name)` });
  }
  for (const [key, names] of [['preferred', sharing.preferred === null ? [] : [sharing.preferred]], ['allowed', sharing.allowed], ['blocked', sharing.blocked]] as const) {
    for (const name of names) if (!known.has(name)) problems.push({ file, section: 'sharing', key, message: `'${name}' is not an upstream or backend` });
  }
  // The bridge is on only when configured; the add-on's SUPERVISOR_TOKEN then supplies the token
  // and the Supervisor's URL, and the token alone never turns the bridge on.
  const wantsBridge = homeAssistant.url !== null || homeAssistant.presenceSensor !== null || homeAssistant.overrideEntity !== null;
  const supervisorToken = env.SUPERVISOR_TOKEN;
  if (wantsBridge && homeAssistant.token === null && supervisorToken !== undefined && supervisorToken !== '') {
    homeAssistant.token = supervisorToken;
    // OCPP_PROXY_SUPERVISOR_URL stands in for the Supervisor where there is none (the add-on's tests).
    homeAssistant.url ??= env.OCPP_PROXY_SUPERVISOR_URL ?? 'http://supervisor/core';
  }
  if (wantsBridge && homeAssistant.url === null) {
    problems.push({ file, section: 'homeassistant', key: 'url', message: 'the Home Assistant URL is needed (e.g. http://homeassistant.local:8123), or run as the add-on' });
  }
  if (homeAssistant.url !== null && homeAssistant.token === null) {
    problems.push({ file, section: 'homeassistant', key: 'token', message: 'a long-lived access token is needed (or run as the add-on)' });
  }
  if (homeAssistant.url !== null && homeAssistant.presenceSensor === null && homeAssistant.overrideEntity === null) {
    problems.push({ file, section: 'homeassistant', key: 'override_entity', message: 'set override_entity and/or presence_sensor' });
  }
}

/** `ini` takes `[section]   ; comment` for a key; the contract's example writes headers that way. */
function withoutHeaderComments(text: string): string {
  return text.replace(/^(\s*\[[^\]\r\n]*\])[ \t]*[;#][^\r\n]*$/gm, '$1');
}

function resolveUpstreams(
  cli: CliOptions,
  reader: IniReader,
  fromCli: CliReader,
  upstreamSections: Array<[string, Section]>,
  problems: ConfigProblem[],
): UpstreamConfig[] {
  const file = reader.file;
  const upstreams: UpstreamConfig[] = [];
  const extRfid = (key: string) => (reader.get('ext-server', key, coerce.list) ?? []).map((t) => t.toUpperCase());
  const add = (name: string, url: string, role: UpstreamConfig['role'], rfid: string[] = [], deny: string[] = [], allow: string[] = []) => {
    const upstream: UpstreamConfig = {
      name, url, role, rfid, allowActions: allow, denyActions: deny,
      auth: role === 'primary' ? 'forward' : 'none',
      username: null, password: null, chargerId: null, ca: null, cert: null, key: null, insecure: false, local: false, idtagMap: [], idtag: null, protocol: null,
    };
    upstreams.push(upstream);
    return upstream;
  };

  // The primary: --primary, or --target-host/--target-port, or [ext-server] server.
  if (cli.primary !== undefined && (cli.targetHost !== undefined || cli.targetPort !== undefined)) {
    problems.push({ file: CLI, section: null, key: '--primary', message: 'cannot be combined with --target-host/--target-port' });
  }
  let primaryUrl = fromCli.value('--primary', cli.primary, coerce.url);
  if (primaryUrl === undefined && (cli.targetHost !== undefined || cli.targetPort !== undefined)) {
    const host = fromCli.value('--target-host', cli.targetHost, coerce.host) ?? '127.0.0.1';
    const port = fromCli.value('--target-port', cli.targetPort, coerce.port) ?? DEFAULT_TARGET_PORT;
    primaryUrl = `ws://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }
  const primaryFromCli = primaryUrl !== undefined;
  primaryUrl ??= reader.get('ext-server', 'server', coerce.url);
  if (primaryUrl !== undefined) add('primary', primaryUrl, 'primary', extRfid('primary_rfid')).protocol = reader.get('ext-server', 'primary_protocol', coerce.protocol) ?? null;

  // Secondaries: --secondary (repeatable) replaces [ext-server] secondary_server.
  const secondaryUrls: string[] = [];
  if (cli.secondary !== undefined && cli.secondary.length > 0) {
    for (const url of cli.secondary) {
      const checked = fromCli.value('--secondary', url, coerce.url);
      if (checked !== undefined) secondaryUrls.push(checked);
    }
  } else {
    const configured = reader.get('ext-server', 'secondary_server', coerce.string);
    if (configured !== undefined && configured !== '') {
      try {
        secondaryUrls.push(coerce.url(configured));
      } catch (error) {
        problems.push({ file, section: 'ext-server', key: 'secondary_server', message: (error as Error).message });
      }
    }
  }
  const secondaryDeny = reader.get('ext-server', 'secondary_deny_actions', coerce.list) ?? [];
  const secondaryProtocol = reader.get('ext-server', 'secondary_protocol', coerce.protocol) ?? null;
  secondaryUrls.forEach((url, i) => {
    add(i === 0 ? 'secondary' : `secondary${i + 1}`, url, 'secondary', i === 0 ? extRfid('secondary_rfid') : [], secondaryDeny).protocol = secondaryProtocol;
  });

  for (const [name, section] of upstreamSections) {
    const where = `upstream.${name}`;
    if (['primary', 'proxy', 'charger'].includes(name) || upstreams.some((u) => u.name === name)) {
      problems.push({ file, section: where, key: null, message: `upstream name '${name}' is reserved or already used` });
      continue;
    }
    const configuredRole = reader.get(where, 'role', coerce.role, section) ?? 'secondary';
    const isLocal = configuredRole === 'local';
    const role = isLocal ? 'primary' : configuredRole;
    const url = isLocal ? 'ws://local.invalid' : reader.get(where, 'url', coerce.url, section);
    if (url === undefined) {
      if (section.url === undefined) problems.push({ file, section: where, key: 'url', message: 'missing (every upstream needs a url)' });
      continue;
    }
    if (role === 'primary' && upstreams.some((u) => u.role === 'primary')) {
      // The command line's primary replaces the file's; a local CSMS is the fallback when none is set.
      if (primaryFromCli || isLocal) continue;
      problems.push({ file, section: where, key: 'role', message: 'there is already a primary; exactly one upstream is primary' });
      continue;
    }
    const rfid = (reader.get(where, 'rfid', coerce.list, section) ?? []).map((t) => t.toUpperCase());
    const allow = reader.get(where, 'allow_actions', coerce.list, section) ?? [];
    const deny = reader.get(where, 'deny_actions', coerce.list, section) ?? [];
    const upstream = add(name, url, role, rfid, deny, allow);
    upstream.local = isLocal;
    upstream.auth = reader.get(where, 'auth', coerce.auth, section) ?? upstream.auth;
    upstream.username = reader.get(where, 'username', coerce.nonEmpty, section) ?? null;
    upstream.password = reader.get(where, 'password', coerce.string, section) ?? null;
    upstream.chargerId = reader.get(where, 'charger_id', coerce.nonEmpty, section) ?? null;
    upstream.ca = reader.get(where, 'ca', coerce.nonEmpty, section) ?? null;
    upstream.cert = reader.get(where, 'cert', coerce.nonEmpty, section) ?? null;
    upstream.key = reader.get(where, 'key', coerce.nonEmpty, section) ?? null;
    upstream.insecure = reader.get(where, 'insecure', coerce.bool, section) ?? false;
    upstream.idtagMap = reader.get(where, 'idtag_map', coerce.idtagMap, section) ?? [];
    upstream.idtag = reader.get(where, 'idtag', coerce.nonEmpty, section) ?? null;
    upstream.protocol = reader.get(where, 'protocol', coerce.protocol, section) ?? null;
    if (upstream.idtag !== null && upstream.idtagMap.length > 0) {
      problems.push({ file, section: where, key: 'idtag', message: 'set idtag_map or idtag, not both' });
    }
    if (upstream.auth === 'forward' && role !== 'primary') {
      problems.push({ file, section: where, key: 'auth', message: "'forward' sends the charger's credentials and is allowed for the primary only" });
    }
    if (upstream.auth === 'basic' && upstream.password === null) {
      problems.push({ file, section: where, key: 'password', message: 'auth = basic needs a password' });
    }
    if ((upstream.cert === null) !== (upstream.key === null)) {
      problems.push({ file, section: where, key: upstream.cert === null ? 'cert' : 'key', message: 'cert and key must be set together' });
    }
  }

  // Version translation (translate/) at a link's edge; the built-in local CSMS speaks every version itself.
  for (const upstream of upstreams) {
    if (upstream.local && upstream.protocol !== null) problems.push({ file, section: `upstream.${upstream.name}`, key: 'protocol', message: 'the local CSMS speaks the charger\'s version; protocol does not apply' });
  }
  if (!upstreams.some((u) => u.role === 'primary')) {
    const message = 'no primary upstream: set [ext-server] server, --primary URL or --target-host HOST';
    problems.push(file === CLI ? { file, section: null, key: null, message } : { file, section: 'ext-server', key: 'server', message });
  }
  // Primary first: its replies are the ones the charger gets.
  upstreams.sort((a, b) => Number(b.role === 'primary') - Number(a.role === 'primary'));
  return upstreams;
}
