// Bad input from the charger or an upstream is answered or dropped, never forwarded.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cleanupAfter, iniFor, rawCharger, startProxy, startRawCsms, waitUntil, within, type RawCharger, type RawPeer, type TestProxy } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

async function setup(protocol: string, extraIni = ''): Promise<{ proxy: TestProxy; primary: RawPeer; charger: RawCharger }> {
  const primary = await startRawCsms([protocol]);
  const proxy = await startProxy(iniFor(primary.url) + extraIni);
  const charger = await rawCharger(proxy.port, '/BAD', [protocol]);
  await primary.nextSocket();
  cleanups.push(() => charger.ws.terminate(), () => primary.close(), () => proxy.close());
  return { proxy, primary, charger };
}

/** Sends a valid Call after the bad frames: the first frame the primary gets must be that one. */
async function assertNothingForwarded(charger: RawCharger, primary: RawPeer): Promise<void> {
  charger.ws.send('[2,"ok","Heartbeat",{}]');
  assert.equal(await primary.nextFrame(), '[2,"ok","Heartbeat",{}]');
  assert.equal(primary.received.length, 1);
}

const cases: Array<[string, string, Record<string, [string, string]>]> = [
  // frame, what, expected [id, code] per version
  ['hello', 'not JSON', { 'ocpp1.6': ['-1', 'FormationViolation'], 'ocpp2.0.1': ['-1', 'RpcFrameworkError'] }],
  ['[2,"a","Heart', 'truncated', { 'ocpp1.6': ['-1', 'FormationViolation'], 'ocpp2.0.1': ['-1', 'RpcFrameworkError'] }],
  ['{"a":1}', 'not an array', { 'ocpp1.6': ['-1', 'FormationViolation'], 'ocpp2.0.1': ['-1', 'RpcFrameworkError'] }],
  ['[2,"id1","Heartbeat"]', 'too short', { 'ocpp1.6': ['id1', 'ProtocolError'], 'ocpp2.0.1': ['id1', 'RpcFrameworkError'] }],
  ['[2,"id2","Heartbeat",{},"x"]', 'too long', { 'ocpp1.6': ['id2', 'ProtocolError'], 'ocpp2.0.1': ['id2', 'RpcFrameworkError'] }],
  ['[2,"id3","Heartbeat","x"]', 'payload not an object', { 'ocpp1.6': ['id3', 'FormationViolation'], 'ocpp2.0.1': ['id3', 'FormatViolation'] }],
  ['["2","id4","Heartbeat",{}]', 'type not a number', { 'ocpp1.6': ['id4', 'ProtocolError'], 'ocpp2.0.1': ['id4', 'RpcFrameworkError'] }],
  ['[2,5,"Heartbeat",{}]', 'id not a string', { 'ocpp1.6': ['-1', 'ProtocolError'], 'ocpp2.0.1': ['-1', 'RpcFrameworkError'] }],
  ['[3,"id5"]', 'result without payload', { 'ocpp1.6': ['id5', 'ProtocolError'], 'ocpp2.0.1': ['id5', 'RpcFrameworkError'] }],
];

for (const protocol of ['ocpp1.6', 'ocpp2.0.1']) {
  describe(`bad charger frames in ${protocol}`, () => {
    test('each gets a CallError in the version\'s terms and is never forwarded', async () => {
      const { proxy, primary, charger } = await setup(protocol);
      for (const [frame, what, expected] of cases) {
        charger.ws.send(frame);
        const reply = JSON.parse(await charger.nextFrame());
        assert.deepEqual(reply.slice(0, 3), [4, ...expected[protocol]!], what);
        assert.equal(typeof reply[3], 'string');
        assert.ok(reply[3].length <= 255);
        assert.deepEqual(reply[4], {});
      }
      await assertNothingForwarded(charger, primary);
      const invalid = proxy.entries.filter((e) => e.type === 'INVALID');
      assert.equal(invalid.length, cases.length);
      assert.deepEqual(invalid.map((e) => e.raw), cases.map(([frame]) => frame), 'logged as received');
    });

    test('an unknown message type: ignored in 1.6, MessageTypeNotSupported in 2.0.1', async () => {
      const { primary, charger } = await setup(protocol);
      charger.ws.send('[7,"u1",{}]');
      charger.ws.send('[6,"u2","Heartbeat",{}]'); // SEND exists only in 2.1
      if (protocol === 'ocpp2.0.1') {
        assert.deepEqual(JSON.parse(await charger.nextFrame()).slice(0, 3), [4, 'u1', 'MessageTypeNotSupported']);
        assert.deepEqual(JSON.parse(await charger.nextFrame()).slice(0, 3), [4, 'u2', 'MessageTypeNotSupported']);
      }
      await assertNothingForwarded(charger, primary);
      charger.ws.send('[2,"after","Heartbeat",{}]');
      await primary.nextFrame();
      primary.sockets[0]!.send('[3,"after",{"currentTime":"2026-01-01T00:00:00.000Z"}]');
      // In 1.6 nothing came back for the unknown types: the next frame is the Heartbeat answer.
      assert.equal(await charger.nextFrame(), '[3,"after",{"currentTime":"2026-01-01T00:00:00.000Z"}]');
    });
  });
}

describe('closing on bad input', () => {
  test('an empty frame is ignored', async () => {
    const { primary, charger, proxy } = await setup('ocpp1.6');
    charger.ws.send('');
    await proxy.entry((e) => e.type === 'INVALID' && e.raw === '', 'the empty frame in the log');
    await assertNothingForwarded(charger, primary);
  });

  test('10 bad frames in a row close with 1002', async () => {
    const { charger } = await setup('ocpp1.6');
    for (let i = 0; i < 10; i++) charger.ws.send('garbage');
    const { code } = await within(charger.closed, 'the close');
    assert.equal(code, 1002);
  });

  test('a binary frame closes with 1003', async () => {
    const { charger } = await setup('ocpp1.6');
    charger.ws.send(Buffer.from('[2,"b","Heartbeat",{}]'), { binary: true });
    assert.equal((await within(charger.closed, 'the close')).code, 1003);
  });

  test('a frame over max_message_size closes with 1009, and the session ends', async () => {
    const { charger, proxy, primary } = await setup('ocpp1.6', '[host]\nmax_message_size = 1024\n');
    charger.ws.send(`[2,"big","DataTransfer",{"vendorId":"v","data":"${'x'.repeat(2000)}"}]`);
    assert.equal((await within(charger.closed, 'the close')).code, 1009);
    await within(primary.sockets[0]!.readyState === 3 ? Promise.resolve() : new Promise((r) => primary.sockets[0]!.once('close', r)), 'the primary link to close');
    assert.equal(proxy.daemon.server.sessions.size, 0);
  });

  test('invalid UTF-8 closes with 1007', async () => {
    const { charger } = await setup('ocpp1.6');
    // ws validates outgoing text too, so write a hand-masked text frame with bytes 0xC3 0x28.
    const payload = Buffer.from([0x5b, 0xc3, 0x28, 0x5d]);
    const mask = Buffer.from([1, 2, 3, 4]);
    const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
    const socket = (charger.ws as unknown as { _socket: import('node:net').Socket })._socket;
    socket.write(Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]));
    assert.equal((await within(charger.closed, 'the close')).code, 1007);
  });
});

describe('bad frames from an upstream', () => {
  test('are logged and dropped, never sent to the charger', async () => {
    const { primary, charger, proxy } = await setup('ocpp1.6');
    const p = primary.sockets[0]!;
    for (const frame of ['nonsense', '[2,"x"]', '{"a":1}', '[9,"t",{}]']) p.send(frame);
    p.send(Buffer.from('[2,"bin","Reset",{"type":"Hard"}]'), { binary: true });
    p.send('[2,"good","Reset",{"type":"Hard"}]');
    const first = JSON.parse(await charger.nextFrame());
    assert.equal(first[2], 'Reset');
    assert.deepEqual(first[3], { type: 'Hard' });
    const dropped = proxy.entries.filter((e) => e.from === 'primary' && e.type === 'INVALID');
    assert.equal(dropped.length, 5);
    for (const entry of dropped) assert.deepEqual(entry.tags, ['dropped']);
  });
});

// Names that every plain JavaScript object answers to: a frame carrying one as its action must
// find nothing in the proxy's tables (a TypeError here once escaped the session).
const INHERITED = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];

describe('actions named like what every object inherits', () => {
  for (const [protocol, secondaryProtocol] of [['ocpp1.6', 'ocpp1.6'], ['ocpp2.0.1', 'ocpp2.0.1'], ['ocpp2.0.1', 'ocpp1.6']] as const) {
    test(`${protocol} charger, ${secondaryProtocol} secondary: Calls both ways are handled as unknown actions, no internal error`, async () => {
      const primary = await startRawCsms([protocol]);
      const secondary = await startRawCsms([secondaryProtocol]);
      const proxy = await startProxy(`${iniFor(primary.url)}[upstream.other]\nurl = ${secondary.url}\nprotocol = ${secondaryProtocol}\n`);
      const charger = await rawCharger(proxy.port, '/INHERIT', [protocol]);
      cleanups.push(() => charger.ws.terminate(), () => primary.close(), () => secondary.close(), () => proxy.close());
      const p = await primary.nextSocket();
      const s = await secondary.nextSocket();
      const answered = new Map<string, number>();
      charger.ws.on('message', (data) => {
        const frame = JSON.parse(data.toString());
        if (frame[0] === 2) charger.ws.send(JSON.stringify([3, frame[1], {}])); // the charger answers whatever it is asked
        else answered.set(frame[1], (answered.get(frame[1]) ?? 0) + 1);
      });
      const payload = { transactionId: 1, connectorId: 1, idTag: 'A', idToken: { idToken: 'A', type: 'ISO14443' }, meterValue: [], evse: { id: 1 } };
      for (const [i, action] of INHERITED.entries()) {
        charger.ws.send(JSON.stringify([2, `c${i}`, action, payload]));
        p.send(JSON.stringify([2, `p${i}`, action, payload]));
        s.send(JSON.stringify([2, `s${i}`, action, payload]));
      }
      // Everything sent before these round trips has been handled once they are back.
      p.send('[2,"p-last","Reset",{"type":"Soft"}]'.replace('"Soft"', protocol === 'ocpp1.6' ? '"Soft"' : '"OnIdle"'));
      charger.ws.send('[2,"last","Heartbeat",{}]');
      await waitUntil(() => primary.received.some((f) => f.startsWith('[3,"p-last"')), "the primary's last Call answered");
      await waitUntil(() => primary.received.some((f) => f.startsWith('[2,"last"')), 'the Heartbeat at the primary');
      p.send('[3,"last",{"currentTime":"2026-12-02T00:00:00.000Z"}]');
      await waitUntil(() => answered.has('last'), 'the Heartbeat answer');
      assert.deepEqual(proxy.console.filter((line) => line.includes('internal error')), []);
      for (const count of answered.values()) assert.equal(count, 1, 'each charger Call answered at most once');
      assert.equal(charger.ws.readyState, charger.ws.OPEN);
    });
  }
});

test('a bug met while handling one frame is logged with the frame and drops that frame only: the session goes on, both ways', async () => {
  const primary = await startRawCsms(['ocpp1.6']);
  const proxy = await startProxy(iniFor(primary.url));
  const charger = await rawCharger(proxy.port, '/BUGGY', ['ocpp1.6']);
  cleanups.push(() => charger.ws.terminate(), () => primary.close(), () => proxy.close());
  const p = await primary.nextSocket();
  const session = proxy.daemon.server.sessions.get('BUGGY')!;
  // Stand-ins for bugs: one in the charger's direction (after forwarding), one in the upstream's.
  session.memory.rememberCall = () => {
    throw new TypeError('charger-side bug');
  };
  const routing = (session as unknown as { routing: { transactions: { upstreamCall: () => never } } }).routing;
  routing.transactions.upstreamCall = () => {
    throw new TypeError('upstream-side bug');
  };
  charger.ws.send('[2,"h1","Heartbeat",{}]');
  assert.equal(await primary.nextFrame(), '[2,"h1","Heartbeat",{}]');
  p.send('[2,"r1","Reset",{"type":"Soft"}]');
  await waitUntil(() => proxy.console.filter((line) => line.includes('internal error')).length === 2, 'both bugs logged');
  const lines = proxy.console.filter((line) => line.includes('internal error'));
  assert.match(lines[0]!, /BUGGY.*internal error on a frame from the charger, dropped: \[2,"h1","Heartbeat",\{\}\]: TypeError: charger-side bug/);
  assert.match(lines[1]!, /internal error on a frame from primary, dropped: \[2,"r1","Reset",\{"type":"Soft"\}\]: TypeError: upstream-side bug/);
  // Both directions still work.
  p.send('[3,"h1",{"currentTime":"2026-12-02T00:00:00.000Z"}]');
  assert.equal(await charger.nextFrame(), '[3,"h1",{"currentTime":"2026-12-02T00:00:00.000Z"}]');
  assert.equal(charger.ws.readyState, charger.ws.OPEN);
});
