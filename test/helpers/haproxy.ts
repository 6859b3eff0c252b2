// An HAProxy of the test's own (Debian's binary) in front of several proxy instances: one
// frontend on a free loopback port, the backends hashed on the charger path (consistent hashing,
// as docs/scale-out.md advises), health checks on /healthz. Stopped by pid.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'node:net';
import { eventually, freePort, tempDir } from './peers.ts';

export interface TestHaproxy {
  port: number;
  url: string;
  stop(): Promise<void>;
}

export interface HaproxyBackend {
  name: string;
  /** The instance's charger port. */
  port: number;
  /** The instance's web port, for the /healthz check (none: no check). */
  healthPort?: number;
}

/** Null when HAProxy can be used here, else why not (for `skip`). */
export function haproxyMissing(): string | null {
  return spawnSync('haproxy', ['-v']).status === 0 ? null : 'HAProxy is not installed (Debian package haproxy; .ci/run installs it)';
}

export async function startHaproxy(backends: HaproxyBackend[]): Promise<TestHaproxy> {
  const dir = tempDir();
  const port = await freePort();
  const servers = backends.map((b) => `    server ${b.name} 127.0.0.1:${b.port}${b.healthPort === undefined ? '' : ` check port ${b.healthPort} inter 500ms fall 2 rise 1`}`);
  const config = [
    'global',
    '    maxconn 256', // few connections; HAProxy needs about twice as many file descriptors
    'defaults',
    '    mode http',
    '    timeout connect 2s',
    '    timeout client 60s',
    '    timeout server 60s',
    '    timeout tunnel 1h',
    '    retries 3',
    '    option redispatch 1', // a refused connection goes to another instance before the check notices
    'frontend chargers',
    `    bind 127.0.0.1:${port}`,
    '    default_backend instances',
    'backend instances',
    '    balance uri',
    '    hash-type consistent',
    '    option httpchk GET /healthz',
    ...servers,
    '',
  ].join('\n');
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, config);
  const check = spawnSync('haproxy', ['-c', '-f', file], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy -c: ${check.stdout}${check.stderr}`);
  const child: ChildProcess = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-2000)));
  // Listening once a TCP connection to the frontend succeeds.
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`haproxy exited (${child.exitCode}): ${log}`);
    const connected = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    return connected ? true : null;
  }, 'HAProxy to listen', 10_000);
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
