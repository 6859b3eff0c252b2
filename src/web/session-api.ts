// The sessions API: `/api/sessions` and `/sessions.csv` (filtered by `charger`, `since`,
// `until`), and the meter series of a session (`/api/sessions/ID/series`) or of a charger's
// running session (`/api/chargers/ID/series`) as compact rows for the charts.

import type { MeterSample, SessionRow, Store } from '../store/store.ts';
import type { MonitorState } from './monitor-state.ts';

export interface SessionQuery {
  store: { since?: string; charger?: string };
  /** Sessions that began before this instant (ISO), or null. */
  until: string | null;
}

/** A JSON answer: the HTTP status and the body. */
export interface Answer {
  status: number;
  body: unknown;
}

/** The filter in a sessions URL, or a sentence saying what is wrong with it. */
export function sessionFilter(url: URL): SessionQuery | string {
  const query: SessionQuery = { store: {}, until: null };
  for (const name of ['since', 'until'] as const) {
    const value = url.searchParams.get(name);
    if (value === null || value === '') continue;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return `${name} '${value}' is not a date`;
    if (name === 'since') query.store.since = date.toISOString();
    else query.until = date.toISOString();
  }
  const charger = url.searchParams.get('charger');
  if (charger !== null && charger !== '') query.store.charger = charger;
  return query;
}

/** The sessions a URL asks for (idTags masked), or why not. */
export async function sessionRows(store: Store | null, url: URL, state: MonitorState): Promise<SessionRow[] | Answer> {
  if (store === null) return { status: 503, body: { error: 'no state database' } };
  const filter = sessionFilter(url);
  if (typeof filter === 'string') return { status: 400, body: { error: filter } };
  let rows: SessionRow[];
  try {
    rows = await store.listSessions(filter.store);
  } catch (error) {
    return { status: 503, body: { error: `state database: ${(error as Error).message}` } };
  }
  return rows
    .filter((row) => filter.until === null || (row.started_at ?? row.stopped_at ?? '') < filter.until)
    .map((row) => ({ ...row, id_tag: state.maskTag(row.id_tag) }));
}

/** One session's meter series (a minute either side of it), for its chart. */
export async function sessionSeries(store: Store | null, id: number, state: MonitorState): Promise<Answer> {
  if (store === null) return { status: 503, body: { error: 'no state database' } };
  let row: SessionRow | null;
  try {
    row = await store.findSession(id);
  } catch (error) {
    return { status: 503, body: { error: `state database: ${(error as Error).message}` } };
  }
  if (row === null) return { status: 404, body: { error: `no session ${id}` } };
  const from = Date.parse(row.started_at ?? '') - 60_000;
  const to = Date.parse(row.stopped_at ?? '') + 60_000;
  const points = state.series.series(row.charger, row.charger_tx, Number.isFinite(from) ? from : 0, Number.isFinite(to) ? to : Date.now() + 60_000);
  return { status: 200, body: { session: { ...row, id_tag: state.maskTag(row.id_tag) }, ...seriesJson(points) } };
}

/** The series of the session running on a charger now (empty without one). */
export function runningSeries(charger: string, state: MonitorState): Answer {
  const transaction = state.dashboard.chargers.get(charger)?.transaction?.id ?? null;
  return { status: 200, body: { charger, transaction, ...seriesJson(transaction === null ? [] : state.series.series(charger, transaction)) } };
}

export const SERIES_COLUMNS = ['t', 'power_w', 'energy_wh', 'current_l1', 'current_l2', 'current_l3'] as const;

/** `{columns, points}`: one row per sample time, ms since the epoch first. */
export function seriesJson(samples: readonly MeterSample[]): { columns: typeof SERIES_COLUMNS; points: Array<Array<number | null>> } {
  return {
    columns: SERIES_COLUMNS,
    points: samples.map((s) => [s.at, s.powerW, s.energyWh, s.currentL1, s.currentL2, s.currentL3]),
  };
}
