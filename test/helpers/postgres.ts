// A PostgreSQL server of the test's own: Debian's binaries, a cluster in a temporary directory,
// listening on a free loopback port only, stopped by pid. PostgreSQL refuses to run as root, so
// as root it runs as the `postgres` user the Debian package creates (setpriv: no extra process).

import { before } from 'node:test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, tempDir } from './peers.ts';

export interface TestPostgres {
  url: string;
  port: number;
  /** Stops the server (fast shutdown), waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data (after stop()). */
  start(): Promise<void>;
}

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
  return versions.length === 0 ? null : join(root, versions[0]!, 'bin');
}

/** Null when PostgreSQL can be used here, else why not (for `skip`). */
export function postgresMissing(): string | null {
  if (binDir() === null) return 'PostgreSQL is not installed (Debian package postgresql; .ci/run installs it)';
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root without a postgres user to run PostgreSQL as';
  return null;
}

function asPostgres(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]];
}

/**
 * initdb in a temporary directory (trust authentication on loopback), then the server. Tests run
 * it without flushing to disk; `durable` keeps PostgreSQL's defaults (fsync, synchronous commit),
 * as the benchmark does.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
  const bin = binDir();
  if (bin === null) throw new Error(postgresMissing()!);
  const dir = tempDir();
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim()));
    chownSync(dir, uid!, gid!);
  }
  const [initCommand, initArgs] = asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'ocpp', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  let server: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    const fast = options.durable === true ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
    const [command, args] = asPostgres(join(bin, 'postgres'), ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, ...fast]);
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    server = child;
    // A test process that ends without its cleanups (killed on a timeout) leaves no server behind.
    const orphaned = () => child.kill('SIGKILL');
    process.once('exit', orphaned);
    child.once('exit', () => process.off('exit', orphaned));
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within 30 s: ${log.slice(-500)}`)), 30_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL exited (${code}): ${log.slice(-500)}`));
      });
    });
    child.stderr!.resume();
  };
  const stop = async (): Promise<void> => {
    const child = server;
    server = null;
    if (child === null || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGINT'); // fast shutdown
    await exited;
  };
  await start();
  return { url: `postgres://ocpp@127.0.0.1:${port}/postgres`, port, stop, start };
}

let databases = 0;

/** A fresh, empty database on `server` (one cluster serves a whole test file); returns its URL. */
export async function freshDatabase(server: TestPostgres): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `t${process.pid}_${++databases}`;
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return server.url.replace(/\/postgres$/, `/${name}`);
}

/** Runs one query on `url` with a connection of its own. */
export async function queryOnce<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * One PostgreSQL for a whole test file: `skip` for its tests (why they cannot run, or false) and
 * `server`, started before them and stopped with the file's cleanups. `alsoMissing`: another
 * part the tests need, and why it is missing (null: there).
 */
export function postgresForFile(cleanups: Array<() => unknown>, alsoMissing: string | null = null): { readonly skip: string | false; readonly server: TestPostgres } {
  const skip = postgresMissing() ?? alsoMissing ?? false;
  let server: TestPostgres | null = null;
  before(async () => {
    if (skip !== false) return;
    server = await startPostgres();
    cleanups.push(() => server!.stop());
  });
  return {
    skip,
    get server(): TestPostgres {
      if (server === null) throw new Error('PostgreSQL is not running for this file');
      return server;
    },
  };
}
