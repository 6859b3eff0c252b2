// Upstream Calls toward the charger: one at a time, primary first, held until the boot is
// accepted, bounded, timed out, and subject to each upstream's action policy.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cleanupAfter, idOf, iniFor, NO_VIEWS, rawCharger, startProxy, startRawCsms, type RawCharger, type RawPeer, type TestProxy } from '../helpers/peers.ts';
import type { WebSocket } from 'ws';

const cleanups = cleanupAfter();

const BOOT = '[2,"boot-1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]';
const accepted = (id: string, status = 'Accepted') => `[3,"${id}",{"status":"${status}","currentTime":"2026-11-21T00:00:00.000Z","interval":300}]`;

interface Setup {
  proxy: TestProxy;
  primary: RawPeer;
  secondary: RawPeer;
  charger: RawCharger;
  p: WebSocket;
  s: WebSocket;
}

async function setup(extraIni = '', chargerId = 'Q1', peers?: { primary: RawPeer; secondary: RawPeer; proxy: TestProxy }): Promise<Setup> {
  const primary = peers?.primary ?? (await startRawCsms(['ocpp1.6']));
  const secondary = peers?.secondary ?? (await startRawCsms(['ocpp1.6']));
  const proxy = peers?.proxy ?? (await startProxy(iniFor(primary.url, secondary.url) + NO_VIEWS + extraIni));
  if (peers === undefined) cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
  const charger = await rawCharger(proxy.port, `/${chargerId}`);
  cleanups.push(() => charger.ws.terminate());
  return { proxy, primary, secondary, charger, p: await primary.nextSocket(), s: await secondary.nextSocket() };
}

/** The charger boots and the primary answers with `status`; the secondary's copy is drained. */
async function boot({ charger, primary, secondary, p }: Setup, status = 'Accepted'): Promise<void> {
  charger.ws.send(BOOT);
  assert.equal(await primary.nextFrame(), BOOT);
  assert.equal(await secondary.nextFrame(), BOOT);
  p.send(accepted('boot-1', status));
  assert.equal(await charger.nextFrame(), accepted('boot-1', status));
}

/**
 * Proves nothing else reached the charger meanwhile: a charger Heartbeat goes round trip through
 * the primary, and its answer must be the next frame the charger sees.
 */
async function assertChargerGetsNothingElse({ charger, primary, p }: Setup, tag: string, others: RawPeer[] = []): Promise<void> {
  charger.ws.send(`[2,"hb-${tag}","Heartbeat",{}]`);
  for (const peer of [primary, ...others]) {
    let frame = await peer.nextFrame();
    while (!frame.includes(`hb-${tag}`)) frame = await peer.nextFrame();
  }
  p.send(`[3,"hb-${tag}",{"currentTime":"2026-11-21T00:00:00.000Z"}]`);
  assert.equal(await charger.nextFrame(), `[3,"hb-${tag}",{"currentTime":"2026-11-21T00:00:00.000Z"}]`);
}

describe('one call at a time', () => {
  test('the next upstream Call goes only after the charger answered; the primary goes first', async () => {
    const setupResult = await setup();
    const { charger, primary, secondary, p, s, proxy } = setupResult;
    await boot(setupResult);
    p.send('[2,"p1","GetConfiguration",{}]');
    const first = await charger.nextFrame();
    assert.match(first, /"GetConfiguration"/);
    s.send('[2,"s1","TriggerMessage",{"requestedMessage":"Heartbeat"}]');
    p.send('[2,"p2","ClearCache",{}]');
    await assertChargerGetsNothingElse(setupResult, 'a', [secondary]);

    charger.ws.send(`[3,"${idOf(first)}",{"configurationKey":[]}]`);
    assert.equal(await primary.nextFrame(), '[3,"p1",{"configurationKey":[]}]');
    const second = await charger.nextFrame();
    assert.match(second, /"ClearCache"/, 'the primary\'s queued call before the secondary\'s older one');
    charger.ws.send(`[3,"${idOf(second)}",{"status":"Accepted"}]`);
    assert.equal(await primary.nextFrame(), '[3,"p2",{"status":"Accepted"}]');
    const third = await charger.nextFrame();
    assert.match(third, /"TriggerMessage"/);
    charger.ws.send(`[3,"${idOf(third)}",{"status":"Accepted"}]`);
    assert.equal(await secondary.nextFrame(), '[3,"s1",{"status":"Accepted"}]');
    const sent = proxy.entries.filter((e) => e.to === 'charger' && e.type === 'CALL');
    assert.deepEqual(sent.map((e) => e.tags), [[], ['queued'], ['queued']]);
  });

  test('a Call the charger never answers frees the slot after call_timeout; the late answer is dropped', async () => {
    const setupResult = await setup('[host]\ncall_timeout = 0.2\n', 'Q2');
    const { charger, primary, p, proxy } = setupResult;
    await boot(setupResult);
    p.send('[2,"p1","GetConfiguration",{}]');
    p.send('[2,"p2","ClearCache",{}]');
    const first = await charger.nextFrame();
    const second = await charger.nextFrame(); // arrives only once the first timed out
    assert.match(second, /"ClearCache"/);
    charger.ws.send(`[3,"${idOf(first)}",{"configurationKey":[]}]`);
    await proxy.entry((e) => e.id === idOf(first) && e.from === 'charger' && e.tags.includes('dropped'), 'the late answer dropped');
    charger.ws.send(`[3,"${idOf(second)}",{"status":"Accepted"}]`);
    assert.equal(await primary.nextFrame(), '[3,"p2",{"status":"Accepted"}]');
    assert.ok(proxy.console.some((line) => line.includes('within call_timeout')));
  });

  test('an upstream with queue_limit calls waiting gets GenericError "proxy queue full"', async () => {
    const setupResult = await setup('[host]\nqueue_limit = 2\n', 'Q3');
    const { charger, primary, p } = setupResult;
    await boot(setupResult);
    for (const id of ['p1', 'p2', 'p3', 'p4']) p.send(`[2,"${id}","ClearCache",{}]`);
    await charger.nextFrame(); // p1 in flight, p2 and p3 wait
    const refusal = JSON.parse(await primary.nextFrame());
    assert.deepEqual(refusal, [4, 'p4', 'GenericError', 'proxy queue full', {}]);
  });
});

describe('boot hold', () => {
  test('secondary Calls wait for the primary to accept the boot; primary Calls do not', async () => {
    const setupResult = await setup('', 'H1');
    const { charger, primary, secondary, p, s } = setupResult;
    s.send('[2,"s-early","ClearCache",{}]');
    await assertChargerGetsNothingElse(setupResult, 'before-boot', [secondary]);
    await boot(setupResult, 'Pending');
    p.send('[2,"p-pending","GetConfiguration",{}]'); // a CSMS may configure a Pending charger
    const configure = await charger.nextFrame();
    assert.match(configure, /"GetConfiguration"/);
    charger.ws.send(`[3,"${idOf(configure)}",{"configurationKey":[]}]`);
    assert.equal(await primary.nextFrame(), '[3,"p-pending",{"configurationKey":[]}]');
    await assertChargerGetsNothingElse(setupResult, 'pending', [secondary]);

    charger.ws.send(BOOT.replace('boot-1', 'boot-2'));
    await primary.nextFrame();
    await secondary.nextFrame();
    p.send(accepted('boot-2'));
    assert.equal(await charger.nextFrame(), accepted('boot-2'));
    const released = await charger.nextFrame();
    assert.match(released, /"ClearCache"/);
    charger.ws.send(`[3,"${idOf(released)}",{"status":"Accepted"}]`);
    assert.equal(await secondary.nextFrame(), '[3,"s-early",{"status":"Accepted"}]');
  });

  test('a boot accepted on the previous connection lets calls through after a reconnect', async () => {
    const first = await setup('', 'H2');
    await boot(first);
    first.charger.ws.close();
    await first.charger.closed;
    const again = await setup('', 'H2', { primary: first.primary, secondary: first.secondary, proxy: first.proxy });
    // No boot on this connection: the secondary's Call goes through on the cached acceptance.
    again.s.send('[2,"s-after","ClearCache",{}]');
    const call = await again.charger.nextFrame();
    assert.match(call, /"ClearCache"/);
    // The charger's first Call is not a boot: the secondary is caught up with the cached boot before it.
    again.charger.ws.send('[2,"hb-again","Heartbeat",{}]');
    const replayed = await again.secondary.nextFrame();
    assert.match(replayed, /"BootNotification"/);
    again.s.send(accepted(idOf(replayed)));
    assert.equal(await again.secondary.nextFrame(), '[2,"hb-again","Heartbeat",{}]');
  });
});

describe('action policy', () => {
  test('allow_actions, deny_actions and secondary_deny_actions refuse with SecurityError, never reaching the charger', async () => {
    const primary = await startRawCsms(['ocpp1.6']);
    const secondary = await startRawCsms(['ocpp1.6']);
    const ha = await startRawCsms(['ocpp1.6']);
    const ini = `${iniFor(primary.url, secondary.url)}secondary_deny_actions = Reset, ChangeAvailability\n[upstream.ha]\nurl = ${ha.url}\nallow_actions = GetConfiguration\n${NO_VIEWS}`;
    const proxy = await startProxy(ini);
    cleanups.push(() => primary.close(), () => secondary.close(), () => ha.close(), () => proxy.close());
    const charger = await rawCharger(proxy.port, '/POL');
    cleanups.push(() => charger.ws.terminate());
    const p = await primary.nextSocket();
    const s = await secondary.nextSocket();
    const h = await ha.nextSocket();
    const setupResult = { proxy, primary, secondary, charger, p, s };
    await boot(setupResult);
    await ha.nextFrame();

    s.send('[2,"s1","Reset",{"type":"Hard"}]');
    assert.deepEqual(JSON.parse(await secondary.nextFrame()).slice(0, 3), [4, 's1', 'SecurityError']);
    h.send('[2,"h1","ClearCache",{}]');
    assert.deepEqual(JSON.parse(await ha.nextFrame()).slice(0, 3), [4, 'h1', 'SecurityError']);
    await assertChargerGetsNothingElse(setupResult, 'blocked', [secondary, ha]);

    h.send('[2,"h2","GetConfiguration",{}]');
    const allowed = await charger.nextFrame();
    assert.match(allowed, /"GetConfiguration"/);
    charger.ws.send(`[3,"${idOf(allowed)}",{"configurationKey":[]}]`);
    assert.equal(await ha.nextFrame(), '[3,"h2",{"configurationKey":[]}]');
    p.send('[2,"p1","Reset",{"type":"Hard"}]');
    assert.match(await charger.nextFrame(), /"Reset"/, 'the primary may send anything');

    const blocked = proxy.entries.filter((e) => e.tags.includes('blocked'));
    assert.deepEqual(blocked.map((e) => `${e.from}>${e.to} ${e.type} ${e.action}`), [
      'secondary>proxy CALL Reset',
      'proxy>secondary CALLERROR Reset',
      'ha>proxy CALL ClearCache',
      'proxy>ha CALLERROR ClearCache',
    ]);
  });
});

describe('secrets in the message log', () => {
  test('AuthorizationKey is redacted in the log and forwarded unchanged on the wire', async () => {
    const setupResult = await setup('', 'SEC');
    const { charger, p, proxy } = setupResult;
    await boot(setupResult);
    const call = '[2,"k1","ChangeConfiguration",{"key":"AuthorizationKey","value":"CANARY0123456789abcdef"}]';
    p.send(call);
    const atCharger = await charger.nextFrame();
    assert.equal(atCharger, call.replace('"k1"', `"${idOf(atCharger)}"`));
    const entry = await proxy.entry((e) => e.action === 'ChangeConfiguration' && e.to === 'charger');
    assert.ok(!entry.raw.includes('CANARY'));
    assert.ok(!proxy.console.join('').includes('CANARY'));
  });
});
