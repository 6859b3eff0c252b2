// `[fixups] timestamps` end to end: a valid RFC 3339 timestamp in any form reaches every upstream
// byte-identical and untagged; only unusable or mis-formatted ones are repaired (tag `fixed`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WebSocket } from 'ws';
import { cleanupAfter, iniFor, rawCharger, startProxy, startRawCsms } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

const VALID = [
  '2026-12-01T05:18:56.945074+00:00',
  '2026-12-01T05:18:56Z',
  '2026-12-01T05:18:56.9Z',
  '2026-12-01T05:18:56.945Z',
  '2026-12-01T05:18:56.1234567Z',
  '2026-12-01T06:18:56.123456789+01:00',
  '2026-11-30T23:48:56-05:30',
  '2026-12-01t05:18:56z',
  '2026-12-31T23:59:60Z',
];
/** Unusable: the proxy's receive time takes their place. */
const UNUSABLE = ['', '0000-00-00T00:00:00.000Z', '1970-01-01T00:00:00Z', '2000-01-01T00:00:07.000Z', 'garbage', '2026-02-30T10:00:00Z'];
/** Mis-formatted but clear: the same instant, written in RFC 3339 with its own digits. */
const MISFORMATTED: Array<[string, string]> = [
  ['2026-12-01 05:18:56.945074', '2026-12-01T05:18:56.945074Z'],
  ['2026-12-01T06:18:56+0100', '2026-12-01T06:18:56+01:00'],
];

/** A raw CSMS socket that answers every Call (so a link catching up goes on). */
function answerEverything(socket: WebSocket): void {
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame[0] === 2) socket.send(JSON.stringify([3, frame[1], {}]));
  });
}

for (const protocol of ['ocpp1.6', 'ocpp2.0.1']) {
  test(`${protocol}: valid timestamps pass byte-identical without a tag; invalid ones are repaired and tagged fixed`, async () => {
    const primary = await startRawCsms([protocol]);
    const secondary = await startRawCsms([protocol]);
    const proxy = await startProxy(iniFor(primary.url, secondary.url));
    cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
    const charger = await rawCharger(proxy.port, `/TS-${protocol}`, [protocol]);
    cleanups.push(() => charger.ws.terminate());
    answerEverything(await primary.nextSocket());
    answerEverything(await secondary.nextSocket());

    const meterValues = (id: string, timestamp: string) =>
      protocol === 'ocpp1.6'
        ? `[2,"${id}","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":${JSON.stringify(timestamp)},"sampledValue":[{"value":"1.10"}]}]}]`
        : `[2,"${id}","MeterValues",{"evseId":1,"meterValue":[{"timestamp":${JSON.stringify(timestamp)},"sampledValue":[{"value":1.10}]}]}]`;
    const status = (id: string, timestamp: string) =>
      protocol === 'ocpp1.6'
        ? `[2,"${id}","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":${JSON.stringify(timestamp)}}]`
        : `[2,"${id}","StatusNotification",{"timestamp":${JSON.stringify(timestamp)},"connectorStatus":"Available","evseId":1,"connectorId":1}]`;

    const sent: Array<{ id: string; frame: string; value: string; expected: string | 'receive time' }> = [];
    const all: Array<[string, string | 'receive time']> = [
      ...VALID.map((value): [string, string] => [value, value]),
      ...UNUSABLE.map((value): [string, 'receive time'] => [value, 'receive time']),
      ...MISFORMATTED,
    ];
    const before = Date.now();
    all.forEach(([value, expected], i) => {
      for (const [kind, build] of [['mv', meterValues], ['st', status]] as const) {
        const id = `${kind}-${i}`;
        const frame = build(id, value);
        sent.push({ id, frame, value, expected });
        charger.ws.send(frame);
      }
    });
    for (const peer of [primary, secondary]) {
      for (const { id, frame, value, expected } of sent) {
        const got = await peer.nextFrame();
        if (expected === value) {
          assert.equal(got, frame, `${value} byte-identical`);
          continue;
        }
        const [head, tail] = frame.split(JSON.stringify(value));
        assert.ok(got.startsWith(head!) && got.endsWith(tail!), `${id}: only the timestamp changed`);
        const now = JSON.parse(got.slice(head!.length, got.length - tail!.length)) as string;
        if (expected === 'receive time') {
          assert.match(now, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
          assert.ok(Date.parse(now) >= before - 1 && Date.parse(now) <= Date.now(), `${JSON.stringify(value)} became the receive time (${now})`);
        } else {
          assert.equal(now, expected, `${value} rewritten`);
        }
      }
    }
    for (const { id, value, expected } of sent) {
      const entries = proxy.entries.filter((e) => e.id === id && e.from === 'charger');
      assert.equal(entries.length, 2, `${id} logged once per upstream`);
      for (const entry of entries) assert.equal(entry.tags.includes('fixed'), expected !== value, `${id} (${JSON.stringify(value)}) tags: ${entry.tags.join()}`);
    }
    const fixLines = proxy.console.filter((line) => line.includes(' fixed '));
    assert.equal(fixLines.length, 2 * (UNUSABLE.length + MISFORMATTED.length), 'one console line per repaired value, none for valid ones');
  });
}
