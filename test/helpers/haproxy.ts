// An HAProxy of the test's own (Debian's binary) in front of several proxy instances, configured
// with docs/scale-out/haproxy.cfg on free loopback ports: the backends hashed on the charger path
// (consistent hashing), health checks on /healthz, a refused connection redispatched. Stopped by pid.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
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
  // The configuration docs/scale-out.md gives to operators, on loopback ports: what it says is what is tested.
  const template = readFileSync(join(root, 'docs/scale-out/haproxy.cfg'), 'utf8').split('\n');
  const statsPort = await freePort();
  const config: string[] = [];
  for (const line of template) {
    if (/^\s*maxconn /.test(line)) config.push('    maxconn 256'); // HAProxy needs about twice as many file descriptors
    else if (/^\s*bind :8888/.test(line)) config.push(`    bind 127.0.0.1:${port}`);
    else if (/^\s*bind :8404/.test(line)) config.push(`    bind 127.0.0.1:${statsPort}`);
    else if (/^\s*server /.test(line)) {
      if (config.some((l) => /^\s*server /.test(l))) continue;
      const checks = /check port \d+ (.*)$/.exec(line)?.[1] ?? '';
      for (const b of backends) config.push(`    server ${b.name} 127.0.0.1:${b.port}${b.healthPort === undefined ? '' : ` check port ${b.healthPort} ${checks}`}`);
    } else config.push(line);
  }
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, config.join('\n'));
  const check = spawnSync('haproxy', ['-c', '-f', file], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy -c: ${check.stdout}${check.stderr}`);
  const child: ChildProcess = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  child.once('exit', () => process.off('exit', orphaned));
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
