// The homeowner's cap as the state store keeps it (`POST /api/override {"mode":"limit"}` sets it;
// web/homeowner-cap.ts applies it, the charging-profile merge respects it).

import type { RateUnit } from '../rules/charging-merge.ts';
import type { Store } from '../store/store.ts';

/** The state-store setting that keeps the homeowner's cap (`POST /api/override {"mode":"limit"}`). */
export const HOMEOWNER_CAP_SETTING = 'homeowner_cap';

export interface HomeownerCap {
  limit: number;
  unit: RateUnit;
  since: string;
}

/** The homeowner's cap kept in the state store, or null. */
export function loadHomeownerCap(store: Store | null): HomeownerCap | null {
  const text = store?.getSetting(HOMEOWNER_CAP_SETTING) ?? null;
  if (text === null) return null;
  try {
    const cap = JSON.parse(text) as HomeownerCap;
    return typeof cap.limit === 'number' && (cap.unit === 'A' || cap.unit === 'W') ? cap : null;
  } catch {
    return null;
  }
}
