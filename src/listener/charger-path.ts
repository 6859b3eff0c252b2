// The charger id from the request path (CONTRACT: last non-empty segment, percent-decoded once).

export const MAX_CHARGER_ID_LENGTH = 48;

export type ChargerPath = { ok: true; chargerId: string } | { ok: false; reason: string };

/**
 * `collapseSlashes` (the `[fixups] url` rule) accepts `//CP1` and `/ocpp//CP1` as some wallbox
 * firmwares send them; without it a path with an empty segment is refused.
 */
export function chargerIdFromPath(requestUrl: string, collapseSlashes: boolean): ChargerPath {
  const query = requestUrl.indexOf('?');
  let path = query === -1 ? requestUrl : requestUrl.slice(0, query);
  if (collapseSlashes) path = path.replace(/\/{2,}/g, '/');
  else if (path.includes('//')) return { ok: false, reason: `empty path segment in '${path}' ([fixups] url = false)` };
  const segments = path.split('/').filter((segment) => segment !== '');
  const last = segments.at(-1);
  if (last === undefined) return { ok: false, reason: 'no charger id in the path' };
  let chargerId: string;
  try {
    chargerId = decodeURIComponent(last);
  } catch {
    return { ok: false, reason: `charger id '${last}' is not valid percent-encoding` };
  }
  if (chargerId.length > MAX_CHARGER_ID_LENGTH) return { ok: false, reason: `charger id is longer than ${MAX_CHARGER_ID_LENGTH} characters` };
  if (chargerId.includes(':')) return { ok: false, reason: `charger id '${chargerId}' contains ':'` };
  // They would name a different path upstream (ws://backend/ocpp/.. is the parent folder).
  if (chargerId === '.' || chargerId === '..') return { ok: false, reason: `charger id '${chargerId}' is a path step, not an id` };
  return { ok: true, chargerId };
}
