// The five routing rules, with strict ocpp-rpc peers in ocpp1.6 and ocpp2.0.1.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { cleanupAfter, bootParams, iniFor, NO_VIEWS, rawCharger, startCsms, startProxy, startRawCsms, strictCharger, within, type Csms, type TestProxy } from '../helpers/peers.ts';

for (const protocol of ['ocpp1.6', 'ocpp2.0.1']) {
  describe(`routing in ${protocol}`, () => {
    const cleanups = cleanupAfter();

    async function setup(withSecondary = true): Promise<{ proxy: TestProxy; primary: Csms; secondary: Csms | null }> {
      const primary = await startCsms({ interval: 300 });
      const secondary = withSecondary ? await startCsms({ interval: 999 }) : null;
      const proxy = await startProxy(iniFor(primary.url, secondary?.url));
      cleanups.push(() => primary.close(), () => secondary?.close(), () => proxy.close());
      return { proxy, primary, secondary };
    }

    test('a charger Call reaches every upstream; only the primary answer reaches the charger', async () => {
      const { proxy, primary, secondary } = await setup();
      const charger = strictCharger(proxy.port, 'CP1', [protocol]);
      cleanups.push(() => charger.close({ force: true }));
      await charger.connect();
      const atPrimary = await primary.nextClient();
      const atSecondary = await secondary!.nextClient();
      assert.equal(atPrimary.protocol, protocol);
      assert.equal(atSecondary.protocol, protocol);

      const seenBySecondary = new Promise((resolve) => atSecondary.handle('BootNotification', ({ params }) => {
        resolve(params);
        return { status: 'Accepted', currentTime: new Date().toISOString(), interval: 999 };
      }));
      const answer = (await charger.call('BootNotification', bootParams(protocol))) as { interval: number };
      assert.equal(answer.interval, 300, 'the charger gets the primary answer');
      assert.deepEqual(await within(seenBySecondary, 'the Boot at the secondary'), bootParams(protocol));

      const dropped = await proxy.entry((e) => e.from === 'secondary' && e.type === 'CALLRESULT', 'the secondary answer in the log');
      assert.equal(dropped.to, 'proxy');
      assert.deepEqual(dropped.tags, ['dropped']);
      assert.equal(dropped.action, 'BootNotification');
    });

    test('Calls from each upstream reach the charger and the answer returns only to the sender', async () => {
      const { proxy, primary, secondary } = await setup();
      const charger = strictCharger(proxy.port, 'CP2', [protocol]);
      cleanups.push(() => charger.close({ force: true }));
      const resets: string[] = [];
      charger.handle('Reset', async () => {
        resets.push('reset');
        return { status: 'Accepted' };
      });
      await charger.connect();
      const atPrimary = await primary.nextClient();
      const atSecondary = await secondary!.nextClient();
      await charger.call('BootNotification', bootParams(protocol)); // secondaries' calls wait for an accepted boot
      const params = protocol === 'ocpp1.6' ? { type: 'Soft' } : { type: 'OnIdle' };
      // Both at once: ocpp-rpc matches answers by id, so a crossed answer would fail or hang.
      const [fromPrimary, fromSecondary] = await within(
        Promise.all([atPrimary.call('Reset', params), atSecondary.call('Reset', params)]),
        'both Reset answers',
      );
      assert.deepEqual(fromPrimary, { status: 'Accepted' });
      assert.deepEqual(fromSecondary, { status: 'Accepted' });
      assert.equal(resets.length, 2);
      const atCharger = proxy.entries.filter((e) => e.to === 'charger' && e.type === 'CALL' && e.from !== 'proxy');
      assert.equal(atCharger.length, 2);
      for (const entry of atCharger) assert.match(entry.id!, /^[0-9a-f-]{36}$/, 'a proxy UUID on the charger hop');
    });

    test('1-way mode: only a primary', async () => {
      const { proxy, primary } = await setup(false);
      const charger = strictCharger(proxy.port, 'CP3', [protocol]);
      cleanups.push(() => charger.close({ force: true }));
      charger.handle('Reset', async () => ({ status: 'Accepted' }));
      await charger.connect();
      const atPrimary = await primary.nextClient();
      const answer = (await charger.call('Heartbeat', {})) as { currentTime: string };
      assert.ok(Date.parse(answer.currentTime) > 0);
      assert.deepEqual(await atPrimary.call('Reset', protocol === 'ocpp1.6' ? { type: 'Hard' } : { type: 'Immediate' }), { status: 'Accepted' });
    });
  });
}

describe('ids, bytes and lifecycle', () => {
  const cleanups = cleanupAfter();

  test('two upstreams using the same id never cross', async () => {
    const primary = await startRawCsms();
    const secondary = await startRawCsms();
    const proxy = await startProxy(iniFor(primary.url, secondary.url, NO_VIEWS));
    cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
    const charger = await rawCharger(proxy.port, '/CPX');
    cleanups.push(() => charger.ws.terminate());
    const p = await primary.nextSocket();
    const s = await secondary.nextSocket();
    charger.ws.send('[2,"b1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]');
    await primary.nextFrame();
    p.send('[3,"b1",{"status":"Accepted","currentTime":"2026-11-21T00:00:00.000Z","interval":300}]');
    await charger.nextFrame();
    await secondary.nextFrame();
    s.send('[2,"1","GetConfiguration",{"key":["B"]}]');
    p.send('[2,"1","GetConfiguration",{"key":["A"]}]');
    const first = JSON.parse(await charger.nextFrame());
    assert.notEqual(first[1], '1');
    charger.ws.send(JSON.stringify([3, first[1], { unknownKey: first[3].key }]));
    const second = JSON.parse(await charger.nextFrame()); // one at a time: the next after the answer
    assert.notEqual(first[1], second[1]);
    charger.ws.send(JSON.stringify([3, second[1], { unknownKey: second[3].key }]));
    assert.equal(await primary.nextFrame(), '[3,"1",{"unknownKey":["A"]}]');
    assert.equal(await secondary.nextFrame(), '[3,"1",{"unknownKey":["B"]}]');
  });

  test('frames are forwarded as the exact bytes received; an upstream Call differs only in its id', async () => {
    const primary = await startRawCsms();
    const secondary = await startRawCsms();
    const proxy = await startProxy(iniFor(primary.url, secondary.url));
    cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());
    const charger = await rawCharger(proxy.port, '/CPB');
    cleanups.push(() => charger.ws.terminate());
    const p = await primary.nextSocket();
    await secondary.nextSocket();

    const odd = ' [ 2 ,"id-\\u00e9\\"x" , "DataTransfer", {"vendorId":"v","data":"\u2028 \ud83d\ude00","n":9007199254740993,"f":1.10,"z":-0} ] ';
    charger.ws.send(odd);
    assert.equal(await primary.nextFrame(), odd);
    assert.equal(await secondary.nextFrame(), odd);
    const reply = '[3,  "id-\\u00e9\\"x",{"status":"Accepted","data":"9007199254740993.000"}]';
    p.send(reply);
    assert.equal(await charger.nextFrame(), reply);

    const call = '[2, "srv\\/1" ,"DataTransfer",{"vendorId":"v","n":12345678901234567890}]';
    p.send(call);
    const atCharger = await charger.nextFrame();
    const proxyId = JSON.parse(atCharger)[1] as string;
    assert.equal(atCharger, call.replace('"srv\\/1"', `"${proxyId}"`));
    const answer = `[3,"${proxyId}", {"status":"Rejected","n":1e400}]`;
    charger.ws.send(answer);
    assert.equal(await primary.nextFrame(), answer.replace(`"${proxyId}"`, '"srv\\/1"'), 'the original id literal, escapes kept');
  });

  test('a second answer, or one for an unknown id, is dropped', async () => {
    const primary = await startRawCsms();
    const proxy = await startProxy(iniFor(primary.url));
    cleanups.push(() => primary.close(), () => proxy.close());
    const charger = await rawCharger(proxy.port, '/CPD');
    cleanups.push(() => charger.ws.terminate());
    const p = await primary.nextSocket();
    charger.ws.send('[2,"h1","Heartbeat",{}]');
    await primary.nextFrame();
    p.send('[3,"nope",{"currentTime":"2026-01-01T00:00:00Z"}]');
    p.send('[3,"h1",{"currentTime":"2026-01-01T00:00:01Z"}]');
    p.send('[3,"h1",{"currentTime":"2026-01-01T00:00:02Z"}]');
    charger.ws.send('[3,"never-sent",{}]');
    await proxy.entry((e) => e.from === 'charger' && e.id === 'never-sent' && e.tags.includes('dropped'), 'the unknown answer dropped');
    assert.equal(await charger.nextFrame(), '[3,"h1",{"currentTime":"2026-01-01T00:00:01Z"}]');
    const drops = proxy.entries.filter((e) => e.from === 'primary' && e.tags.includes('dropped'));
    assert.deepEqual(drops.map((e) => e.id), ['nope', 'h1']);
  });

  test('the charger disconnecting closes its upstream links; the primary closing closes the charger', async () => {
    const primary = await startCsms();
    const secondary = await startCsms();
    const proxy = await startProxy(iniFor(primary.url, secondary.url));
    cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());

    const charger = strictCharger(proxy.port, 'CPL', ['ocpp1.6']);
    await charger.connect();
    const atPrimary = await primary.nextClient();
    const atSecondary = await secondary.nextClient();
    const closes = [once(atPrimary, 'close'), once(atSecondary, 'close')];
    await charger.close({ code: 1000 });
    const [p, s] = await within(Promise.all(closes), 'both upstream links to close', 2000);
    assert.equal(p![0].code, 1000);
    assert.equal(s![0].code, 1000);
    assert.equal(proxy.daemon.server.sessions.size, 0);

    const charger2 = strictCharger(proxy.port, 'CPL', ['ocpp1.6']);
    await charger2.connect();
    const atPrimary2 = await primary.nextClient();
    const chargerClosed = once(charger2, 'close');
    await atPrimary2.close({ code: 4001, reason: 'bye' });
    const [event] = await within(chargerClosed, 'the charger to be closed');
    assert.equal(event.code, 4001, 'close code mirrored');
  });

  test('a new connection with the same id replaces the old one, old upstream links first', async () => {
    const primary = await startCsms();
    const proxy = await startProxy(iniFor(primary.url));
    cleanups.push(() => primary.close(), () => proxy.close());
    const first = strictCharger(proxy.port, 'CPR', ['ocpp1.6']);
    await first.connect();
    const firstUpstream = await primary.nextClient();
    const firstClosed = once(first, 'close');
    const upstreamClosed = once(firstUpstream, 'close');
    const second = strictCharger(proxy.port, 'CPR', ['ocpp1.6']);
    cleanups.push(() => second.close({ force: true }));
    await second.connect();
    await within(Promise.all([firstClosed, upstreamClosed]), 'the old charger and its link to close');
    await primary.nextClient();
    const answer = (await second.call('Heartbeat', {})) as { currentTime: string };
    assert.ok(answer.currentTime);
    assert.equal(proxy.daemon.server.sessions.size, 1);
  });

  test('an observer may not send Calls to the charger', async () => {
    const primary = await startCsms();
    const observer = await startRawCsms();
    const proxy = await startProxy(`${iniFor(primary.url)}\n[upstream.watch]\nurl = ${observer.url}\nrole = observer\n`);
    cleanups.push(() => primary.close(), () => observer.close(), () => proxy.close());
    const charger = strictCharger(proxy.port, 'CPO', ['ocpp1.6']);
    cleanups.push(() => charger.close({ force: true }));
    charger.handle('Reset', async () => assert.fail('an observer call reached the charger'));
    await charger.connect();
    const o = await observer.nextSocket();
    await charger.call('Heartbeat', {});
    assert.match(await observer.nextFrame(), /"Heartbeat"/, 'observers get the charger calls');
    o.send('[2,"o1","Reset",{"type":"Hard"}]');
    const reply = JSON.parse(await observer.nextFrame());
    assert.deepEqual(reply.slice(0, 3), [4, 'o1', 'SecurityError']);
  });
});
