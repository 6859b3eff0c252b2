// Sessions as text: the `ocpp-proxy sessions` table for people (a table) and spreadsheets (--csv).

import type { SessionRow } from './store.ts';

const COLUMNS = ['id', 'charger', 'connector', 'id_tag', 'owner', 'charger_tx', 'upstream_tx', 'started_at', 'stopped_at', 'meter_start', 'meter_stop', 'energy_kwh', 'revenue', 'stop_reason'] as const;

function cell(row: SessionRow, column: (typeof COLUMNS)[number]): string {
  const value = row[column];
  if (value === null || value === undefined) return '';
  if (column === 'upstream_tx') return Object.entries(value as Record<string, string>).map(([name, id]) => `${name}=${id}`).join(' ');
  return String(value);
}

export function sessionsCsv(rows: SessionRow[]): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => quote(cell(row, c))).join(','))].join('\n') + '\n';
}

export function sessionsTable(rows: SessionRow[]): string {
  if (rows.length === 0) return 'no sessions\n';
  const table = [COLUMNS.map(String), ...rows.map((row) => COLUMNS.map((c) => cell(row, c)))];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((line) => line[i]!.length)));
  return table.map((line) => line.map((text, i) => text.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}
