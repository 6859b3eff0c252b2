// A charger that reconnects: the upstream links of its new connection get the replay of rule 8
// only once it is known whether the charger boots again, so every upstream connection sees at
// most one BootNotification per charger boot, whenever its link opens. Strict ocpp-rpc peers on
// both sides; the secondary's handshakes are held by the test to move its link's opening before,
// during and after the charger's boot.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { SessionContext } from '../../src/session/charger-session.ts';
import { cleanupAfter, startCsms, startProxy, strictCharger, iniFor, waitUntil, within, type RPCClientLike, type TestProxy } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

type Call = [action: string, params: Record<string, any>];

interface Connection {
  calls: Call[];
  closed: boolean;
}

/** Resolves waits on conditions whenever something they look at changed; every wait is bounded. */
class Changes {
  private readonly waiters: Array<{ ready: () => boolean; resolve: () => void }> = [];

  notify(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i]!;
      if (waiter.ready()) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  until(ready: () => boolean, what: string): Promise<void> {
    if (ready()) return Promise.resolve();
    return within(new Promise<void>((resolve) => this.waiters.push({ ready, resolve })), what);
  }
}

/** A strict CSMS that records each connection's Calls; its handshakes wait for the test unless `autoAccept`. */
async function recordingCsms(protocol: string, changes: Changes, options: { gated?: boolean; onBoot?: () => Promise<void> } = {}) {
  const connections: Connection[] = [];
  const handshakes: Array<() => void> = [];
  const state = { autoAccept: !options.gated };
  const csms = await startCsms({
    protocols: [protocol],
    auth: (accept) => {
      if (state.autoAccept) accept();
      else {
        handshakes.push(() => accept());
        changes.notify();
      }
    },
    onClient: (client: RPCClientLike) => {
      const connection: Connection = { calls: [], closed: false };
      connections.push(connection);
      const record = (action: string, answer: () => Promise<unknown> | unknown) =>
        client.handle(action, async ({ params }) => {
          connection.calls.push([action, params]);
          changes.notify();
          return answer();
        });
      record('BootNotification', async () => {
        await options.onBoot?.();
        return { status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 };
      });
      record('StatusNotification', () => ({}));
      record('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
      client.once('close', () => {
        connection.closed = true;
        changes.notify();
      });
      changes.notify();
    },
  });
  cleanups.push(() => csms.close());
  return {
    url: csms.url,
    connections,
    state,
    /** The held handshake of the next connection attempt: call it to let the link open. */
    async nextHandshake(): Promise<() => void> {
      await changes.until(() => handshakes.length > 0, 'a handshake at the secondary');
      return handshakes.shift()!;
    },
  };
}

function bootParams(protocol: string, serial: string): Record<string, unknown> {
  return protocol === 'ocpp1.6'
    ? { chargePointVendor: 'TestVendor', chargePointModel: 'TestModel', chargePointSerialNumber: serial }
    : { reason: 'PowerUp', chargingStation: { vendorName: 'TestVendor', model: 'TestModel', serialNumber: serial } };
}

function serialOf(params: Record<string, any>): string {
  return params.chargePointSerialNumber ?? params.chargingStation?.serialNumber;
}

/** A StatusNotification told apart from the others by its timestamp (second `n` of the day). */
function statusParams(protocol: string, n: number): Record<string, unknown> {
  const timestamp = new Date(Date.UTC(2026, 10, 21, 0, 0, 0) + n * 1000).toISOString();
  return protocol === 'ocpp1.6'
    ? { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp }
    : { timestamp, connectorStatus: 'Available', evseId: 1, connectorId: 1 };
}

const summary = (calls: Call[]) => calls.map(([action, params]) => (action === 'BootNotification' ? `Boot ${serialOf(params)}` : `${action} ${params.timestamp}`));

async function setup(protocol: string, chargerId: string) {
  const changes = new Changes();
  let bootArrived = () => {};
  let bootGate: Promise<void> | null = null;
  const primary = await recordingCsms(protocol, changes, {
    onBoot: async () => {
      const gate = bootGate;
      bootArrived();
      if (gate !== null) await gate;
    },
  });
  const secondary = await recordingCsms(protocol, changes, { gated: true });
  const proxy = await startProxy(iniFor(primary.url, secondary.url));
  cleanups.push(() => proxy.close());
  const secondaryLink = () => proxy.daemon.server.sessions.get(chargerId)?.links[1];
  return {
    changes,
    primary,
    secondary,
    proxy,
    linkOpen: () => waitUntil(() => secondaryLink()?.state === 'open', 'the secondary link to open'),
    /** Holds the primary's answer to the next BootNotification: resolves once the boot is there, with the release. */
    holdNextBootAnswer(): Promise<() => void> {
      let release!: () => void;
      bootGate = new Promise<void>((resolve) => (release = resolve));
      return within(
        new Promise<() => void>((resolve) => {
          bootArrived = () => {
            bootArrived = () => {};
            bootGate = null;
            resolve(release);
          };
        }),
        'the boot at the primary',
      );
    },
  };
}

/** Where the secondary link opens, relative to the charger's boot on its new connection. */
const TIMINGS = ['before', 'racing-connect', 'racing-boot', 'during', 'after'] as const;

for (const protocol of ['ocpp1.6', 'ocpp2.0.1']) {
  describe(`${protocol}: a charger that boots on every connection`, () => {
    test('100 reconnects, the secondary link opening before, during and after each boot: one boot per upstream connection, its own, nothing replayed', async () => {
      const chargerId = `RB-${protocol}`;
      const { changes, primary, secondary, proxy, linkOpen, holdNextBootAnswer } = await setup(protocol, chargerId);
      for (let i = 0; i < 100; i++) {
        const timing = TIMINGS[i % TIMINGS.length]!;
        const serial = `it-${i}`;
        const firstConnection = secondary.connections.length;
        secondary.state.autoAccept = timing === 'racing-connect';
        const charger = strictCharger(proxy.port, chargerId, [protocol]);
        await charger.connect();
        const boot = () => charger.call('BootNotification', bootParams(protocol, serial));
        const accept = timing === 'racing-connect' ? () => {} : await secondary.nextHandshake();
        switch (timing) {
          case 'before': // the link is open before the charger says anything
            accept();
            await linkOpen();
            await boot();
            break;
          case 'racing-connect': // the link opens whenever its handshake completes, as in the field
          case 'racing-boot': // the handshake completes as the boot goes out
            {
              const booted = boot();
              accept();
              await booted;
            }
            break;
          case 'during': { // the link opens while the primary has not answered the boot yet
            const answer = holdNextBootAnswer();
            const booted = boot();
            const release = await answer;
            accept();
            await linkOpen();
            release();
            await booted;
            break;
          }
          case 'after': // the link opens after the boot was answered and a status sent
            await boot();
            await charger.call('StatusNotification', statusParams(protocol, i));
            accept();
            break;
        }
        if (timing !== 'after') await charger.call('StatusNotification', statusParams(protocol, i));
        const mine = () => secondary.connections[firstConnection];
        const statusTime = statusParams(protocol, i).timestamp;
        await changes.until(() => mine()?.calls.some(([, params]) => params.timestamp === statusTime) === true, `the status at the secondary (${timing}, iteration ${i})`);
        await (i % 2 === 0 ? charger.close({ code: 1000 }) : charger.close({ force: true }));
        // Once the secondary saw its connection close, it has everything the proxy ever sent on it.
        await changes.until(() => mine()!.closed, `the secondary connection to close (iteration ${i})`);
        assert.deepEqual(summary(mine()!.calls), [`Boot ${serial}`, `StatusNotification ${statusTime}`], `${timing}, iteration ${i}`);
        assert.equal(secondary.connections.length, firstConnection + 1, 'one secondary connection per charger connection');
      }
      for (const connection of primary.connections) {
        assert.equal(connection.calls.filter(([action]) => action === 'BootNotification').length, 1, 'the primary got each boot once');
      }
      assert.ok(!proxy.entries.some((e) => e.tags.includes('replayed')), 'nothing replayed to a charger that boots');
      const bootsQueued = proxy.entries.filter((e) => e.to === 'secondary' && e.action === 'BootNotification' && e.type === 'CALL');
      assert.equal(bootsQueued.length, 100);
      assert.ok(bootsQueued.every((e) => e.from === 'charger'), 'every boot the secondary got is the charger\'s own');
    });
  });

  describe(`${protocol}: a charger that does not boot again (MicroOcpp, SAP)`, () => {
    test('the link opening before, with or after its first Call: the last boot and status replayed first, once, answers logged with their action', async () => {
      const chargerId = `RN-${protocol}`;
      const { changes, secondary, proxy, linkOpen } = await setup(protocol, chargerId);
      // The first connection boots; the later ones do not.
      secondary.state.autoAccept = true;
      const first = strictCharger(proxy.port, chargerId, [protocol]);
      await first.connect();
      await first.call('BootNotification', bootParams(protocol, 'the-boot'));
      await first.call('StatusNotification', statusParams(protocol, 0));
      await changes.until(() => secondary.connections[0]?.calls.length === 2, 'the first connection\'s boot and status');
      await first.close({ code: 1000 });
      await changes.until(() => secondary.connections[0]!.closed, 'the first secondary connection to close');

      for (let i = 1; i <= 12; i++) {
        const timing = (['before', 'racing', 'after'] as const)[i % 3]!;
        const index = secondary.connections.length;
        secondary.state.autoAccept = timing === 'racing';
        const charger = strictCharger(proxy.port, chargerId, [protocol]);
        await charger.connect();
        const accept = timing === 'racing' ? () => {} : await secondary.nextHandshake();
        if (timing === 'before') {
          accept();
          await linkOpen();
        }
        await charger.call('StatusNotification', statusParams(protocol, i));
        if (timing === 'after') accept();
        const mine = () => secondary.connections[index];
        await changes.until(() => mine()?.calls.some(([, params]) => params.timestamp === statusParams(protocol, i).timestamp) === true, `the status at the secondary (${timing}, ${i})`);
        await charger.close({ code: 1000 });
        await changes.until(() => mine()!.closed, 'the secondary connection to close');
        const calls = summary(mine()!.calls);
        const previous = `StatusNotification ${statusParams(protocol, i - 1).timestamp}`;
        const current = `StatusNotification ${statusParams(protocol, i).timestamp}`;
        // The replay carries the latest status per connector the proxy knew when it was built: the
        // previous one while the link waited for the first Call, the new one once it was in.
        const held = ['Boot the-boot', previous, current];
        const late = ['Boot the-boot', current, current];
        if (timing === 'racing') assert.ok([held, late].some((expected) => calls.join() === expected.join()), `racing, connection ${i}: ${calls.join(', ')}`);
        else assert.deepEqual(calls, timing === 'before' ? held : late, `${timing}, connection ${i}`);
      }
      const replayed = proxy.entries.filter((e) => e.tags.includes('replayed'));
      const replayedCalls = new Map(replayed.filter((e) => e.type === 'CALL').map((e) => [e.id, e.action]));
      const answers = replayed.filter((e) => e.type === 'CALLRESULT');
      assert.equal(answers.length, 24, 'a boot and a status replayed on each of the 12 connections, each answered');
      for (const answer of answers) {
        assert.equal(answer.from, 'secondary');
        assert.ok(answer.action !== null && answer.action === replayedCalls.get(answer.id!), `the answer to replayed ${answer.id} carries its action`);
      }
    });

    test('a charger that stays silent: held links get the replay once the wait for its first Call is over', async () => {
      const chargerId = `RS-${protocol}`;
      const { changes, secondary, proxy, linkOpen } = await setup(protocol, chargerId);
      secondary.state.autoAccept = true;
      const first = strictCharger(proxy.port, chargerId, [protocol]);
      await first.connect();
      await first.call('BootNotification', bootParams(protocol, 'the-boot'));
      await first.close({ code: 1000 });
      await changes.until(() => secondary.connections[0]?.closed === true, 'the first secondary connection to close');

      setFirstCallWait(proxy, 300);
      const charger = strictCharger(proxy.port, chargerId, [protocol]);
      cleanups.push(() => charger.close({ force: true }));
      const connectedAt = Date.now();
      await charger.connect();
      await linkOpen();
      await changes.until(() => secondary.connections[1]?.calls.length === 1, 'the replayed boot after the wait');
      assert.ok(Date.now() - connectedAt >= 250, 'not before the wait for the first Call was over');
      assert.deepEqual(summary(secondary.connections[1]!.calls), ['Boot the-boot']);
      const replayedAnswer = await proxy.entry((e) => e.tags.includes('replayed') && e.type === 'CALLRESULT', 'the answer to the replayed boot');
      assert.equal(replayedAnswer.action, 'BootNotification');
    });
  });
}

/** The bound on the wait for a new connection's first Call (default 10 s), shortened for a test. */
function setFirstCallWait(proxy: TestProxy, ms: number): void {
  (proxy.daemon.server as unknown as { context: SessionContext }).context.firstCallWaitMs = ms;
}
