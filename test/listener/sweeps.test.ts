// Pings and watchdog checks are spread over their interval: every session once per interval,
// no tick visits more than its share (mock timers: deterministic).

import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { spreadSweep } from '../../src/listener/proxy-server.ts';
import type { ChargerSession } from '../../src/session/charger-session.ts';

test('spreadSweep: 1,000 sessions over a 3 s interval, 100 per 100 ms tick, each once per interval', (t) => {
  mock.timers.enable({ apis: ['setInterval'] });
  t.after(() => mock.timers.reset());
  const sessions = new Map<string, ChargerSession>();
  for (let i = 0; i < 1000; i++) sessions.set(`C${i}`, { id: i } as unknown as ChargerSession);
  const visits = new Map<ChargerSession, number>();
  let thisTick = 0;
  const timer = spreadSweep(sessions, 3000, (session) => {
    visits.set(session, (visits.get(session) ?? 0) + 1);
    thisTick++;
  });
  const perTick: number[] = [];
  for (let i = 0; i < 30; i++) {
    thisTick = 0;
    mock.timers.tick(100);
    perTick.push(thisTick);
  }
  assert.equal(visits.size, 1000, 'every session visited within one interval');
  assert.ok([...visits.values()].every((n) => n === 1), 'and only once');
  assert.ok(Math.max(...perTick) <= 34, `a tick visits about a thirtieth: ${perTick}`);
  // A session that arrives later gets a slot of its own and is visited once per interval from then on.
  const late = { id: 'late' } as unknown as ChargerSession;
  sessions.set('LATE', late);
  for (let i = 0; i < 60; i++) mock.timers.tick(100);
  assert.equal(visits.get(late), 2);
  assert.ok([...sessions.values()].every((s) => visits.get(s) === (s === late ? 2 : 3)));
  clearInterval(timer);
});
