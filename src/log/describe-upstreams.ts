// Human-readable summary of the configured upstreams, for the start-up log and `check`.

import type { Config } from '../config/config.ts';
import { withoutUserinfo } from './redact.ts';

export function describeUpstreams(config: Config): string[] {
  const lines = config.upstreams.map((u) => (u.local ? `upstream ${u.name} (primary): the built-in local CSMS` : `upstream ${u.name} (${u.role}): ${withoutUserinfo(u.url)}/<charger id>`));
  if (config.upstreams.length === 1) lines.push('1-way mode: no secondary configured');
  return lines;
}
