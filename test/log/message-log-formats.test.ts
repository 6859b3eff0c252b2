// `[messages] format`: a real session through the proxy, logged as JSON Lines and as text; every
// line is checked against the frames on the wire, and the text lines read back into the entries.
// Rotation, max_size and the disk-full retry behave the same with text lines.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { MessageLog, type MessageLogEntry } from '../../src/log/message-log.ts';
import { parseTextLine } from '../../src/log/text-format.ts';
import { createLoggers } from '../../src/log/console-log.ts';
import { printLogs } from '../../src/cli/logs.ts';
import { cleanupAfter, iniFor, NO_VIEWS, rawCharger, startProxy, startRawCsms, tempDir, waitUntil } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

/** +05:30 all year: the offset's minutes show, and no daylight saving moves it during the test. */
const ZONE = 'Asia/Kolkata';
const savedZone = process.env.TZ;
process.env.TZ = ZONE;
cleanups.push(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

/** The charger id from `/Wall%20box%E2%86%92%1B%25`: a space, the hop's arrow, ESC and a percent sign. */
const CHARGER = 'Wall box→\u001b%';
const BOOT = '[2,"b1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]';
const BOOT_ANSWER = '[3,"b1",{"status":"Accepted","currentTime":"2026-11-21T20:44:54.000Z","interval":300}]';
const PRETTY = '[2,\n  "h1",\n  "Heartbeat",\n  {}\n]'; // forwarded byte for byte, newlines and all
const SEPARATOR = '[2,"d1","DataTransfer",{"vendorId":"V","data":"a\u2028b \\u001b[31m 50%"}]'; // U+2028 is legal in a JSON string
const GARBAGE = 'hello \u001b[31mred\u001b[0m\r\nworld';
const SECRET = '[2,"srv-8","ChangeConfiguration",{"key":"AuthorizationKey","value":"s3cret"}]';

interface Wire {
  entries: MessageLogEntry[];
  file: string;
  /** Frames as each peer received them (the charger's: after the proxy gave calls its own ids). */
  atCharger: string[];
  atPrimary: string[];
  atSecondary: string[];
  /** Frames each peer sent. */
  fromCharger: string[];
  fromSecondary: string[];
}

/** Boot, a pretty-printed Heartbeat, a DataTransfer with U+2028, garbage, two server calls (one with a secret). */
async function session(logFormat: 'jsonl' | 'text'): Promise<Wire> {
  const primary = await startRawCsms();
  const secondary = await startRawCsms();
  const proxy = await startProxy(iniFor(primary.url, secondary.url, NO_VIEWS), { logFormat });
  cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
  const charger = await rawCharger(proxy.port, '/Wall%20box%E2%86%92%1B%25');
  const atCharger: string[] = [];
  const fromCharger: string[] = [];
  const fromSecondary: string[] = [];
  const send = (frame: string) => {
    fromCharger.push(frame);
    charger.ws.send(frame);
  };
  const receive = async () => {
    const frame = await charger.nextFrame();
    atCharger.push(frame);
    return frame;
  };
  const p = await primary.nextSocket();
  const s = await secondary.nextSocket();
  /** The secondary answers each Call (one Call at a time per hop); the proxy drops the answer. */
  const secondaryAnswers = async (frame: string, answer: string) => {
    assert.equal(await secondary.nextFrame(), frame); // it may get a Call once the primary answered
    fromSecondary.push(answer);
    s.send(answer);
    const id = JSON.parse(answer)[1];
    await proxy.entry((e) => e.from === 'secondary' && e.id === id, 'the secondary answer, dropped');
  };

  send(BOOT);
  assert.equal(await primary.nextFrame(), BOOT);
  p.send(BOOT_ANSWER);
  assert.equal(await receive(), BOOT_ANSWER);
  await secondaryAnswers(BOOT, '[3,"b1",{"status":"Accepted","currentTime":"2026-11-21T20:44:54.000Z","interval":60}]');

  for (const [frame, id] of [[PRETTY, 'h1'], [SEPARATOR, 'd1']] as const) {
    send(frame);
    assert.equal(await primary.nextFrame(), frame);
    p.send(`[3,"${id}",{}]`);
    await receive();
    await secondaryAnswers(frame, `[3,"${id}",{}]`);
  }
  send(GARBAGE);
  assert.match(await receive(), /^\[4,"-1",/, 'the proxy answers garbage with a CallError');

  p.send('[2,"srv-7","Reset",{"type":"Soft"}]');
  const reset = await receive();
  send(`[3,${JSON.stringify(JSON.parse(reset)[1])},{"status":"Accepted"}]`);
  assert.equal(await primary.nextFrame(), '[3,"srv-7",{"status":"Accepted"}]');
  p.send(SECRET);
  const change = await receive();
  assert.match(change, /"value":"s3cret"/, 'the charger gets the secret');
  send(`[3,${JSON.stringify(JSON.parse(change)[1])},{"status":"Accepted"}]`);
  await primary.nextFrame();

  charger.ws.terminate();
  await proxy.close();
  return { entries: proxy.entries, file: proxy.logFile, atCharger, atPrimary: primary.received, atSecondary: secondary.received, fromCharger, fromSecondary };
}

/** Each line's raw is a frame its receiver got (or, to the proxy, one its sender sent); the log hides the secret only. */
function assertLinesMatchTheWire(entries: MessageLogEntry[], wire: Wire): void {
  const redacted = (frame: string) => frame.replace('"value":"s3cret"', '"value":"***"');
  const raws = (to: string, from?: string) => entries.filter((e) => e.to === to && (from === undefined || e.from === from)).map((e) => e.raw);
  assert.deepEqual(raws('primary'), wire.atPrimary, 'every frame the primary got, in order, and nothing else');
  assert.deepEqual(raws('secondary'), wire.atSecondary, 'every frame the secondary got');
  assert.deepEqual(raws('charger'), wire.atCharger.map(redacted), 'every frame the charger got, the secret redacted');
  assert.deepEqual(raws('proxy', 'secondary'), wire.fromSecondary, 'the secondary answer the proxy dropped');
  assert.deepEqual(raws('proxy', 'charger'), [GARBAGE], 'the garbage as received');
  for (const e of entries.filter((e) => e.from === 'charger' && e.type === 'CALL')) assert.ok(wire.fromCharger.includes(e.raw), `the charger's Call, byte for byte: ${e.raw}`);
  assert.ok(entries.every((e) => e.charger === CHARGER));
}

test('jsonl (the default format): each line is the entry, its raw the frame on the wire', async () => {
  const wire = await session('jsonl');
  const text = readFileSync(wire.file, 'utf8');
  assert.ok(text.endsWith('\n'));
  const lines = text.slice(0, -1).split('\n').map((line) => JSON.parse(line) as MessageLogEntry);
  assert.deepEqual(lines, wire.entries, 'one line per entry the monitor saw, in order');
  assertLinesMatchTheWire(lines, wire);
  assert.doesNotMatch(text, /s3cret/);
});

test('text: one line per frame per hop for people, which reads back into the same entries', async () => {
  const wire = await session('text');
  const text = readFileSync(wire.file, 'utf8');
  assert.ok(text.endsWith('\n'));
  const lines = text.slice(0, -1).split('\n');
  assert.equal(lines.length, wire.entries.length, 'a frame\'s newlines do not break its line');
  assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/, 'no escape codes, no other line breaks');
  assert.doesNotMatch(text, /s3cret/);
  const parsed = lines.map((line) => parseTextLine(line));
  assert.deepEqual(parsed, wire.entries, 'the text lines carry every field (ts, charger, hop, type, id, action, tags, raw, protocol)');
  assertLinesMatchTheWire(parsed, wire);

  // What people see: local time with the zone's offset, the id escaped, the payload as on the wire.
  const local = (ts: string) => new Date(Date.parse(ts) + 330 * 60_000).toISOString().replace('T', ' ').replace('Z', '+05:30');
  const id = 'Wall%20box%E2%86%92%1B%25';
  const first = wire.entries[0]!;
  assert.equal(lines[0], `${local(first.ts)} ${id} charger→primary CALL BootNotification b1 [protocol=ocpp1.6,protocol_source=subprotocol] {"chargePointVendor":"V","chargePointModel":"M"}`);
  const at = (predicate: (e: MessageLogEntry) => boolean) => lines[wire.entries.findIndex(predicate)]!;
  assert.equal(at((e) => e.to === 'secondary' && e.id === 'b1'), `${local(first.ts)} ${id} charger→secondary CALL BootNotification b1 [] {"chargePointVendor":"V","chargePointModel":"M"}`);
  const answer = wire.entries.find((e) => e.to === 'charger' && e.id === 'b1')!;
  assert.equal(at((e) => e === answer), `${local(answer.ts)} ${id} primary→charger CALLRESULT BootNotification b1 [] {"status":"Accepted","currentTime":"2026-11-21T20:44:54.000Z","interval":300}`);
  assert.match(at((e) => e.from === 'secondary'), / secondary→proxy CALLRESULT BootNotification b1 \[dropped\] \{"status":"Accepted",.*"interval":60\}$/);
  assert.match(at((e) => e.to === 'primary' && e.id === 'h1'), / charger→primary CALL Heartbeat h1 \[\] raw% \[2,%0A {2}"h1",%0A {2}"Heartbeat",%0A {2}\{\}%0A\]$/);
  assert.match(at((e) => e.to === 'primary' && e.id === 'd1'), / DataTransfer d1 \[\] raw% \[2,"d1","DataTransfer",\{"vendorId":"V","data":"a%E2%80%A8b \\u001b\[31m 50%25"\}\]$/);
  assert.match(at((e) => e.type === 'INVALID'), / charger→proxy INVALID - - \[\] raw% hello %1B\[31mred%1B\[0m%0D%0Aworld$/);
  assert.match(at((e) => e.action === 'ChangeConfiguration' && e.to === 'charger'), / CALL ChangeConfiguration \S+ \[\] \{"key":"AuthorizationKey","value":"\*\*\*"\}$/);
});

test('ocpp-proxy logs prints a text log exactly as it prints the JSON log of the same entries', async () => {
  const wire = await session('text');
  const json = join(tempDir(), 'same.log');
  writeFileSync(json, wire.entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  const print = async (file: string, options: { raw?: boolean; pairs?: boolean } = {}) => {
    const out = new PassThrough();
    const err = new PassThrough();
    let text = '';
    let errors = '';
    out.on('data', (d) => (text += d));
    err.on('data', (d) => (errors += d));
    await printLogs({ file, follow: false, payload: true, raw: options.raw ?? false, pairs: options.pairs ?? false, color: false }, new PassThrough(), out, err);
    assert.equal(errors, '', 'no line skipped');
    return text;
  };
  for (const options of [{}, { raw: true }, { pairs: true }]) {
    const fromText = await print(wire.file, options);
    assert.equal(fromText, await print(json, options), `the same output (${JSON.stringify(options)})`);
    assert.ok(fromText.split('\n').length > wire.entries.length / 2);
  }
  const raw = await print(wire.file, { raw: true });
  assert.ok(raw.includes('\n  hello \\u001b[31mred\\u001b[0m\\u000d\\u000aworld\n'), `--raw shows the garbage as received, its control characters visible, not obeyed:\n${raw}`);
  assert.doesNotMatch(raw, /\u001b/);
});

// ---- the file's life: rotation, the size cap, a full disk ----------------------------------------

function quietLogger(lines: string[] = []) {
  return createLoggers({ proxy: 'DEBUG', client: 'DEBUG', server: 'DEBUG' }, (line) => lines.push(line)).proxy;
}

function entry(id: string): MessageLogEntry {
  return { ts: '2026-12-01T00:00:00.000Z', charger: 'CP1', from: 'charger', to: 'primary', type: 'CALL', id, action: 'Heartbeat', tags: [], raw: `[2,"${id}","Heartbeat",{}]` };
}

const ids = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((line) => parseTextLine(line).id);

test('text lines: reopen after logrotate, the max_size cap and the entries the monitor gets are as with JSON', async () => {
  const path = join(tempDir(), 'm.log');
  const log = new MessageLog(path, quietLogger(), { format: 'text' });
  const seen: MessageLogEntry[] = [];
  log.subscribe((e) => seen.push(e));
  await log.open();
  for (let i = 0; i < 50; i++) log.write(entry(`a${i}`));
  renameSync(path, `${path}.1`);
  await log.reopen();
  for (let i = 0; i < 50; i++) log.write(entry(`b${i}`));
  await log.close();
  assert.deepEqual(ids(`${path}.1`), Array.from({ length: 50 }, (_, i) => `a${i}`));
  assert.deepEqual(ids(path), Array.from({ length: 50 }, (_, i) => `b${i}`));
  assert.equal(seen.length, 100);
  assert.deepEqual(seen[0], entry('a0'), 'listeners get the entry, not the line');

  const capped = join(tempDir(), 'capped.log');
  const small = new MessageLog(capped, quietLogger(), { maxBytes: 1500, format: 'text' });
  await small.open();
  for (let i = 0; i < 20; i++) small.write(entry(String(i))); // about 2 KB of text lines
  await waitUntil(() => existsSync(`${capped}.1`), 'the full file to be moved aside');
  await small.reopen();
  small.write(entry('new'));
  await small.close();
  assert.deepEqual(ids(`${capped}.1`), Array.from({ length: 20 }, (_, i) => String(i)));
  assert.deepEqual(ids(capped), ['new']);
});

test('text lines: a full disk is retried on its own, as with JSON', { skip: existsSync('/dev/full') ? false : 'no /dev/full' }, async () => {
  const path = join(tempDir(), 'full.log');
  symlinkSync('/dev/full', path);
  const console: string[] = [];
  const log = new MessageLog(path, quietLogger(console), { retryMs: 50, format: 'text' });
  cleanups.push(() => log.close());
  await log.open();
  log.write(entry('1'));
  await waitUntil(() => !log.writable, 'the write error');
  rmSync(path);
  writeFileSync(path, '');
  await waitUntil(() => log.writable, 'the retry');
  log.write(entry('3'));
  await log.close();
  assert.deepEqual(ids(path), ['3']);
  assert.ok(console.some((line) => /writing .* again/.test(line)));
});
