// `[host] version_detection = lenient`: for chargers that open the WebSocket without a
// subprotocol, the OCPP version from a header, the query, a path segment, or the default.

import type { IncomingMessage } from 'node:http';
import type { OcppVersion, VersionSource } from '../ocpp/versions.ts';

export type { VersionSource };


const VERSION = /^(?:ocpp|v)?(1\.6|2\.0\.1|2\.1)$/i;

function normalise(text: string | null | undefined): OcppVersion | null {
  const match = VERSION.exec((text ?? '').trim());
  return match === null ? null : (`ocpp${match[1]}` as OcppVersion);
}

/** In order: X-OCPP-Version, ?version=, a path segment before the charger id, the default. */
export function detectVersion(request: IncomingMessage, fallback: OcppVersion | null): { version: OcppVersion; source: VersionSource } | null {
  const header = request.headers['x-ocpp-version'];
  const fromHeader = normalise(Array.isArray(header) ? header[0] : header);
  if (fromHeader !== null) return { version: fromHeader, source: 'header' };
  const url = new URL(request.url ?? '/', 'http://localhost');
  const fromQuery = normalise(url.searchParams.get('version'));
  if (fromQuery !== null) return { version: fromQuery, source: 'query' };
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  for (const segment of segments.slice(0, -1)) {
    const fromPath = normalise(segment);
    if (fromPath !== null) return { version: fromPath, source: 'path' };
  }
  return fallback === null ? null : { version: fallback, source: 'default' };
}
