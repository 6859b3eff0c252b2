// The message log under faults: a full disk is retried without SIGHUP, SIGHUPs in a burst leak
// nothing, the optional size cap, and /healthz saying what cannot be written.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { MessageLog, type MessageLogEntry } from '../../src/log/message-log.ts';
import { createLoggers } from '../../src/log/console-log.ts';
import { cleanupAfter, startProxy, tempDir, waitUntil } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

function entry(n: number): MessageLogEntry {
  return { ts: '2026-12-01T00:00:00.000Z', charger: 'CP1', from: 'charger', to: 'primary', type: 'CALL', id: String(n), action: 'Heartbeat', tags: [], raw: `[2,"${n}","Heartbeat",{}]` };
}

function quietLogger(lines: string[]) {
  return createLoggers({ proxy: 'DEBUG', client: 'DEBUG', server: 'DEBUG' }, (line) => lines.push(line)).proxy;
}

const deviceFull = existsSync('/dev/full');
test('disk full: writing resumes on its own once the disk takes data again (no SIGHUP)', { skip: deviceFull ? false : 'no /dev/full' }, async () => {
  const dir = tempDir();
  const path = join(dir, 'messages.log');
  symlinkSync('/dev/full', path); // every write fails with ENOSPC
  const console: string[] = [];
  const log = new MessageLog(path, quietLogger(console), { retryMs: 50 });
  cleanups.push(() => log.close());
  await log.open();
  log.write(entry(1));
  await waitUntil(() => !log.writable, 'the write error');
  assert.ok(console.some((line) => /writing .* failed: .*(ENOSPC|No space left on device).*trying again/.test(line)), console.join(''));
  log.write(entry(2)); // lost while the disk is full, and counted
  rmSync(path);
  writeFileSync(path, ''); // space again
  await waitUntil(() => log.writable, 'the retry to open the file again');
  log.write(entry(3));
  await log.close();
  assert.deepEqual(readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line).id), ['3']);
  assert.ok(console.some((line) => /writing .* again/.test(line)));
});

test('a burst of SIGHUP reopens is serialised: no file handle leaks, every line lands', async () => {
  const dir = tempDir();
  const path = join(dir, 'messages.log');
  const log = new MessageLog(path, quietLogger([]));
  await log.open();
  const fds = () => readdirSync('/proc/self/fd').length;
  const before = fds();
  const reopens: Array<Promise<void>> = [];
  for (let i = 0; i < 215; i++) {
    reopens.push(log.reopen());
    log.write(entry(i));
  }
  await Promise.all(reopens);
  await waitUntil(() => fds() <= before, 'the old handles to close');
  await log.close();
  assert.equal(readFileSync(path, 'utf8').trim().split('\n').length, 215);
});

test('[messages] max_size: the full file moves to FILE.1 and a new one starts', async () => {
  const dir = tempDir();
  const path = join(dir, 'messages.log');
  const log = new MessageLog(path, quietLogger([]), { maxBytes: 2000 });
  await log.open();
  for (let i = 0; i < 20; i++) log.write(entry(i)); // about 3.4 KB: past the cap
  await waitUntil(() => existsSync(`${path}.1`), 'the full file to be moved aside');
  await log.reopen(); // waits for the rotation in progress (and reopens once more)
  for (let i = 20; i < 25; i++) log.write(entry(i));
  await log.close();
  const ids = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((line) => Number(JSON.parse(line).id));
  assert.deepEqual(ids(`${path}.1`), Array.from({ length: 20 }, (_, i) => i), 'the full file, whole');
  assert.deepEqual(ids(path), [20, 21, 22, 23, 24], 'the new file');
  assert.ok(statSync(path).size < 2000);
});

test('/healthz says when the state database or the message log cannot be written', async () => {
  const proxy = await startProxy('[upstream.local]\nrole = local\n', {}, true);
  cleanups.push(() => proxy.close());
  const health = () =>
    new Promise<{ status: number; body: { reason?: string } }>((ok, fail) =>
      get({ host: '127.0.0.1', port: proxy.daemon.webPort, path: '/healthz' }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: JSON.parse(body) }));
      }).on('error', fail),
    );
  assert.equal((await health()).status, 200);
  // The database turns read-only under the running proxy (as on a full or remounted disk).
  (proxy.daemon.store as unknown as { db: { exec(sql: string): void } }).db.exec('PRAGMA query_only = ON');
  const degraded = await health();
  assert.equal(degraded.status, 503);
  assert.match(degraded.body.reason ?? '', /the state database cannot be written: .*readonly/);
});

test('a listener that throws costs nothing: the file and the other listeners get every entry, the failure is logged once', async () => {
  const path = join(tempDir(), 'messages.log');
  const lines: string[] = [];
  const log = new MessageLog(path, quietLogger(lines));
  await log.open();
  const seen: number[] = [];
  log.subscribe((e) => {
    if (e.id === '1' || e.id === '3') throw new TypeError(`listener bug on ${e.id}`);
  });
  log.subscribe((e) => seen.push(Number(e.id)));
  for (let i = 0; i < 5; i++) log.write(entry(i));
  await log.close();
  assert.deepEqual(seen, [0, 1, 2, 3, 4]);
  assert.deepEqual(readFileSync(path, 'utf8').trim().split('\n').map((line) => Number(JSON.parse(line).id)), [0, 1, 2, 3, 4]);
  assert.equal(lines.filter((line) => line.includes('a listener failed')).length, 1);
});

test('a reopen whose last lines pass max_size does not start a rotation beside it: no file left open, every line kept', async () => {
  const dir = tempDir();
  const path = join(dir, 'messages.log');
  const lines: string[] = [];
  const log = new MessageLog(path, quietLogger(lines), { maxBytes: 1000 });
  await log.open();
  for (let i = 0; i < 10; i++) log.write(entry(i)); // about 1.7 KB, still queued in this turn
  await log.reopen();
  for (let i = 10; i < 12; i++) log.write(entry(i)); // past the cap: the rotation comes after the reopen, not beside it
  await waitUntil(() => existsSync(`${path}.1`), 'the rotation');
  await log.close();
  const openFiles = () =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir);
      } catch {
        return false;
      }
    });
  // A stream that was ended closes its file a moment later; a leaked one never does.
  await waitUntil(() => openFiles().length === 0, 'every stream of the log closed');
  const ids = readdirSync(dir).filter((name) => name.startsWith('messages.log')).flatMap((name) => readFileSync(join(dir, name), 'utf8').trim().split('\n').filter(Boolean).map((line) => Number(JSON.parse(line).id)));
  assert.deepEqual(ids.sort((a, b) => a - b), Array.from({ length: 12 }, (_, i) => i));
});
