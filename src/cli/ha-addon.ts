// The Home Assistant add-on's options (/data/options.json) as an ocpp-proxy INI file. The
// original add-on's options keep their names and defaults; ours are added.

import ini from 'ini';

export interface AddonOptions {
  log_level?: string;
  log_level_websockets_client?: string;
  log_level_websockets_server?: string;
  host_addr?: string;
  host_port?: number;
  watchdog_stale?: number;
  watchdog_interval?: number;
  ping_timeout?: number;
  primary_server?: string;
  secondary_server?: string;
  primary_rfid?: string;
  secondary_rfid?: string;
  autoconfig?: string[];
  autoconfig_lock?: boolean;
  web_port?: number;
  web_username?: string;
  web_password?: string;
  fix_urls?: boolean;
  fix_timestamps?: boolean;
  /** Sharing with the homeowner in control; the Home Assistant bridge is on once an entity is set. */
  sharing_enabled?: boolean;
  ha_override_entity?: string;
  ha_presence_sensor?: string;
  ha_block_when_home?: boolean;
  ha_notify?: boolean;
}

/** The Supervisor's address: ingress requests come from it, already authenticated by Home Assistant. */
export const SUPERVISOR_ADDRESS = '172.30.32.2';

/**
 * INI text for the options; `data` is the add-on's persistent folder, `supervisorAddress` where
 * ingress requests come from. Throws on a bad autoconfig line.
 */
export function addonIni(options: AddonOptions, data = '/data', supervisorAddress = SUPERVISOR_ADDRESS): string {
  const value = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
  const config: Record<string, Record<string, string | undefined | Record<string, string>>> = {
    logging: {
      proxy: value(options.log_level) ?? 'INFO',
      'websockets.client': value(options.log_level_websockets_client) ?? 'INFO',
      'websockets.server': value(options.log_level_websockets_server) ?? 'INFO',
    },
    host: {
      addr: value(options.host_addr) ?? '0.0.0.0',
      port: value(options.host_port) ?? '8321',
      watchdog_stale: value(options.watchdog_stale) ?? '500',
      watchdog_interval: value(options.watchdog_interval) ?? '100',
      ping_timeout: value(options.ping_timeout) ?? '60',
    },
    'ext-server': {
      server: value(options.primary_server),
      secondary_server: value(options.secondary_server),
      primary_rfid: value(options.primary_rfid),
      secondary_rfid: value(options.secondary_rfid),
    },
    // Ingress reaches the monitor from the Supervisor's network, not from loopback.
    web: {
      host: '0.0.0.0',
      port: value(options.web_port) ?? '8889',
      username: value(options.web_username),
      password: value(options.web_password),
      ingress_from: supervisorAddress,
    },
    messages: { file: `${data}/ocpp_messages.log` },
    store: { path: `${data}/ocpp-proxy.db` },
    fixups: { url: String(options.fix_urls ?? true), timestamps: String(options.fix_timestamps ?? true) },
    autoconfig: {},
  };
  if (options.sharing_enabled === true) config.sharing = { enabled: 'true' };
  const overrideEntity = value(options.ha_override_entity);
  const presenceSensor = value(options.ha_presence_sensor);
  if (overrideEntity !== undefined || presenceSensor !== undefined) {
    // The proxy takes the Supervisor's URL and token from SUPERVISOR_TOKEN for this section.
    config.homeassistant = {
      override_entity: overrideEntity,
      presence_sensor: presenceSensor,
      block_when_home: options.ha_block_when_home === undefined ? undefined : String(options.ha_block_when_home),
      notify: options.ha_notify === undefined ? undefined : String(options.ha_notify),
    };
  }
  if (config['ext-server']!.server === undefined) config.upstream = { local: { role: 'local' } }; // no backend yet: answer locally
  if (options.autoconfig_lock === true) config.autoconfig!.lock = 'true';
  for (const line of options.autoconfig ?? []) {
    const at = line.indexOf('=');
    if (at <= 0) throw new Error(`autoconfig entry '${line}' is not Key=value`);
    config.autoconfig![line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  for (const section of Object.values(config)) for (const key of Object.keys(section)) if (section[key] === undefined) delete section[key];
  return `; written by the Home Assistant add-on from its options; edit the options, not this file\n${ini.stringify(config, { whitespace: true })}`;
}
