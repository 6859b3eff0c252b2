// `ocpp-proxy logs`: formatting, filters, pairs, malformed lines, gzip, stdin, following rotation;
// JSON Lines and text logs alike, and a file that changed format on a restart.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { printLogs, type LogsOptions } from '../../src/cli/logs.ts';
import { TextLineFormatter } from '../../src/log/text-format.ts';
import type { MessageLogEntry } from '../../src/log/message-log.ts';
import { cleanupAfter, tempDir, waitUntil } from '../helpers/peers.ts';

const root = resolve(import.meta.dirname, '../..');
const cleanups = cleanupAfter();

const entry = (ts: string, from: string, to: string, type: string, id: string, action: string, raw: string, tags: string[] = [], charger = 'CP1') =>
  JSON.stringify({ ts, charger, from, to, type, id, action, tags, raw });
const LOG = [
  entry('2026-11-21T10:00:00.000Z', 'charger', 'primary', 'CALL', '1', 'Heartbeat', '[2,"1","Heartbeat",{}]'),
  'this is not json',
  entry('2026-11-21T10:00:00.042Z', 'primary', 'charger', 'CALLRESULT', '1', 'Heartbeat', '[3,"1",{"currentTime":"2026-11-21T10:00:00Z"}]'),
  entry('2026-11-21T10:00:01.000Z', 'charger', 'primary', 'CALL', '2', 'StatusNotification', '[2,"2","StatusNotification",{"connectorId":1}]', ['fixed'], 'CP2'),
  '',
  '{"no":"fields"}',
].join('\n');

async function print(options: Partial<LogsOptions>, text = LOG): Promise<{ out: string; err: string }> {
  const dir = tempDir();
  const file = join(dir, 'm.log');
  writeFileSync(file, text);
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (d) => (o += d));
  err.on('data', (d) => (e += d));
  await printLogs({ file, follow: false, payload: true, raw: false, pairs: false, color: false, ...options }, new PassThrough(), out, err);
  return { out: o, err: e };
}

test('one readable line per entry with its payload; malformed lines named by number and skipped', async () => {
  const { out, err } = await print({});
  assert.deepEqual(out.trim().split('\n'), [
    '2026-11-21 10:00:00.000 CP1 charger → primary CALL Heartbeat 1',
    '  {}',
    '2026-11-21 10:00:00.042 CP1 primary → charger CALLRESULT Heartbeat 1',
    '  {"currentTime":"2026-11-21T10:00:00Z"}',
    '2026-11-21 10:00:01.000 CP2 charger → primary CALL StatusNotification 2 [fixed]',
    '  {"connectorId":1}',
  ]);
  assert.match(err, /^line 2: skipped, .*\nline 6: skipped, not a message log entry\n$/);
});

test('filters, --no-payload, --raw and --pairs with the latency', async () => {
  assert.deepEqual((await print({ charger: 'CP2', payload: false })).out.trim().split('\n'), ['2026-11-21 10:00:01.000 CP2 charger → primary CALL StatusNotification 2 [fixed]']);
  assert.equal((await print({ action: 'Heartbeat', payload: false })).out.trim().split('\n').length, 2);
  assert.equal((await print({ since: Date.parse('2026-11-21T10:00:00.500Z'), payload: false })).out.trim().split('\n').length, 1);
  assert.match((await print({ raw: true, charger: 'CP2' })).out, /\n {2}\[2,"2","StatusNotification",\{"connectorId":1\}\]\n$/);
  const pairs = (await print({ pairs: true, action: 'Heartbeat' })).out;
  assert.equal(pairs, '2026-11-21 10:00:00.000 CP1 charger → primary Heartbeat ok 42 ms\n  {}\n  ⇒ {"currentTime":"2026-11-21T10:00:00Z"}\n');
});

test('a rotated .gz file, and stdin', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'm.log.2.gz'), gzipSync(LOG));
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  await printLogs({ file: join(dir, 'm.log.2.gz'), follow: false, payload: false, raw: false, pairs: false, color: false }, new PassThrough(), out, new PassThrough());
  assert.equal(text.trim().split('\n').length, 3);
  const stdin = new PassThrough();
  let fromStdin = '';
  const out2 = new PassThrough();
  out2.on('data', (d) => (fromStdin += d));
  const done = printLogs({ file: '-', follow: false, payload: false, raw: false, pairs: false, color: false }, stdin, out2, new PassThrough());
  stdin.end(LOG);
  await done;
  assert.equal(fromStdin.trim().split('\n').length, 3);
});

test('--follow keeps printing across logrotate (the file moved away and created anew)', async () => {
  const dir = tempDir();
  const file = join(dir, 'm.log');
  writeFileSync(file, `${entry('2026-11-21T10:00:00.000Z', 'charger', 'primary', 'CALL', 'a', 'Heartbeat', '[2,"a","Heartbeat",{}]')}\n`);
  const child = spawn(process.execPath, [join(root, 'dist/ocpp-proxy.mjs'), 'logs', file, '--follow', '--no-payload'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  cleanups.push(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const ids = () => out.trim().split('\n').filter(Boolean).map((line) => line.split(' ').at(-1));
  await waitUntil(() => ids().includes('a'), 'the first line');
  appendFileSync(file, `${entry('2026-11-21T10:00:01.000Z', 'charger', 'primary', 'CALL', 'b', 'Heartbeat', '[2,"b","Heartbeat",{}]')}\n`);
  await waitUntil(() => ids().includes('b'), 'a line appended');
  renameSync(file, `${file}.1`);
  writeFileSync(file, `${entry('2026-11-21T10:00:02.000Z', 'charger', 'primary', 'CALL', 'c', 'Heartbeat', '[2,"c","Heartbeat",{}]')}\n`);
  await waitUntil(() => ids().includes('c'), 'a line in the new file after rotation');
  assert.deepEqual(ids(), ['a', 'b', 'c']);
});

// ---- the text format ([messages] format = text) ---------------------------------------------------

process.env.TZ = 'Europe/Berlin'; // text lines carry local time; what logs prints is the same UTC time

const textLines = new TextLineFormatter();
const asText = (json: string) => textLines.line(JSON.parse(json) as MessageLogEntry).slice(0, -1);
const MIXED_ENTRIES = [
  entry('2026-11-21T10:00:00.000Z', 'charger', 'primary', 'CALL', '1', 'Heartbeat', '[2,"1","Heartbeat",{}]'),
  entry('2026-11-21T10:00:00.042Z', 'primary', 'charger', 'CALLRESULT', '1', 'Heartbeat', '[3,"1",{"currentTime":"2026-11-21T10:00:00Z"}]'),
  entry('2026-11-21T10:00:01.000Z', 'charger', 'primary', 'CALL', '2', 'StatusNotification', '[2,"2","StatusNotification",{"connectorId":1}]', ['fixed'], 'CP 2'),
  entry('2026-11-21T10:00:02.000Z', 'charger', 'primary', 'CALL', '3', 'DataTransfer', '[2,"3","DataTransfer",{"data":"a\u2028b"}]'),
  entry('2026-11-21T10:00:02.010Z', 'primary', 'charger', 'CALLERROR', '3', 'DataTransfer', '[4,"3","NotSupported","",{}]'),
  entry('2026-11-21T10:00:03.000Z', 'charger', 'proxy', 'INVALID', '', '', 'garbage\n\u001b[0m', [], 'CP1'),
];

test('a log that switched format after a restart: JSON lines then text lines print as one log, every option on both', async () => {
  const json = MIXED_ENTRIES.join('\n');
  // The proxy restarted with format = text halfway through the Heartbeat (its Call in JSON, its answer in text).
  const mixed = [...MIXED_ENTRIES.slice(0, 1), ...MIXED_ENTRIES.slice(1).map(asText)].join('\n');
  const allText = MIXED_ENTRIES.map(asText).join('\n');
  assert.match(mixed, /^\{.*\n2026-11-21 11:00:00\.042\+01:00 CP1 primary→charger CALLRESULT Heartbeat 1 \[\] \{"currentTime"/);
  const optionSets: Array<Partial<LogsOptions>> = [
    {},
    { payload: false },
    { raw: true },
    { pairs: true },
    { charger: 'CP 2' },
    { action: 'Heartbeat' },
    { since: Date.parse('2026-11-21T10:00:00.500Z') },
  ];
  for (const options of optionSets) {
    const fromJson = await print(options, json);
    assert.equal(fromJson.err, '', 'every JSON line read (one holds U+2028, which must not cut it)');
    assert.ok(fromJson.out.length > 0);
    for (const [name, text] of [['mixed', mixed], ['text', allText]]) {
      const printed = await print(options, text);
      assert.equal(printed.err, '', `${name}: every line read`);
      assert.equal(printed.out, fromJson.out, `${name} prints as JSON does with ${JSON.stringify(options)}`);
      assert.doesNotMatch(printed.out, /[\u0000-\u0009\u000b-\u001f\u2028]/, 'nothing the terminal would act on');
    }
  }
  assert.equal((await print({ pairs: true, action: 'Heartbeat' }, mixed)).out, '2026-11-21 10:00:00.000 CP1 charger → primary Heartbeat ok 42 ms\n  {}\n  ⇒ {"currentTime":"2026-11-21T10:00:00Z"}\n');
  assert.match((await print({ raw: true }, allText)).out, /INVALID {2}\n {2}garbage\\u000a\\u001b\[0m\n$/, 'the frame as received, its control characters shown, not obeyed');
  const broken = await print({}, `${asText(MIXED_ENTRIES[0]!)}\n2026-11-21 11:00:00.042+01:00 CP1 primary→charger\n`);
  assert.match(broken.err, /^line 2: skipped, not a message log entry \(4 of 9 fields\)\n$/);
});

test('--follow reads text lines too, across logrotate and a change of format', async () => {
  const dir = tempDir();
  const file = join(dir, 'm.log');
  const call = (ts: string, id: string) => entry(ts, 'charger', 'primary', 'CALL', id, 'Heartbeat', `[2,"${id}","Heartbeat",{}]`);
  writeFileSync(file, `${call('2026-11-21T10:00:00.000Z', 'a')}\n`);
  const child = spawn(process.execPath, [join(root, 'dist/ocpp-proxy.mjs'), 'logs', file, '--follow'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  cleanups.push(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const heads = () => out.split('\n').filter((line) => /^2026/.test(line));
  await waitUntil(() => heads().length === 1, 'the JSON line');
  appendFileSync(file, `${asText(call('2026-11-21T10:00:01.000Z', 'b'))}\n`);
  await waitUntil(() => heads().length === 2, 'a text line appended (the proxy restarted with format = text)');
  renameSync(file, `${file}.1`);
  writeFileSync(file, `${asText(call('2026-11-21T10:00:02.000Z', 'c'))}\n`);
  await waitUntil(() => heads().length === 3, 'a text line in the new file after rotation');
  assert.deepEqual(heads(), [
    '2026-11-21 10:00:00.000 CP1 charger → primary CALL Heartbeat a',
    '2026-11-21 10:00:01.000 CP1 charger → primary CALL Heartbeat b',
    '2026-11-21 10:00:02.000 CP1 charger → primary CALL Heartbeat c',
  ]);
  assert.equal(out.split('\n').filter((line) => line === '  {}').length, 3, 'with their payloads');
});
