// The text line of the message log: what people see (local time with offset, escapes), and that
// every entry, however odd its fields, reads back unchanged.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextLineFormatter, parseTextLine } from '../../src/log/text-format.ts';
import type { FrameType, MessageLogEntry, Tag } from '../../src/log/message-log.ts';

function inZone<T>(zone: string, run: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = zone;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

const call = (ts: string, extra: Partial<MessageLogEntry> = {}): MessageLogEntry => ({
  ts,
  charger: 'CP1',
  from: 'charger',
  to: 'primary',
  type: 'CALL',
  id: '42',
  action: 'BootNotification',
  tags: [],
  raw: '[2,"42","BootNotification",{"chargePointVendor":"V"}]',
  ...extra,
});

test('the issue\'s example: local time with offset, charger, hop, type, action, id, tags, payload as on the wire', () => {
  const line = inZone('Europe/Berlin', () => new TextLineFormatter().line(call('2026-11-21T20:44:54.123Z')));
  assert.equal(line, '2026-11-21 21:44:54.123+01:00 CP1 charger→primary CALL BootNotification 42 [] {"chargePointVendor":"V"}\n');
});

test('daylight saving and offsets with minutes, either side of UTC; the time reads back to the same instant', () => {
  const cases: Array<[string, string, string]> = [
    ['Europe/Berlin', '2026-03-29T00:59:59.999Z', '2026-03-29 01:59:59.999+01:00'],
    ['Europe/Berlin', '2026-03-29T01:00:00.000Z', '2026-03-29 03:00:00.000+02:00'], // the clocks went forward
    ['Europe/Berlin', '2026-10-25T00:59:59.999Z', '2026-10-25 02:59:59.999+02:00'],
    ['Europe/Berlin', '2026-10-25T01:00:00.000Z', '2026-10-25 02:00:00.000+01:00'], // and back: 02:xx twice, told apart by the offset
    ['America/St_Johns', '2026-01-01T02:00:00.500Z', '2025-12-31 22:30:00.500-03:30'],
    ['Asia/Kathmandu', '2026-06-01T00:00:00.000Z', '2026-06-01 05:45:00.000+05:45'],
    ['UTC', '2026-06-01T00:00:00.000Z', '2026-06-01 00:00:00.000+00:00'],
  ];
  for (const [zone, ts, local] of cases) {
    inZone(zone, () => {
      const formatter = new TextLineFormatter(); // one formatter across the cases' seconds, as in the daemon
      const line = formatter.line(call(ts));
      assert.ok(line.startsWith(`${local} CP1 `), `${zone} ${ts}: ${line}`);
      assert.equal(parseTextLine(line.slice(0, -1)).ts, ts);
    });
  }
  inZone('Europe/Berlin', () => {
    const formatter = new TextLineFormatter();
    const stamps = ['2026-03-29T00:59:59.998Z', '2026-03-29T00:59:59.999Z', '2026-03-29T00:59:59.999Z', '2026-03-29T01:00:00.000Z'].map((ts) =>
      formatter.line(call(ts)).slice(0, 29),
    );
    assert.deepEqual(stamps, ['2026-03-29 01:59:59.998+01:00', '2026-03-29 01:59:59.999+01:00', '2026-03-29 01:59:59.999+01:00', '2026-03-29 03:00:00.000+02:00']);
  });
});

test('odd fields are escaped so that each stays one field; null is -, empty is ""', () => {
  const f = new TextLineFormatter();
  const fields = (e: MessageLogEntry) => f.line(e).split(' ').slice(2, 8);
  assert.deepEqual(fields(call('2026-11-21T20:44:54.123Z', { charger: 'Wall box 1', id: '', action: null, type: 'CALLRESULT', raw: '[3,"",{}]' })), [
    'Wall%20box%201',
    'charger→primary',
    'CALLRESULT',
    '-',
    '""',
    '[]',
  ]);
  assert.deepEqual(fields(call('2026-11-21T20:44:54.123Z', { charger: '-', from: 'a→b', id: '""', action: '50%\u001b[31m' })).slice(0, 5), ['%2D', 'a%E2%86%92b→primary', 'CALL', '50%25%1B[31m', '%22"']);
  const first = f.line(call('2026-11-21T20:44:54.123Z', { tags: ['fixed', 'queued'], protocol: 'ocpp2.0.1', protocol_source: 'first, call=x]' }));
  assert.match(first, / 42 \[fixed,queued,protocol=ocpp2\.0\.1,protocol_source=first%2C%20call%3Dx%5D\] \{/);
});

test('the body: the payload of a plain frame; `raw` and the frame otherwise; `raw%` and the frame escaped when it has line breaks or control characters', () => {
  const f = new TextLineFormatter();
  const body = (extra: Partial<MessageLogEntry>) => {
    const line = f.line(call('2026-11-21T20:44:54.123Z', extra)).slice(0, -1);
    return line.slice(line.indexOf(' [') + 1).replace(/^\[[^\]]*\] /, '');
  };
  assert.equal(body({}), '{"chargePointVendor":"V"}');
  assert.equal(body({ type: 'CALLRESULT', raw: '[3,"42",{"status":"Accepted"}]' }), '{"status":"Accepted"}');
  assert.equal(body({ type: 'CALLERROR', raw: '[4,"42","NotImplemented","",{}]' }), '"NotImplemented","",{}');
  assert.equal(body({ type: 'SEND', action: 'NotifyPeriodicEventStream', raw: '[6,"42","NotifyPeriodicEventStream",{"id":1}]' }), '{"id":1}');
  assert.equal(body({ raw: '[2, "42", "BootNotification", {}]' }), 'raw [2, "42", "BootNotification", {}]', 'spaces: the whole frame');
  assert.equal(body({ id: 'a"b', raw: '[2,"a\\"b","BootNotification",{}]' }), 'raw [2,"a\\"b","BootNotification",{}]', 'an id JSON escapes');
  assert.equal(body({ raw: '[2,"42","Heartbeat",{}]' }), 'raw [2,"42","Heartbeat",{}]', 'an action the fields do not name');
  assert.equal(body({ type: 'INVALID', id: null, action: null, raw: '' }), 'raw ');
  assert.equal(body({ type: 'INVALID', id: null, action: null, raw: 'x\r\n\u001b[2J\u0085\u2028\u202e 100%' }), 'raw% x%0D%0A%1B[2J%C2%85%E2%80%A8%E2%80%AE 100%25');
  assert.equal(body({ raw: '[2,"42","BootNotification",{"v":"50%"}]' }), '{"v":"50%"}', 'a percent sign alone needs no escape');
});

test('every entry reads back unchanged, however odd (seeded random entries)', () => {
  let seed = 24;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const pieces = ['CP1', 'a', ' ', '%', '%20', '→', '-', '""', '"', '\\', '[', ']', ',', '=', '\n', '\r', '\u001b[31m', '\u0085', '\u2028', '\u202e', 'é', '😀', '\t', 'raw ', '{}', '\u200b'];
  const text = () => Array.from({ length: Math.floor(random() * 4) }, () => pick(pieces)).join('');
  const types: FrameType[] = ['CALL', 'CALLRESULT', 'CALLERROR', 'CALLRESULTERROR', 'SEND', 'INVALID'];
  const tags: Tag[] = ['fixed', 'blocked', 'injected', 'dropped', 'queued', 'replayed'];
  const digit: Record<FrameType, string> = { CALL: '2', CALLRESULT: '3', CALLERROR: '4', CALLRESULTERROR: '5', SEND: '6', INVALID: '' };
  const formatter = new TextLineFormatter();
  for (let i = 0; i < 3000; i++) {
    const type = pick(types);
    const id = random() < 0.1 ? null : pick(['1', 'abc-42', '', text()]);
    const action = random() < 0.2 ? null : pick(['Heartbeat', '', text()]);
    const payload = pick(['{}', '{"a":"b c"}', '[true]', '"x"', '1', `{"t":${JSON.stringify(text())}}`, text()]);
    const raw = type === 'INVALID' || random() < 0.1
      ? text()
      : type === 'CALL' || type === 'SEND'
        ? `[${digit[type]},${JSON.stringify(id ?? '')},${JSON.stringify(action ?? '')},${payload}]`
        : `[${digit[type]},${JSON.stringify(id ?? '')},${payload}]`;
    const entry: MessageLogEntry = {
      ts: new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * 86_400_000)).toISOString(),
      charger: text() || 'CP',
      from: pick(['charger', 'primary', 'proxy', text()]),
      to: pick(['charger', 'secondary', 'proxy', text()]),
      type,
      id,
      action,
      tags: tags.filter(() => random() < 0.15),
      raw,
    };
    if (random() < 0.1) Object.assign(entry, { protocol: pick(['ocpp1.6', text()]), protocol_source: pick(['subprotocol', text()]) });
    const line = inZone(pick(['UTC', 'Europe/Berlin', 'America/St_Johns', 'Asia/Kolkata']), () => formatter.line(entry));
    assert.equal(line.indexOf('\n'), line.length - 1, `one line: ${JSON.stringify(line)}`);
    assert.doesNotMatch(line.slice(0, -1), /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202e\u200b]/, `nothing a terminal acts on: ${JSON.stringify(line)}`);
    assert.deepEqual(parseTextLine(line.slice(0, -1)), entry, JSON.stringify(line));
  }
});

test('lines that are not message log lines say why', () => {
  assert.throws(() => parseTextLine('hello'), /not a message log entry/);
  assert.throws(() => parseTextLine('2026-11-21 21:44:54.123+01:00 CP1 charger→primary CALL'), /not a message log entry \(5 of 9 fields\)/);
  assert.throws(() => parseTextLine('2026-11-21 noon CP1 charger→primary CALL Heartbeat 1 [] {}'), /no time stamp/);
  assert.throws(() => parseTextLine('2026-11-21 21:44:54.123+01:00 CP1 charger-primary CALL Heartbeat 1 [] {}'), /no from→to/);
  assert.throws(() => parseTextLine('2026-11-21 21:44:54.123+01:00 CP1 charger→primary PING Heartbeat 1 [] {}'), /unknown type 'PING'/);
  assert.throws(() => parseTextLine('2026-11-21 21:44:54.123+01:00 CP%zz charger→primary CALL Heartbeat 1 [] {}'), /bad %-escape in charger/);
  assert.throws(() => parseTextLine('2026-11-21 21:44:54.123+01:00 CP1 charger→primary CALL - 1 [] {}'), /needs an action/);
  const entry = parseTextLine('2026-11-21 21:44:54.123+01:00 CP1 charger→primary CALL Heartbeat 1 [queued] {}');
  assert.deepEqual(entry, { ts: '2026-11-21T20:44:54.123Z', charger: 'CP1', from: 'charger', to: 'primary', type: 'CALL', id: '1', action: 'Heartbeat', tags: ['queued'], raw: '[2,"1","Heartbeat",{}]' });
});
