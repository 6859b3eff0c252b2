// The built daemon as a child process: the bundle with this Node, the single executable with no
// Node on PATH, or the bundle under Deno; started on a free port and waited for until it listens.

import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { freePort, tempDir, within } from './peers.ts';

export const root = resolve(import.meta.dirname, '../..');
export const bundle = join(root, 'dist/ocpp-proxy.mjs');
export const binary = join(root, 'dist/ocpp-proxy');
// Deno comes from its npm platform package (the registry here serves only linux-x64).
export const deno = join(root, 'node_modules/@deno/linux-x64-glibc/deno');

export type Exe = 'bundle' | 'binary' | 'deno';

export function spawnProxy(args: string[], { cwd = tempDir(), exe = 'bundle' }: { cwd?: string; exe?: Exe } = {}): ChildProcess {
  // No Node on PATH: the single executable must not need one.
  if (exe === 'binary') return spawn(binary, args, { cwd, env: { PATH: '/nonexistent', HOME: cwd } });
  if (exe === 'deno') return spawn(deno, ['run', '-A', bundle, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  return spawn(process.execPath, [bundle, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
}

/** Starts the daemon and waits until it listens; retries if the chosen port was taken meanwhile. */
export async function startDaemon(args: string[], options: { cwd?: string; exe?: Exe; webPort?: number } = {}) {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawnProxy([...args, '--listen-host', '127.0.0.1', '--listen-port', String(port), '--web-port', String(options.webPort ?? 0)], options);
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const ready = await within(
      new Promise<boolean>((resolveReady) => {
        child.stdout!.on('data', () => output.includes('listening for chargers') && resolveReady(true));
        child.once('exit', () => resolveReady(false));
      }),
      'the daemon to listen',
    );
    if (ready) return { child, port, output: () => output };
    if (attempt >= 3 || !output.includes('EADDRINUSE')) throw new Error(`daemon did not start: ${output}`);
  }
}
