// Property-based fuzzing of both sides of the proxy with fast-check: valid and mutated OCPP-J
// frames (random types, ids, truncations, huge numbers, deep nesting, lone surrogates, duplicate
// keys, binary). The daemon never crashes, never forwards an invalid frame, answers each charger
// Call at most once, keeps its id mappings straight, and another charger's traffic goes on.
// FUZZ_RUNS raises the number of cases (`npm run fuzz`: 100 000).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { WebSocket } from 'ws';
import { parseFrame } from '../../src/ocpp/frame.ts';
import { versionRules } from '../../src/ocpp/versions.ts';
import { cleanupAfter, iniFor, rawCharger, startProxy, startRawCsms, waitUntil, type RawCharger } from '../helpers/peers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const v16 = versionRules('ocpp1.6').messageTypes;
const cleanups = cleanupAfter();

const id = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('1', '-1', '', 'a"b', '\ud800', '\u2028'));
// Names every plain object inherits are asked for on purpose: tables keyed by action must not find them.
const action = fc.oneof(
  fc.constantFrom('Heartbeat', 'BootNotification', 'StatusNotification', 'MeterValues', 'DataTransfer', 'Reset', 'RemoteStopTransaction', 'SetChargingProfile'),
  fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'),
  fc.string({ maxLength: 20 }),
);
const payload = fc.oneof(
  fc.object({ maxDepth: 3 }).map((o) => JSON.stringify(o)),
  fc.constantFrom('{"n":9007199254740993}', '{"x":1e400}', '{"idTag":"A","idTag":"B"}', '{"s":"\\ud800"}', `{"d":${'['.repeat(3000)}${']'.repeat(3000)}}`, '{"t":"0000-00-00T00:00:00.000Z","timestamp":""}', '{"transactionId":1}', '{"csChargingProfiles":{"transactionId":"x"}}'),
);
const validFrame = fc.oneof(
  fc.tuple(id, action, payload).map(([i, a, p]) => `[2,${JSON.stringify(i)},${JSON.stringify(a)},${p}]`),
  fc.tuple(id, payload).map(([i, p]) => `[3,${JSON.stringify(i)},${p}]`),
  fc.tuple(id, fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })).map(([i, c, d]) => `[4,${JSON.stringify(i)},${JSON.stringify(c)},${JSON.stringify(d)},{}]`),
);
/** Valid frames, then cut, spliced, retyped or replaced by junk. */
const frame = fc.oneof(
  validFrame,
  fc.tuple(validFrame, fc.nat()).map(([f, n]) => f.slice(0, n % (f.length + 1))),
  fc.tuple(validFrame, fc.nat(), fc.string({ maxLength: 5 })).map(([f, n, junk]) => f.slice(0, n % f.length) + junk + f.slice(n % f.length)),
  fc.tuple(fc.constantFrom('0', '1', '5', '6', '7', '99', '2.5', '"2"', '-1', '1e309', 'null'), id).map(([t, i]) => `[${t},${JSON.stringify(i)},"X",{}]`),
  fc.constantFrom('', ' ', 'null', '[]', '{}', '"3"', '42', '\ufeff[2,"1","Heartbeat",{}]', '[2,"1"', '[2]'),
  fc.string({ maxLength: 60 }),
);

/** Every frame a peer got from the proxy must be valid OCPP-J. */
function assertAllValid(frames: string[], who: string): void {
  for (const text of frames) {
    const parsed = parseFrame(text, v16);
    assert.ok(parsed.ok || text.startsWith('[4,'), `${who} got an invalid frame: ${JSON.stringify(text.slice(0, 200))}`);
  }
}

test('fuzzing both sides: nothing invalid is forwarded, nothing crashes, every Call is answered at most once', { timeout: RUNS > 1000 ? Infinity : 120_000 }, async () => {
  const primary = await startRawCsms(['ocpp1.6']);
  const proxy = await startProxy(`${iniFor(primary.url)}[host]\ncall_timeout = 0.2\n`);
  cleanups.push(() => primary.close(), () => proxy.close());
  const bystander = await rawCharger(proxy.port, '/BYSTANDER');
  cleanups.push(() => bystander.ws.terminate());
  // The primary answers each valid charger Call once, so answers can be counted per id.
  const answering = new WeakSet<WebSocket>();
  const answerCalls = () => {
    for (const ws of primary.sockets) {
      if (answering.has(ws)) continue;
      answering.add(ws);
      ws.on('message', (data) => {
        const parsed = parseFrame(data.toString(), v16);
        if (parsed.ok && parsed.frame.type === 2) ws.send(JSON.stringify([3, parsed.frame.id, {}]));
      });
    }
  };

  let round = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 8 }), fc.array(frame, { maxLength: 4 }), fc.boolean(), async (fromCharger, fromPrimary, binary) => {
      const name = `FUZZ${round++ % 50}`;
      let charger: RawCharger;
      try {
        charger = await rawCharger(proxy.port, `/${name}`);
      } catch {
        return; // the previous connection of this id is still being replaced
      }
      const received: string[] = [];
      charger.ws.on('message', (data) => received.push(data.toString()));
      await waitUntil(() => proxy.daemon.server.sessions.get(name)?.primary.isOpen === true, 'the primary link', 15_000);
      const upstream = primary.sockets.at(-1)!;
      answerCalls();
      const before = primary.received.length;
      const consoleBefore = proxy.console.length;
      for (const f of fromCharger) if (charger.ws.readyState === charger.ws.OPEN) charger.ws.send(f);
      if (binary && charger.ws.readyState === charger.ws.OPEN) charger.ws.send(Buffer.from('[2,"b","Heartbeat",{}]'), { binary: true });
      for (const f of fromPrimary) upstream.send(f);
      // A marker round trip: when its answer is back, everything sent before it was handled.
      if (charger.ws.readyState === charger.ws.OPEN) {
        charger.ws.send('[2,"marker","Heartbeat",{}]');
        await waitUntil(() => received.some((r) => r.startsWith('[3,"marker"')) || charger.ws.readyState !== charger.ws.OPEN, 'the marker answer', 15_000);
      }
      assert.deepEqual(proxy.console.slice(consoleBefore).filter((line) => line.includes('internal error')), [], 'a frame met a bug in the proxy');
      assertAllValid(primary.received.slice(before), 'the primary');
      assertAllValid(received, 'the charger');
      const answers = new Map<string, number>();
      for (const r of received) if (r.startsWith('[3,')) answers.set(JSON.parse(r)[1], (answers.get(JSON.parse(r)[1]) ?? 0) + 1);
      const duplicates = fromCharger.filter((f) => f.startsWith('[2,')).map((f) => {
        try {
          return JSON.parse(f)[1];
        } catch {
          return null;
        }
      });
      for (const [answered, count] of answers) {
        const sent = duplicates.filter((d) => d === answered).length + (answered === 'marker' ? 1 : 0);
        assert.ok(count <= Math.max(1, sent), `answer ${JSON.stringify(answered)} came ${count} times for ${sent} calls`);
      }
      charger.ws.terminate();
      // The bystander is unaffected.
      bystander.ws.send(`[2,"by${round}","Heartbeat",{}]`);
      await waitUntil(() => primary.received.some((r) => r.includes(`"by${round}"`)), 'the bystander call', 15_000);
    }),
    // Shrinking a failure replays whole connections: bounded, so a failing run ends (fast-check
    // still reports the failure and its seed when interrupted).
    { numRuns: RUNS, interruptAfterTimeLimit: RUNS > 1000 ? undefined : 90_000 },
  );
  assert.equal(bystander.ws.readyState, bystander.ws.OPEN);
  assert.deepEqual(proxy.console.filter((line) => line.includes('internal error')), [], 'a frame met a bug in the proxy');
});
