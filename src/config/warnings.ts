// What a configuration that loads fine may still do unnoticed: said at start, by `check`, in
// /api/status and on the dashboard, from this one list.

import type { Config } from './config.ts';
import { controlWarnings } from './policy.ts';

export const NO_BACKEND_WARNING = 'no backend configured: the built-in local CSMS answers and accepts every tag';

/** An address only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** True when no upstream is a real backend (only the built-in local CSMS answers). */
export function noBackend(config: Config): boolean {
  return config.upstreams.every((upstream) => upstream.local);
}

/** Warnings about a usable configuration, one sentence each, most important first. */
export function configWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (noBackend(config)) warnings.push(`${NO_BACKEND_WARNING}; set [ext-server] server (and secondary_server) to your backends`);
  if (!config.chargerAuth.required && !isLoopbackHost(config.listen.host)) {
    warnings.push(
      `chargers connect to ${config.listen.host}:${config.listen.port} without a password ([host] require_auth = false): ` +
        'any host that reaches this port can present itself as any charger id, unless the primary checks the credentials it is sent; ' +
        'set require_auth = true with [chargers] passwords (ocpp-proxy hash-password), or listen on 127.0.0.1 behind a TLS proxy',
    );
  }
  warnings.push(...controlWarnings(config));
  warnings.push(...configurationWarnings(config));
  return warnings;
}

/** `[configuration]`: what the views resolve between backends, and what they cannot. */
export function configurationWarnings(config: Config): string[] {
  const { views, unionKeys, minKeys, exclusive } = config.configuration;
  const backends = config.upstreams.filter((u) => !u.local).length;
  if (!views) {
    return backends > 1 ? ['[configuration] views = false: backends that write the same keys (MeterValuesSampledData, MeterValueSampleInterval, …) undo each other; the last writer wins'] : [];
  }
  const warnings: string[] = [];
  const min = new Set(minKeys.map((k) => k.toLowerCase()));
  for (const key of unionKeys) if (min.has(key.toLowerCase())) warnings.push(`[configuration] ${key} is in union_keys and min_keys; it is treated as a min key`);
  if (backends > 1) {
    warnings.push(`[configuration] views: ${[...unionKeys, ...minKeys].join(', ')} are kept per backend (the charger gets the union of the measurands and the shortest interval)`);
    warnings.push(
      exclusive === null
        ? '[configuration] exclusive = none: other keys (e.g. HeartbeatInterval) are not shared; the last backend to write one wins'
        : `[configuration] exclusive = ${exclusive}: only ${exclusive} may change keys outside the views, the others get Rejected`,
    );
  }
  if (config.autoconfigLock) {
    const shared = new Set([...unionKeys, ...minKeys].map((k) => k.toLowerCase()));
    const locked = config.autoconfig.map(([key]) => key).filter((key) => shared.has(key.toLowerCase()));
    if (locked.length > 0) warnings.push(`[autoconfig] lock: ${locked.join(', ')} cannot be changed by any backend, so their configuration views stay at the [autoconfig] value`);
  }
  return warnings;
}
