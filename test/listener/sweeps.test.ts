// Pings and watchdog checks are spread over their interval: every session once per interval,
// no tick visits more than its share (mock timers: deterministic).

import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spreadSweep } from '../../src/listener/proxy-server.ts';
import type { ChargerSession } from '../../src/session/charger-session.ts';

/** `count` stand-in sessions swept over `intervalMs`; `tick()` advances 100 ms and says how many it visited. */
function sweep(t: TestContext, count: number, intervalMs: number) {
  t.mock.timers.enable({ apis: ['setInterval'] });
  const sessions = new Map<string, ChargerSession>();
  for (let i = 0; i < count; i++) sessions.set(`C${i}`, { id: i } as unknown as ChargerSession);
  const visits = new Map<ChargerSession, number>();
  let thisTick = 0;
  const timer = spreadSweep(sessions, intervalMs, (session) => {
    visits.set(session, (visits.get(session) ?? 0) + 1);
    thisTick++;
  });
  t.after(() => clearInterval(timer));
  const tick = () => {
    thisTick = 0;
    t.mock.timers.tick(100);
    return thisTick;
  };
  return { sessions, visits, tick };
}

test('spreadSweep: 1,000 sessions over a 3 s interval, about 34 per 100 ms tick, each once per interval', (t) => {
  const { sessions, visits, tick } = sweep(t, 1000, 3000);
  const perTick = Array.from({ length: 30 }, tick);
  assert.equal(visits.size, 1000, 'every session visited within one interval');
  assert.ok([...visits.values()].every((n) => n === 1), 'and only once');
  assert.ok(Math.max(...perTick) <= 34, `a tick visits about a thirtieth: ${perTick}`);
  // A session that arrives later is visited once per interval from then on.
  const late = { id: 'late' } as unknown as ChargerSession;
  sessions.set('LATE', late);
  for (let i = 0; i < 60; i++) tick();
  assert.equal(visits.get(late), 2);
  assert.ok([...sessions.values()].every((s) => visits.get(s) === (s === late ? 2 : 3)));
});

test('spreadSweep: when the sessions divide evenly, every tick does its share (no empty tick between passes); ended sessions are skipped', (t) => {
  const { sessions, visits, tick } = sweep(t, 300, 3000);
  const perTick = Array.from({ length: 60 }, tick);
  assert.ok(perTick.every((n) => n === 10), `ten a tick: ${perTick}`);
  assert.ok([...visits.values()].every((n) => n === 2) && visits.size === 300, 'each twice in two intervals');
  // A session that ends in the middle of a pass is not visited again; the rest are.
  const gone = sessions.get('C299')!;
  tick();
  sessions.delete('C299');
  for (let i = 0; i < 29; i++) tick();
  assert.equal(visits.get(gone), 2);
  assert.ok([...sessions.values()].every((s) => visits.get(s) === 3));
});
