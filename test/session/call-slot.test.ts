// The one Call at a time toward the charger: queue order, the boot hold, answers back to their
// source under its own id, late answers, call_timeout, the proxy's own Calls and autoconfig.
// The session around the slot is a small in-memory SessionCore: no sockets, only what it was given.

import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { CallSlot, MAX_WAITING_PROXY_CALLS, type ProxyCallAnswer } from '../../src/session/call-slot.ts';
import type { UpstreamCall } from '../../src/session/call-queue.ts';
import { BOOT_ACCEPTANCE_TTL_MS, ChargerMemory } from '../../src/session/charger-memory.ts';
import type { Hop, SessionCore } from '../../src/session/session-core.ts';
import type { SessionContext } from '../../src/session/session-context.ts';
import { createLoggers, type Loggers } from '../../src/log/console-log.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { Config } from '../../src/config/config.ts';
import { parseFrame, type Frame } from '../../src/ocpp/frame.ts';
import type { OcppVersion } from '../../src/ocpp/versions.ts';
import type { UpstreamLink } from '../../src/upstream/upstream-link.ts';
import { writeIni } from '../helpers/peers.ts';

/** What CallSlot uses of a link: its name, whether it is open, and send(). */
interface FakeLink {
  name: string;
  isOpen: boolean;
  sent: string[];
  send(data: Buffer | string): void;
}

function fakeLink(name: string): FakeLink {
  return { name, isOpen: true, sent: [], send(data) { this.sent.push(String(data)); } };
}

const asLink = (link: FakeLink) => link as unknown as UpstreamLink;

class FakeSession implements SessionCore {
  readonly chargerId = 'CP1';
  readonly links: readonly UpstreamLink[];
  readonly primary: UpstreamLink;
  readonly memory = new ChargerMemory();
  readonly context: SessionContext;
  readonly log: Loggers;
  readonly protocol: OcppVersion;
  readonly isEnded = false;
  chargerReady = true;
  readonly chargerWritable = true;
  readonly callTimeoutMs: number;
  readonly hops: Hop[] = [];
  readonly toCharger: string[] = [];
  readonly console: string[] = [];

  constructor(links: FakeLink[], options: { protocol?: OcppVersion; callTimeoutMs?: number; config?: Config } = {}) {
    this.links = links.map(asLink);
    this.primary = this.links[0]!;
    this.protocol = options.protocol ?? 'ocpp1.6';
    this.callTimeoutMs = options.callTimeoutMs ?? 1000;
    this.context = { config: options.config ?? configWith('') } as SessionContext;
    this.log = createLoggers({ proxy: 'DEBUG', client: 'DEBUG', server: 'DEBUG' }, (line) => this.console.push(line));
  }

  record(hop: Hop): void {
    this.hops.push(hop);
  }

  sendToCharger(data: Buffer | string): void {
    this.toCharger.push(String(data));
  }

  answerCharger(_action: string, data: Buffer | string): void {
    this.sendToCharger(data);
  }

  holdBack(): void {}

  /** The last Call the charger got: its proxy id, action and payload. */
  lastCall(): { id: string; action: string; payload: Record<string, unknown> } {
    const [, id, action, payload] = JSON.parse(this.toCharger.at(-1)!) as [number, string, string, Record<string, unknown>];
    return { id, action, payload };
  }
}

function configWith(extra: string): Config {
  const { config, problems } = loadConfig({ config: writeIni(`[ext-server]\nserver = ws://127.0.0.1:1\n${extra}`) });
  assert.deepEqual(problems, []);
  return config!;
}

function setup(options: { protocol?: OcppVersion; callTimeoutMs?: number; config?: Config; bootAccepted?: boolean } = {}) {
  const primary = fakeLink('primary');
  const secondary = fakeLink('secondary');
  const fleet = fakeLink('fleet');
  const session = new FakeSession([primary, secondary, fleet], options);
  if (options.bootAccepted !== false) session.memory.bootAnswered(true);
  const slot = new CallSlot(session);
  return { primary, secondary, fleet, session, slot };
}

/** An upstream Call as the session pushes it: the text as it arrived, its id and id literal. */
function callFrom(link: FakeLink, id: string, action: string, payload: Record<string, unknown> = {}, idLiteral = JSON.stringify(id)): UpstreamCall<UpstreamLink> {
  return { source: asLink(link), id, idLiteral, action, text: `[2,${idLiteral},${JSON.stringify(action)},${JSON.stringify(payload)}]` };
}

/** The charger answers: `body` follows the id (`{...}` for a CallResult, `"Code","text",{}` for a CallError). */
function chargerAnswers(slot: CallSlot, type: 3 | 4, id: string, body: string): string {
  const text = `[${type},${JSON.stringify(id)},${body}]`;
  const parsed = parseFrame(text, new Set([2, 3, 4]));
  assert.ok(parsed.ok, text);
  slot.answered(parsed.frame as Exclude<Frame, { type: 2 | 5 | 6 }>, text, new Date().toISOString());
  return text;
}

/**
 * How a promise stands after the microtasks queued so far (setImmediate is not among the mocked
 * timers): 'resolved', the rejection's message, or 'pending'. Never waits for the promise itself.
 */
async function outcomeNow(promise: Promise<unknown>): Promise<string> {
  let outcome = 'pending';
  promise.then(() => (outcome = 'resolved'), (error: Error) => (outcome = error.message));
  await new Promise((resolve) => setImmediate(resolve));
  return outcome;
}

test('a Call goes to the charger at once under a fresh id; the answer goes back to its source alone, under the bytes of its own id', () => {
  const { primary, secondary, session, slot } = setup();
  const literal = '"s\\u002d1"'; // the id `s-1`, written with an escape the answer must keep
  slot.push(callFrom(secondary, 's-1', 'GetConfiguration', { key: ['HeartbeatInterval'] }, literal));
  assert.equal(session.toCharger.length, 1);
  const out = session.lastCall();
  assert.notEqual(out.id, 's-1');
  assert.match(out.id, /^[0-9a-f-]{36}$/);
  assert.deepEqual([out.action, out.payload], ['GetConfiguration', { key: ['HeartbeatInterval'] }]);
  assert.deepEqual(session.hops.map((h) => [h.from, h.to, h.type, h.id, h.action, h.tags]), [['secondary', 'charger', 'CALL', out.id, 'GetConfiguration', []]]);
  assert.equal(slot.queuedCalls, 1, 'the one in flight');

  chargerAnswers(slot, 3, out.id, '{"configurationKey":[]}');
  assert.deepEqual(secondary.sent, [`[3,${literal},{"configurationKey":[]}]`]);
  assert.deepEqual(primary.sent, [], 'nobody else gets it');
  assert.deepEqual(session.hops.slice(1).map((h) => [h.from, h.to, h.type, h.id, h.action, h.tags]), [['charger', 'secondary', 'CALLRESULT', 's-1', 'GetConfiguration', []]]);
  assert.equal(slot.queuedCalls, 0);

  slot.push(callFrom(secondary, 's-2', 'Reset', { type: 'Soft' }));
  chargerAnswers(slot, 4, session.lastCall().id, '"NotSupported","no",{}');
  assert.deepEqual(secondary.sent.at(-1), '[4,"s-2","NotSupported","no",{}]', 'a CallError goes back the same way');
});

test('one Call in flight; the proxy\'s own go first, then the primary\'s, then the others in arrival order', async () => {
  const { primary, secondary, fleet, session, slot } = setup();
  slot.push(callFrom(secondary, 'A', 'DataTransfer', { vendorId: 'A' }));
  slot.push(callFrom(secondary, 'B', 'DataTransfer', { vendorId: 'B' }));
  slot.push(callFrom(primary, 'P1', 'DataTransfer', { vendorId: 'P1' }));
  slot.push(callFrom(fleet, 'C', 'DataTransfer', { vendorId: 'C' }));
  slot.push(callFrom(primary, 'P2', 'DataTransfer', { vendorId: 'P2' }));
  const own = slot.proxyCall('DataTransfer', { vendorId: 'X' });
  assert.equal(session.toCharger.length, 1, 'only the first is out');
  assert.equal(slot.queuedCalls, 6);
  assert.equal(slot.countFor(asLink(secondary)), 1);
  assert.equal(slot.countFor(asLink(primary)), 2);
  assert.equal(slot.countFor(asLink(fleet)), 1);

  const order: string[] = [];
  for (let i = 0; i < 6; i++) {
    assert.equal(session.toCharger.length, i + 1, 'the next goes only when the previous is answered');
    const { id, payload } = session.lastCall();
    order.push(String(payload.vendorId));
    chargerAnswers(slot, 3, id, `{"status":"Accepted","data":"${String(payload.vendorId)}"}`);
  }
  assert.deepEqual(order, ['A', 'X', 'P1', 'P2', 'B', 'C']);
  assert.equal(await outcomeNow(own), 'resolved');
  assert.deepEqual(await own, { type: 'CALLRESULT', payload: { status: 'Accepted', data: 'X' } } satisfies ProxyCallAnswer);
  assert.deepEqual([primary.sent, secondary.sent, fleet.sent], [
    ['[3,"P1",{"status":"Accepted","data":"P1"}]', '[3,"P2",{"status":"Accepted","data":"P2"}]'],
    ['[3,"A",{"status":"Accepted","data":"A"}]', '[3,"B",{"status":"Accepted","data":"B"}]'],
    ['[3,"C",{"status":"Accepted","data":"C"}]'],
  ], 'each answer to its own source; the proxy\'s to none');
  const calls = session.hops.filter((h) => h.type === 'CALL');
  assert.deepEqual(calls.map((h) => [h.from, h.tags]), [
    ['secondary', []],
    ['proxy', ['injected']],
    ['primary', ['queued']],
    ['primary', ['queued']],
    ['secondary', ['queued']],
    ['fleet', ['queued']],
  ]);
  assert.equal(slot.queuedCalls, 0);
});

test('the other upstreams\' Calls wait until the primary has accepted the boot; the primary\'s go at once', () => {
  const { primary, secondary, session, slot } = setup({ bootAccepted: false });
  slot.push(callFrom(secondary, 'S', 'TriggerMessage', { requestedMessage: 'StatusNotification' }));
  assert.deepEqual(session.toCharger, [], 'held');
  slot.push(callFrom(primary, 'P', 'GetConfiguration'));
  assert.equal(session.lastCall().action, 'GetConfiguration');
  chargerAnswers(slot, 3, session.lastCall().id, '{}');
  assert.equal(session.toCharger.length, 1, 'still held after the primary\'s answer');

  session.memory.bootAnswered(true, Date.now() - BOOT_ACCEPTANCE_TTL_MS);
  slot.sendNext();
  assert.equal(session.toCharger.length, 1, 'an acceptance older than its TTL holds them too');
  session.memory.bootAnswered(false);
  slot.sendNext();
  assert.equal(session.toCharger.length, 1, 'a rejected boot holds them');

  session.memory.bootAnswered(true);
  slot.sendNext();
  assert.equal(session.lastCall().action, 'TriggerMessage');
  assert.deepEqual(session.hops.at(-1)!.tags, ['queued']);
});

test('nothing goes to a charger that is not ready; a proxy Call is refused at once then', async () => {
  const { primary, session, slot } = setup();
  session.chargerReady = false;
  slot.push(callFrom(primary, 'P', 'Reset', { type: 'Soft' }));
  assert.deepEqual(session.toCharger, []);
  assert.equal(await outcomeNow(slot.proxyCall('Reset', { type: 'Hard' })), 'CP1 is not connected');
  session.chargerReady = true;
  slot.sendNext();
  assert.deepEqual(session.lastCall().payload, { type: 'Soft' }, 'the refused proxy Call was not queued');
  assert.equal(slot.queuedCalls, 1);
});

test('an answer to no pending Call is dropped and logged; an answer for a source that went away is dropped', () => {
  const { primary, secondary, session, slot } = setup();
  chargerAnswers(slot, 3, 'nobody-asked', '{}');
  assert.deepEqual(session.hops.map((h) => [h.from, h.to, h.type, h.id, h.tags]), [['charger', 'proxy', 'CALLRESULT', 'nobody-asked', ['dropped']]]);
  assert.ok(session.console.some((l) => /CALLRESULT nobody-asked answers no pending call \(late or unknown\), dropped/.test(l)));

  slot.push(callFrom(secondary, 'S1', 'GetConfiguration'));
  const inFlight = session.lastCall().id;
  chargerAnswers(slot, 3, 'not-that-one', '{}');
  assert.equal(slot.queuedCalls, 1, 'a wrong id does not free the slot');
  assert.deepEqual(secondary.sent, []);
  chargerAnswers(slot, 3, inFlight, '{"configurationKey":[]}');
  assert.deepEqual(secondary.sent, ['[3,"S1",{"configurationKey":[]}]']);

  slot.push(callFrom(secondary, 'S2', 'GetConfiguration'));
  slot.push(callFrom(primary, 'P', 'Reset', { type: 'Soft' }));
  secondary.isOpen = false;
  chargerAnswers(slot, 3, session.lastCall().id, '{"configurationKey":[]}');
  assert.deepEqual(secondary.sent, ['[3,"S1",{"configurationKey":[]}]'], 'nothing sent to a closed link');
  assert.deepEqual([session.hops.at(-2)!.to, session.hops.at(-2)!.tags], ['proxy', ['dropped']]);
  assert.ok(session.console.some((l) => /answer to secondary's GetConfiguration dropped, secondary is not connected/.test(l)));
  assert.equal(session.lastCall().action, 'Reset', 'and the slot moved on');
});

test('call_timeout frees the slot for the next Call; the late answer is then dropped', (t: TestContext) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { primary, session, slot } = setup({ callTimeoutMs: 1000 });
  slot.push(callFrom(primary, 'P1', 'Reset', { type: 'Soft' }));
  const first = session.lastCall().id;
  slot.push(callFrom(primary, 'P2', 'GetConfiguration'));
  t.mock.timers.tick(999);
  assert.equal(session.toCharger.length, 1);
  t.mock.timers.tick(1);
  assert.equal(session.toCharger.length, 2);
  assert.equal(session.lastCall().action, 'GetConfiguration');
  assert.ok(session.console.some((l) => /WARNING proxy: no answer to primary's Reset within call_timeout, slot freed/.test(l)));

  chargerAnswers(slot, 3, first, '{"status":"Accepted"}');
  assert.deepEqual(primary.sent, [], 'the late answer goes nowhere');
  assert.deepEqual(session.hops.at(-1)!.tags, ['dropped']);
  chargerAnswers(slot, 3, session.lastCall().id, '{"configurationKey":[]}');
  assert.deepEqual(primary.sent, ['[3,"P2",{"configurationKey":[]}]']);

  slot.push(callFrom(primary, 'P3', 'Reset', { type: 'Soft' }));
  chargerAnswers(slot, 3, session.lastCall().id, '{"status":"Accepted"}');
  t.mock.timers.tick(5000);
  assert.equal(session.console.filter((l) => /within call_timeout/.test(l)).length, 1, 'an answered Call does not time out');
});

test('a proxy Call resolves with the charger\'s answer and reaches no upstream; CallErrors resolve with no payload', async () => {
  const { primary, secondary, session, slot } = setup();
  const pending = slot.proxyCall('TriggerMessage', { requestedMessage: 'Heartbeat' });
  const out = session.lastCall();
  assert.deepEqual([out.action, out.payload], ['TriggerMessage', { requestedMessage: 'Heartbeat' }]);
  assert.deepEqual([session.hops[0]!.from, session.hops[0]!.tags], ['proxy', ['injected']]);
  chargerAnswers(slot, 3, out.id, '{"status":"Accepted"}');
  assert.equal(await outcomeNow(pending), 'resolved');
  assert.deepEqual(await pending, { type: 'CALLRESULT', payload: { status: 'Accepted' } });
  assert.deepEqual([session.hops[1]!.from, session.hops[1]!.to, session.hops[1]!.tags], ['charger', 'proxy', ['injected']]);

  const failing = slot.proxyCall('Reset', { type: 'Hard' });
  chargerAnswers(slot, 4, session.lastCall().id, '"NotImplemented","",{}');
  assert.equal(await outcomeNow(failing), 'resolved');
  assert.deepEqual(await failing, { type: 'CALLERROR', payload: null });
  assert.deepEqual([primary.sent, secondary.sent], [[], []]);
});

test(`proxy Calls: more than ${MAX_WAITING_PROXY_CALLS} waiting are refused at once; one that waits past twice call_timeout is rejected`, async (t: TestContext) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { primary, session, slot } = setup({ callTimeoutMs: 1000 });
  slot.push(callFrom(primary, 'P', 'GetConfiguration')); // the charger sits on it
  const waiting = Array.from({ length: MAX_WAITING_PROXY_CALLS }, (_, i) => slot.proxyCall('DataTransfer', { vendorId: String(i) }));
  assert.equal(await outcomeNow(slot.proxyCall('DataTransfer', { vendorId: 'one too many' })), 'CP1 already has 20 commands waiting; try again once they are answered');
  assert.equal(slot.queuedCalls, 1 + MAX_WAITING_PROXY_CALLS, 'the refused one was not queued');

  t.mock.timers.tick(1000); // P times out; the first proxy Call goes out
  chargerAnswers(slot, 3, session.lastCall().id, '{"status":"Accepted"}');
  t.mock.timers.tick(999);
  assert.equal(await outcomeNow(waiting[1]!), 'pending');
  t.mock.timers.tick(1); // twice call_timeout since they were asked
  const results = await Promise.all(waiting.map(outcomeNow));
  assert.equal(results[0], 'resolved');
  assert.ok(results.slice(1).every((r) => r === 'no answer from CP1 in time'), results.join(', '));
});

test('a proxy Call that gave up waiting is not sent to the charger afterwards', async (t: TestContext) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { primary, session, slot } = setup({ callTimeoutMs: 1000 });
  slot.push(callFrom(primary, 'P', 'GetConfiguration')); // the charger sits on it, and on the next
  void slot.proxyCall('DataTransfer', { vendorId: 'first' }).catch(() => undefined);
  const reset = slot.proxyCall('Reset', { type: 'Hard' });
  t.mock.timers.tick(1000); // P times out: the DataTransfer goes
  t.mock.timers.tick(999);
  assert.ok(!session.toCharger.some((frame) => frame.includes('"Reset"')), 'still waiting behind the DataTransfer');
  t.mock.timers.tick(1); // twice call_timeout: the Reset's caller is told it failed
  assert.equal(await outcomeNow(reset), 'no answer from CP1 in time');
  assert.ok(!session.toCharger.some((frame) => frame.includes('"Reset"')), 'the Reset its caller was told had failed went to the charger');
});

test('drop(link) forgets the queued Calls of a source that went away', () => {
  const { primary, secondary, fleet, session, slot } = setup();
  slot.push(callFrom(primary, 'P', 'GetConfiguration'));
  slot.push(callFrom(secondary, 'S1', 'Reset', { type: 'Soft' }));
  slot.push(callFrom(secondary, 'S2', 'Reset', { type: 'Soft' }));
  slot.push(callFrom(fleet, 'F', 'TriggerMessage', { requestedMessage: 'Heartbeat' }));
  assert.equal(slot.drop(asLink(secondary)), 2);
  assert.equal(slot.drop(asLink(secondary)), 0);
  assert.equal(slot.countFor(asLink(secondary)), 0);
  assert.equal(slot.queuedCalls, 2);
  chargerAnswers(slot, 3, session.lastCall().id, '{"configurationKey":[]}');
  assert.equal(session.lastCall().action, 'TriggerMessage');
  chargerAnswers(slot, 3, session.lastCall().id, '{"status":"Accepted"}');
  assert.equal(session.toCharger.length, 2, 'the dropped Calls never went');
  assert.deepEqual(fleet.sent, ['[3,"F",{"status":"Accepted"}]']);
});

test('rewriteAnswer changes a CallResult on its way back to the source, never a CallError', () => {
  const { secondary, session, slot } = setup();
  const rewriteAnswer = (answer: string) => answer.replace('{', '{"rewritten":true,');
  slot.push({ ...callFrom(secondary, 'S1', 'ChangeConfiguration', { key: 'K', value: '1' }), rewriteAnswer });
  chargerAnswers(slot, 3, session.lastCall().id, '{"status":"Accepted"}');
  assert.deepEqual(secondary.sent, ['[3,"S1",{"rewritten":true,"status":"Accepted"}]']);
  assert.equal(session.hops.at(-1)!.raw, '[3,"S1",{"rewritten":true,"status":"Accepted"}]', 'the log has what the source got');

  slot.push({ ...callFrom(secondary, 'S2', 'ChangeConfiguration', { key: 'K', value: '1' }), rewriteAnswer });
  chargerAnswers(slot, 4, session.lastCall().id, '"InternalError","not possible",{}');
  assert.deepEqual(secondary.sent.at(-1), '[4,"S2","InternalError","not possible",{}]');
});

test('autoconfig (1.6): after an accepted boot each key goes to the charger ahead of the held Calls; each status is remembered', () => {
  const config = configWith('[autoconfig]\nHeartbeatInterval = 60\nMeterValueSampleInterval = 30\nOCPPCommCtrlr.HeartbeatInterval = 60\nlock = true\n');
  const { primary, secondary, session, slot } = setup({ config, bootAccepted: false });
  slot.push(callFrom(secondary, 'S', 'TriggerMessage', { requestedMessage: 'StatusNotification' }));
  assert.deepEqual(session.toCharger, []);

  session.memory.bootAnswered(true);
  slot.startAutoconfig();
  slot.push(callFrom(primary, 'P', 'GetConfiguration'));
  const sent: unknown[] = [];
  const answers = ['{"status":"Accepted"}', null, '{"configurationKey":[]}', '{"status":"Accepted"}'];
  for (const answer of answers) {
    const { id, action, payload } = session.lastCall();
    sent.push([action, payload]);
    if (answer === null) chargerAnswers(slot, 4, id, '"NotSupported","",{}');
    else chargerAnswers(slot, 3, id, answer);
  }
  assert.deepEqual(sent, [
    ['ChangeConfiguration', { key: 'HeartbeatInterval', value: '60' }],
    ['ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '30' }],
    ['GetConfiguration', {}],
    ['TriggerMessage', { requestedMessage: 'StatusNotification' }],
  ], 'the 2.0.1 key and `lock` are not sent to a 1.6 charger');
  assert.deepEqual([...session.memory.autoconfigResults], [['HeartbeatInterval', 'Accepted'], ['MeterValueSampleInterval', 'CallError']]);
  assert.ok(session.console.some((l) => /INFO proxy: autoconfig HeartbeatInterval: Accepted/.test(l)));
  assert.ok(session.console.some((l) => /WARNING proxy: autoconfig MeterValueSampleInterval: CallError/.test(l)));
  assert.deepEqual(session.hops.filter((h) => h.action === 'ChangeConfiguration').map((h) => [h.from, h.to, h.tags]), [
    ['proxy', 'charger', ['injected']], ['charger', 'proxy', ['injected']], ['proxy', 'charger', ['injected']], ['charger', 'proxy', ['injected']],
  ]);
  assert.deepEqual([primary.sent.length, secondary.sent.length], [1, 1], 'the autoconfig answers reach no upstream');
});

test('autoconfig (2.0.1): SetVariables per key; the status is the charger\'s attributeStatus', () => {
  const config = configWith('[autoconfig]\nHeartbeatInterval = 60\nOCPPCommCtrlr.HeartbeatInterval = 60\nSampledDataCtrlr[1].TxUpdatedInterval = 30\n');
  const { session, slot } = setup({ config, protocol: 'ocpp2.0.1' });
  slot.startAutoconfig();
  slot.sendNext();
  assert.deepEqual(session.lastCall().payload, {
    setVariableData: [{ attributeValue: '60', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }],
  });
  chargerAnswers(slot, 3, session.lastCall().id, '{"setVariableResult":[{"attributeStatus":"RebootRequired","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}');
  assert.deepEqual(session.lastCall().payload, {
    setVariableData: [{ attributeValue: '30', component: { name: 'SampledDataCtrlr', evse: { id: 1 } }, variable: { name: 'TxUpdatedInterval' } }],
  });
  chargerAnswers(slot, 3, session.lastCall().id, '{"setVariableResult":[]}');
  assert.equal(session.toCharger.length, 2, 'the plain 1.6 key is not sent');
  assert.deepEqual([...session.memory.autoconfigResults], [['OCPPCommCtrlr.HeartbeatInterval', 'RebootRequired'], ['SampledDataCtrlr[1].TxUpdatedInterval', 'unknown']]);
});
