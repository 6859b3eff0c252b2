// PostgreSQL for shared state: loading the driver, the connection's settings that are not the
// instance's, the schema's migrations, and `ocpp-proxy sessions` against it.

import type { Pool } from 'pg';
import { MIGRATIONS, forPostgres } from './migrations.ts';
import { sessionsQuery } from './shared-sql.ts';
import type { SharedLog } from './write-queue.ts';

/** What shared state is opened with (`[store] url`, `instance`, `lease`, `wait`). */
export interface SharedOptions {
  url: string;
  instance: string;
  /** Seconds. */
  lease: number;
  /** Wait for an unreachable database at start (else fail). */
  wait: boolean;
  log: SharedLog;
}

/** For /metrics. */
export interface SharedStats {
  instance: string;
  pending: number;
  retries: number;
  dropped: number;
  writes: number;
  problem: string | null;
  chargers: number;
  /** Claims made, chargers let go to another instance, claims that waited the whole hand-over time. */
  claims: number;
  handovers: number;
  handoverTimeouts: number;
}

/** `work`, or after `ms` whatever it has not done (it goes on unobserved). */
export function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  return Promise.race([work, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);
}

/** First key of the instances' advisory locks ('ocpp'). */
export const LOCK_SPACE = 0x6f637070;

/** The pg driver, loaded when shared state is used (not at start: SQLite users never load it). */
export async function loadPg(): Promise<typeof import('pg')> {
  return ((await import('pg')) as unknown as { default: typeof import('pg') }).default;
}

export type PgTypes = { getTypeParser: (oid: number, format?: string) => (text: string) => unknown };

/** BIGINT as a number (milliseconds, ids and counts fit 2^53), without touching pg's global parsers. */
export function bigintAsNumber(pgModule: typeof import('pg')): PgTypes {
  const builtins = pgModule.types;
  return { getTypeParser: (oid: number, format?: string) => (oid === 20 ? (text: string) => Number(text) : builtins.getTypeParser(oid, format as 'text')) };
}

/** What keeps shared state from starting; the message names the cause, never the password. */
export class SharedStateError extends Error {}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.toString().replace('password=%2A%2A%2A', 'password=***');
  } catch {
    return 'postgres://…';
  }
}

/** The same migrations as SQLite, in PostgreSQL's dialect, one transaction each; two instances starting at once take turns. */
export async function migratePostgres(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // A migration may take long (an index on a big table), and so may waiting for another instance's.
    await client.query({ text: 'SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = 0', query_timeout: 0 } as never);
    await client.query({ text: 'SELECT pg_advisory_xact_lock($1, 0)', values: [LOCK_SPACE], query_timeout: 0 } as never);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)');
    const rows = (await client.query<{ version: number }>('SELECT version FROM schema_version')).rows;
    const version = rows[0]?.version ?? 0;
    if (rows.length === 0) await client.query('INSERT INTO schema_version (version) VALUES (0)');
    if (version > MIGRATIONS.length) throw new SharedStateError(`the state database's schema version ${version} is newer than this ocpp-proxy knows (${MIGRATIONS.length}); upgrade ocpp-proxy`);
    for (let next = version; next < MIGRATIONS.length; next++) {
      await client.query({ text: forPostgres(MIGRATIONS[next]!), query_timeout: 0 } as never);
      await client.query('UPDATE schema_version SET version = $1', [next + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Sessions as the store lists them (upstream ids as an object), by a filter or by id. */
export async function sessionsFrom<Row>(db: Pick<Pool, 'query'>, filter: { since?: string; charger?: string; id?: number }): Promise<Row[]> {
  const { sql, params } = sessionsQuery(filter);
  const { rows } = await db.query<Record<string, unknown>>(sql, params);
  return rows.map((row) => ({ ...row, upstream_tx: (row.upstream_tx ?? {}) as Record<string, string> }) as Row);
}

/** Every instance's sessions from the shared database (`ocpp-proxy sessions` with `[store] url`). */
export async function sharedSessions<Row>(url: string, filter: { since?: string; charger?: string }): Promise<Row[]> {
  const pgModule = await loadPg();
  const client = new pgModule.Client({ connectionString: url, connectionTimeoutMillis: 5000, types: bigintAsNumber(pgModule) });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await sessionsFrom(client, filter);
  } catch (error) {
    throw new SharedStateError(`cannot read sessions from ${redactedUrl(url)}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
