// What a configuration that loads fine may still do unnoticed: said at start, by `check`, in
// /api/status and on the dashboard, from this one list.

import type { Config } from './config.ts';
import { controlWarnings } from './policy.ts';

export const NO_BACKEND_WARNING = 'no backend configured: the built-in local CSMS answers and accepts every tag';

function isLoopback(host: string): boolean {
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
  if (!config.chargerAuth.required && !isLoopback(config.listen.host)) {
    warnings.push(
      `chargers connect to ${config.listen.host}:${config.listen.port} without a password ([host] require_auth = false): ` +
        'any host that reaches this port can present itself as any charger id, unless the primary checks the credentials it is sent; ' +
        'set require_auth = true with [chargers] passwords (ocpp-proxy hash-password), or listen on 127.0.0.1 behind a TLS proxy',
    );
  }
  warnings.push(...controlWarnings(config));
  return warnings;
}
