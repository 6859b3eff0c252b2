// The Home Assistant add-on as the Supervisor starts it: its real run.sh, options.json with
// config.yaml's defaults (and the test's overrides), SUPERVISOR_TOKEN set, `ocpp-proxy` on PATH
// running the add-on folder's own bundle.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, tempDir, waitUntil } from './peers.ts';

const root = resolve(import.meta.dirname, '../..');
export const addon = join(root, 'homeassistant/ocpp-proxy');

/** The `options:` block of config.yaml as the Supervisor writes it to options.json. */
export function addonDefaults(): Record<string, unknown> {
  const yaml = readFileSync(join(addon, 'config.yaml'), 'utf8');
  const block = /^options:\n((?: {2}.*\n)+)/m.exec(yaml);
  assert.ok(block, 'config.yaml has an options block');
  const options: Record<string, unknown> = {};
  for (const line of block[1]!.split('\n').filter((l) => l.trim() !== '')) {
    const [, key, raw] = /^ {2}([a-z_]+): ?(.*)$/.exec(line)!;
    const value = raw!.trim();
    options[key!] = value === '[]' ? [] : value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value.replace(/^"(.*)"$/, '$1');
  }
  return options;
}

export interface RunningAddon {
  data: string;
  port: number;
  webPort: number;
  output: () => string;
  stop: () => Promise<number | null>;
}

/** Starts run.sh with `ocpp-proxy` on PATH running the add-on's own bundle, as in the image. */
export async function startAddon(cleanups: Array<() => unknown>, overrides: Record<string, unknown> = {}, env: Record<string, string> = {}): Promise<RunningAddon> {
  const data = tempDir();
  const bin = tempDir();
  writeFileSync(join(bin, 'ocpp-proxy'), `#!/bin/sh\nexec "${process.execPath}" "${join(addon, 'ocpp-proxy.mjs')}" "$@"\n`);
  chmodSync(join(bin, 'ocpp-proxy'), 0o755);
  const port = await freePort();
  const webPort = await freePort();
  writeFileSync(join(data, 'options.json'), JSON.stringify({ ...addonDefaults(), host_addr: '127.0.0.1', host_port: port, web_port: webPort, ...overrides }));
  const child = spawn('bash', [join(addon, 'run.sh')], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, OCPP_PROXY_DATA: data, SUPERVISOR_TOKEN: 'supervisor-token-abc', NO_COLOR: '1', ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await waitUntil(() => child.exitCode !== null, 'the add-on to stop');
    return child.exitCode;
  };
  cleanups.push(() => child.kill('SIGKILL'));
  await waitUntil(() => out.includes('listening for chargers') || child.exitCode !== null, 'the add-on to start');
  assert.equal(child.exitCode, null, `the add-on exited at start:\n${out}`);
  return { data, port, webPort, output: () => out, stop };
}

