// What a configuration that loads fine may still do unnoticed: said at start, by `check`, in
// /api/status and on the dashboard, from this one list.

import type { Config } from './config.ts';
import { controlWarnings } from '../session/policy.ts';

export const NO_BACKEND_WARNING = 'no backend configured: the built-in local CSMS answers and accepts every tag';

/** True when no upstream is a real backend (only the built-in local CSMS answers). */
export function noBackend(config: Config): boolean {
  return config.upstreams.every((upstream) => upstream.local);
}

/** Warnings about a usable configuration, one sentence each, most important first. */
export function configWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (noBackend(config)) warnings.push(`${NO_BACKEND_WARNING}; set [ext-server] server (and secondary_server) to your backends`);
  warnings.push(...controlWarnings(config));
  return warnings;
}
