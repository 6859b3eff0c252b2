// The message log file: one JSON object per line per hop, raw as sent on that hop, reopen for logrotate.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, renameSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageLog } from '../../src/log/message-log.ts';
import { createLoggers } from '../../src/log/console-log.ts';
import { cleanupAfter, iniFor, startCsms, startProxy, startRawCsms, rawCharger, tempDir } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

function readLines(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line));
}

test('one line per frame per hop, with the contract keys in order and raw as sent on that hop', async () => {
  const primary = await startRawCsms();
  const secondary = await startCsms();
  const proxy = await startProxy(iniFor(primary.url, secondary.url));
  cleanups.push(() => primary.close(), () => secondary.close());
  const charger = await rawCharger(proxy.port, '/LOG1');
  const p = await primary.nextSocket();
  await secondary.nextClient();
  charger.ws.send('[2,"c1","Heartbeat",{}]');
  await primary.nextFrame();
  await proxy.entry((e) => e.to === 'secondary' && e.id === 'c1');
  p.send('[3,"c1",{"currentTime":"2026-11-21T20:44:54.123Z"}]');
  await charger.nextFrame();
  p.send('[2,"srv-7","Reset",{"type":"Soft"}]');
  const atCharger = await charger.nextFrame();
  const proxyId = JSON.parse(atCharger)[1];
  charger.ws.send(`[3,"${proxyId}",{"status":"Accepted"}]`);
  await primary.nextFrame();
  charger.ws.terminate();
  await proxy.close();

  const lines = readLines(proxy.logFile);
  const contractKeys = ['ts', 'charger', 'from', 'to', 'type', 'id', 'action', 'tags', 'raw'];
  assert.deepEqual(Object.keys(lines[0]!), [...contractKeys, 'protocol', 'protocol_source'], 'the first line of a connection says its version');
  assert.deepEqual([lines[0]!.protocol, lines[0]!.protocol_source], ['ocpp1.6', 'subprotocol']);
  for (const line of lines) {
    if (line !== lines[0]) assert.deepEqual(Object.keys(line), contractKeys);
    assert.match(line.ts as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(line.charger, 'LOG1');
  }
  const hops = lines.map((l) => `${l.from}>${l.to} ${l.type} ${l.id} ${l.action}`);
  assert.deepEqual(hops.slice(0, 2).sort(), ['charger>primary CALL c1 Heartbeat', 'charger>secondary CALL c1 Heartbeat']);
  assert.ok(hops.includes('primary>charger CALLRESULT c1 Heartbeat'));
  assert.ok(hops.includes('secondary>proxy CALLRESULT c1 Heartbeat'));
  assert.ok(hops.includes(`primary>charger CALL ${proxyId} Reset`));
  assert.ok(hops.includes('charger>primary CALLRESULT srv-7 Reset'));
  const call = lines.find((l) => l.type === 'CALL' && l.to === 'charger')!;
  assert.equal(call.raw, atCharger, 'raw is the frame as it went to the charger, with the proxy id');
  const answer = lines.find((l) => l.type === 'CALLRESULT' && l.to === 'primary')!;
  assert.equal(answer.raw, '[3,"srv-7",{"status":"Accepted"}]');
});

test('reopen() after logrotate moved the file: new lines go to a new file, none lost', async () => {
  const dir = tempDir();
  const path = join(dir, 'm.log');
  const lines: string[] = [];
  const log = new MessageLog(path, createLoggers({ proxy: 'INFO', client: 'INFO', server: 'INFO' }, (l) => lines.push(l)).proxy);
  await log.open();
  const entry = (id: string) => ({ ts: new Date().toISOString(), charger: 'CP', from: 'charger', to: 'primary', type: 'CALL' as const, id, action: 'Heartbeat', tags: [], raw: `[2,"${id}","Heartbeat",{}]` });
  for (let i = 0; i < 100; i++) log.write(entry(`a${i}`));
  renameSync(path, `${path}.1`);
  await log.reopen();
  for (let i = 0; i < 100; i++) log.write(entry(`b${i}`));
  await log.close();
  await new Promise((resolve) => setImmediate(resolve));
  const rotated = readLines(`${path}.1`).map((l) => l.id);
  const fresh = readLines(path).map((l) => l.id);
  assert.deepEqual(rotated, Array.from({ length: 100 }, (_, i) => `a${i}`));
  assert.deepEqual(fresh, Array.from({ length: 100 }, (_, i) => `b${i}`));
});

test('an unwritable log path is a clear start-up error', async () => {
  const log = new MessageLog(join(tempDir(), 'missing-dir', 'x.log'), createLoggers({ proxy: 'INFO', client: 'INFO', server: 'INFO' }, () => {}).proxy);
  await assert.rejects(log.open(), /cannot open message log .*missing-dir/);
  assert.equal(existsSync(join(tempDir(), 'missing-dir')), false);
});

test('batching: listeners get a turn\'s entries at its end; lines wait up to 10 ms to share one write; close() writes the rest', async (t) => {
  const path = join(tempDir(), 'batch.log');
  const log = new MessageLog(path, createLoggers({ proxy: 'INFO', client: 'INFO', server: 'INFO' }, () => {}).proxy);
  await log.open();
  const writes: string[] = [];
  const stream = (log as unknown as { stream: { write: (text: string) => boolean } }).stream;
  const write = stream.write.bind(stream);
  stream.write = (text: string) => {
    writes.push(text);
    return write(text);
  };
  const seen: string[] = [];
  log.subscribe((entry) => seen.push(entry.id!));
  const entry = (id: string) => ({ ts: '2026-12-02T09:00:00.000Z', charger: 'CP', from: 'charger', to: 'primary', type: 'CALL' as const, id, action: 'Heartbeat', tags: [], raw: `[2,"${id}","Heartbeat",{}]` });
  t.mock.timers.enable({ apis: ['setTimeout', 'setImmediate'] });
  log.write(entry('1'));
  assert.deepEqual(seen, [], 'nothing happens while the frame is being routed');
  t.mock.timers.tick(0);
  assert.deepEqual(seen, ['1'], 'the listeners at the end of the turn');
  log.write(entry('2'));
  log.write(entry('3'));
  t.mock.timers.tick(5);
  assert.deepEqual(seen, ['1', '2', '3']);
  assert.equal(writes.length, 0, 'the lines wait for others');
  t.mock.timers.tick(5);
  assert.equal(writes.length, 1, 'three turns, one write');
  assert.equal(writes[0]!.split('\n').filter(Boolean).length, 3);
  log.write(entry('4'));
  t.mock.timers.tick(0);
  t.mock.timers.reset();
  await log.close();
  assert.equal(writes.length, 2, 'close() writes what waits');
  assert.deepEqual(readLines(path).map((line) => line.id), ['1', '2', '3', '4']);
});
